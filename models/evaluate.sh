#!/bin/sh
# The honest evaluation: three trainings with the shipped recipe, each tested on data it never saw
# (a whole photo source left out, twice; the last quarter of every CSV letter run), then card/evaluation.md.
# The three run side by side (one thread each); logs go next to the results.
#   ./evaluate.sh [--data PATH] [--jar PATH] [--seed N]
#   ./evaluate.sh --one-signer [--data PATH] [--jar PATH]
# --seed N evaluates the shipped recipe with another seed, into card/evaluation-seed-N.md (results in their own
# folder); without it, the shipped seed, into card/evaluation.md. --one-signer trains the recipe on the CSV signer
# alone, with the shipped seed and seeds 1 and 2, tests it on both photo sources, into card/one-signer.md.
set -e
# No cd: --data and --jar paths given relative to where the script is run from keep working.
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/training/env.sh"
# Take --seed out of the arguments (the landmark cache takes the others); the rest keep their quoting.
seed=
seed_given=
one_signer=
n=$#
while [ "$n" -gt 0 ]; do
  a=$1; shift; n=$((n - 1))
  case $a in
    --seed)
      # Past the last argument, $1 is one already moved to the end: a seed only if one is left to take.
      case $n:${1-} in
        0:*|*:|*:*[!0-9]*) echo "--seed needs a number" >&2; exit 2 ;;
      esac
      seed=$1; seed_given=1; shift; n=$((n - 1)) ;;
    --seed=*)
      seed=${a#--seed=}; seed_given=1
      case $seed in
        ''|*[!0-9]*) echo "--seed needs a number" >&2; exit 2 ;;
      esac ;;
    --one-signer) one_signer=1 ;;
    *) set -- "$@" "$a" ;;
  esac
done
if [ -n "$one_signer" ] && [ -n "$seed_given" ]; then
  echo "--one-signer trains with the shipped seed and seeds 1 and 2; it takes no --seed" >&2
  exit 2
fi
OUT=${SIGNSPELL_EVAL_DIR:-$HOME/.cache/signspell/letters-eval}${seed:+-seed-$seed}
card="$here/card/evaluation${seed:+-seed-$seed}.md"
# The photos' landmarks first, once: three trainings filling an empty cache at the same time would race.
/usr/bin/python3 "$here/training/landmark_cache.py" "$@"
pids=""
if [ -n "$one_signer" ]; then
  OUT=${SIGNSPELL_EVAL_DIR:-$HOME/.cache/signspell/letters-eval}-one-signer
  # The report reads every seed folder here: none may be left from an earlier run with other seeds.
  rm -rf "$OUT"/seed-*
  mkdir -p "$OUT"
  for s in 20261125 1 2; do
    /usr/bin/python3 "$here/training/train.py" --holdout photo-sources --seed "$s" --out-dir "$OUT/seed-$s" "$@" > "$OUT/log-seed-$s.txt" 2>&1 &
    pids="$pids $!"
  done
  for pid in $pids; do
    wait "$pid" || { echo "a training failed; see $OUT/log-*.txt" >&2; exit 1; }
  done
  exec /usr/bin/python3 "$here/training/report.py" --one-signer "$OUT" "$here/card/one-signer.md"
fi
mkdir -p "$OUT"
for split in t32rahman-webcam roboflow-asl-letters csv-block; do
  /usr/bin/python3 "$here/training/train.py" --holdout "$split" --out-dir "$OUT" ${seed:+--seed "$seed"} "$@" > "$OUT/log-$split.txt" 2>&1 &
  pids="$pids $!"
done
for pid in $pids; do
  wait "$pid" || { echo "a training failed; see $OUT/log-*.txt" >&2; exit 1; }
done
/usr/bin/python3 "$here/training/report.py" "$OUT" "$card"
