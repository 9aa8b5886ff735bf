#!/bin/sh
# The honest evaluation: three trainings with the shipped recipe, each tested on data it never saw
# (a whole photo source left out, twice; the last quarter of every CSV letter run), then card/evaluation.md.
# The three run side by side (one thread each); logs go next to the results.
#   ./evaluate.sh [--data PATH] [--jar PATH]
set -e
# No cd: --data and --jar paths given relative to where the script is run from keep working.
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/training/env.sh"
OUT=${SIGNSPELL_EVAL_DIR:-$HOME/.cache/signspell/letters-eval}
mkdir -p "$OUT"
# The photos' landmarks first, once: three trainings filling an empty cache at the same time would race.
/usr/bin/python3 "$here/training/landmark_cache.py" "$@"
pids=""
for split in t32rahman-webcam roboflow-asl-letters csv-block; do
  /usr/bin/python3 "$here/training/train.py" --holdout "$split" --out-dir "$OUT" "$@" > "$OUT/log-$split.txt" 2>&1 &
  pids="$pids $!"
done
for pid in $pids; do
  wait "$pid" || { echo "a training failed; see $OUT/log-*.txt" >&2; exit 1; }
done
/usr/bin/python3 "$here/training/report.py" "$OUT" "$here/card/evaluation.md"
