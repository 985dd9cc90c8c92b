#!/usr/bin/env bash
# How much the seed's figures scatter under each budget kind while the host's speed changes.
# For every kind, the seed is evaluated ROUNDS times with different seeds, and during every second
# evaluation a busy loop at the lowest priority occupies one core (a neighbour; at normal priority
# it stalls PyTorch's two threads on their barriers and the training runs 20-30 times slower,
# which is not what a neighbour on the host does to a virtual machine); the kinds take turns
# within each round, so they see the same moments of the machine. A quiet reference follows: the
# seed at a fixed step budget with different seeds and no busy loop, the spread no budget kind can
# go below (seed-to-seed variation alone).
# Usage: [BUSY=0] [WAIT=passive] scripts/bench-noise.sh [ROUNDS] [SECONDS] [TOKENS]
#   BUSY=0: no busy loop; WAIT: the engine threads' wait policy (--thread-wait; default spin, with
#   which an evaluation beside the busy loop runs about 30 times slower: BENCHMARKS.md)
#   default 6 rounds, 20 s, 300000 tokens (about the seed's 20 s on 2 cores): about 35 minutes.
# Prints, per kind, the perplexity's and MFU's relative standard deviation (sd of the log), with
# the values, and the spread with and without the busy loop.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${1:-6}
seconds=${2:-20}
tokens=${3:-300000}
work=$(mktemp -d)
busy_pid=
stop_busy() { [ -n "$busy_pid" ] && kill "$busy_pid" 2>/dev/null || true; busy_pid=; }
trap 'stop_busy; rm -rf "$work"' EXIT
"$root/darwin" seed --out "$work/seed" >/dev/null
kinds=("seconds:--budget-seconds $seconds" "tokens:--tokens $tokens" "equal-time:--equal-time $seconds")
for round in $(seq "$rounds"); do
  for entry in "${kinds[@]}"; do
    kind=${entry%%:*}; flag=${entry#*:}
    if [ "${BUSY:-1}" != 0 ] && (( round % 2 == 0 )); then
      nice -n 19 bash -c 'while :; do :; done' & busy_pid=$!
    fi
    # shellcheck disable=SC2086
    "$root/darwin" evaluate "$work/seed" $flag --thread-wait "${WAIT:-spin}" --seed "$round" --no-cache --json 2>/dev/null \
      > "$work/$kind-$round.json" || true
    stop_busy
    echo "round $round $kind: $(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(r['status'], round(r.get('perplexity', float('nan')), 4), round(100*r.get('mfu', float('nan')), 2))" "$work/$kind-$round.json")" >&2
  done
done
for round in $(seq "$rounds"); do
  "$root/darwin" evaluate "$work/seed" --steps 400 --thread-wait "${WAIT:-spin}" --seed "$round" --no-cache --json 2>/dev/null \
    > "$work/quiet-steps-$round.json" || true
done
python3 - "$work" "$rounds" <<'PY'
import json, math, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def load(kind):
    rows = []
    for r in range(1, rounds + 1):
        try:
            d = json.load(open(f"{work}/{kind}-{r}.json"))
        except (OSError, ValueError):
            continue
        if d.get("status") == "OK":
            rows.append((r, d["perplexity"], d["mfu"]))
    return rows
def rsd(values):
    logs = [math.log(v) for v in values]
    return 100 * statistics.stdev(logs) if len(logs) > 1 else float("nan")
print(f"{'kind':12} {'n':>3} {'ppl rsd':>8} {'busy':>7} {'quiet':>7} {'MFU rsd':>8}  perplexities")
for kind in ["seconds", "tokens", "equal-time", "quiet-steps"]:
    rows = load(kind)
    if not rows:
        print(f"{kind:12}   0  (no result)")
        continue
    ppl = [p for _, p, _ in rows]
    mfu = [m for _, _, m in rows]
    busy = [p for r, p, _ in rows if r % 2 == 0]
    quiet = [p for r, p, _ in rows if r % 2 == 1]
    print(f"{kind:12} {len(rows):3} {rsd(ppl):7.2f}% {rsd(busy):6.2f}% {rsd(quiet):6.2f}% {rsd(mfu):7.2f}%  "
          + " ".join(f"{p:.3f}" for p in ppl))
PY
