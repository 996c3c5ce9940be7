#!/usr/bin/env bash
# Schemathesis: property-based tests of the JSON API as documented in docs/openapi.yaml (every
# phase: examples, coverage, fuzzing, stateful) against a small demo district served by
# .build/debug/suiji, authenticated with a bearer token of each of three roles in turn (a
# department admin, the office, an inspector leading a team). Fails on any 5xx, a server that
# stops answering, or a response the spec does not allow. Bounded by SUIJI_SCHEMATHESIS_MAX_TIME
# (seconds for all passes, default 150). Skipped, with a message and exit 0, when schemathesis is
# missing. Extra arguments go to `st run` (e.g. --include-path-regex).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v st >/dev/null 2>&1; then
  echo "schemathesis tests skipped: missing schemathesis (python3 -m pip install schemathesis)"
  exit 0
fi
suiji="${SUIJI_BIN:-.build/debug/suiji}"
[ -x "$suiji" ] || { echo "$suiji not found: build it first (swift build)"; exit 2; }
max_time="${SUIJI_SCHEMATHESIS_MAX_TIME:-150}"
accounts=(${SUIJI_SCHEMATHESIS_ACCOUNTS:-samr-admin office samr-leader})

work="$(mktemp -d "${TMPDIR:-/tmp}/suiji-schemathesis-XXXXXX")"
pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== schemathesis (docs/openapi.yaml, all phases, at most ${max_time} s, as ${accounts[*]})"
"$suiji" demo --no-serve --fresh --db "$work/demo.sqlite" --scale 0.05 >/dev/null 2>"$work/demo.err"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$suiji" serve --db "$work/demo.sqlite" --port "$port" >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
base="http://127.0.0.1:$port"
python3 - "$base" <<'PY'
import sys, time, urllib.request
for _ in range(300):
    try:
        urllib.request.urlopen(sys.argv[1] + "/health", timeout=2).read()
        break
    except OSError:
        time.sleep(0.1)
PY

# Run from .build/schemathesis (ignored by git), where schemathesis keeps its report and its cache
# of failures for `st replay`.
repo="$(pwd)"
out="$repo/.build/schemathesis"
mkdir -p "$out"
status=0
share=$(( max_time / (${#accounts[@]} + 1) ))
[ "$share" -ge 1 ] || share=1
# Operations that end sessions or change who may log in (password resets, disabling, revoking
# tokens) would end the run's own session when the stateful phase feeds them the accounts and
# tokens it has listed: they get a last pass of their own, as the office, together with the
# listings and the account creation that feed their stateful phase. Every token is taken before
# the first pass: fuzzing the login route soon makes the server throttle logins from this address
# (and may lock an account), as it should.
destructive='^/api/v1/(accounts/[^/]+/(password-reset|disable|tokens)|auth/tokens/[^/]+|me/password)$'
sessions='^/api/v1/(accounts(/[^/]+/(password-reset|disable|enable|unlock|tokens))?|auth/tokens(/[^/]+)?|me/password)$'
token_of() {
  python3 - "$base" "$1" <<'PY'
import json, sys, urllib.request
base, account = sys.argv[1], sys.argv[2]
body = json.dumps({"username": account, "password": "suiji-demo-2026"}).encode()
request = urllib.request.Request(base + "/api/v1/auth/token", body, {"Content-Type": "application/json"})
print(json.load(urllib.request.urlopen(request, timeout=10))["token"])
PY
}
declare -A tokens
for account in "${accounts[@]}"; do
  tokens[$account]="$(token_of "$account")" || { echo "-- $account: cannot log in (not in this demo?), skipped"; tokens[$account]=""; }
done
sessions_token="$(token_of office)" || sessions_token=""
run_pass() {
  local account="$1" token="$2" seconds="$3" label="$4"; shift 4
  [ -n "$token" ] || return 0
  echo "-- as $account (at most ${seconds} s) $*"
  (cd "$out" && st --config-file "$repo/scripts/schemathesis.toml" run "$repo/docs/openapi.yaml" --url "$base" \
    --header "Authorization: Bearer $token" --phases examples,coverage,fuzzing,stateful --max-time "$seconds" --workers 1 \
    --seed "${SUIJI_SCHEMATHESIS_SEED:-2026}" --request-timeout 30 --suppress-health-check too_slow,filter_too_much \
    --report junit --report-dir "$out/report-$label" --no-color "$@") || status=$?
}
for account in "${accounts[@]}"; do
  run_pass "$account" "${tokens[$account]}" "$share" "$account" --exclude-path-regex "$destructive" "$@"
done
run_pass office "$sessions_token" "$share" office-sessions --include-path-regex "$sessions" "$@"

# The server must still be up: a trap or an abort in a handler would have killed it.
if ! kill -0 "$pid" 2>/dev/null || ! python3 -c "import urllib.request; urllib.request.urlopen('$base/health', timeout=5)" 2>/dev/null; then
  echo "schemathesis: the server died during the run"; tail -n 40 "$work/serve.err"
  status=1
fi
if grep -q "Fatal error\|unexpected error" "$work/serve.err"; then
  echo "schemathesis: the server logged unexpected errors:"; grep -m 20 "Fatal error\|unexpected error" "$work/serve.err"
  status=1
fi
exit "$status"
