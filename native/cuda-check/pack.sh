#!/bin/bash
# Packs what `run.sh` needs to check the CUDA build on a GPU machine that has no Java, no CUDA 12 and
# no network, and can be sent 64 MiB per call: the -Pcuda build, a jlinked Java with bin/java, and
# the CUDA 12 libraries ONNX Runtime 1.23.2's CUDA provider links against (from the bytedeco CUDA
# redistributable on Maven Central), pruned to one GPU generation's code (fatbin.py) so that the
# whole compresses to about 300 MB. Output: $OUTDIR/p1/part00, p2/part01, ... (one per call) and
# $OUTDIR/final/run.sh. cuDNN 9 and cuRAND 10 are the GPU machine's own (their symbols are not
# versioned by CUDA release, so the CUDA 13 builds there serve).
#   usage: native/cuda-check/pack.sh OUTDIR [SM]      (SM 90: H100/H200)
#   needs: JDK 17 (jlink), Maven, npm, curl, zip, unzip, xz, python3, and ../shared/data for the videos
set -euo pipefail
OUTDIR=$(realpath -m "$1"); SM=${2:-90}
ROOT=$(cd "$(dirname "$0")/../.." && pwd); HERE=$ROOT/native/cuda-check
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}/signspell/cuda-check
REDIST=https://repo1.maven.org/maven2/org/bytedeco/cuda/12.6-9.5-1.5.11/cuda-12.6-9.5-1.5.11-linux-x86_64-redist.jar
REDIST_SHA256=b9130f92e121c5ae39d93083b2db5305af3b53bab1ef232463e281593ebb74d0
ORT=onnxruntime_gpu-1.23.2.jar
PART=58m   # 64 MiB per call, less the working tree

cd "$ROOT"
mvn -B -q -Pcuda -DskipTests package
mkdir -p "$CACHE"
if ! echo "$REDIST_SHA256  $CACHE/cuda-redist.jar" | sha256sum -c --status 2>/dev/null; then
    curl -fsSL -o "$CACHE/cuda-redist.jar" "$REDIST"
    echo "$REDIST_SHA256  $CACHE/cuda-redist.jar" | sha256sum -c --quiet
fi

WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
PACK=$WORK/pack; mkdir -p "$PACK/app/lib" "$PACK/cuda12" "$PACK/fixtures"
cp target/signspell.jar "$PACK/app/"
cp target/lib/*.jar "$PACK/app/lib/"
(cd "$WORK" && unzip -q -o -j "$CACHE/cuda-redist.jar" \
    'org/bytedeco/cuda/linux-x86_64/libcudart.so.12' 'org/bytedeco/cuda/linux-x86_64/libcublas.so.12' \
    'org/bytedeco/cuda/linux-x86_64/libcublasLt.so.12' 'org/bytedeco/cuda/linux-x86_64/libcufft.so.11' -d cuda)
cp "$WORK/cuda/libcudart.so.12" "$PACK/cuda12/"
for lib in libcublas.so.12 libcublasLt.so.12; do python3 "$HERE/fatbin.py" prune "$WORK/cuda/$lib" "$PACK/cuda12/$lib" "$SM"; done
python3 "$HERE/fatbin.py" strip "$WORK/cuda/libcufft.so.11" "$PACK/cuda12/libcufft.so.11"

# ONNX Runtime's GPU jar as the app loads it, less the Windows natives and other GPUs' code.
mkdir "$WORK/ort" && (cd "$WORK/ort" && unzip -q "$PACK/app/lib/$ORT" && rm -rf ai/onnxruntime/native/win-x64)
so=ai/onnxruntime/native/linux-x64/libonnxruntime_providers_cuda.so
python3 "$HERE/fatbin.py" prune "$WORK/ort/$so" "$WORK/ort/$so.pruned" "$SM" && mv "$WORK/ort/$so.pruned" "$WORK/ort/$so"
# Jars holding natives are stored uncompressed, so that xz, not deflate, compresses them.
restore() { local d; d=$(mktemp -d -p "$WORK"); (cd "$d" && unzip -q "$1" && rm "$1" && zip -q -0 -r -X "$1" .); rm -rf "$d"; }
rm "$PACK/app/lib/$ORT"; (cd "$WORK/ort" && zip -q -0 -r -X "$PACK/app/lib/$ORT" .)
for jar in "$PACK"/app/lib/*-linux-x86_64.jar "$PACK"/app/lib/javafx-graphics-*-linux.jar; do restore "$jar"; done

# The installer's runtime (its module list), with bin/java kept.
jlink --add-modules "$(sed -n 's/^modules=//p' jpackage/build-dist.sh)" \
    --strip-debug --no-header-files --no-man-pages --output "$PACK/runtime"
# The word videos the project makes from ../shared/data's photos (as in the README's fixture recipe).
mvn -B -q -Pcuda test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test.cp)" org.signspell.fixtures.WordFixtures HELP JUMP QUIZ ZEBRA >/dev/null
cp target/fixtures/words/{HELP,JUMP,QUIZ,ZEBRA}.mp4 "$PACK/fixtures/"

rm -rf "$OUTDIR"; mkdir -p "$OUTDIR/final"
tar cf - -C "$PACK" . | xz -9 -T2 | split -b "$PART" -d -a 2 - "$OUTDIR/part"
n=1; for f in "$OUTDIR"/part*; do mkdir "$OUTDIR/p$n"; mv "$f" "$OUTDIR/p$n/"; n=$((n + 1)); done
cp "$HERE/run.sh" "$OUTDIR/final/"
ls -l "$OUTDIR"/p*/part*
