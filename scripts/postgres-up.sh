#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages if needed, starts it on 127.0.0.1:5432 and creates
# the role and database the tests use (bimeh / bimeh, database bimeh_test). Safe to run twice.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$version main"; then
  pg_createcluster "$version" main >/dev/null
fi
conf="/etc/postgresql/$version/main/postgresql.conf"
grep -q "^listen_addresses = '127.0.0.1'" "$conf" || echo "listen_addresses = '127.0.0.1'" >> "$conf"
grep -q "^max_connections = 300" "$conf" || echo "max_connections = 300" >> "$conf"
pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main restart
for _ in $(seq 1 30); do
  pg_isready -h 127.0.0.1 -p 5432 -q && break
  sleep 1
done
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='bimeh'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE ROLE bimeh LOGIN CREATEDB PASSWORD 'bimeh'\""
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='bimeh_test'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE DATABASE bimeh_test OWNER bimeh\""
echo "PostgreSQL $version ready on 127.0.0.1:5432 (database bimeh_test, user bimeh)"
