#!/usr/bin/env bash
# Two runs with the same settings and seed, and a third killed with SIGKILL several times and
# resumed, must make the same decisions: the same proposals (who changed which variant into
# which child), the same pairings, the same selections. A deterministic budget (steps or tokens)
# makes the training deterministic for a seed; the offline catalog makes the proposals so.
# Usage: scripts/check-reproducible.sh [KILLS] [darwin run flags…]
#   default: 3 kills, --population 4 --generations 3 --steps 60 --seed 7 (about 10 minutes on 2 cores)
# Prints the decisions that differ, or "identical", for each pair; exits 1 when any differ.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
kills=${1:-3}
shift || true
flags=("$@")
[ ${#flags[@]} -gt 0 ] || flags=(--population 4 --generations 3 --steps 60 --seed 7)
work=$(mktemp -d)
"$root/darwin" run --out "$work/a" "${flags[@]}" > /dev/null 2> "$work/a.log"
"$root/darwin" run --out "$work/b" "${flags[@]}" > /dev/null 2> "$work/b.log"
# the third run: killed at random moments of its first generations, then resumed to the end
"$root/darwin" run --out "$work/c" "${flags[@]}" > /dev/null 2> "$work/c.log" & pid=$!
for k in $(seq "$kills"); do
  sleep $(( 20 + RANDOM % 40 ))
  if kill -0 "$pid" 2>/dev/null; then
    pkill -KILL -P "$pid" 2>/dev/null || true; kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    echo "killed the third run ($k of $kills)" >&2
  fi
  if [ -f "$work/c/run.json" ]; then
    "$root/darwin" resume "$work/c" > /dev/null 2>> "$work/c.log" & pid=$!
  fi
done
wait "$pid" || "$root/darwin" resume "$work/c" > /dev/null 2>> "$work/c.log"
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
def decisions(run):
    out = []
    for line in open(f"{work}/{run}/ledger.jsonl"):
        e = json.loads(line)
        d = e["data"]
        if e["type"] == "PROPOSAL":
            out.append(("proposal", d["key"], d["agent"], d["target"], d.get("child")))
        elif e["type"] == "SELECTION":
            out.append(("selection", d["generation"], json.dumps(d["members"]), json.dumps(d["elites"])))
        elif e["type"] in ("EVALUATION", "REPLICATE"):
            out.append((e["type"].lower(), d["variant"], d["budget"], d.get("replicate", 0), d["status"],
                        round(d.get("metrics", {}).get("valLoss", float("nan")), 6)))
        elif e["type"] == "REQUEST":
            out.append(("request", d["key"], d["kind"]))
    return sorted(out, key=repr)
a, b, c = (decisions(r) for r in "abc")
failed = False
for name, other in (("second run", b), ("killed and resumed run", c)):
    extra = sorted(set(map(repr, other)) - set(map(repr, a)))
    missing = sorted(set(map(repr, a)) - set(map(repr, other)))
    if extra or missing:
        failed = True
        print(f"{name}: {len(missing)} decisions of the first run missing, {len(extra)} others")
        for m in missing[:10]:
            print("  only first:", m)
        for m in extra[:10]:
            print("  only", name + ":", m)
    else:
        print(f"{name}: identical ({len(a)} decisions)")
sys.exit(1 if failed else 0)
PY
