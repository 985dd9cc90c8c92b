#!/usr/bin/env bash
# Slot utilisation when the LLM takes 20 s per reply: a delaying stub on loopback, 2 generations,
# one slot; 4 agents and 20-second budgets unless told otherwise. Prints the run's summary line
# with the utilisation.
# Usage: scripts/bench-utilisation.sh [DELAY_SECONDS] [AGENTS] [BUDGET_SECONDS]
#        (4 agents, 20 s: about 5 minutes; 8 agents, 30 s: about 11 minutes)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
delay=${1:-20}
agents=${2:-4}
budget=${3:-20}
port=18931
python3 "$root/scripts/llm-stub.py" "$port" "$delay" &
stub=$!
trap 'kill $stub 2>/dev/null' EXIT
out=$(mktemp -d)/run
config=$(mktemp --suffix .yaml)
cat > "$config" <<YAML
population:
  agents: $agents
  generations: 2
budget:
  seconds: $budget
llm:
  provider: openai
  model: stub
  base-url: http://127.0.0.1:$port/v1
  api-key-env: PATH
YAML
"$root/darwin" run --config "$config" --out "$out" > "$out.summary" 2> "$out.progress"
grep -E "^run " "$out.summary"
grep -o "slots busy [0-9]*%" "$out.progress" | tail -n 1
