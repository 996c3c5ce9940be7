#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on loopback (Debian's packages) and prints its URL.
# Usage: eval "$(scripts/postgres-throwaway.sh)"   → exports SUIJI_TEST_POSTGRES_URL
# (to choose the port, export SUIJI_PG_PORT first: a prefix assignment does not reach the script)
set -euo pipefail
port="${SUIJI_PG_PORT:-54329}"
# A port already in use (another cluster, another run) moves the cluster to the next free one.
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/suiji-pg.XXXXXX)
chmod 755 "$dir"
run() { if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$dir"; runuser -u postgres -- "$@"; else "$@"; fi; }
run "$bin/initdb" -D "$dir/data" -U suiji -A trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
run "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" -l "$dir/server.log" -w start >/dev/null
run "$bin/createdb" -h 127.0.0.1 -p "$port" -U suiji suiji_test
echo "export SUIJI_TEST_POSTGRES_URL=postgres://suiji@127.0.0.1:$port/suiji_test"
echo "export SUIJI_TEST_POSTGRES_DIR=$dir"
