#!/usr/bin/env bash
# Keeps one process running: starts COMMAND (its output appended to LOGFILE) and, whenever it
# exits, says so on stderr (name, exit status, log file, restart count, the log's last
# lines) and starts it again after a pause that doubles on each crash in a row (1 s, 2 s,
# 4 s ... at most 30 s) and falls back to 1 s once the process has stayed up for a minute.
# SIGTERM, SIGINT or SIGHUP stop it: the process gets SIGTERM, then SIGKILL after the grace
# period; a pending restart is dropped. `npm start` runs one per service (scripts/start.sh).
#
#   scripts/supervise.sh NAME LOGFILE COMMAND [ARG...]
#
# Settings (milliseconds unless said): SUPERVISE_BACKOFF_MS (1000), SUPERVISE_BACKOFF_MAX_MS
# (30000), SUPERVISE_STABLE_MS (60000: uptime after which the pause starts again at the
# first value), SUPERVISE_STOP_GRACE (seconds, 20), SUPERVISE_TAIL_LINES (5),
# SUPERVISE_PREFIX (prefix of the messages, "[supervise] ").
set -uo pipefail
# Job control puts the process in a process group of its own, so that a Ctrl-C in the
# terminal reaches the script that started this one, not the process: stopping is that
# script's decision (it sends SIGTERM here), and an interrupted process is not restarted.
set -m
# With job control bash reports on its jobs ("Killed", "[1]+ Terminated"); those reports go
# nowhere, this script's own messages go to the original stderr (descriptor 3).
exec 3>&2 2>/dev/null

if (($# < 3)); then
  sed -n '9p' "${BASH_SOURCE[0]}" >&3
  exit 2
fi
name=$1 logfile=$2
shift 2

backoff_ms=${SUPERVISE_BACKOFF_MS:-1000}
backoff_max_ms=${SUPERVISE_BACKOFF_MAX_MS:-30000}
stable_ms=${SUPERVISE_STABLE_MS:-60000}
grace=${SUPERVISE_STOP_GRACE:-20}
tail_lines=${SUPERVISE_TAIL_LINES:-5}
prefix=${SUPERVISE_PREFIX-"[supervise] "}

say() { printf '%s%s\n' "$prefix" "$*" >&3; }

now_ms() {
  local t=${EPOCHREALTIME:-}
  if [[ -n $t ]]; then
    t=${t//[!0-9]/} # microseconds, whatever the locale's decimal separator
    printf '%s' $((10#$t / 1000))
  else
    printf '%s' $((SECONDS * 1000))
  fi
}

seconds() { # seconds MS: "1.5s"
  local ms=$1
  if ((ms % 1000 == 0)); then printf '%ss' $((ms / 1000)); else printf '%d.%ds' $((ms / 1000)) $((ms % 1000 / 100)); fi
}

describe() { # describe STATUS: how the process ended, as far as `wait` tells
  local status=$1 signal
  if ((status > 128)) && signal=$(kill -l $((status - 128)) 2>/dev/null); then
    printf 'exited with status %s (SIG%s)' "$status" "${signal#SIG}"
  else
    printf 'exited with status %s' "$status"
  fi
}

child="" pause=""
stop() {
  trap - TERM INT HUP
  if [[ -n $pause ]]; then kill "$pause" 2>/dev/null || true; fi
  if [[ -n $child ]] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    local i
    for ((i = 0; i < grace * 5; i++)); do
      kill -0 "$child" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$child" 2>/dev/null; then
      say "$name did not stop within ${grace}s; sending SIGKILL"
      kill -KILL "$child" 2>/dev/null || true
    fi
    wait "$child" 2>/dev/null || true
  fi
  exit 0
}
trap stop TERM INT HUP

restarts=0
delay_ms=$backoff_ms
while :; do
  started_ms=$(now_ms)
  if ((restarts > 0)); then
    printf '\n=== %s %s started again (restart %s)\n' "$(date '+%F %T')" "$name" "$restarts" >>"$logfile"
  fi
  log_offset=$(wc -c 2>/dev/null <"$logfile" || echo 0)
  "$@" >>"$logfile" 2>&1 </dev/null &
  child=$!
  if ((restarts > 0)); then say "$name started again (restart $restarts, pid $child)"; fi
  wait "$child"
  status=$?
  child=""
  ran_ms=$(($(now_ms) - started_ms))
  if ((ran_ms >= stable_ms)); then delay_ms=$backoff_ms; fi
  restarts=$((restarts + 1))
  say "$name $(describe "$status") after $(seconds "$ran_ms"); restart $restarts in $(seconds "$delay_ms") (log: $logfile)"
  if ((tail_lines > 0)); then # the last lines this run wrote
    while IFS= read -r line; do say "    $line"; done < <(tail -c +$((log_offset + 1)) "$logfile" 2>/dev/null | tail -n "$tail_lines")
  fi
  sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))" &
  pause=$!
  wait "$pause"
  pause=""
  delay_ms=$((delay_ms * 2 > backoff_max_ms ? backoff_max_ms : delay_ms * 2))
done
