#!/usr/bin/env bash
# The evolution benchmark: the offline catalog, 8 agents, 5 generations, 30-second budgets.
# Usage: scripts/bench-evolution.sh [OUT]   (about 25 minutes on 2 cores)
# Prints the best held-out perplexity per generation against the seed's, from the run's files.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$(mktemp -d)/bench}
"$root/darwin" run --out "$out" --population 8 --generations 5 --budget-seconds 30 > "$out.summary" 2> "$out.progress"
python3 - "$out" <<'PY'
import json, sys
run = sys.argv[1]
events = [json.loads(l) for l in open(run + "/ledger.jsonl")]
perplexity = {e["data"]["variant"]: e["data"]["metrics"]["perplexity"]
              for e in events if e["type"] == "EVALUATION" and "metrics" in e["data"]}
seed = json.load(open(run + "/run.json"))["seedVariant"]
print("seed perplexity %.3f" % perplexity[seed])
for e in events:
    if e["type"] == "SELECTION":
        g = e["data"]["generation"]
        members = [perplexity.get(m["variant"], float("inf")) for m in e["data"]["members"]]
        print("generation %d: best member %.3f (%+.1f%% against the seed)" % (g, min(members), 100 * (min(members) / perplexity[seed] - 1)))
PY
tail -n 12 "$out.summary"
