#!/usr/bin/env bash
# CI: builds the installer's app image (no .deb: that step is slow and adds nothing to check here) and
# runs its launcher's --self-test as a user with an empty home and no writable cache, the way a classroom
# machine first starts it. Fails when the self-test fails or when the app wrote anything to that home.
#
#   jpackage/self-test.sh        (from the repository root; about a minute on 2 cores, more while other builds run)
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -Pdist -Ddist.types=app-image -DskipTests package

launcher=target/dist/signspell/bin/signspell
[ -x "$launcher" ] || { echo "self-test.sh: $launcher was not built" >&2; exit 1; }

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
mkdir "$home/tmp"
start=$(date +%s%N)
# Java takes user.home from the password database, not $HOME: point both (and the temp folder) here.
HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home -Djava.io.tmpdir=$home/tmp" "$launcher" --self-test 2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2)
end=$(date +%s%N)
left="$(find "$home" -mindepth 1 ! -path "$home/tmp" | head -5; find "$home/tmp" -mindepth 1 | head -5)"
if [ -n "$left" ]; then
  echo "self-test.sh: the installed app wrote to a fresh home on first start (expected nothing):" >&2
  echo "$left" >&2
  exit 1
fi
echo "self-test.sh: the app image's self-test passed in $(( (end - start) / 1000000 )) ms on its first start; nothing written to the home folder"

# The version the build wrote into the jar, not a development build's word.
version="$("$launcher" --version)"
case "$version" in
  "SignSpell "[0-9]*) echo "self-test.sh: --version says $version" ;;
  *) echo "self-test.sh: --version says \"$version\", not the build's version" >&2; exit 1 ;;
esac

# The command line in the image's own runtime: bench touches the most of it (hand and letter models, video
# decoding, the JDK's CPU and memory figures, which need jdk.management in the jlinked runtime).
video=target/fixtures/words/HELP.mp4
[ -f "$video" ] || { echo "self-test.sh: $video is missing: run the README's test command first" >&2; exit 1; }
"$launcher" bench "$video" --frames 30 > "$home/bench.txt" 2>&1 || { cat "$home/bench.txt" >&2; echo "self-test.sh: bench failed in the app image" >&2; exit 1; }
grep -q "fps end to end" "$home/bench.txt" || { cat "$home/bench.txt" >&2; echo "self-test.sh: bench printed no result" >&2; exit 1; }
echo "self-test.sh: bench ran in the app image ($(grep -o 'fps end to end: [0-9.]*' "$home/bench.txt"))"
