# Sourced by train.sh and evaluate.sh: what makes a training the same run from one machine to the next.
# One thread each: the two cores are shared, and one thread avoids OpenMP spin-waits against other work.
export OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1
# OpenBLAS chooses its kernels by CPU, and its AVX-512 kernels round differently from the AVX2 ones: on an
# AVX-512 machine the same seed trained another model (other weights; 92.6 % instead of 92.2 % on the
# t32rahman split). Pinned to the AVX2 kernels of the AMD machine the shipped model was trained on, which
# every x86-64 CPU of the last decade can run; PyTorch's own kernels are pinned as well, although pinning them
# alone changed nothing there. Elsewhere the libraries choose.
if [ "$(uname -m)" = x86_64 ] && grep -qw avx2 /proc/cpuinfo 2>/dev/null; then
  export OPENBLAS_CORETYPE=Zen ATEN_CPU_CAPABILITY=avx2
fi
