#!/usr/bin/env bash
# `npm test`: installs what is missing, checks types and lint, runs the unit tests, checks the
# generated documents, starts the infrastructure when none is given, then runs the
# integration and end-to-end tests against the real broker, database and SMTP server, and
# fuzzes the whole API from its document. Exits non-zero on any failure and
# closes with one line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export CI="${CI:-}" NX_DAEMON=false NX_NO_CLOUD=true
results=.infra/test-results
mkdir -p "$results"
rm -f "$results"/*.json

stage() { printf '\n=== %s ===\n' "$1"; }
started=$SECONDS
failed_stage=""

summary() {
  printf '\nnpm test took %ss\n' $((SECONDS - started))
  if [ -n "$failed_stage" ]; then echo "failed stage: $failed_stage"; fi
  # Last, so that the closing line is the count.
  node scripts/test-summary.js "$results" || true
}
stop_infra=false
cleanup() {
  summary
  if $stop_infra; then bash infra/down.sh >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

run() { # run NAME COMMAND...: remembers the first stage that failed, then stops.
  local name=$1
  shift
  stage "$name"
  if ! "$@"; then
    failed_stage=$name
    exit 1
  fi
}

jest_stage() { # jest_stage NAME CONFIG
  run "$1" npx jest -c "$2" --ci --json --outputFile="$results/$1.json" --testLocationInResults
}

run "install" bash scripts/ensure-deps.sh
run "typecheck" npx tsc -p tsconfig.json --noEmit
run "lint" npm run --silent lint
jest_stage unit jest.unit.config.ts
run "build" bash scripts/build.sh
# The API contract, the error catalogue, the configuration table and the event catalogue are
# generated from the code: a route, an error code, a setting or an event changed without its
# document fails here.
run "generated documents" bash -c \
  'node dist/scripts/generate-reference-docs.js --check && node dist/scripts/generate-asyncapi.js --check'

if [ -z "${KAFKA_BROKERS:-}" ] || [ -z "${MONGODB_URI:-}" ] || [ -z "${SMTP_URL:-}" ]; then
  # The tests get infrastructure of their own (other ports, another folder, MongoDB in
  # memory), so that they never fill the Kafka topics or databases of `npm start`.
  export INFRA_DIR="$(pwd -P)/.infra/test" MONGO_BACKEND=memory \
    KAFKA_PORT="${TEST_KAFKA_PORT:-19092}" KAFKA_CONTROLLER_PORT="${TEST_KAFKA_CONTROLLER_PORT:-19093}" \
    MONGO_PORT="${TEST_MONGO_PORT:-27018}" SMTP_PORT="${TEST_SMTP_PORT:-1026}" \
    MAILDEV_WEB_PORT="${TEST_MAILDEV_WEB_PORT:-1081}"
  if ! bash infra/status.sh >/dev/null 2>&1; then stop_infra=true; fi
  run "infrastructure" bash infra/up.sh
  set -a
  # shellcheck disable=SC1091
  source "$INFRA_DIR/env"
  set +a
fi
jest_stage integration jest.int.config.ts
jest_stage e2e jest.e2e.config.ts
# Property-based fuzzing of every operation of the API document (Schemathesis): no 5xx.
run "fuzz" bash scripts/fuzz.sh
