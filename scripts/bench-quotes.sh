#!/usr/bin/env bash
# Benchmark: third-party quotes. (1) in-process pricing on one core; (2) over HTTP, the price
# check `POST /api/v1/quotes/preview` against `GET /api/v1/health` of the same server in one run
# (wrk, 64 connections, 10 s each), reported as a ratio.
#   scripts/bench-quotes.sh [in-process count=500000]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
swift build -c release --scratch-path .build-release --product bimeh >/dev/null
swift build -c release --scratch-path .build-release --product bimeh-bench >/dev/null
bin=$PWD/.build-release/release
port=${BENCH_PORT:-8182}

"$bin/bimeh-bench" --in-process-quotes "${1:-500000}"

work=$(mktemp -d)
(cd "$work" && BIMEH_SQLITE_PATH=bench.sqlite BIMEH_TODAY=1405/01/10 LOG_LEVEL=warning "$bin/bimeh" serve --demo --port "$port" >server.log 2>&1) &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break; sleep 0.2; done
token=$(curl -s -XPOST "http://127.0.0.1:$port/api/v1/auth/token" -H 'content-type: application/json' \
  -d '{"username":"issuer","password":"demo-issuer"}' | sed -E 's/.*"token":"([^"]+)".*/\1/')
cat > "$work/quote.lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"product":"third-party","date":"1405/01/10","inputs":{"vehicleClass":"car-4-cyl","usage":"private","issueDate":"1405/01/10","previousPolicyEndDate":"1404/12/19","claimFreeYears":4,"financialClaims":1,"bodilyClaims":0,"vehicleAgeYears":17,"negativePoints":3,"firstRegistration":false,"safeDrivingCourse":true,"missingInspection":false,"extraTrailers":0,"financialCover":0,"driverAccident":true}}'
LUA
health=$(wrk -t2 -c64 -d10s "http://127.0.0.1:$port/api/v1/health" | awk '/Requests\/sec/ {print $2}')
quotes=$(wrk -t2 -c64 -d10s -s "$work/quote.lua" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/quotes/preview" | tee "$work/wrk.txt" | awk '/Requests\/sec/ {print $2}')
grep -q "Non-2xx" "$work/wrk.txt" && { echo "some quote responses were not 2xx:"; cat "$work/wrk.txt"; }
echo "HTTP health: $health req/s; HTTP third-party quote (preview): $quotes req/s; ratio $(awk -v q="$quotes" -v h="$health" 'BEGIN {printf "%.0f %%", 100*q/h}')"
kill "$server" 2>/dev/null || true
pkill -f "bimeh serve --demo --port $port" 2>/dev/null || true
wait "$server" 2>/dev/null || true
rm -rf "$work"
