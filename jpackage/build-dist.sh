#!/usr/bin/env bash
# Builds SignSpell's installers with jpackage from what `mvn package` left in target/:
# target/signspell.jar and its runtime jars in target/lib.
#
#   jpackage/build-dist.sh [app-image|deb|msi|dmg]...     (Maven: mvn -B -Pdist -DskipTests package)
#
# What it does beyond calling jpackage, and why:
# - Native libraries are taken out of their jars here, at packaging time, into the image's app/natives
#   folder, and the launcher points JavaCPP, ONNX Runtime and JavaFX at it. Otherwise the first start
#   unpacks about 210 MB into ~/.javacpp/cache (and ORT its 22 MB into /tmp on every start): a stall,
#   and a failure on a machine where $HOME is read-only.
# - Only this platform's natives go in: the ONNX Runtime jar carries every OS's libraries plus about
#   150 MB of macOS debug symbols, which are left out.
# - The Java runtime is jlinked down to the modules the app uses (checked with jdeps).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
project="$(cd "$here/.." && pwd)"
target="${SIGNSPELL_TARGET:-$project/target}"
dist="$target/dist"
# Types as separate arguments or in one ("app-image deb", as Maven passes -Ddist.types).
read -r -a types <<< "$*"
[ ${#types[@]} -gt 0 ] || types=(app-image)

app_name=signspell
app_version="${SIGNSPELL_VERSION:-0.1.0}"
vendor="SignSpell project"
description="Reads ASL fingerspelling from a webcam and writes it as text, offline."
copyright="Copyright (c) 2026 the SignSpell authors. Apache License 2.0."
main_class=org.signspell.Main
modules=java.base,java.desktop,java.logging,java.management,java.prefs,java.sql,jdk.jfr,jdk.management,jdk.unsupported,jdk.unsupported.desktop

die() { echo "build-dist: $*" >&2; exit 1; }

java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
jlink="$java_home/bin/jlink"
jpackage="$java_home/bin/jpackage"
[ -x "$jpackage" ] || die "no jpackage in $java_home/bin: install a full JDK 17 (Debian: openjdk-17-jdk) or set JAVA_HOME."
libs="${SIGNSPELL_LIBS:-$target/lib}"
[ -f "$target/signspell.jar" ] && [ -d "$libs" ] \
  || die "target/signspell.jar or $libs is missing: run \`mvn -B -Pdist -DskipTests package\`, not this script alone."

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) die "unsupported system $(uname -s)" ;;
esac
case "$os" in
  linux) ort_dir=linux-x64; icon="$project/assets/icon.png" ;;
  mac) ort_dir="osx-$( [ "$(uname -m)" = arm64 ] && echo aarch64 || echo x64 )"; icon="$project/jpackage/signspell.icns" ;;
  windows) ort_dir=win-x64; icon="$project/jpackage/signspell.ico" ;;
esac

