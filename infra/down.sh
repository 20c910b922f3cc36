#!/usr/bin/env bash
# Stops what infra/up.sh started (by the pid files under .infra/); infrastructure given
# through the environment or started by someone else is left alone.
#
#   infra/down.sh [--purge]   --purge also deletes the Kafka log and the MongoDB H2 file
set -euo pipefail

INFRA_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$INFRA_SRC/.." && pwd -P)
RUN_DIR="${INFRA_DIR:-$ROOT/.infra}"
GRACE=${INFRA_STOP_GRACE:-30}
PURGE=0

case ${1:-} in
  --purge) PURGE=1 ;;
  "") ;;
  *) sed -n '2,6p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac

# shellcheck source=lib.sh
. "$INFRA_SRC/lib.sh"
log() { printf '[infra] %s\n' "$*" >&2; }

[[ -d $RUN_DIR ]] || { log "nothing to stop"; exit 0; }
exec 9>"$RUN_DIR/.lock"
if command -v flock >/dev/null; then flock -w 300 9 || true; fi

if [[ -f $RUN_DIR/docker ]] && command -v docker >/dev/null; then
  log "docker compose down"
  docker compose -f "$INFRA_SRC/docker-compose.yml" down >&2 || true
  rm -f "$RUN_DIR/docker"
fi

# SIGTERM to all first (Kafka's controlled shutdown takes a few seconds), then wait.
declare -A PIDS=()
for part in kafka mongo maildev; do
  if pid=$(our_pid "$part"); then
    log "$part: stopping (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    PIDS[$part]=$pid
  fi
done

deadline=$((SECONDS + GRACE))
for part in "${!PIDS[@]}"; do
  pid=${PIDS[$part]}
  while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
  if kill -0 "$pid" 2>/dev/null; then
    log "$part: still running after ${GRACE}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RUN_DIR/$part/pid"
  log "$part: stopped"
done
rm -f "$RUN_DIR/env"

if ((PURGE)); then
  log "deleting the Kafka log directory and the MongoDB data file"
  rm -rf "$RUN_DIR/kafka/data" "$RUN_DIR/kafka/cluster-id" "$RUN_DIR/mongo/data.mv"
fi
