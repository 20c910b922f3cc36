#!/usr/bin/env bash
# Shows which local infrastructure parts run, whether they answer, and the addresses.
# Exits 0 when every part answers (or is given through the environment), 1 otherwise.
set -euo pipefail

INFRA_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$INFRA_SRC/.." && pwd -P)
RUN_DIR="${INFRA_DIR:-$ROOT/.infra}"

# shellcheck source=lib.sh
. "$INFRA_SRC/lib.sh"

declare -A GIVEN=([kafka]=${KAFKA_BROKERS:-} [mongo]=${MONGODB_URI:-} [maildev]=${SMTP_URL:-})
declare -A PROBE=(
  [kafka]="kafka 127.0.0.1:${KAFKA_PORT:-9092}"
  [mongo]="mongo 127.0.0.1:${MONGO_PORT:-27017}"
  [maildev]="http http://127.0.0.1:${MAILDEV_WEB_PORT:-1080}/api/healthz"
)
all_up=0
for part in kafka mongo maildev; do
  if [[ -n ${GIVEN[$part]} ]]; then
    printf '%-8s %-10s (%s)\n' "$part" given "${GIVEN[$part]}"
    continue
  fi
  owner="not started by up.sh"
  if pid=$(our_pid "$part"); then owner="ours, pid $pid, log .infra/$part/$part.log"; fi
  # shellcheck disable=SC2086 # probe arguments are a word list
  if node "$INFRA_SRC/probe.cjs" ${PROBE[$part]} >/dev/null 2>&1; then
    state=answers
  else
    state="no answer"
    all_up=1
  fi
  printf '%-8s %-10s (%s)\n' "$part" "$state" "$owner"
done
if [[ -f $RUN_DIR/env ]]; then printf '\n.infra/env:\n'; cat "$RUN_DIR/env"; fi
exit "$all_up"
