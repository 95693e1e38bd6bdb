#!/usr/bin/env bash
# Sign-in under a password-guessing flood (docs/PERFORMANCE.md): a release build of the server on a
# fresh SQLite database with the production bcrypt cost (12), N clients posting wrong passwords from
# their own loopback addresses, and the latency of a legitimate sign-in and of a customer search.
#   scripts/bench-signin.sh [clients=8] [seconds=30]
# Extra server settings pass through the environment (e.g. BIMEH_SIGNIN_HASHES=2); BENCH_BIN=path
# runs that binary instead of building one.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
clients=${1:-8}
seconds=${2:-30}
port=${BENCH_PORT:-8183}

# BENCH_BIN: an already built server binary (e.g. an older version, to compare); else a release build
if [ -n "${BENCH_BIN:-}" ]; then
  bin=$(realpath "$BENCH_BIN")
else
  swift build -c release --scratch-path .build-release --product bimeh >/dev/null 2>&1
  bin="$PWD/.build-release/release/bimeh"
fi
work=$(mktemp -d)
(cd "$work" && exec env BIMEH_SQLITE_PATH=bench.sqlite BIMEH_BCRYPT_COST="${BIMEH_BCRYPT_COST:-12}" BIMEH_TODAY=1405/01/10 LOG_LEVEL=warning \
   "$bin" serve --demo --hostname 0.0.0.0 --port "$port" >"$work/server.log" 2>&1) &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 150); do
  curl -fs "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.2
done
echo "cores: $(nproc), bcrypt cost ${BIMEH_BCRYPT_COST:-12}"
python3 scripts/bench-signin.py "http://127.0.0.1:$port" --clients "$clients" --seconds "$seconds"
