#!/bin/sh
# Reproduces the shipped letter model (letters.onnx, labels.txt, letters.pt; the golden vectors when it writes into models/) from
# ../shared/data with a fixed seed, on the CPU, in about 4 minutes on a 2-core machine; the same files on both
# kinds of x86-64 machine tried, AVX2 and AVX-512 (training/env.sh pins the kernels).
# Photo landmarks come from the project's hand tracker (target/signspell.jar, or $SIGNSPELL_TRACKER_JAR),
# run once and cached in ~/.cache/signspell/landmarks (keyed by the images and the tracker inside the jar).
#   ./train.sh [--data PATH] [--jar PATH]          the shipped model
#   ./train.sh --holdout t32rahman-webcam --out-dir /tmp/eval     one evaluation split (see evaluate.sh)
set -e
# No cd: --data and --jar paths given relative to where the script is run from keep working.
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/training/env.sh"
exec /usr/bin/python3 "$here/training/train.py" "$@"
