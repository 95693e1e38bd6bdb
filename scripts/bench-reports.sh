#!/usr/bin/env bash
# Benchmark: monthly reports and month-end close on a large statistics store. Seeds N policies'
# statistics entries (with endorsements, cancellations and claim payments) over the 12 months of
# last year into a fresh database (timed), then times every report of month 6 by department,
# agency and company, the close of month 6 (after 1…5), and a report of the closed month.
#   scripts/bench-reports.sh [policies=1000000] [sqlite|postgres]
# postgres: needs scripts/postgres-up.sh; uses a fresh database bimeh_reports_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
policies=${1:-1000000}
engine=${2:-sqlite}
swift build -c release --scratch-path .build-release --product bimeh >/dev/null
bin=$PWD/.build-release/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LOG_LEVEL=warning
if [ "$engine" = postgres ]; then
  PGPASSWORD=bimeh psql -h 127.0.0.1 -U bimeh -d postgres -q -c 'DROP DATABASE IF EXISTS bimeh_reports_bench' >/dev/null
  PGPASSWORD=bimeh psql -h 127.0.0.1 -U bimeh -d postgres -q -c 'CREATE DATABASE bimeh_reports_bench' >/dev/null
  export DATABASE_URL=postgres://bimeh:bimeh@127.0.0.1:5432/bimeh_reports_bench
else
  export BIMEH_SQLITE_PATH=$work/bench.sqlite
fi
echo "== $engine: $policies policies"
(cd "$work" && "$bin/bimeh" seed demo >/dev/null)
(cd "$work" && "$bin/bimeh" reports bench --seed-policies "$policies")
[ "$engine" = sqlite ] && echo "database file: $(du -h "$BIMEH_SQLITE_PATH" | cut -f1)"
echo "== again on the warm database (reports of a month, and a closed month)"
(cd "$work" && "$bin/bimeh" reports bench)
