#!/usr/bin/env bash
# `npm start`: installs what is missing, starts the infrastructure, builds and starts every
# service and the gateway, seeds a demo tenant and prints where to look. Ctrl-C stops
# everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/ensure-deps.sh
bash infra/up.sh
set -a
# shellcheck disable=SC1091
source .infra/env
set +a
echo "Building..."
bash scripts/build.sh
# shellcheck source=scripts/services.sh
source scripts/services.sh
logdir="$root/.infra/logs"
mkdir -p "$logdir"

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping services..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # The services finish in-flight work and flush their outboxes; 20 s at most.
  for _ in $(seq 1 40); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ $alive -eq 0 ] && break
    sleep 0.5
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  bash infra/down.sh || true
  exit 0
}
trap stop_all INT TERM EXIT

for name in "${SERVICES[@]}"; do
  pids+=("$(start_service "$name" "$logdir")")
done
gateway="http://127.0.0.1:$(service_port gateway)"
echo "Waiting for every service to be ready..."
if ! wait_ready "$gateway/api/v1/health" 120; then
  echo "The platform did not become ready in time; see the logs in .infra/logs/." >&2
  exit 1
fi
node dist/scripts/seed-demo.js "$gateway"

cat <<INFO

  The platform is up.
    Gateway        $gateway   (API under /api/v1, OpenAPI at /api/v1/openapi.json)
    Health         $gateway/api/v1/health
    Mail (MailDev) ${MAILDEV_API_URL}
    Logs           .infra/logs/

  The demo group's coach assignments (the fan-out) are at the curl above; the e-mails it
  caused are in MailDev.

  Press Ctrl-C to stop everything.
INFO
# The services are not this shell's children (they were started in subshells): watch them.
while :; do
  for i in "${!pids[@]}"; do
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "${SERVICES[$i]} stopped unexpectedly; see .infra/logs/${SERVICES[$i]}.log" >&2
      exit 1
    fi
  done
  sleep 2
done
