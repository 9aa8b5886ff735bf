#!/bin/sh
# The Python side of the golden-vector tests (normalisation to 1e-5, PyTorch logits to 1e-4), run by
# `mvn verify`. It needs Debian's python3-torch and python3-onnx; where they are missing it says so and
# leaves the check to the Java side, which always runs.
cd "$(dirname "$0")" || exit 1
if ! /usr/bin/python3 -c "import torch, onnx, numpy" 2>/dev/null; then
  echo "SKIPPED: Python golden tests need python3-torch and python3-onnx (sudo apt-get install python3-torch python3-onnx)."
  exit 0
fi
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
exec /usr/bin/python3 training/test_golden.py
