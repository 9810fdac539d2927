#!/usr/bin/env bash
# A Ruche cluster on 127.0.0.1: PostgreSQL, Redis, the migrate command run once, two Ruche nodes and an nginx
# reverse proxy in front of them (docs/deployment.md). Everything it starts is recorded under the run folder.
#
#   deploy/local-cluster.sh up              build if needed, start everything, wait until both nodes are ready
#   deploy/local-cluster.sh down            stop the proxy, the nodes and Redis; drop the database
#   deploy/local-cluster.sh kill-node N     SIGKILL node N (1 or 2), as a crash would
#   deploy/local-cluster.sh stop-node N     SIGTERM node N and wait for it to end (a graceful shutdown)
#   deploy/local-cluster.sh start-node N    start node N again on the same database and wait until it is ready
#   deploy/local-cluster.sh status          what runs, and each node's /health/ready
#
# Settings (environment): RUCHE_CLUSTER_DIR (run folder, /tmp/ruche-cluster), RUCHE_CLUSTER_PROXY_PORT (8080),
# RUCHE_CLUSTER_NODE_PORTS ("5101 5102"), RUCHE_CLUSTER_REDIS_PORT (6390), RUCHE_CLUSTER_DB (ruche_cluster),
# RUCHE_CLUSTER_POSTGRES (a server connection string; by default .ci/postgres.sh's server on 127.0.0.1:55432, started
# when it is not running), RUCHE_CLUSTER_CONFIGURATION (Release), RUCHE_CLUSTER_DEMO (true: seed the demo company).
# Any other Ruche setting passes through the environment to the nodes (e.g. Ruche__RateLimits__ApiPerMinute).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
run=${RUCHE_CLUSTER_DIR:-/tmp/ruche-cluster}
proxy_port=${RUCHE_CLUSTER_PROXY_PORT:-8080}
read -r -a node_ports <<< "${RUCHE_CLUSTER_NODE_PORTS:-5101 5102}"
redis_port=${RUCHE_CLUSTER_REDIS_PORT:-6390}
database=${RUCHE_CLUSTER_DB:-ruche_cluster}
server=${RUCHE_CLUSTER_POSTGRES:-Host=127.0.0.1;Port=55432;Username=ruche;Password=ruche-ci}
configuration=${RUCHE_CLUSTER_CONFIGURATION:-Release}
build_dir="$root/src/Ruche.Web/bin/$configuration/net10.0"
app_dir="$run/app"

setting() { # setting Key: the value of Key=… in the server connection string
  tr ';' '\n' <<< "$server" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print substr($0, length($1) + 2) }'
}
pg_host=$(setting Host); pg_port=$(setting Port); pg_user=$(setting Username); pg_password=$(setting Password)
pg_port=${pg_port:-5432}

psql_server() { PGPASSWORD="$pg_password" PGOPTIONS="--client-min-messages=warning" psql -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -qc "$1" >/dev/null; }

# What every node (and the migrate command) is configured with: identical on every node.
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}
export Database__Provider=Postgres
export ConnectionStrings__Ruche="$server;Database=$database"
export ConnectionStrings__Redis="127.0.0.1:$redis_port,channelPrefix=$database"
export Ruche__Cluster=true
export Ruche__SealingKey=${Ruche__SealingKey:-$(head -c 32 /dev/urandom | base64)}
export Ruche__DataDir="$run/data"
export Ruche__FilesDir="$run/shared-files"
export Ruche__PublicUrl="http://127.0.0.1:$proxy_port/"
export Ruche__DemoData=${RUCHE_CLUSTER_DEMO:-true}

wait_ready() { # wait_ready URL SECONDS
  local i
  for ((i = 0; i < $2 * 10; i++)); do
    if curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  return 1
}

start_node() {
  local n=$1 port=${node_ports[$(($1 - 1))]}
  (cd "$app_dir" && exec nohup dotnet Ruche.Web.dll --urls "http://127.0.0.1:$port" >>"$run/node$n.log" 2>&1) &
  echo $! >"$run/node$n.pid"
  wait_ready "http://127.0.0.1:$port" 120 || { echo "node $n did not become ready (see $run/node$n.log)" >&2; return 1; }
  echo "node $n ready on http://127.0.0.1:$port (pid $(cat "$run/node$n.pid"))"
}

stop_pid_file() { # stop_pid_file FILE SIGNAL
  [ -f "$1" ] || return 0
  local pid
  pid=$(cat "$1")
  if kill -0 "$pid" 2>/dev/null; then
    kill "-$2" "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$1"
}

