#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster on loopback for the tests and prints its URL.
#   scripts/postgres-cluster.sh start DIR   → prints postgres://USER@127.0.0.1:PORT/dispatch_test
#   scripts/postgres-cluster.sh stop DIR    → stops it and deletes DIR
# initdb refuses to run as root, so as root the cluster runs as the `postgres` system user.
set -euo pipefail

bin=""
for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && { bin=$candidate; break; }
done
[ -n "$bin" ] || { echo "postgres-cluster: initdb not found (apt-get install postgresql)" >&2; exit 1; }

action=${1:?start or stop}
dir=${2:?cluster directory}
as=()
user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  as=(runuser -u postgres --)
  user=postgres
fi

case "$action" in
start)
  mkdir -p "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U "$user" -A trust --no-sync -E UTF8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
    start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
  "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" dispatch_test
  echo "postgres://$user@127.0.0.1:$port/dispatch_test"
  ;;
stop)
  if [ -d "$dir/data" ]; then
    "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*) echo "postgres-cluster: start or stop" >&2; exit 2 ;;
esac
