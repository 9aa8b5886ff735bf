#!/bin/sh
# Reproduces the shipped letter model (letters.onnx, labels.txt, letters.pt, the golden vectors) from
# ../shared/data with a fixed seed, on the CPU, in about 10 minutes on a 2-core machine.
# Photo landmarks come from the project's hand tracker (target/signspell.jar, or $SIGNSPELL_TRACKER_JAR),
# run once and cached in ~/.cache/signspell/landmarks.
#   ./train.sh [--data PATH] [--jar PATH]          the shipped model
#   ./train.sh --holdout t32rahman-webcam --out-dir /tmp/eval     one evaluation split (see evaluate.sh)
set -e
cd "$(dirname "$0")"
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
exec /usr/bin/python3 training/train.py "$@"
