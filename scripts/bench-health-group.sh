#!/usr/bin/env bash
# Benchmark: a health group in process (R-SH-03, R-SH-10). (1) the quote of a 1,000-member group
# from its JSON inputs, median of RUNS runs on one core; (2) a 10,000-row member CSV taken along the
# web upload's path (parse, validate, price, store the proposal) and the issue that stores the
# persons, on a fresh database per engine, median of 3 runs.
#   scripts/bench-health-group.sh [quote runs=50] [csv rows=10000]    ENGINE=sqlite|postgres|both (default both)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
runs=${1:-50}
rows=${2:-10000}
engine=${ENGINE:-both}

swift build -c release --scratch-path .build-release --product bimeh >/dev/null
swift build -c release --scratch-path .build-release --product bimeh-bench >/dev/null
bin=$PWD/.build-release/release

"$bin/bimeh-bench" --in-process-health-quote "$runs" --members 1000

run_import() {
  local name=$1
  shift
  local work
  work=$(mktemp -d)
  echo "== $name: $rows-row member CSV"
  (cd "$work" && env "$@" BIMEH_TODAY=1405/01/10 LOG_LEVEL=warning "$bin/bimeh" bench health-import --demo --count "$rows" --runs 3)
  rm -rf "$work"
}

if [ "$engine" = sqlite ] || [ "$engine" = both ]; then
  run_import "SQLite (WAL)" BIMEH_SQLITE_PATH=bench.sqlite
fi
if [ "$engine" = postgres ] || [ "$engine" = both ]; then
  admin=${BENCH_PG_ADMIN_URL:-postgres://bimeh:bimeh@127.0.0.1:5432/bimeh_test}
  psql "$admin" -q -c "DROP DATABASE IF EXISTS bimeh_bench" -c "CREATE DATABASE bimeh_bench" >/dev/null
  run_import "PostgreSQL" DATABASE_URL="${admin%/*}/bimeh_bench"
fi
