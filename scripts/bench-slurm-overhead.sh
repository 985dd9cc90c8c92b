#!/usr/bin/env bash
# The Slurm executor's overhead: the same offline run on local slots and as Slurm jobs on a
# single-node cluster on this machine (scripts/slurm-cluster.sh), interleaved, repeated; prints
# each run's wall time and evaluations, and the overhead per evaluation.
# Usage: scripts/bench-slurm-overhead.sh [PAIRS] [darwin run flags…]
#   default: 3 pairs, --population 2 --generations 1 --tokens 50000 --seed 3 --no-confirm
# Needs root, slurm-wlm and munge (as the tests do); builds darwin first if needed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pairs=${1:-3}
shift || true
flags=("$@")
[ ${#flags[@]} -gt 0 ] || flags=(--population 2 --generations 1 --tokens 50000 --seed 3 --no-confirm)
work=$(mktemp -d)
trap '"$root/scripts/slurm-cluster.sh" stop "$work/cluster" >/dev/null 2>&1 || true' EXIT
eval "export $("$root/scripts/slurm-cluster.sh" start "$work/cluster")"
# one slot or job at a time, one engine thread each: the same evaluations in the same order
cat > "$work/darwin.yaml" <<'EOF'
fitness:
  noise-floor: 1
  race-cap: 1
evaluation:
  threads: 2
  slots: 1
  slurm:
    jobs: 1
    cpus: 2
    memory: 2g
    poll: 1s
EOF
"$root/darwin" --help > /dev/null # builds once, outside the timings
echo "executor pair seconds evaluations"
for pair in $(seq "$pairs"); do
  for executor in local slurm; do
    out="$work/$executor-$pair"
    start=$(date +%s.%N)
    "$root/darwin" run --config "$work/darwin.yaml" --out "$out" --executor "$executor" "${flags[@]}" \
      > "$out.out" 2> "$out.err"
    end=$(date +%s.%N)
    # the evaluations done: the slurm run's finished jobs (the local run does the same ones)
    evaluations=$(grep -c '"event":"finished"' "$work/slurm-$pair/ledger.jsonl" 2>/dev/null || echo -)
    echo "$executor $pair $(echo "$end - $start" | bc) $evaluations"
  done
done | tee "$work/times.txt"
python3 - "$work/times.txt" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line[0] in "ls"]
by = {}
for executor, pair, seconds, evaluations in rows:
    by.setdefault(int(pair), {})[executor] = (float(seconds), int(evaluations) if evaluations.isdigit() else 0)
diffs, ratios = [], []
for pair, runs in sorted(by.items()):
    (local, _), (slurm, n) = runs["local"], runs["slurm"]
    diffs.append((slurm - local) / n)
    ratios.append(slurm / local)
print(f"overhead per evaluation: {statistics.mean(diffs):.2f} s (pairs: {', '.join(f'{d:.2f}' for d in diffs)})")
print(f"slurm / local wall time: {statistics.mean(ratios):.3f} (pairs: {', '.join(f'{r:.3f}' for r in ratios)})")
PY
