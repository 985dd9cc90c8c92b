#!/usr/bin/env bash
# Makes a run's HTML report and screenshots it in headless Chromium, to look at as a person would.
# Usage: scripts/check-report.sh RUN_DIR [OUT.png]   (default OUT: RUN_DIR/report/screenshot.png)
# Installs Chromium with apt-get when it is missing and this is root on Debian or Ubuntu.
# DARWIN_SHOT_SIZE=WIDTH,HEIGHT sets the window (default 1280,3000; the page below it is cut off).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: scripts/check-report.sh RUN_DIR [OUT.png]" >&2
  exit 2
fi
run=$(cd "$1" && pwd)
shot=${2:-$run/report/screenshot.png}
case "$shot" in /*) ;; *) shot="$PWD/$shot" ;; esac

find_chromium() {
  local name
  for name in chromium chromium-browser google-chrome google-chrome-stable; do
    command -v "$name" >/dev/null 2>&1 && { command -v "$name"; return 0; }
  done
  return 1
}
if ! browser=$(find_chromium); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "check-report: installing Chromium" >&2
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
  fi
  browser=$(find_chromium) || { echo "check-report: no Chromium; install the chromium package" >&2; exit 1; }
fi

"$root/darwin" report "$run"
page="$run/report/index.html"
mkdir -p "$(dirname "$shot")"
log=$(mktemp)
# --virtual-time-budget lets the page's scripts finish before the picture is taken
if ! "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=5000 \
    --window-size="${DARWIN_SHOT_SIZE:-1280,3000}" --screenshot="$shot" "file://$page" >"$log" 2>&1 \
    || [ ! -s "$shot" ]; then
  cat "$log" >&2
  echo "check-report: Chromium made no screenshot of $page" >&2
  exit 1
fi
rm -f "$log"
echo "screenshot of $page written to $shot"
