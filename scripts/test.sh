#!/usr/bin/env bash
# Runs every test of Suiji. Store tests run on SQLite and on PostgreSQL: when
# SUIJI_TEST_POSTGRES_URL is not set and PostgreSQL is installed, a throw-away cluster is
# started for the run and stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${SUIJI_TEST_POSTGRES_URL:-}" ] && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  # Assigned first, so that a cluster that cannot start stops the run (set -e) instead of
  # silently leaving PostgreSQL out.
  pg_env="$(scripts/postgres-throwaway.sh)"
  eval "$pg_env"
  stop_pg() {
    if [ "$(id -u)" = 0 ]; then
      runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D "${SUIJI_TEST_POSTGRES_DIR:-/nonexistent}/data" -m fast stop >/dev/null || true
    else
      "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D "${SUIJI_TEST_POSTGRES_DIR:-/nonexistent}/data" -m fast stop >/dev/null || true
    fi
  }
  trap stop_pg EXIT
fi
if [ -n "${SUIJI_TEST_POSTGRES_URL:-}" ]; then
  echo "store tests: SQLite and PostgreSQL ($SUIJI_TEST_POSTGRES_URL)"
else
  echo "store tests: SQLite only (install postgresql to also run them on PostgreSQL)"
fi
export SUIJI_TEST_POSTGRES_URL="${SUIJI_TEST_POSTGRES_URL:-}"
[ -n "$SUIJI_TEST_POSTGRES_URL" ] || unset SUIJI_TEST_POSTGRES_URL

swift build --build-tests
swift test --skip-build
# The web suite again on a SQLite file: the default deployment's raw bulk paths over HTTP.
echo "== web tests on a SQLite file"
SUIJI_WEB_TEST_DATABASE=file swift test --skip-build --filter SuijiWebTests
scripts/browser-tests.sh
scripts/schemathesis.sh
