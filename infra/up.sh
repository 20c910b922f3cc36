#!/usr/bin/env bash
# Brings up the local infrastructure: Kafka (single-node KRaft), a MongoDB wire-protocol
# server and MailDev. A part whose address is already given (KAFKA_BROKERS, MONGODB_URI,
# SMTP_URL) is left alone. Idempotent: a part that already answers is reused.
# Writes the addresses to .infra/env (sourceable). See infra/README.md.
#
#   infra/up.sh [--mongo-backend memory|h2] [--mongo-oplog on|off]
set -euo pipefail

INFRA_SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$INFRA_SRC/.." && pwd -P)
RUN_DIR="${INFRA_DIR:-$ROOT/.infra}"

MONGO_BACKEND=${MONGO_BACKEND:-h2}
MONGO_OPLOG=${MONGO_OPLOG:-off}
MONGO_H2_COMPACT=${MONGO_H2_COMPACT:-on}
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
MONGO_PORT=${MONGO_PORT:-27017}
SMTP_PORT=${SMTP_PORT:-1025}
MAILDEV_WEB_PORT=${MAILDEV_WEB_PORT:-1080}
START_TIMEOUT=${INFRA_START_TIMEOUT:-180}
MAVEN_TIMEOUT=${INFRA_MAVEN_TIMEOUT:-600}
MAILDEV_BIN=${MAILDEV_BIN:-$ROOT/node_modules/.bin/maildev}
KAFKA_JVM_OPTS=${KAFKA_JVM_OPTS:--Xms512m -Xmx1g -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError}
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

while (($#)); do
  case $1 in
    --mongo-backend) MONGO_BACKEND=${2:?--mongo-backend needs memory or h2}; shift 2 ;;
    --mongo-backend=*) MONGO_BACKEND=${1#*=}; shift ;;
    --mongo-oplog) MONGO_OPLOG=${2:?--mongo-oplog needs on or off}; shift 2 ;;
    --mongo-oplog=*) MONGO_OPLOG=${1#*=}; shift ;;
    -h | --help) sed -n '2,7p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "up.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
case $MONGO_BACKEND in memory | h2) ;; *) echo "up.sh: MONGO_BACKEND must be memory or h2" >&2; exit 2 ;; esac
# The memory backend keeps every document in the heap: 1 GiB ran out while a 100,000-user import
# was applied (with the services' projections of them in the same server); the H2 file backend
# keeps its data on disk and a cache in the heap.
if [[ $MONGO_BACKEND == memory ]]; then mongo_heap=4g; else mongo_heap=1g; fi
MONGO_JVM_OPTS=${MONGO_JVM_OPTS:--Xmx$mongo_heap -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
case $MONGO_OPLOG in on | off) ;; *) echo "up.sh: MONGO_OPLOG must be on or off" >&2; exit 2 ;; esac
case $MONGO_H2_COMPACT in on | off) ;; *) echo "up.sh: MONGO_H2_COMPACT must be on or off" >&2; exit 2 ;; esac

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
rel() { printf '%s' "${1#"$ROOT"/}"; }

# shellcheck source=lib.sh
. "$INFRA_SRC/lib.sh"

probe() { node "$INFRA_SRC/probe.cjs" "$@" >/dev/null 2>&1; }

# spawn PART COMMAND... : detached from this shell, in .infra/<part>/ (our_pid checks that),
# output to .infra/<part>/<part>.log.
spawn() {
  local part=$1 dir="$RUN_DIR/$1" detach=(nohup)
  shift
  command -v setsid >/dev/null && detach=(setsid nohup)
  rm -f "$dir/pid"
  printf '\n=== %s starting %s\n' "$(date '+%F %T')" "$part" >>"$dir/$part.log"
  # The lock descriptor (9) is closed so that the lock is released when this script ends.
  # shellcheck disable=SC2016 # $$ and $@ belong to the inner bash
  (cd "$dir" && exec "${detach[@]}" bash -c 'echo $$ >"$0"; exec "$@"' "$dir/pid" "$@" \
    >>"$dir/$part.log" 2>&1 </dev/null 9>&-) &
  local i
  for ((i = 0; i < 50; i++)); do [[ -s $dir/pid ]] && return 0; sleep 0.1; done
  die "$part did not start; see $(rel "$dir/$part.log")"
}

# wait_ready PART PROBE-ARGS... : until the probe passes, our process dies, or the timeout.
wait_ready() {
  local part=$1 logfile="$RUN_DIR/$1/$1.log" deadline=$((SECONDS + START_TIMEOUT)) pid
  shift
  pid=$(cat "$RUN_DIR/$part/pid")
  until probe "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 20 "$logfile" >&2 || true
      die "$part exited during start-up; full log: $(rel "$logfile")"
    fi
    ((SECONDS < deadline)) || die "$part did not answer within ${START_TIMEOUT}s; see $(rel "$logfile")"
    sleep 0.5
  done
}

