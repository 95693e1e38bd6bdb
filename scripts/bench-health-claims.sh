#!/usr/bin/env bash
# Benchmark: direct health claims over HTTP at a contracted center (R-SH-04…07), every answer
# checked, against a release build on a fresh database. Seeds PERSONS insured persons (default
# 100,000) on group health policies in force (`bimeh seed health-bench`, timed), then `bimeh-bench`
# posts CLAIMS direct claims from CLIENTS clients for random persons, checks each answer against
# R-SH-04/06 computed from InsuranceKit, and in the same run measures GET /api/v1/health with the
# same clients; prints claims/s, p50/p99, health req/s and the ratio. The clock is fixed at
# 1405/01/10 (`--demo`, BIMEH_TODAY), the policies run from 1404/12/09.
#   scripts/bench-health-claims.sh [claims=20000] [clients=16]    ENGINE=sqlite|postgres|both (default both), PERSONS=100000
# PostgreSQL: uses BENCH_PG_ADMIN_URL's server (default the one scripts/postgres-up.sh starts) and a
# database bimeh_bench that is dropped and created anew.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
claims=${1:-20000}
clients=${2:-16}
engine=${ENGINE:-both}
persons=${PERSONS:-100000}
port=${BENCH_PORT:-8184}
today=1405/01/10

swift build -c release --scratch-path .build-release --product bimeh >/dev/null
swift build -c release --scratch-path .build-release --product bimeh-bench >/dev/null
bin=$PWD/.build-release/release

run() {
  local name=$1
  shift
  local work
  work=$(mktemp -d)
  echo "== $name"
  local start
  start=$(date +%s.%N)
  (cd "$work" && env "$@" BIMEH_TODAY=$today LOG_LEVEL=warning "$bin/bimeh" seed health-bench --demo --persons "$persons")
  echo "seed: $persons persons in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.0f", e-s}') s (with migrations and the demo data)"
  (cd "$work" && exec env "$@" BIMEH_TODAY=$today LOG_LEVEL=warning "$bin/bimeh" serve --demo --port "$port" >"$work/server.log" 2>&1) &
  local server=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
  "$bin/bimeh-bench" --url "http://127.0.0.1:$port" --health-claims "$claims" --concurrency "$clients" --persons "$persons" --date "$today" \
    || echo "(some claims failed)"
  echo "server peak RSS: $(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$server/status" 2>/dev/null || echo '?')"
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  rm -rf "$work"
}

if [ "$engine" = sqlite ] || [ "$engine" = both ]; then
  run "SQLite (WAL)" BIMEH_SQLITE_PATH=bench.sqlite
fi
if [ "$engine" = postgres ] || [ "$engine" = both ]; then
  admin=${BENCH_PG_ADMIN_URL:-postgres://bimeh:bimeh@127.0.0.1:5432/bimeh_test}
  psql "$admin" -q -c "DROP DATABASE IF EXISTS bimeh_bench" -c "CREATE DATABASE bimeh_bench" >/dev/null
  run "PostgreSQL" DATABASE_URL="${admin%/*}/bimeh_bench"
fi
