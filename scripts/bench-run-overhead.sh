#!/usr/bin/env bash
# The harness's overhead inside a run: a short evolution with the offline catalog (4 agents,
# 2 generations, 10-second budgets, about 2 minutes on 2 cores), then, from the run's ledger, the
# overhead of each evaluation (wall time of the evaluation − training time): compiling, starting
# the two child JVMs, saving and loading the weights, the checks and the held-out scoring.
# Usage: scripts/bench-run-overhead.sh [OUT]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$(mktemp -d)/run}
start=$(date +%s.%N)
"$root/darwin" run --out "$out" --population 4 --generations 2 --budget-seconds 10 > "$out.summary" 2> "$out.progress"
end=$(date +%s.%N)
python3 - "$out" "$start" "$end" <<'PY'
import json, sys
run, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
events = [json.loads(line) for line in open(run + "/ledger.jsonl")]
evaluations = [e["data"] for e in events if e["type"] == "EVALUATION" and "metrics" in e["data"]]
overheads = sorted(d["metrics"]["wallSeconds"] - d["metrics"]["trainSeconds"] for d in evaluations)
print("%d evaluations in %.0f s; overhead per evaluation %.2f-%.2f s, median %.2f s"
      % (len(evaluations), end - start, overheads[0], overheads[-1], overheads[len(overheads) // 2]))
PY
