#!/usr/bin/env bash
# The browser suite as CI runs it: Debian's Chromium, its driver and selenium (installed only if
# missing), `bimeh serve --demo` (the built debug binary) on SQLite in a temp dir on a free port,
# then scripts/browser-check.py. On failure the screenshots and the server's log are kept in
# ci-artifacts/browser/ and the script fails. Needs a built `bimeh` (.build/debug/bimeh, or BIMEH_BIN).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BIMEH_BIN:-$root/.build/debug/bimeh}"
kept="$root/ci-artifacts/browser"

# poppler-utils and zbar-tools: the print walk reads its PDFs (pdftotext, pdfinfo) and decodes the QR codes (zbarimg)
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] || ! python3 -c 'import selenium' 2>/dev/null \
   || ! command -v pdftotext >/dev/null || ! command -v zbarimg >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver python3-selenium poppler-utils zbar-tools >/dev/null
fi

dir="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null; rm -rf "$dir"; }
trap cleanup EXIT
port="${BROWSER_PORT:-}"
[ -n "$port" ] || port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
(cd "$dir" && exec "$bin" serve --demo --port "$port" > server.log 2>&1) &
server=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 60); do
  python3 -c "import urllib.request, sys; urllib.request.urlopen(sys.argv[1] + '/login', timeout=2)" "$base" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$dir/server.log"; echo "the demo server did not start"; exit 1; }
  sleep 1
done

status=0
SMS_LOG="$dir/sms-outbox.log" timeout 900 python3 "$root/scripts/browser-check.py" "$base" "$dir/shots" || status=$?
if [ "$status" -ne 0 ]; then
  rm -rf "$kept" && mkdir -p "$kept"
  cp -r "$dir/shots/." "$kept/" 2>/dev/null || true
  cp "$dir/server.log" "$kept/server.log"
  echo "browser suite failed ($status): screenshots and the server's log in ci-artifacts/browser/"
fi
exit "$status"
