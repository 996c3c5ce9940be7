#!/usr/bin/env bash
# Browser tests (Tests/Browser): headless Chromium driven by Selenium against a small demo
# district served by .build/debug/suiji (build it first: scripts/test.sh does). Skipped, with a
# message and exit 0, when Chromium, its driver or Selenium is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

chromium="${SUIJI_CHROMIUM:-/usr/bin/chromium}"
chromedriver="${SUIJI_CHROMEDRIVER:-/usr/bin/chromedriver}"
missing=()
[ -x "$chromium" ] || missing+=("$chromium (apt-get install chromium)")
[ -x "$chromedriver" ] || missing+=("$chromedriver (apt-get install chromium-driver)")
python3 -c 'import selenium' >/dev/null 2>&1 || missing+=("selenium (python3 -m pip install selenium)")
python3 -c 'import pytest, requests' >/dev/null 2>&1 || missing+=("pytest/requests (python3 -m pip install pytest requests)")
python3 -c 'import openpyxl' >/dev/null 2>&1 || missing+=("openpyxl (python3 -m pip install openpyxl)")
if [ ${#missing[@]} -gt 0 ]; then
  (IFS=';'; echo "browser tests skipped: missing ${missing[*]}" | sed 's/;/; /g')
  exit 0
fi

echo "== browser tests (Tests/Browser)"
exec python3 -m pytest Tests/Browser -q --tb=short "$@"
