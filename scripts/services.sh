#!/usr/bin/env bash
# Starting and stopping the platform's processes, shared by `npm start` and the tests.
# Source it; it expects the infrastructure addresses in the environment (.infra/env).

SERVICES=(identity coaching learning notifications gateway)

service_port() {
  case "$1" in
    gateway) echo "${GATEWAY_PORT:-3000}" ;;
    identity) echo "${IDENTITY_PORT:-3101}" ;;
    coaching) echo "${COACHING_PORT:-3102}" ;;
    learning) echo "${LEARNING_PORT:-3103}" ;;
    notifications) echo "${NOTIFICATIONS_PORT:-3104}" ;;
  esac
}

SCRIPTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# SERVICE_HEAP_MB, when set, limits the old generation of each service's heap, in MB (node
# --max-old-space-size): V8 then collects sooner, so a busy service's memory follows what it
# holds rather than its garbage, at some CPU (see docs/benchmarks.md). Unset: V8's own limit.
# The image (Dockerfile) and the tests' platform read it too.

# start_service NAME LOGDIR: starts dist/apps/NAME in the background under supervise.sh,
# which starts it again whenever it stops (with a growing pause) until it gets SIGTERM.
# Sets SERVICE_PID to the supervisor's pid (a child of the calling shell; SIGTERM to it
# stops the service). The log, LOGDIR/NAME.log, starts empty and keeps the restarts.
start_service() {
  local name=$1 logdir=$2 port heap=()
  port=$(service_port "$name")
  if [ -n "${SERVICE_HEAP_MB:-}" ]; then heap=(--max-old-space-size="$SERVICE_HEAP_MB"); fi
  : >"$logdir/$name.log"
  SUPERVISE_PREFIX="${SUPERVISE_PREFIX-[start] }" bash "$SCRIPTS_DIR/supervise.sh" "$name" "$logdir/$name.log" \
    env PORT="$port" \
    IDENTITY_URL="http://127.0.0.1:$(service_port identity)" \
    COACHING_URL="http://127.0.0.1:$(service_port coaching)" \
    LEARNING_URL="http://127.0.0.1:$(service_port learning)" \
    NOTIFICATIONS_URL="http://127.0.0.1:$(service_port notifications)" \
    IDENTITY_JWKS_URL="http://127.0.0.1:$(service_port identity)/v1/auth/jwks.json" \
    node ${heap[@]+"${heap[@]}"} --enable-source-maps "dist/apps/$name/src/main.js" &
  SERVICE_PID=$!
}

# wait_ready URL SECONDS: polls URL until it answers 200.
wait_ready() {
  local url=$1 deadline=$((SECONDS + $2))
  until node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "$url"; do
    if [ $SECONDS -ge $deadline ]; then return 1; fi
    sleep 0.5
  done
}
