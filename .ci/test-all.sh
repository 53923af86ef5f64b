#!/usr/bin/env bash
# The whole test suite on SQLite, then on PostgreSQL.
# Without a reachable PostgreSQL the second part is reported as not run — and under CI
# (CI=true) that is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PG_SERVER="${BACKOFFICE_TEST_POSTGRES:-postgresql+psycopg://postgres@127.0.0.1:5432/postgres}"

echo "== ruff"
"$BIN/ruff" check .
"$BIN/ruff" format --check .

echo "== tests on SQLite"
env -u BACKOFFICE_TEST_POSTGRES "$BIN/pytest" -q -p no:cacheprovider "$@"

echo "== tests on PostgreSQL ($PG_SERVER)"
if "$BIN/python" - "$PG_SERVER" <<'PY'
import sys
import psycopg
url = sys.argv[1].replace("postgresql+psycopg://", "postgresql://", 1)
try:
    psycopg.connect(url, connect_timeout=3).close()
except Exception as error:
    print(f"PostgreSQL unreachable: {error}".strip(), file=sys.stderr)
    sys.exit(1)
PY
then
  BACKOFFICE_TEST_POSTGRES="$PG_SERVER" "$BIN/pytest" -q -p no:cacheprovider "$@"
else
  if [ "${CI:-}" = "true" ]; then
    echo "FAILED: PostgreSQL is required under CI and is not reachable at $PG_SERVER" >&2
    exit 1
  fi
  echo "NOTE: the PostgreSQL part of the suite did NOT run (no server at $PG_SERVER)."
  echo "      Only the SQLite part passed. Set BACKOFFICE_TEST_POSTGRES to a server URL."
fi
