#!/usr/bin/env bash
# Runs every command of the README's command table, in the order a newcomer would, in a fresh
# empty directory (a new SQLite file); stops at the first that fails. Needs a built `bimeh`
# (.build/debug/bimeh, or BIMEH_BIN).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${BIMEH_BIN:-$root/.build/debug/bimeh}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cd "$dir"
run() { echo "\$ bimeh $*"; "$bin" "$@"; }
run migrate
run seed demo
BIMEH_NEW_PASSWORD="a-long-new-password-1405" run users create --role issuer --username newcomer --name "کارشناس تازه"
printf 'nationalCode,insuranceNumber,validTo,relation,plan\n0076229645,T-1,1406/01/01,main,پایه\n' > list.csv
run eligibility import list.csv --source tamin
run seed eligibility --persons 100
run seed health-bench --persons 1000
run bench health-import --count 25 --runs 1
run tariffs export 1405 --output tariff-1405.json
run tariffs load tariff-1405.json
run tariffs export 1405 --product supplementary-health --output health-1405.json
run tariffs load health-1405.json
run brokers unlicensed
run notify due
run reports reconcile 1405 1
run reports bench --seed-policies 2000
run audit verify
run audit keygen
run audit checkpoint --publish --output checkpoint.json
run audit verify --checkpoint checkpoint.json
run bench audit-verify --count 1000
run backup backup.sqlite
run restore backup.sqlite
run audit verify --deep
run routes > /dev/null
echo "every command of the README ran on a fresh database"