write_nginx_conf() {
  local servers="" port
  for port in "${node_ports[@]}"; do servers+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'; done
  mkdir -p "$run/nginx"
  cat >"$run/nginx.conf" <<CONF
worker_processes 1;
pid $run/nginx.pid;
error_log $run/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $run/nginx/body;
  proxy_temp_path $run/nginx/proxy;
  fastcgi_temp_path $run/nginx/fastcgi;
  uwsgi_temp_path $run/nginx/uwsgi;
  scgi_temp_path $run/nginx/scgi;
  client_max_body_size 30m;

  # Pages, forms and the API: any node (round robin); a node that refuses connections is skipped. Requests
  # already sent to a node that dies are not replayed unless idempotent (nginx's default), so a write is never doubled.
  upstream ruche {
$servers    keepalive 32;
  }

  # The live hub: SignalR's negotiate and the connection that follows must reach the same node, so /hub is routed
  # by a hash of the caller's credentials (sign-in cookie or bearer token); everything else stays round robin.
  upstream ruche_live {
    hash "\$cookie_ruche\$http_authorization\$arg_access_token" consistent;
$servers  }

  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }

  server {
    listen 127.0.0.1:$proxy_port;
    proxy_http_version 1.1;
    proxy_set_header Host \$http_host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_next_upstream error timeout;

    location / {
      proxy_set_header Connection "";
      proxy_pass http://ruche;
    }

    location /hub {
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_read_timeout 1h;
      proxy_buffering off;
      proxy_pass http://ruche_live;
    }
  }
}
CONF
}

up() {
  mkdir -p "$run/data" "$run/shared-files"
  if [ ! -f "$build_dir/Ruche.Web.dll" ]; then
    dotnet build "$root/src/Ruche.Web" -c "$configuration" >/dev/null
  fi
  # Published, as on a server (static assets with their compressed copies under wwwroot); from the build, ~3 s.
  dotnet publish "$root/src/Ruche.Web" -c "$configuration" --no-build -o "$app_dir" >"$run/publish.log" \
    || { echo "publish failed (see $run/publish.log)" >&2; return 1; }

  if ! pg_isready -h "$pg_host" -p "$pg_port" -q; then
    if [ -z "${RUCHE_CLUSTER_POSTGRES:-}" ]; then
      # shellcheck source=../.ci/postgres.sh
      source "$root/.ci/postgres.sh"
      start_postgres || { echo "PostgreSQL did not start" >&2; return 1; }
    else
      echo "PostgreSQL does not answer at $pg_host:$pg_port" >&2
      return 1
    fi
  fi
  psql_server "DROP DATABASE IF EXISTS $database WITH (FORCE)"
  psql_server "CREATE DATABASE $database"

  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize yes \
    --pidfile "$run/redis.pid" --logfile "$run/redis.log"

  echo "migrating (once, before the nodes start)"
  (cd "$app_dir" && dotnet Ruche.Web.dll migrate >>"$run/migrate.log" 2>&1) || { echo "migrate failed (see $run/migrate.log)" >&2; return 1; }

  local n
  for n in $(seq 1 "${#node_ports[@]}"); do start_node "$n"; done

  write_nginx_conf
  nginx -c "$run/nginx.conf" -p "$run" -e "$run/nginx-error.log"
  wait_ready "http://127.0.0.1:$proxy_port" 10 || { echo "the proxy does not answer" >&2; return 1; }
  echo "proxy ready on http://127.0.0.1:$proxy_port"
}

down() {
  if [ -f "$run/nginx.pid" ]; then
    nginx -c "$run/nginx.conf" -p "$run" -e "$run/nginx-error.log" -s quit 2>/dev/null || true
    for _ in $(seq 1 50); do [ -f "$run/nginx.pid" ] || break; sleep 0.1; done
  fi
  local n
  for n in $(seq 1 "${#node_ports[@]}"); do stop_pid_file "$run/node$n.pid" TERM; done
  stop_pid_file "$run/redis.pid" TERM
  if pg_isready -h "$pg_host" -p "$pg_port" -q; then
    psql_server "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
  fi
}

status() {
  local n port
  for n in $(seq 1 "${#node_ports[@]}"); do
    port=${node_ports[$((n - 1))]}
    echo "node $n: $(curl -s "http://127.0.0.1:$port/health/ready" 2>/dev/null || echo down)"
  done
  echo "proxy: $(curl -s "http://127.0.0.1:$proxy_port/health/ready" 2>/dev/null || echo down)"
}

node_number() {
  [[ "${1:-}" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le "${#node_ports[@]}" ] || { echo "node number 1..${#node_ports[@]} expected" >&2; exit 2; }
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  kill-node) node_number "${2:-}"; stop_pid_file "$run/node$2.pid" KILL ;;
  stop-node) node_number "${2:-}"; stop_pid_file "$run/node$2.pid" TERM ;;
  start-node) node_number "${2:-}"; start_node "$2" ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac
