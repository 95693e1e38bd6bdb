#!/usr/bin/env bash
# Benchmark: provider eligibility at national scale. Seeds N synthetic entitled persons into a
# fresh database (timed), then, against one release server, runs wrk (64 connections, 20 s each)
# on GET /api/v1/health and on GET /api/v1/eligibility/{code} with codes drawn at random from the
# list, and reports throughput, p50/p99 latency, the ratio, and the server's peak RSS.
#   scripts/bench-eligibility.sh [persons=10000000] [sqlite|postgres]
# postgres: needs scripts/postgres-up.sh; uses a fresh database bimeh_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
persons=${1:-10000000}
engine=${2:-sqlite}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
swift build -c release --scratch-path .build-release --product bimeh >/dev/null
swift build -c release --scratch-path .build-release --product bimeh-bench >/dev/null
bin=$PWD/.build-release/release
port=${BENCH_PORT:-8183}
work=$(mktemp -d)
export LOG_LEVEL=warning
if [ "$engine" = postgres ]; then
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS bimeh_bench'" >/dev/null
  su postgres -c "psql -q -c 'CREATE DATABASE bimeh_bench OWNER bimeh'" >/dev/null
  export DATABASE_URL=postgres://bimeh:bimeh@127.0.0.1:5432/bimeh_bench
else
  export BIMEH_SQLITE_PATH=$work/bench.sqlite
fi

echo "== $engine: seeding $persons persons"
(cd "$work" && "$bin/bimeh" seed demo >/dev/null)
start=$(date +%s.%N)
(cd "$work" && "$bin/bimeh" seed eligibility --persons "$persons")
seed_seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.0f", e-s}')
[ "$engine" = sqlite ] && echo "database file: $(du -h "$BIMEH_SQLITE_PATH" | cut -f1)"
"$bin/bimeh-bench" --eligibility-sample 20000 --persons "$persons" > "$work/codes.txt"

(cd "$work" && "$bin/bimeh" serve --port "$port" >server.log 2>&1) &
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 0.2; done
server=$(pgrep -f "bimeh serve --port $port" | head -n 1)
token=$(curl -s -XPOST "http://127.0.0.1:$port/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"username":"provider","password":"demo-provider"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
cat > "$work/eligibility.lua" <<LUA
local codes = {}
for line in io.lines("$work/codes.txt") do codes[#codes + 1] = line end
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/v1/eligibility/" .. codes[math.random(#codes)], {["Authorization"] = "Bearer $token"})
end
LUA
# Warm-up: the first requests open connections and bring index pages in.
wrk -t2 -c64 -d5s -s "$work/eligibility.lua" "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c64 -d20s --latency "http://127.0.0.1:$port/api/v1/health" > "$work/health.txt"
wrk -t2 -c64 -d20s --latency -s "$work/eligibility.lua" "http://127.0.0.1:$port" > "$work/elig.txt"
grep -q "Non-2xx" "$work/elig.txt" && { echo "some eligibility responses were not 2xx:"; cat "$work/elig.txt"; }
covered=$(curl -s "http://127.0.0.1:$port/api/v1/eligibility/$(head -n 1 "$work/codes.txt")" -H "Authorization: Bearer $token")
rss=$(awk '/VmHWM/ {printf "%.0f MB", $2/1024}' "/proc/$server/status")
rate() { awk '/Requests\/sec/ {print $2}' "$1"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$1"; }
h=$(rate "$work/health.txt"); e=$(rate "$work/elig.txt")
echo "seed: $persons persons in $seed_seconds s"
echo "health: $h req/s (p50 $(pct "$work/health.txt" 50%), p99 $(pct "$work/health.txt" 99%))"
echo "eligibility: $e req/s (p50 $(pct "$work/elig.txt" 50%), p99 $(pct "$work/elig.txt" 99%)); ratio $(awk -v a="$e" -v b="$h" 'BEGIN {printf "%.0f %%", 100*a/b}')"
echo "server peak RSS: $rss"
echo "sample answer: $covered"
kill "$server" 2>/dev/null || true
wait 2>/dev/null || true
rm -rf "$work"
[ "$engine" = postgres ] && su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS bimeh_bench'" >/dev/null || true
