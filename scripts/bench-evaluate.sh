#!/usr/bin/env bash
# Measures the harness's overhead per evaluation and the cache-hit path of `darwin evaluate`.
# Usage: scripts/bench-evaluate.sh [RUNS]   (default 5 evaluations of the seed, 1 step each)
# Overhead = wall time of the evaluation − training time: compiling, starting the two child JVMs,
# loading the engine, saving and loading the weights, the checks and the held-out scoring.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-5}
dir=$(mktemp -d)/seed
"$root/darwin" seed --out "$dir" >/dev/null
report() { # prints the timing fields of the child reports in a log
  grep -o "DARWIN-REPORT [^ ]*" "$1" | cut -d' ' -f2 | base64 -d | python3 -c '
import json, sys
d = json.load(sys.stdin)
print(" ".join(f"{k}={v:.2f}" for k, v in d.items() if k.endswith("Seconds")))'
}
for i in $(seq "$runs"); do
  json=$("$root/darwin" evaluate "$dir" --steps 1 --json --no-cache 2>/dev/null)
  python3 -c '
import json, sys
r = json.loads(sys.argv[1])
w, t = r["wallSeconds"], r["trainSeconds"]
print("evaluation %s: %s wall %.2f s, training %.2f s, overhead %.2f s" % (sys.argv[2], r["status"], w, t, w - t))' "$json" "$i"
  logs=$(ls -d "$dir"/results/*/ | head -n 1)
  echo "  training child: $(report "$logs/train.stdout.log")"
  echo "  scoring child:  $(report "$logs/score.stdout.log")"
done
echo "in one process (warm parent JVM):"
"$root/darwin" evaluate "$dir" --steps 1 --json --no-cache --repeat "$runs" --seed 100 2>/dev/null | python3 -c '
import json, sys
for r in json.load(sys.stdin)["runs"]:
    w, t = r["wallSeconds"], r["trainSeconds"]
    print("  %s wall %.2f s, training %.2f s, overhead %.2f s" % (r["status"], w, t, w - t))'
for i in 1 2 3; do
  start=$(date +%s.%N)
  json=$("$root/darwin" evaluate "$dir" --steps 1 --json 2>/dev/null)
  end=$(date +%s.%N)
  python3 -c '
import json, sys
r = json.loads(sys.argv[1])
print("cached: %s, lookup %.1f ms, whole command %.2f s" % (r["cached"], 1000 * r["cacheLookupSeconds"], float(sys.argv[3]) - float(sys.argv[2])))' "$json" "$start" "$end"
done
