#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1 for the integration tests and prints
# its DATABASE_URL. Uses Debian's postgresql package (installed by .ci/run).
# Usage: eval "$(bash scripts/start-test-postgres.sh)"   -> exports TEST_DATABASE_URL
set -euo pipefail
PORT=${PGPORT_TEST:-54329}
DIR=${PGDATA_TEST:-/tmp/kansenspiegel-pg}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server binaries not found; apt-get install -y postgresql" >&2; exit 1; }
RUN_AS=()
if [ "$(id -u)" = 0 ]; then RUN_AS=(runuser -u postgres --); fi
if [ -f "$DIR/postmaster.pid" ]; then "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR" -m immediate stop >/dev/null 2>&1 || true; fi
rm -rf "$DIR"; mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$DIR"
"${RUN_AS[@]}" "$BIN/initdb" -D "$DIR" -U kansenspiegel --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" -w start >/dev/null
"$BIN/psql" -h 127.0.0.1 -p "$PORT" -U kansenspiegel -d postgres -qc "CREATE DATABASE kansenspiegel_test" >/dev/null
echo "export TEST_DATABASE_URL=postgres://kansenspiegel@127.0.0.1:$PORT/kansenspiegel_test"
