# shellcheck shell=bash
# Shared by up.sh, down.sh and status.sh (sourced; expects RUN_DIR).

# our_pid PART: prints the pid in .infra/<part>/pid if that process is alive and is the one
# up.sh started (it runs in .infra/<part>/), else fails.
our_pid() {
  local part=$1 pid
  pid=$(cat "$RUN_DIR/$part/pid" 2>/dev/null) || return 1
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  [[ $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$RUN_DIR/$part" ]] || return 1
  printf '%s' "$pid"
}
