#!/usr/bin/env bash
# Do short runs predict long ones? The evidence behind the rungs' defaults (rungs.*, BENCHMARKS.md).
# Catalog variants (the offline mutator applied once to the seed, then to earlier variants, until
# VARIANTS distinct ones) are each trained at every rung's budget — B/eta^(RUNGS-1) … B/eta, B,
# each a fresh run whose schedule follows its own budget, as a run with rungs trains them — with
# SEEDS evaluation seeds. Seeds take turns on the outside and rungs on the inside, so every rung
# sees the same moments of the host.
# Usage: scripts/bench-fidelity.sh [VARIANTS] [TOKENS] [SEEDS] [ETA] [RUNGS]
#   default 20 variants, 200000 tokens (the default budget), 2 seeds, eta 3, 3 rungs:
#   about 40 × 1.44 budgets, some 45 minutes on 2 cores.
# Prints, per rung: the Spearman rank correlation of its held-out perplexity (geometric mean over
# the seeds) with the full budget's, over all variants and over those whose change is tagged
# schedule, architecture or regularisation (the ones rungs.protect lets skip the lowest rung) and
# the rest; and, per seed, whether the full budget's best variant would have been discarded by
# promoting the best ceil(n/eta) of that rung.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
variants=${1:-20}
tokens=${2:-200000}
seeds=${3:-2}
eta=${4:-3}
rungs=${5:-3}
work=${WORK:-$(mktemp -d)}
"$root/darwin" seed --out "$work/seed" >/dev/null
# distinct catalog variants: of the seed first, then of the variants already made
made=0; try=0
while (( made < variants && try < variants * 6 )); do
  try=$((try + 1))
  if (( made == 0 || try % 2 == 1 )); then parent="$work/seed"; else parent="$work/v$(( (try / 2) % made ))"; fi
  out="$work/candidate"
  rm -rf "$out"
  "$root/darwin" mutate "$parent" --out "$out" --seed "$try" --json 2>/dev/null > "$work/mutate.json" || continue
  child=$(python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(d.get('child',''))" "$work/mutate.json")
  [ -n "$child" ] || continue
  grep -qx "$child" "$work/ids" 2>/dev/null && continue
  echo "$child" >> "$work/ids"
  mv "$out" "$work/v$made"
  cp "$work/mutate.json" "$work/v$made.mutate.json"
  made=$((made + 1))
done
echo "$made variants from $try proposals" >&2
for seed in $(seq "$seeds"); do
  for v in $(seq 0 $((made - 1))); do
    for r in $(seq 0 $((rungs - 1))); do
      budget=$(python3 -c "import sys; t,e,k=int(sys.argv[1]),int(sys.argv[2]),int(sys.argv[3]); print(max(1, round(t * e ** -k)))" \
        "$tokens" "$eta" $((rungs - 1 - r)))
      "$root/darwin" evaluate "$work/v$v" --tokens "$budget" --seed "$seed" --json 2>/dev/null > "$work/e-$v-$seed-$r.json" || true
    done
    echo "seed $seed variant $v done" >&2
  done
done
python3 - "$work" "$made" "$seeds" "$eta" "$rungs" <<'PY'
import json, math, sys
work, n, seeds, eta, rungs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
TRAPS = {"schedule", "architecture", "regularisation"}
def ppl(v, s, r):
    try:
        d = json.load(open(f"{work}/e-{v}-{s}-{r}.json"))
    except (OSError, ValueError):
        return None
    return d["perplexity"] if d.get("status") == "OK" else None
def tags(v):
    d = json.load(open(f"{work}/v{v}.mutate.json"))
    return set(d.get("tags", [])), d.get("summary", "")
def ranks(xs):
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    rk = [0.0] * len(xs)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and xs[order[j + 1]] == xs[order[i]]:
            j += 1
        for k in range(i, j + 1):
            rk[order[k]] = (i + j) / 2
        i = j + 1
    return rk
def spearman(a, b):
    if len(a) < 3:
        return float("nan")
    ra, rb = ranks(a), ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = math.sqrt(sum((x - ma) ** 2 for x in ra)); vb = math.sqrt(sum((y - mb) ** 2 for y in rb))
    return cov / (va * vb) if va and vb else float("nan")
def geo(v, r):
    xs = [ppl(v, s, r) for s in range(1, seeds + 1)]
    return math.exp(sum(map(math.log, xs)) / len(xs)) if all(x is not None for x in xs) else None
ok = [v for v in range(n) if all(geo(v, r) is not None for r in range(rungs))]
full = rungs - 1
trap = [v for v in ok if tags(v)[0] & TRAPS]
rest = [v for v in ok if v not in trap]
best = min(ok, key=lambda v: geo(v, full))
print(f"{len(ok)} of {n} variants worked at every rung; {len(trap)} tagged schedule/architecture/regularisation; "
      f"seeds {seeds}, eta {eta}; best at the full budget: v{best} ({tags(best)[1]}) {geo(best, full):.3f}")
print(f"{'rung':>6} {'spearman':>9} {'tagged':>7} {'rest':>6}  best discarded (per seed)")
for r in range(full):
    rho = spearman([geo(v, r) for v in ok], [geo(v, full) for v in ok])
    rt = spearman([geo(v, r) for v in trap], [geo(v, full) for v in trap])
    rr = spearman([geo(v, r) for v in rest], [geo(v, full) for v in rest])
    keep = math.ceil(len(ok) / eta)
    lost = []
    for s in range(1, seeds + 1):
        order = sorted(ok, key=lambda v: ppl(v, s, r))
        lost.append(best not in order[:keep])
    print(f"{'B/' + str(eta ** (full - r)):>6} {rho:9.3f} {rt:7.3f} {rr:6.3f}  {sum(lost)} of {seeds}")
for v in ok:
    print(f"  v{v:<3} " + " ".join(f"{geo(v, r):8.3f}" for r in range(rungs)) + f"  {','.join(sorted(tags(v)[0]))}: {tags(v)[1]}")
PY
