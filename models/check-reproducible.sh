#!/bin/sh
# Does ./train.sh still give the shipped files? Trains into a temporary folder (the repo is not touched) and
# compares letters.onnx, letters.pt and labels.txt with models/ byte for byte. About 2-4 minutes on 2 cores.
#   ./check-reproducible.sh [--data PATH] [--jar PATH]
set -e
# No cd: --data and --jar paths given relative to where the script is run from keep working.
here="$(cd "$(dirname "$0")" && pwd)"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$here/train.sh" --out-dir "$out" "$@" > "$out/log.txt" 2>&1 || { cat "$out/log.txt" >&2; exit 1; }
status=0
for f in letters.onnx letters.pt labels.txt; do
  if ! cmp -s "$here/$f" "$out/$f"; then
    echo "check-reproducible: $f differs from what ./train.sh gives now" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "check-reproducible: ./train.sh gives the shipped letters.onnx, letters.pt and labels.txt byte for byte ($(tail -n 1 "$out/log.txt"))"
exit "$status"
