#!/usr/bin/env bash
# `npm start`: installs what is missing, starts the infrastructure, builds and starts every
# service and the gateway, seeds a demo tenant and prints where to look. A service that
# stops is started again (scripts/supervise.sh says so here, with a growing pause when it
# keeps crashing); the others keep running. Ctrl-C stops everything it started.
#
# INFRA_DIR and the port variables of infra/up.sh and scripts/services.sh (GATEWAY_PORT,
# IDENTITY_PORT, ...) run a second platform beside the first.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
infra_dir=${INFRA_DIR:-$root/.infra}
bash scripts/ensure-deps.sh
bash infra/up.sh
set -a
# shellcheck disable=SC1091
source "$infra_dir/env"
set +a
# The passwords of the host tenant's System Administrator (made by identity at its first
# start) and of the demo tenant's administrator (made by the seed), kept beside the data so
# that they stay the same as long as the data does.
secrets="$infra_dir/secrets.env"
if [ ! -f "$secrets" ]; then
  umask 077
  password() { node -e "console.log(require('node:crypto').randomBytes(18).toString('base64url'))"; }
  printf 'BOOTSTRAP_ADMIN_EMAIL=admin@platform.local\nBOOTSTRAP_ADMIN_PASSWORD=%s\nDEMO_ADMIN_PASSWORD=%s\n' \
    "$(password)" "$(password)" >"$secrets"
fi
set -a
# shellcheck disable=SC1090
source "$secrets"
set +a
echo "Building..."
bash scripts/build.sh
# shellcheck source=scripts/services.sh
source scripts/services.sh
logdir="$infra_dir/logs"
mkdir -p "$logdir"
logdir=${logdir#"$root"/} # shorter in messages; every process runs from the repository root

# One supervisor per service (scripts/supervise.sh): it starts the service again when it
# stops and, on SIGTERM, stops it (SIGTERM; SIGKILL after 20 s).
pids=()
stop_all() {
  local status=$1
  trap - INT TERM HUP EXIT
  echo
  echo "Stopping services..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  # The services finish in-flight work and flush their outboxes; a pending restart is dropped.
  wait "${pids[@]}" 2>/dev/null || true
  bash infra/down.sh || true
  exit "$status"
}
trap 'stop_all $?' EXIT
trap 'stop_all 0' INT TERM HUP

for name in "${SERVICES[@]}"; do
  start_service "$name" "$logdir"
  pids+=("$SERVICE_PID")
done
gateway="http://127.0.0.1:$(service_port gateway)"
echo "Waiting for every service to be ready..."
if ! wait_ready "$gateway/api/v1/health" 120; then
  echo "The platform did not become ready in time; see the logs in $logdir/." >&2
  exit 1
fi
node dist/scripts/seed-demo.js "$gateway"

cat <<INFO

  The platform is up.
    Gateway        $gateway   (API under /api/v1, OpenAPI at /api/v1/openapi.json)
    Health         $gateway/api/v1/health
    Mail (MailDev) ${MAILDEV_API_URL}
    Logs           $logdir/

  Sign in with the accounts above (POST /api/v1/auth/login); the curl lists the demo group's
  coach assignments (the fan-out); the e-mails it caused are in MailDev.

  A service that stops is started again; the messages appear here.
  Press Ctrl-C to stop everything.
INFO
# The supervisors restart the services; this shell waits for Ctrl-C. A supervisor only ends
# by a signal from outside: then its service is no longer watched, which is said once.
while :; do
  wait -n "${pids[@]}" 2>/dev/null || true
  alive=0
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      alive=$((alive + 1))
    else
      echo "The supervisor of ${SERVICES[$i]} ended; ${SERVICES[$i]} is no longer restarted (log: $logdir/${SERVICES[$i]}.log)" >&2
      unset 'pids[i]'
    fi
  done
  if [ $alive -eq 0 ]; then
    echo "No service is running any more." >&2
    exit 1
  fi
done
