#!/usr/bin/env bash
# Measures the seed program's training speed under several PyTorch thread settings.
# Usage: scripts/bench-threads.sh [STEPS]   (default 300 steps per setting)
# Prints one line per setting: intra-op threads, inter-op threads, tokens/s, ms/step, MFU.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
steps=${1:-300}
for setting in "1 1" "2 1" "2 2" "4 1"; do
  read -r intra inter <<<"$setting"
  json=$(DARWIN_JAVA_OPTS="-Dai.djl.pytorch.num_threads=$intra -Dai.djl.pytorch.num_interop_threads=$inter" \
    "$root/darwin" train --steps "$steps" --json --out "$(mktemp -d)" 2>/dev/null)
  python3 - "$intra" "$inter" "$json" <<'PY'
import json, sys
intra, inter, r = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
ms = 1000 * r["trainSeconds"] / r["steps"]
print(f"threads={intra} interop={inter}  {r['tokensPerSecond']:8.0f} tok/s  {ms:6.1f} ms/step  MFU {100*r['mfu']:.1f}%")
PY
done
