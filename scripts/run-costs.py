#!/usr/bin/env python3
"""What a run's noise handling cost, from its files: evaluations by purpose, and probe time.

Usage: scripts/run-costs.py RUN_DIR
"""
import json
import re
import sys

run = sys.argv[1]
events = [json.loads(line) for line in open(run + "/ledger.jsonl")]
state = json.load(open(run + "/run.json"))
seed = state["seedVariant"]
first = [e["data"] for e in events if e["type"] == "EVALUATION"]
replicates = [e["data"] for e in events if e["type"] == "REPLICATE"]
confirmations = [e["data"] for e in events if e["type"] == "CONFIRMATION"]
floor = [r for r in replicates if r["variant"] == seed and r.get("replicate", 0) < (state.get("noiseFloor") or {}).get("replicates", 1)]
racing = len(replicates) - len(floor)
total = len(first) + len(replicates) + len(confirmations)
extra = len(floor) + racing + len(confirmations)
print(f"evaluations: {total} in all; first evaluations {len(first)}, noise floor {len(floor)} more, "
      f"racing {racing}, confirmation {len(confirmations)}: extra {extra} = {100 * extra / max(1, total):.0f}%")
probe, train = 0.0, 0.0
for d in first + replicates + confirmations:
    m = re.search(r"in \d+ probe pairs?, ([0-9.]+) s", d.get("reason", ""))
    if m and "metrics" in d:
        probe += float(m.group(1))
        train += d["metrics"]["trainSeconds"]
if train:
    print(f"speed probes: {probe:.0f} s against {train:.0f} s of training: {100 * probe / train:.1f}%")
c = state.get("confirmed")
if c:
    p, f = c["perplexity"], c["mfu"]
    print(f"confirmed over {c['repeat']} + {c['repeat']} evaluations: perplexity {100 * p['estimate']:+.1f}% "
          f"[{100 * p['low']:+.1f}%, {100 * p['high']:+.1f}%], MFU {100 * f['estimate']:+.1f}% "
          f"[{100 * f['low']:+.1f}%, {100 * f['high']:+.1f}%]")
else:
    print("no confirmed gain in run.json")