# Runtime classpath of infra/<part>/pom.xml, resolved by Maven once and cached under
# .infra/<part>/ keyed on the POM's hash. The jars stay in Maven's local repository.
classpath_file() {
  local part=$1 dir="$RUN_DIR/$1" hash file attempt
  hash=$(sha256sum "$INFRA_SRC/$part/pom.xml" | cut -c1-16)
  file="$dir/classpath-$hash.txt"
  if [[ -s $file ]] && all_jars_present "$file"; then printf '%s' "$file"; return; fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to fetch the $part jars"
  log "resolving $part jars with Maven (first run downloads them; log: $(rel "$dir/maven.log"))"
  for attempt in 1 2; do
    if timeout "$MAVEN_TIMEOUT" mvn -B -q -Dstyle.color=never -f "$INFRA_SRC/$part/pom.xml" \
      "$DEPENDENCY_PLUGIN:build-classpath" -Dmdep.includeScope=runtime \
      -Dmdep.outputFile="$file.tmp" >>"$dir/maven.log" 2>&1 && [[ -s $file.tmp ]]; then
      rm -f "$dir"/classpath-*.txt
      mv "$file.tmp" "$file"
      printf '%s' "$file"
      return
    fi
    log "Maven attempt $attempt for $part failed"
  done
  tail -n 20 "$dir/maven.log" >&2 || true
  die "could not resolve the $part jars; see $(rel "$dir/maven.log")"
}

all_jars_present() {
  local jar jars
  IFS=: read -r -a jars <"$1"
  for jar in "${jars[@]}"; do [[ -f $jar ]] || return 1; done
}

start_maildev() {
  [[ -x $MAILDEV_BIN ]] || die "MailDev not found at $(rel "$MAILDEV_BIN"); run npm ci at the repository root"
  spawn maildev "$MAILDEV_BIN" --ip 127.0.0.1 --smtp "$SMTP_PORT" \
    --web-ip 127.0.0.1 --web "$MAILDEV_WEB_PORT"
}

start_mongo() {
  local cp backend=memory
  cp=$(classpath_file mongo)
  [[ $MONGO_BACKEND == h2 ]] && backend="h2:$RUN_DIR/mongo/data.mv"
  printf '%s\n' "$MONGO_BACKEND" >"$RUN_DIR/mongo/backend"
  printf '%s\n' "$MONGO_OPLOG" >"$RUN_DIR/mongo/oplog"
  # shellcheck disable=SC2086 # JVM options are a word list
  spawn mongo java $MONGO_JVM_OPTS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$(<"$cp")" "$INFRA_SRC/mongo/MongoLauncher.java" \
    --host 127.0.0.1 --port "$MONGO_PORT" --backend "$backend" \
    --oplog "$MONGO_OPLOG" --h2-compact "$MONGO_H2_COMPACT"
}

start_kafka() {
  local cp dir="$RUN_DIR/kafka" log4j="-Dlog4j.configuration=file:$INFRA_SRC/kafka/log4j.properties"
  cp=$(classpath_file kafka)
  mkdir -p "$dir/data"
  sed -e "s|@KAFKA_PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    -e "s|@LOG_DIR@|$dir/data|g" "$INFRA_SRC/kafka/server.properties.template" >"$dir/server.properties"
  if [[ ! -f $dir/data/meta.properties ]]; then
    # A cluster id is 16 random bytes in URL-safe base64 without padding. One that begins
    # with '-' reads as an option to StorageTool (one start in 64 failed), so draw again,
    # as Kafka's own Uuid.randomUuid does.
    if [[ ! -s $dir/cluster-id || $(<"$dir/cluster-id") == -* ]]; then
      local id=-
      while [[ $id == -* ]]; do id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'); done
      printf '%s' "$id" >"$dir/cluster-id"
    fi
    java "$log4j" -cp "$(<"$cp")" kafka.tools.StorageTool format -t "$(<"$dir/cluster-id")" \
      -c "$dir/server.properties" --ignore-formatted >>"$dir/kafka.log" 2>&1 ||
      die "formatting the Kafka log directory failed; see $(rel "$dir/kafka.log")"
  fi
  # shellcheck disable=SC2086 # JVM options are a word list
  spawn kafka java $KAFKA_JVM_OPTS -Djava.awt.headless=true "$log4j" -cp "$(<"$cp")" \
    kafka.Kafka "$dir/server.properties"
}

# ensure PART START-FUNCTION PROBE-ARGS... : reuse what answers, start the rest.
# Sets STARTED to the parts started now (they are waited for later).
STARTED=()
ensure() {
  local part=$1 start=$2 pid
  shift 2
  mkdir -p "$RUN_DIR/$part"
  if pid=$(our_pid "$part"); then
    log "$part: already running (pid $pid)"
    STARTED+=("$part")
  elif probe "$@"; then
    log "$part: something else answers at $2; reusing it"
  else
    log "$part: starting"
    "$start"
    STARTED+=("$part")
  fi
}

use_docker() {
  [[ ${INFRA_NO_DOCKER:-} != 1 ]] && command -v docker >/dev/null &&
    timeout 10 docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1
}