rm -rf "$dist"
input="$dist/input"
natives="$input/natives"
mkdir -p "$input/lib" "$natives"
cp "$target/signspell.jar" "$input/"
# The licence texts go with the app: SignSpell's own (Apache-2.0, also MediaPipe's, TensorFlow Lite's and
# OpenCV's) and the notices naming every part and its licence.
cp "$project/LICENSE" "$input/LICENSE.txt"
cp "$project/src/main/resources/NOTICE.txt" "$input/NOTICE.txt"
# Licence texts of what the natives compile in but their jars do not carry (FFmpeg's codec libraries, TensorFlow
# Lite's XNNPACK and helpers; NOTICE.txt names each): jpackage/licenses/ goes to lib/app/licenses/ as it is.
mkdir -p "$input/licenses"
cp "$here"/licenses/*.txt "$input/licenses/"

# python_repack JAR OUT_JAR DEST PREFIX keep|drop: copies the native libraries of JAR that sit directly
# under PREFIX (@javacpp: JavaCPP's org/bytedeco/<preset>/<platform>/) flat into DEST; with keep, also
# writes OUT_JAR, a copy of JAR without any native library (those of other systems included).
python_repack() {
  python3 - "$@" <<'PY'
import os, re, sys, zipfile
src, dst_jar, dest, prefix, keep_jar = sys.argv[1:6]
os.makedirs(dest, exist_ok=True)
skip_dirs = ("/include/", "/python/", "/lib/cmake/", "/lib/pkgconfig/", "/share/", ".dSYM/")
def is_native(name):
    base = name.rsplit("/", 1)[-1]
    return (".so" in base or base.endswith(".dll") or base.endswith(".dylib") or base.endswith(".jnilib"))
with zipfile.ZipFile(src) as zin:
    if prefix == "@javacpp":
        found = [m.group(1) for m in (re.match(r"(org/bytedeco/[^/]+/(?:linux|windows|macosx)-[^/]+/)", n)
                                      for n in zin.namelist()) if m]
        if not found:
            sys.exit("build-dist: no natives found in " + src)
        prefix = found[0]
    out = zipfile.ZipFile(dst_jar, "w", zipfile.ZIP_DEFLATED) if keep_jar == "keep" else None
    for info in zin.infolist():
        name = info.filename
        ours = name.startswith(prefix) and not name.endswith("/")
        if ours and is_native(name) and not any(d in name for d in skip_dirs) and "/" not in name[len(prefix):]:
            path = os.path.join(dest, name[len(prefix):])
            with open(path, "wb") as f:
                f.write(zin.read(info))
            os.chmod(path, 0o755)
            continue
        if out is None:
            continue
        # Every other OS's natives and the macOS debug symbols: never needed on this platform.
        if is_native(name) or ".dSYM/" in name:
            continue
        out.writestr(info, zin.read(info))
    if out is not None:
        out.close()
PY
}

# licence_files JAR DEST: the licence texts a jar carries for what it bundles (OpenCV's platform jar has
# those of libjpeg-turbo, libpng, libtiff, zlib, OpenEXR, protobuf… under share/licenses/, which the
# natives step leaves out with the rest of share/; ONNX Runtime's jar its ThirdPartyNotices.txt) go to
# DEST, flat, so they ship beside NOTICE.txt and not only inside a jar or not at all.
licence_files() {
  python3 - "$@" <<'PY2'
import os, sys, zipfile
src, dest = sys.argv[1:3]
with zipfile.ZipFile(src) as zin:
    for info in zin.infolist():
        name = info.filename
        if name.endswith("/"):
            continue
        if "/share/licenses/" in name or name == "ThirdPartyNotices.txt":
            os.makedirs(dest, exist_ok=True)
            with open(os.path.join(dest, name.rsplit("/", 1)[-1]), "wb") as f:
                f.write(zin.read(info))
PY2
}

# Exactly the jars this build's signspell.jar names in its Class-Path: a library folder left from an earlier
# build can still hold other versions, which would land on the app's class path beside these.
classpath_jars="$(python3 - "$target/signspell.jar" <<'PY'
import os, sys, zipfile
manifest = zipfile.ZipFile(sys.argv[1]).read('META-INF/MANIFEST.MF').decode('utf-8').replace('\r\n', '\n')
manifest = manifest.replace('\n ', '')  # continuation lines
for line in manifest.split('\n'):
    if line.startswith('Class-Path:'):
        print('\n'.join(os.path.basename(p) for p in line.split()[1:]))
PY
)"
[ -n "$classpath_jars" ] || die "$target/signspell.jar names no Class-Path in its manifest."
for jar in "$libs"/*.jar; do
  base="$(basename "$jar")"
  grep -qxF "$base" <<<"$classpath_jars" || { echo "build-dist: left out $base (not on this build's class path)" >&2; continue; }
  case "$base" in
    *-linux-x86_64.jar|*-linux-arm64.jar|*-windows-x86_64.jar|*-macosx-x86_64.jar|*-macosx-arm64.jar)
      # JavaCPP's per-platform jars hold only natives and metadata: the natives go to natives/, the jar stays out.
      python_repack "$jar" /dev/null "$natives" @javacpp drop
      licence_files "$jar" "$input/licenses/${base%%-[0-9]*}"
      ;;
    onnxruntime-*.jar|onnxruntime_gpu-*.jar)
      python_repack "$jar" "$input/lib/$base" "$natives" "ai/onnxruntime/native/$ort_dir/" keep
      licence_files "$jar" "$input/licenses/onnxruntime"
      ;;
    javafx-graphics-*-*.jar)
      # JavaFX loads its natives from the folder its jar is in before unpacking them to ~/.openjfx.
      python_repack "$jar" "$input/lib/$base" "$input/lib" "" keep
      ;;
    *)
      cp "$jar" "$input/lib/"
      ;;
  esac
done
# JavaCPP's executables (ffmpeg, ffprobe, opencv_*) are not natives the app loads.
find "$natives" -type f ! -name '*.so*' ! -name '*.dll' ! -name '*.dylib' -delete
# OpenCV ships 50 modules; the app uses these (JavaCV's OpenCVFrameGrabber needs videoio). The
# self-test loads each of them, so a module added to the code but not here fails it, not a user.
opencv_modules="${SIGNSPELL_OPENCV_MODULES:-core imgproc imgcodecs videoio}"
for f in "$natives"/*opencv_* "$natives"/*jnicvkernels*; do
  [ -e "$f" ] || continue
  keep=no
  for m in $opencv_modules; do
    case "$(basename "$f")" in lib*opencv_"$m".*|*opencv_"$m".dll|*opencv_"$m"4*.dll|lib*opencv_"$m".*.dylib) keep=yes ;; esac
  done
  [ $keep = yes ] || rm -f "$f"
done
# OpenBLAS comes with three JNI builds; OpenCV loads jniopenblas and jniopenblas_nolapack, never _full.
rm -f "$natives"/*jniopenblas_full*
if [ -f "$natives/libjniopenblas_nolapack.so" ]; then
  # jniopenblas_nolapack links against libopenblas_nolapack.so.0, which is libopenblas.so.0 under a
  # second name: JavaCPP makes that name at run time by copying the 37 MB library into
  # ~/.javacpp/cache, and jpackage's .deb would store a link to it as a second copy. The library asks
  # for the name it already has instead (same length or shorter, padded: the ELF stays valid).
  python3 - "$natives/libjniopenblas_nolapack.so" <<'PY'
import sys
path = sys.argv[1]
data = open(path, "rb").read()
old, new = b"libopenblas_nolapack.so.0\0", b"libopenblas.so.0\0"
if data.count(old) != 1:
    sys.exit("build-dist: expected one reference to libopenblas_nolapack.so.0 in " + path)
open(path, "wb").write(data.replace(old, new.ljust(len(old), b"\0")))
PY
fi

echo "build-dist: natives $(du -sh "$natives" | cut -f1), jars $(du -sh "$input/lib" | cut -f1)"

# The jlinked runtime depends only on the JDK and the module list: kept across builds in target/.
runtime="$target/jlink-runtime"
runtime_key="$("$java_home/bin/java" -version 2>&1 | head -1) $modules"
if [ ! -f "$runtime.key" ] || [ "$(cat "$runtime.key")" != "$runtime_key" ]; then
  rm -rf "$runtime"
  "$jlink" --add-modules "$modules" \
    --strip-debug --no-man-pages --no-header-files --compress=2 --strip-native-commands \
    --output "$runtime"
  echo "$runtime_key" > "$runtime.key"
fi
echo "build-dist: runtime $(du -sh "$runtime" | cut -f1)"

# $APPDIR is the launcher's own app folder: the installed app never writes next to itself and
# never unpacks natives at run time.
java_options=(
  "-Djava.library.path=\$APPDIR/natives"
  "-Dorg.bytedeco.javacpp.pathsFirst=true"
  "-Dorg.bytedeco.javacpp.cacheLibraries=false"
  "-Donnxruntime.native.path=\$APPDIR/natives"
  # Otherwise every start leaves /tmp/hsperfdata_<user> behind: counters for jps and jcmd, which the
  # jlinked runtime does not have (checked: bench's CPU and garbage-collection figures work without).
  "-XX:-UsePerfData"
)
jopts=()
for o in "${java_options[@]}"; do jopts+=(--java-options "$o"); done

common=(
  --name "$app_name" --app-version "$app_version" --vendor "$vendor"
  --description "$description" --copyright "$copyright"
)

# An array, not $(… echo --icon "$icon"): the word splitting of that broke on a path with a space.
icon_option=()
[ -f "$icon" ] && icon_option=(--icon "$icon")

"$jpackage" --type app-image "${common[@]}" \
  --input "$input" --main-jar signspell.jar --main-class "$main_class" \
  --runtime-image "$runtime" "${jopts[@]}" \
  "${icon_option[@]}" \
  --dest "$dist"
image="$dist/$app_name"
[ "$os" = mac ] && image="$dist/$app_name.app"
echo "build-dist: app image $image $(du -sh "$image" | cut -f1)"

for type in "${types[@]}"; do
  case "$type" in
    app-image) ;;
    deb|rpm)
      "$jpackage" --type "$type" "${common[@]}" --app-image "$image" \
        --license-file "$project/src/main/resources/NOTICE.txt" --resource-dir "$here/linux" \
        --linux-package-name "$app_name" --linux-menu-group Education --linux-shortcut \
        --linux-app-category education --linux-deb-maintainer "signspell@users.noreply.github.com" \
        --linux-package-deps "libgtk-3-0, libgl1, libxtst6, libxxf86vm1, libpulse0" \
        "${icon_option[@]}" \
        --dest "$dist"
      ;;
    msi)
      "$jpackage" --type msi "${common[@]}" --app-image "$image" \
        --license-file "$project/src/main/resources/NOTICE.txt" --win-menu --win-menu-group SignSpell --win-shortcut \
        --win-dir-chooser --win-upgrade-uuid 6f1d5b0e-5c1e-4f5e-9a57-3a1c2b7d9e41 --dest "$dist"
      ;;
    dmg)
      "$jpackage" --type dmg "${common[@]}" --app-image "$image" \
        --license-file "$project/src/main/resources/NOTICE.txt" --mac-package-identifier org.signspell.app --dest "$dist"
      ;;
    *) die "unknown package type $type (app-image, deb, rpm, msi, dmg)" ;;
  esac
done
ls -la "$dist" | grep -E '\.(deb|rpm|msi|dmg)$' || true
