#!/usr/bin/env bash
# Benchmark: complete policy flows over HTTP (quote → policy → cheque → collect → issue), every
# response checked, against a release build of the server on a fresh database.
#   scripts/bench-flows.sh [flows=3000] [concurrency=16]      ENGINE=sqlite|postgres|both (default both)
# PostgreSQL: uses BENCH_PG_ADMIN_URL's server (default the one scripts/postgres-up.sh starts) and a
# database bimeh_bench that is dropped and created anew. SERVERS=2 (PostgreSQL only) runs two
# servers on that database, each flow's steps alternating between them; afterwards the policy
# register is checked for gaps and `bimeh audit verify --deep` runs on the database.
# BENCH_BIN=DIR runs the bimeh and bimeh-bench already in DIR instead of building (to compare two
# builds in one sitting: copy one build's binaries aside, build the other, run both).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
flows=${1:-3000}
concurrency=${2:-16}
engine=${ENGINE:-both}
servers=${SERVERS:-1}
port=${BENCH_PORT:-8181}

if [ -z "${BENCH_BIN:-}" ]; then
  swift build -c release --scratch-path .build-release --product bimeh >/dev/null
  swift build -c release --scratch-path .build-release --product bimeh-bench >/dev/null
fi
bin=${BENCH_BIN:-$PWD/.build-release/release}

run() {
  local name=$1 count=$2
  shift 2
  local work urls="" pids=()
  work=$(mktemp -d)
  for k in $(seq 0 $((count - 1))); do
    (cd "$work" && exec env "$@" BIMEH_TODAY=1405/01/10 BIMEH_METRICS_TOKEN=bench-metrics LOG_LEVEL=warning "$bin/bimeh" serve --demo --port $((port + k)) >"$work/server$k.log" 2>&1) &
    pids+=($!)
    for _ in $(seq 1 150); do
      curl -fs "http://127.0.0.1:$((port + k))/api/v1/health" >/dev/null 2>&1 && break
      sleep 0.2
    done
    urls="${urls:+$urls,}http://127.0.0.1:$((port + k))"
  done
  echo "== $name"
  "$bin/bimeh-bench" --url "$urls" --flows "$flows" --concurrency "$concurrency" || echo "(some flows failed)"
  for k in $(seq 0 $((count - 1))); do
    curl -fs -H "Authorization: Bearer bench-metrics" "http://127.0.0.1:$((port + k))/metrics" | grep -E '^bimeh_write_(units|retries)_total' | tr '\n' ' ' || true
    echo
  done
  for pid in "${pids[@]}"; do
    echo "server RSS: $(ps -o rss= -p "$pid" 2>/dev/null | awk '{printf "%.0f MB", $1/1024}')"
  done
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${check_url:-}" ]; then
    psql "$check_url" -At -c "SELECT 'numbered policies: ' || count(*) || ', numbers 1…' || coalesce(max(number), 0) || CASE WHEN count(*) = coalesce(max(number), 0) AND count(DISTINCT number) = count(*) THEN ' — gapless' ELSE ' — GAP OR DUPLICATE' END FROM policies WHERE number IS NOT NULL AND number_year = 1405"
    (cd "$work" && env "$@" "$bin/bimeh" audit verify --deep 2>&1 | grep -v '^\[' | tail -2)
  fi
  rm -rf "$work"
}

if [ "$engine" = sqlite ] || [ "$engine" = both ]; then
  run "SQLite (WAL)" 1 BIMEH_SQLITE_PATH=bench.sqlite
fi
if [ "$engine" = postgres ] || [ "$engine" = both ]; then
  admin=${BENCH_PG_ADMIN_URL:-postgres://bimeh:bimeh@127.0.0.1:5432/bimeh_test}
  psql "$admin" -q -c "DROP DATABASE IF EXISTS bimeh_bench" -c "CREATE DATABASE bimeh_bench" >/dev/null
  check_url="${admin%/*}/bimeh_bench" run "PostgreSQL, $servers server(s)" "$servers" DATABASE_URL="${admin%/*}/bimeh_bench"
fi
