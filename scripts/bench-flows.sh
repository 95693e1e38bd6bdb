#!/usr/bin/env bash
# Benchmark: complete policy flows over HTTP (quote → policy → cheque → collect → issue), every
# response checked, against a release build of the server on a fresh database.
#   scripts/bench-flows.sh [flows=3000] [concurrency=16]      ENGINE=sqlite|postgres|both (default both)
# PostgreSQL: uses BENCH_PG_ADMIN_URL's server (default the one scripts/postgres-up.sh starts) and a
# database bimeh_bench that is dropped and created anew.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
flows=${1:-3000}
concurrency=${2:-16}
engine=${ENGINE:-both}
port=${BENCH_PORT:-8181}

swift build -c release --scratch-path .build-release --product bimeh >/dev/null
swift build -c release --scratch-path .build-release --product bimeh-bench >/dev/null
bin=.build-release/release

run() {
  local name=$1
  shift
  local work
  work=$(mktemp -d)
  (cd "$work" && env "$@" BIMEH_TODAY=1405/01/10 LOG_LEVEL=warning "$OLDPWD/$bin/bimeh" serve --demo --port "$port" >"$work/server.log" 2>&1) &
  local server=$!
  for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
  echo "== $name"
  "$bin/bimeh-bench" --url "http://127.0.0.1:$port" --flows "$flows" --concurrency "$concurrency" || echo "(some flows failed)"
  echo "server RSS: $(ps -o rss= -p "$(pgrep -P $server -f 'bimeh serve' || echo $server)" 2>/dev/null | awk '{printf "%.0f MB", $1/1024}')"
  kill "$server" 2>/dev/null || true
  pkill -f "bimeh serve --demo --port $port" 2>/dev/null || true
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
