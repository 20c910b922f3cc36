#!/usr/bin/env bash
# `npm run bench`: the platform benchmark (bench/platform.bench.ts): the database engine's
# ceiling, then membership events into coaching's projection, a group assignment's fan-out and
# one membership's latency to its assignment. Prints a table and rewrites docs/benchmarks.md.
#
#   npm run bench -- [--engine memory|h2] [--sizes 10000,100000] [--latency-samples 1000] [--only a,b,c]
#
# `--bench <name>` runs bench/<name>.bench.ts instead, on the same fresh infrastructure
# (`npm run bench:gateway`, `npm run bench:sign-in`).
#
# Installs what is missing and, unless KAFKA_BROKERS, MONGODB_URI and SMTP_URL are given (and
# no --engine), starts infrastructure of the benchmark's own: its own folder
# (.infra/bench-<engine>) and ports, so that the broker and database of `npm start` and
# `npm test` are never touched, with a fresh Kafka log and database file; it stops it again
# afterwards if it started it. Then builds and runs the benchmark with the other arguments.
# `npm run bench -- --help` lists every option.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd -P)

engine=""
bench=platform
args=()
while (($#)); do
  case $1 in
    --bench)
      bench=${2:-}
      shift 2
      ;;
    --bench=*) bench=${1#*=}; shift ;;
    --engine)
      engine=${2:-}
      [ -n "$engine" ] || { echo "bench.sh: --engine takes memory or h2" >&2; exit 2; }
      shift 2
      ;;
    --engine=*) engine=${1#*=}; shift ;;
    *) args+=("$1"); shift ;;
  esac
done
case $engine in
  "" | memory | h2) ;;
  *) echo "bench.sh: --engine takes memory or h2" >&2; exit 2 ;;
esac

bash scripts/ensure-deps.sh

if [[ " ${args[*]-} " == *" --help "* || " ${args[*]-} " == *" -h "* ]]; then
  [ -f "dist/bench/$bench.bench.js" ] || bash scripts/build.sh
  exec node "dist/bench/$bench.bench.js" --help
fi

stop_infra=false
cleanup() {
  if $stop_infra; then bash infra/down.sh --purge >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

if [ -n "$engine" ] || [ -z "${KAFKA_BROKERS:-}" ] || [ -z "${MONGODB_URI:-}" ] || [ -z "${SMTP_URL:-}" ]; then
  engine=${engine:-memory}
  # Ports of the benchmark's own, one set per engine (npm start uses 9092/27017/1025/1080,
  # npm test 19092/27018/1026/1081).
  case $engine in
    memory) offset=0 ;;
    h2) offset=1 ;;
  esac
  unset KAFKA_BROKERS MONGODB_URI SMTP_URL MAILDEV_API_URL
  export INFRA_DIR="$root/.infra/bench-$engine" MONGO_BACKEND=$engine \
    KAFKA_PORT=$((39092 + 100 * offset)) KAFKA_CONTROLLER_PORT=$((39093 + 100 * offset)) \
    MONGO_PORT=$((27038 + offset)) SMTP_PORT=$((1046 + offset)) MAILDEV_WEB_PORT=$((1101 + offset))
  if ! bash infra/status.sh >/dev/null 2>&1; then
    stop_infra=true
    # Whatever an interrupted earlier run left behind: a fresh broker log and database file.
    bash infra/down.sh --purge >/dev/null 2>&1 || true
  fi
  bash infra/up.sh
  set -a
  # shellcheck disable=SC1091
  source "$INFRA_DIR/env"
  set +a
  if [ "$bench" = platform ]; then args=(--engine "$engine" ${args[@]+"${args[@]}"}); fi
fi
echo "Building..."
bash scripts/build.sh
[ -f "dist/bench/$bench.bench.js" ] || { echo "bench.sh: no benchmark bench/$bench.bench.ts" >&2; exit 2; }
node --enable-source-maps "dist/bench/$bench.bench.js" ${args[@]+"${args[@]}"}
