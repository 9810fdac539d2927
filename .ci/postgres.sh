# Starts a throw-away PostgreSQL cluster on 127.0.0.1:55432 with a "ruche" superuser (used by .ci/run and locally).
start_postgres() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] || return 1
  if pg_isready -h 127.0.0.1 -p 55432 -q 2>/dev/null; then
    return 0
  fi
  local data=/tmp/ruche-ci-pg
  rm -rf "$data" && mkdir -p "$data" && chown postgres "$data"
  su postgres -c "$bin/initdb -D $data -A trust -U postgres" >/dev/null || return 1
  su postgres -c "$bin/pg_ctl -D $data -l $data/log -o '-c listen_addresses=127.0.0.1 -c port=55432 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off' -w start" >/dev/null || return 1
  psql -h 127.0.0.1 -p 55432 -U postgres -qc "CREATE ROLE ruche LOGIN SUPERUSER PASSWORD 'ruche-ci'" >/dev/null
}
