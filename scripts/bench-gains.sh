#!/usr/bin/env bash
# Real gains are still found: the offline catalog, 8 agents, 5 generations, the default budget
# kind and fitness settings. Prints the confirmed gain (which must exclude 0 and be at least 10%),
# and what the noise cost: the extra evaluations (the noise floor's, racing's and the
# confirmation's) against all the run's evaluations, and, under equal time, the probes' share of
# training time.
# Usage: scripts/bench-gains.sh [OUT] [extra darwin run flags…]   (about an hour on 2 cores)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$(mktemp -d)/gains}
shift || true
"$root/darwin" run --out "$out" --population 8 --generations 5 "$@" > "$out.summary" 2> "$out.progress"
grep -E "^(run|seed|best| )" "$out.summary" | head -n 6 || true
python3 "$root/scripts/run-costs.py" "$out"
