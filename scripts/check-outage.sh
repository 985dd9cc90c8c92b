#!/usr/bin/env bash
# An LLM endpoint that goes down in the middle of a run: a stand-in LLM on loopback
# (scripts/llm-stub.py) answers a small run (2 agents, 3 generations, 20,000 tokens per variant);
# once the first proposal is in the ledger the stand-in is killed, and once the run has found
# out (an LLM_OUTAGE event) it stays down DOWN seconds more (120) before it is started again. The run must pause its proposals, go on by itself, and lose no proposal to the
# outage: every proposal PROPOSED, none LLM_FAILED, and the ledger's LLM_OUTAGE events say when.
# Usage: [DOWN=120] scripts/check-outage.sh [OUT]   (about 5 minutes on 2 cores)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$(mktemp -d)/outage-run}
mkdir -p "$(dirname "$out")"
down=${DOWN:-120}
port=18933
python3 "$root/scripts/llm-stub.py" "$port" 0 & stub=$!
run=
trap 'kill $stub 2>/dev/null || true; [ -n "$run" ] && kill $run 2>/dev/null || true' EXIT
config=$(mktemp --suffix .yaml)
cat > "$config" <<YAML
population:
  agents: 2
  generations: 3
budget:
  tokens: 20000
llm:
  provider: openai
  model: stub
  base-url: http://127.0.0.1:$port/v1
  api-key-env: PATH
  outage-limit: 15m
confirm:
  enabled: false
YAML
sleep 1
"$root/darwin" run --config "$config" --out "$out" > "$out.summary" 2> "$out.progress" & run=$!
until [ -f "$out/ledger.jsonl" ] && grep -q '"PROPOSAL"' "$out/ledger.jsonl"; do
  kill -0 $run 2>/dev/null || { echo "the run ended before its first proposal"; cat "$out.progress"; exit 1; }
  sleep 1
done
kill $stub; wait $stub 2>/dev/null || true
echo "$(date +%T) the stand-in is down; the run finds out when it next asks"
until grep -q '"LLM_OUTAGE"' "$out/ledger.jsonl"; do
  kill -0 $run 2>/dev/null || { echo "the run ended without meeting the outage"; exit 1; }
  sleep 1
done
echo "$(date +%T) the run paused its proposals; the stand-in stays down $down s more"
sleep "$down"
python3 "$root/scripts/llm-stub.py" "$port" 0 & stub=$!
echo "$(date +%T) the stand-in is up again"
status=0; wait $run || status=$?; run=
echo "darwin run exited with $status"
grep -E "LLM endpoint|paused|answers again" "$out.progress" || true
python3 - "$out" <<'PY'
import json, sys
events = [json.loads(l) for l in open(sys.argv[1] + "/ledger.jsonl")]
proposals = [e["data"]["status"] for e in events if e["type"] == "PROPOSAL"]
outages = [(e["time"], e["data"]["state"]) for e in events if e["type"] == "LLM_OUTAGE"]
print(f"proposals {len(proposals)}: " + ", ".join(f"{s} {proposals.count(s)}" for s in sorted(set(proposals))))
print("outage events: " + ", ".join(f"{state} at {time}" for time, state in outages))
print("no proposal lost to the outage:", "LLM_FAILED" not in proposals and len(proposals) == 6)
PY
