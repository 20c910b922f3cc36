#!/usr/bin/env bash
# `npm run test:fuzz`: property-based fuzzing of the whole API from its published OpenAPI
# document with Schemathesis (a maintained schema fuzzer, installed here into a virtualenv
# of its own), against the platform started from the build; the bar is no server error.
# Infrastructure: the given one (KAFKA_BROKERS, MONGODB_URI, SMTP_URL), else its own.
set -euo pipefail
cd "$(dirname "$0")/.."
SCHEMATHESIS_VERSION=4.32.5

# Python 3.13 when the machine has it: Hypothesis, under Schemathesis, now and then crashes in
# CPython 3.11's parser ("AST constructor recursion depth mismatch", fixed in later releases),
# failing a run the API passed.
python_for_fuzzing() {
  if command -v pyenv >/dev/null 2>&1; then
    local version
    version=$(pyenv versions --bare 2>/dev/null | grep -E '^3\.13\.[0-9]+$' | tail -1 || true)
    if [ -n "$version" ]; then PYENV_VERSION=$version pyenv which python3 && return; fi
  fi
  if python3.13 -c '' >/dev/null 2>&1; then command -v python3.13 && return; fi
  command -v python3
}
python=$(python_for_fuzzing)
venv=.infra/fuzz-venv-$("$python" -c 'import sys; print("py%d%d" % sys.version_info[:2])')

bash scripts/ensure-deps.sh
bash scripts/build.sh
if ! "$venv/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then
  echo "Installing Schemathesis $SCHEMATHESIS_VERSION..."
  "$python" -m venv "$venv"
  "$venv/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi

stop_infra=false
if [ -z "${KAFKA_BROKERS:-}" ] || [ -z "${MONGODB_URI:-}" ] || [ -z "${SMTP_URL:-}" ]; then
  export INFRA_DIR="$(pwd -P)/.infra/fuzz" MONGO_BACKEND=memory \
    KAFKA_PORT=49092 KAFKA_CONTROLLER_PORT=49093 MONGO_PORT=27048 SMTP_PORT=1056 MAILDEV_WEB_PORT=1111
  if ! bash infra/status.sh >/dev/null 2>&1; then stop_infra=true; fi
  bash infra/up.sh
  set -a
  # shellcheck disable=SC1091
  source "$INFRA_DIR/env"
  set +a
fi
cleanup() { if $stop_infra; then bash infra/down.sh >/dev/null 2>&1 || true; fi; }
trap cleanup EXIT

node dist/scripts/fuzz-api.js "$venv/bin/st" "$@"
