#!/usr/bin/env bash
# Sourced by test.sh: gives the PostgreSQL tests a real server and exports MONITORING_TEST_POSTGRES_URL.
# As root (CI, these machines) PostgreSQL's initdb refuses to run under our user, so the embedded server of
# io.zonky cannot start: use Debian's postgresql package, whose server runs as the 'postgres' user.
# As a normal user nothing is needed: the tests start io.zonky's embedded server themselves.

if [ -n "${MONITORING_TEST_POSTGRES_URL:-}" ] || [ "$(id -u)" != 0 ]; then
  return 0
fi
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "Installing Debian's postgresql package (the PostgreSQL tests need a real server)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
pg_version=$(ls /etc/postgresql | sort -V | tail -n 1)
if [ -z "$pg_version" ]; then
  pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  pg_createcluster "$pg_version" main >/dev/null
fi
# A server killed without shutdown (e.g. with the session that started it) leaves its socket lock file behind,
# naming a PID that may belong to another process by now: PostgreSQL then refuses to start. Remove such files.
remove_stale_locks() {
  local lock lock_pid
  for lock in /var/run/postgresql/.s.PGSQL.*.lock; do
    [ -e "$lock" ] || continue
    lock_pid=$(head -n 1 "$lock")
    if ! ps -p "$lock_pid" -o comm= 2>/dev/null | grep -q postgres; then
      rm -f "$lock" "${lock%.lock}"
    fi
  done
}
pg_port=$(pg_conftool -s "$pg_version" main show port 2>/dev/null || echo 5432)
start_and_wait() {
  pg_ctlcluster "$pg_version" main status >/dev/null 2>&1 || { remove_stale_locks; pg_ctlcluster "$pg_version" main start || true; }
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$pg_port" && return 0
    sleep 1
  done
  return 1
}
if ! start_and_wait; then
  sleep 3 # the processes of a killed server may still have been exiting: try once more
  start_and_wait || { echo "error: the test PostgreSQL does not start; see /var/log/postgresql/" >&2; return 1; }
fi
as_postgres() { su postgres -s /bin/sh -c "$1"; }
if ! as_postgres "psql -p $pg_port -tAc \"SELECT 1 FROM pg_roles WHERE rolname = 'monitoring'\"" | grep -q 1; then
  as_postgres "psql -p $pg_port -qc \"CREATE ROLE monitoring LOGIN PASSWORD 'monitoring'\""
fi
if ! as_postgres "psql -p $pg_port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'monitoring_test'\"" | grep -q 1; then
  as_postgres "createdb -p $pg_port -O monitoring monitoring_test"
fi
export MONITORING_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:${pg_port}/monitoring_test?user=monitoring&password=monitoring"
echo "PostgreSQL $pg_version for the tests on 127.0.0.1:$pg_port"
