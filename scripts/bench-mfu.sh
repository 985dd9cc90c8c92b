#!/usr/bin/env bash
# The seed program's MFU against a peak calibrated in the same minute, several times over: on a
# shared host the best matrix-product rate moves with the neighbours, so one cached peak can
# flatter or wrong a later training. Each run calibrates afresh in a temporary cache (the
# machine's cached peak is left as it is), then trains the seed with `darwin train`.
# Usage: scripts/bench-mfu.sh [RUNS] [STEPS]   (default 3 runs of 2000 steps, about 2.5 min each on 2 cores)
# Prints one line per run and the median MFU.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${1:-3}
steps=${2:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for i in $(seq "$runs"); do
  XDG_CACHE_HOME="$work/cache-$i" "$root/darwin" train --steps "$steps" --json --out "$work/out-$i" 2>/dev/null \
    > "$work/run-$i.json"
  python3 - "$i" "$work/run-$i.json" <<'PY'
import json, sys
run, r = sys.argv[1], json.load(open(sys.argv[2]))
ms = 1000 * r["trainSeconds"] / r["steps"]
print(f"run {run}: held-out loss {r['valLoss']:.4f}  {r['tokensPerSecond']:8.0f} tok/s  {ms:6.1f} ms/step"
      f"  peak {r['peakFlops'] / 1e9:6.1f} GFLOP/s  MFU {100 * r['mfu']:.1f}%")
PY
done
python3 - "$work" "$runs" <<'PY'
import json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
results = [json.load(open(f"{work}/run-{i}.json")) for i in range(1, runs + 1)]
mfus = [100 * r["mfu"] for r in results]
best_peak = max(r["peakFlops"] for r in results)
best_rate = max(r["tokensPerSecond"] * r["flopsPerToken"] for r in results)
print(f"median MFU {statistics.median(mfus):.1f}% (range {min(mfus):.1f}-{max(mfus):.1f}%); "
      f"best model FLOP/s {best_rate / 1e9:.1f} G against the highest peak {best_peak / 1e9:.1f} G: "
      f"{100 * best_rate / best_peak:.1f}%")
PY
