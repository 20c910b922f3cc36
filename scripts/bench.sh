#!/usr/bin/env bash
# `npm run bench`: the fan-out benchmark (bench/fan-out.bench.ts) on the whole platform.
# Installs what is missing, starts the infrastructure when none is given (and stops it
# again afterwards if it was not running before), builds, then runs the benchmark with the
# arguments given, e.g. `npm run bench -- --members 1000 --mails none`.
# It prints a table and rewrites docs/benchmarks.md, which says what is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh

stop_infra=false
cleanup() {
  if $stop_infra; then bash infra/down.sh >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ -z "${KAFKA_BROKERS:-}" ] || [ -z "${MONGODB_URI:-}" ] || [ -z "${SMTP_URL:-}" ]; then
  if ! bash infra/status.sh >/dev/null 2>&1; then stop_infra=true; fi
  bash infra/up.sh
  set -a
  # shellcheck disable=SC1091
  source .infra/env
  set +a
fi
echo "Building..."
bash scripts/build.sh
node --enable-source-maps dist/bench/fan-out.bench.js "$@"
