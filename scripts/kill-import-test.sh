#!/usr/bin/env bash
# Kill test of an import: starts the server, imports a large generated file, SIGKILLs the server
# mid-import, restarts it and checks the database holds none of that file (then the whole file
# after an uninterrupted run). On PGlite, and on a PostgreSQL server when TEST_DATABASE_URL is set.
# Usage: bash scripts/kill-import-test.sh   (KILL_TEST_ROWS=100000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
KS_TEST_DB=pglite node --import tsx --test test/integration/import-kill.test.ts
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  KS_TEST_DB=postgres node --import tsx --test test/integration/import-kill.test.ts
fi