mkdir -p "$RUN_DIR"
exec 9>"$RUN_DIR/.lock"
if command -v flock >/dev/null; then flock -w "$START_TIMEOUT" 9 || die "another up.sh or down.sh holds $(rel "$RUN_DIR/.lock")"; fi

command -v node >/dev/null || die "node is needed for the readiness probes"
DOCKER=false
use_docker && DOCKER=true
if [[ -z ${KAFKA_BROKERS:-} || -z ${MONGODB_URI:-} ]] && ! $DOCKER; then
  command -v java >/dev/null || die "Java 17 is needed for the local Kafka and MongoDB"
fi

declare -A PROBE=(
  [kafka]="kafka 127.0.0.1:$KAFKA_PORT"
  [mongo]="mongo 127.0.0.1:$MONGO_PORT"
  [maildev]="http http://127.0.0.1:$MAILDEV_WEB_PORT/api/healthz"
)
# One stand-alone server: with discovery on, the Node driver stopped connecting for good after
# losing every connection to it for a few seconds; a direct connection reconnects.
MONGO_LOCAL_URI="mongodb://127.0.0.1:$MONGO_PORT/?directConnection=true"

if $DOCKER; then
  services=()
  [[ -n ${SMTP_URL:-} ]] || services+=(maildev)
  [[ -n ${MONGODB_URI:-} ]] || services+=(mongo)
  [[ -n ${KAFKA_BROKERS:-} ]] || services+=(kafka)
  if ((${#services[@]})); then
    log "Docker engine answers: docker compose up -d ${services[*]}"
    KAFKA_PORT=$KAFKA_PORT MONGO_PORT=$MONGO_PORT SMTP_PORT=$SMTP_PORT MAILDEV_WEB_PORT=$MAILDEV_WEB_PORT \
      docker compose -f "$INFRA_SRC/docker-compose.yml" up -d "${services[@]}" >&2
    touch "$RUN_DIR/docker"
    deadline=$((SECONDS + START_TIMEOUT))
    for part in "${services[@]}"; do
      # shellcheck disable=SC2086 # probe arguments are a word list
      until probe ${PROBE[$part]}; do
        ((SECONDS < deadline)) || die "$part container did not answer; try: docker compose -f infra/docker-compose.yml logs $part"
        sleep 1
      done
    done
  fi
else
  # MailDev first: it needs no Maven, so it starts while the jars resolve.
  # shellcheck disable=SC2086 # probe arguments are a word list
  {
    [[ -n ${SMTP_URL:-} ]] || ensure maildev start_maildev ${PROBE[maildev]}
    [[ -n ${MONGODB_URI:-} ]] || ensure mongo start_mongo ${PROBE[mongo]}
    [[ -n ${KAFKA_BROKERS:-} ]] || ensure kafka start_kafka ${PROBE[kafka]}
  }
  if [[ -f $RUN_DIR/mongo/backend && $(<"$RUN_DIR/mongo/backend") != "$MONGO_BACKEND" ]] && our_pid mongo >/dev/null; then
    log "mongo: note: the running server uses the $(<"$RUN_DIR/mongo/backend") backend (run infra/down.sh to switch)"
  fi
  if [[ $(cat "$RUN_DIR/mongo/oplog" 2>/dev/null || echo on) != "$MONGO_OPLOG" ]] && our_pid mongo >/dev/null; then
    log "mongo: note: the running server was started with the oplog $(cat "$RUN_DIR/mongo/oplog" 2>/dev/null || echo on) (run infra/down.sh to switch)"
  fi
  for part in "${STARTED[@]}"; do
    # shellcheck disable=SC2086 # probe arguments are a word list
    wait_ready "$part" ${PROBE[$part]}
    log "$part: ready"
  done
fi

# Values given in the environment are written as given, quoted when the shell needs it.
env_line() {
  if [[ $2 =~ ^[A-Za-z0-9_./:,@%+=-]*$ ]]; then
    printf '%s=%s\n' "$1" "$2"
  else
    printf "%s='%s'\n" "$1" "${2//\'/\'\\\'\'}"
  fi
}
# MAILDEV_API_URL is MailDev's web root; its REST API is under /api (GET /api/email).
maildev_api=${MAILDEV_API_URL:-}
[[ -n ${SMTP_URL:-} ]] || maildev_api=${maildev_api:-http://127.0.0.1:$MAILDEV_WEB_PORT}
{
  env_line KAFKA_BROKERS "${KAFKA_BROKERS:-127.0.0.1:$KAFKA_PORT}"
  env_line MONGODB_URI "${MONGODB_URI:-$MONGO_LOCAL_URI}"
  env_line SMTP_URL "${SMTP_URL:-smtp://127.0.0.1:$SMTP_PORT}"
  env_line MAILDEV_API_URL "$maildev_api"
} >"$RUN_DIR/env.tmp"
mv "$RUN_DIR/env.tmp" "$RUN_DIR/env"

log "ready in ${SECONDS}s; addresses (also in $(rel "$RUN_DIR/env")):"
cat "$RUN_DIR/env"
