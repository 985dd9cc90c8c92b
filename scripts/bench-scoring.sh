#!/usr/bin/env bash
# Compares two builds of darwin evaluating the seed, in alternating rounds: the evaluation's
# overhead (wall time − training time), the scoring child's held-out pass, the CPU seconds of the
# whole command with its children (less sensitive than wall time to a busy host), and the loss.
# Usage: scripts/bench-scoring.sh BEFORE_ROOT AFTER_ROOT [ROUNDS] [STEPS]   (default 5 rounds, 1 step)
# Each ROOT is a checkout whose ./darwin launcher builds and runs it; both evaluate the same seed
# variant with the same seed, uncached, one evaluation at a time.
set -euo pipefail
before=$(cd "$1" && pwd)
after=$(cd "$2" && pwd)
rounds=${3:-5}
steps=${4:-1}
dir=$(mktemp -d)/seed
"$after/darwin" seed --out "$dir" >/dev/null
one() { # label root: one evaluation, one line
  local out json cpu logs held
  out=$(python3 -c '
import resource, subprocess, sys
json = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.2f" % (usage.ru_utime + usage.ru_stime))
print(json.strip().replace("\n", " "))' "$2/darwin" evaluate "$dir" --steps "$steps" --seed 1 --json --no-cache)
  cpu=$(head -n 1 <<<"$out")
  json=$(tail -n +2 <<<"$out")
  logs=$(ls -dt "$dir"/results/*/ | head -n 1)
  held=$(grep -o "DARWIN-REPORT [^ ]*" "$logs/score.stdout.log" | cut -d' ' -f2 | base64 -d \
    | python3 -c 'import json, sys; d = json.load(sys.stdin); print("%.2f" % d.get("heldOutSeconds", float("nan")))')
  python3 -c '
import json, sys
r = json.loads(sys.argv[1])
w, t = r["wallSeconds"], r["trainSeconds"]
print("%-6s %s wall %.2f s, training %.2f s, overhead %.2f s, held-out pass %s s, CPU %s s, loss %.7f"
      % (sys.argv[2], r["status"], w, t, w - t, sys.argv[3], sys.argv[4], r["valLoss"]))' "$json" "$1" "$held" "$cpu"
}
for i in $(seq "$rounds"); do
  echo "round $i"
  if [ $((i % 2)) -eq 1 ]; then
    one before "$before"; one after "$after"
  else
    one after "$after"; one before "$before"
  fi
done
