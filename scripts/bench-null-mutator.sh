#!/usr/bin/env bash
# A run whose mutator changes nothing must report no gain. A stand-in LLM on loopback answers
# every proposal with an edit that only adds an unused class (scripts/llm-stub.py), 4 agents,
# 3 generations, the default budget kind; a busy loop at the lowest priority occupies one core
# during every other minute of the run (half of it), as a neighbour on a shared host would. With no real change
# anywhere, the confirmed gain's 95% interval must contain 0 (or the seed stays best), and
# `darwin memory stats` must count at most 1 attempt in 20 as improved.
# Usage: [WAIT=passive] scripts/bench-null-mutator.sh [OUT] [extra darwin run flags…]   (about 15 minutes on 2 cores)
#   WAIT: evaluation.thread-wait (default spin, with which an evaluation beside the busy loop runs
#   about 30 times slower: BENCHMARKS.md)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$(mktemp -d)/null-run}
shift || true
port=18932
python3 "$root/scripts/llm-stub.py" "$port" 0 &
stub=$!
busy_pid=
( while :; do
    nice -n 19 bash -c 'while :; do :; done' & b=$!; sleep 60; kill $b; sleep 60
  done ) & busy_pid=$!
trap 'kill $stub 2>/dev/null; pkill -P $busy_pid 2>/dev/null; kill $busy_pid 2>/dev/null' EXIT
config=$(mktemp --suffix .yaml)
cat > "$config" <<YAML
population:
  agents: 4
  generations: 3
llm:
  provider: openai
  model: stub
  base-url: http://127.0.0.1:$port/v1
  api-key-env: PATH
evaluation:
  thread-wait: ${WAIT:-spin}
YAML
"$root/darwin" run --config "$config" --out "$out" "$@" > "$out.summary" 2> "$out.progress"
grep -E "^(run|seed|best|confirmed)" "$out.summary" || true
"$root/darwin" memory "$out" stats --json > "$out.stats.json"
python3 - "$out" <<'PY'
import json, sys
run = sys.argv[1]
state = json.load(open(run + "/run.json"))
attempts = {}
import glob
for f in glob.glob(run + "/agents/*.json"):
    for a in json.load(open(f))["attempts"]:
        attempts[a["proposal"]] = a
measured = [a for a in attempts.values() if a.get("effect")]
improved = [a for a in measured if a["effect"]["verdict"] == "BETTER"]
worse = [a for a in measured if a["effect"]["verdict"] == "WORSE"]
print(f"attempts {len(attempts)}, with an effect {len(measured)}, improved beyond noise {len(improved)}, worse {len(worse)}")
floor = state.get("noiseFloor")
if floor:
    print(f"noise floor: {floor['replicates']} evaluations of the seed, perplexity sd {100 * floor['loss']['sd']:.2f}%")
c = state.get("confirmed")
if c:
    p = c["perplexity"]
    print(f"confirmed: perplexity {100 * p['estimate']:+.2f}% [{100 * p['low']:+.2f}%, {100 * p['high']:+.2f}%]"
          f" over {c['repeat']} + {c['repeat']} evaluations; contains 0: {p['low'] <= 0 <= p['high']}")
else:
    print("no confirmation (the best is the seed, or confirmation was off)")
events = [json.loads(l) for l in open(run + "/ledger.jsonl")]
kinds = {}
for e in events:
    kinds[e["type"]] = kinds.get(e["type"], 0) + 1
print("ledger events:", ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
PY
