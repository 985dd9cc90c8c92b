#!/usr/bin/env bash
# The live page under load (BENCHMARKS.md): a live offline run serves its page on loopback for
# SECONDS while scripts/BenchServe.java holds CLIENTS event streams open and sends RATE requests a
# second; the same run without clients is the baseline. The two alternate, ROUNDS times each.
# Prints, per run: the load's requests, errors and freshness (see BenchServe.java), and the slot
# utilisation the run reports at the end of the window ("slots busy", since its evaluator started;
# printed with each evaluated child, so a window must be long enough for one on the machine).
#
# Usage: scripts/bench-serve.sh [SECONDS=60] [ROUNDS=2] [CLIENTS=50] [RATE=20]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}; rounds=${2:-2}; clients=${3:-50}; rate=${4:-20}
. "$root/scripts/env.sh"
darwin_setup_java
"$root/darwin" --version >/dev/null # builds the application when its sources changed
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# one evaluation for the noise floor, so that the window sees generations and their utilisation
printf 'fitness:\n  noise-floor: 1\n' >"$work/bench.yaml"

one() { # one run: $1 = loaded | quiet
  local mode=$1 dir="$work/$1-$RANDOM" address pid
  setsid "$JAVA_HOME/bin/java" -Dai.djl.offline=true -XX:+UseParallelGC -XX:TieredStopAtLevel=1 \
      --enable-native-access=ALL-UNNAMED -jar "$root/runs/target/darwin.jar" run --config "$work/bench.yaml" --out "$dir/run" --population 2 \
      --generations 1000 --steps 2 --no-confirm --serve --port 0 >"$dir.out" 2>"$dir.err" &
  pid=$!
  for _ in $(seq 1 600); do
    address=$(grep -o "the run's live page: http://[^ ]*" "$dir.err" 2>/dev/null | sed 's/.*: //' || true)
    [ -n "$address" ] && break
    sleep 0.1
  done
  [ -n "$address" ] || { echo "no address from darwin run:"; cat "$dir.err"; kill -- -"$pid"; return 1; }
  local load="(no clients)"
  if [ "$mode" = loaded ]; then
    load=$("$JAVA_HOME/bin/java" "$root/scripts/BenchServe.java" "$address" "$dir/run" "$seconds" "$clients" "$rate")
  else
    sleep "$seconds"
  fi
  local busy
  busy=$(grep -o 'slots busy [0-9]*%' "$dir/run/run.log" | tail -n 1 || echo "slots busy ?")
  kill -- -"$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$mode: $busy; $load"
}

echo "bench-serve: ${seconds}s windows, $clients clients, $rate requests/s, $rounds rounds; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) = 1 ]; then one quiet; one loaded; else one loaded; one quiet; fi
done
