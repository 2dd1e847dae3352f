#!/usr/bin/env bash
# Run the test suite against PostgreSQL. pytest's "no tests collected" (exit 5) counts as failure.
set -uo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
export DJANGO_SETTINGS_MODULE=przystan.settings.test
export PRZYSTAN_BENCH_SIZE="${PRZYSTAN_BENCH_SIZE:-tiny}"
.venv/bin/pytest "$@"
status=$?
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests: failing." >&2
  exit 1
fi
exit "$status"
