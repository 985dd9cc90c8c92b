#!/usr/bin/env bash
# What a neighbour on one core does to training under each of the engine threads' wait policies
# (evaluation.thread-wait): the seed under a token budget, passive and spin in turn, each without
# and then with a busy loop on one core (at the lowest priority, in a session of its own, as a
# build in another terminal would be), ROUNDS rounds, interleaved.
# Usage: scripts/bench-thread-wait.sh [ROUNDS] [TOKENS]   (default 3 rounds, 20000 tokens: about 8 minutes)
# Prints every evaluation's training seconds and MFU, then per policy and load the mean and the
# relative standard deviation (sd of the log) of the training seconds.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-3}
tokens=${2:-20000}
work=$(mktemp -d)
busy_pid=
stop_busy() { [ -n "$busy_pid" ] && kill "$busy_pid" 2>/dev/null || true; busy_pid=; }
trap 'stop_busy; rm -rf "$work"' EXIT
"$root/darwin" seed --out "$work/seed" >/dev/null
for round in $(seq "$rounds"); do
  for load in quiet busy; do
    for policy in passive spin; do
      if [ "$load" = busy ]; then
        setsid nice -n 19 bash -c 'while :; do :; done' & busy_pid=$!
      fi
      "$root/darwin" evaluate "$work/seed" --tokens "$tokens" --thread-wait "$policy" --seed "$round" --no-cache --json \
        2>/dev/null > "$work/$policy-$load-$round.json" || true
      stop_busy
      python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(sys.argv[2], r['status'], round(r['trainSeconds'], 2), 's, MFU', round(100*r['mfu'], 1))" \
        "$work/$policy-$load-$round.json" "round $round $load $policy:" >&2
    done
  done
done
python3 - "$work" "$rounds" <<'PY'
import json, math, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
print(f"{'policy':8} {'load':6} {'n':>2} {'train s':>8} {'rsd':>6}  seconds")
for policy in ["passive", "spin"]:
    for load in ["quiet", "busy"]:
        secs = []
        for r in range(1, rounds + 1):
            try:
                d = json.load(open(f"{work}/{policy}-{load}-{r}.json"))
            except (OSError, ValueError):
                continue
            if d.get("status") == "OK":
                secs.append(d["trainSeconds"])
        if not secs:
            continue
        logs = [math.log(s) for s in secs]
        rsd = 100 * statistics.stdev(logs) if len(logs) > 1 else float("nan")
        print(f"{policy:8} {load:6} {len(secs):>2} {statistics.mean(secs):>8.2f} {rsd:>5.1f}%  " + " ".join(f"{s:.2f}" for s in secs))
PY
