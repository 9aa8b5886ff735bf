#!/bin/bash
# SignSpell's CUDA check on a lent GPU machine: unpacks the bundle sent in parts (the -Pcuda build,
# its jlinked Java, CUDA 12 libraries pruned to sm_90 for the transfer) and runs the app's own
# commands with --provider cuda beside --provider cpu.
set -u
S=/root/stage; G=/root/gpu
exec > >(tee $OUT/device.log) 2>&1
echo "== parts"; ls -la $S; cat $S/part* | sha256sum
unxz() { if command -v xz >/dev/null; then xz -dc -T0; else python3 -c 'import lzma,sys,shutil; shutil.copyfileobj(lzma.open(sys.stdin.buffer), sys.stdout.buffer, 1 << 20)'; fi; }
rm -rf $G && mkdir -p $G && cat $S/part* | unxz | tar xf - -C $G || { echo UNPACK FAILED; exit 1; }
du -sh $G/*
echo "== machine"; nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv; nproc; grep -m1 'model name' /proc/cpuinfo
LIBS=$(find /opt /usr /root -xdev \( -name 'libcudnn.so.9' -o -name 'libcublasLt.so.13' -o -name 'libcurand.so.10' -o -name 'libnvrtc.so.13' -o -name 'libcudart.so.13' \) 2>/dev/null | grep -v "^$G" | xargs -r -n1 dirname | sort -u | tr '\n' ':')
export LD_LIBRARY_PATH=$G/cuda12:$LIBS
echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
python3 -c "import zipfile; zipfile.ZipFile('$G/app/lib/onnxruntime_gpu-1.23.2.jar').extract('ai/onnxruntime/native/linux-x64/libonnxruntime_providers_cuda.so', '/tmp/p')"
echo "== ldd providers_cuda"; ldd /tmp/p/ai/onnxruntime/native/linux-x64/libonnxruntime_providers_cuda.so | grep -E 'cu|not found'
J="$G/runtime/bin/java -jar $G/app/signspell.jar"
F=$G/fixtures
run() { echo; echo "== $*"; local t=$(date +%s.%N); "$@"; local rc=$?; echo "(rc $rc, $(awk "BEGIN{print $(date +%s.%N) - $t}") s)"; }
run $J self-test --provider cuda
run $J self-test --provider cpu
NVIDIA_TF32_OVERRIDE=0 run $J self-test --provider cuda
run $J spell --provider cuda --trace $OUT/help-cuda.jsonl $F/HELP.mp4
run $J spell --provider cpu --trace $OUT/help-cpu.jsonl $F/HELP.mp4
run $J spell --provider cuda --mode sequence --trace $OUT/zebra-cuda.jsonl $F/ZEBRA.mp4
run $J spell --provider cpu --mode sequence --trace $OUT/zebra-cpu.jsonl $F/ZEBRA.mp4
run $J spell --provider cuda --mode sequence $F/JUMP.mp4
run $J spell --provider cuda --mode sequence $F/QUIZ.mp4
( sleep 8; echo "-- nvidia-smi during the CUDA bench:"; nvidia-smi --query-compute-apps=pid,process_name,used_memory --format=csv ) &
smi=$!
run $J bench --provider cuda --frames 2000 $F/HELP.mp4
wait $smi   # not a bare wait: that also waits for the tee above, which ends only with this script
run $J bench --provider cpu --frames 2000 $F/HELP.mp4
run $J bench --provider cuda --mode sequence --frames 2000 $F/HELP.mp4
run $J bench --provider cpu --mode sequence --frames 2000 $F/HELP.mp4
echo; echo "== the same GPU with the machine's own CUDA libraries only (what a user without CUDA 12 sees)"
LD_LIBRARY_PATH=$LIBS run $J spell --provider cuda $F/HELP.mp4
echo "== done"
