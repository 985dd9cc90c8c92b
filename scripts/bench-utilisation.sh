#!/usr/bin/env bash
# Slot utilisation when the LLM takes 20 s per reply: a delaying stub on loopback, 4 agents,
# 2 generations, 20-second budgets, one slot. Prints the run's summary line with the utilisation.
# Usage: scripts/bench-utilisation.sh [DELAY_SECONDS]   (about 5 minutes)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
delay=${1:-20}
port=18931
python3 "$root/scripts/llm-stub.py" "$port" "$delay" &
stub=$!
trap 'kill $stub 2>/dev/null' EXIT
out=$(mktemp -d)/run
config=$(mktemp --suffix .yaml)
cat > "$config" <<YAML
population:
  agents: 4
  generations: 2
budget:
  seconds: 20
llm:
  provider: openai
  model: stub
  base-url: http://127.0.0.1:$port/v1
  api-key-env: PATH
YAML
"$root/darwin" run --config "$config" --out "$out" > "$out.summary" 2> "$out.progress"
grep -E "^run " "$out.summary"
grep -o "slots busy [0-9]*%" "$out.progress" | tail -n 1
