# shellcheck shell=bash
# Shared helpers for ./tenure: paths, output, process and port handling.
# Sourced by ./tenure; every other file under deploy/scripts relies on it.

# --- paths ---------------------------------------------------------------
# Everything the scripts create lives under one git-ignored folder so that
# `rm -rf .tenure` is a full reset.
TENURE_ROOT="${TENURE_ROOT:?TENURE_ROOT must be set by ./tenure}"
TENURE_STATE="$TENURE_ROOT/.tenure"
TENURE_TOOLS="$TENURE_STATE/tools"
TENURE_INFRA="$TENURE_STATE/infra"
# Checkouts may share one set of tools and servers by making these two
# folders symlinks; the real paths are what running processes show.
[[ -L "$TENURE_TOOLS" ]] && TENURE_TOOLS="$(readlink -f "$TENURE_TOOLS")"
[[ -L "$TENURE_INFRA" ]] && TENURE_INFRA="$(readlink -f "$TENURE_INFRA")"
TENURE_VENV="$TENURE_TOOLS/venv"

# Test slot: several checkouts (or CI jobs) can run `./tenure test` side by
# side on one set of infrastructure servers. Slot N>0 gets its own database
# tenure_test_N, topic prefix testN., Temporal namespace tenure-test-N, state
# folder .tenure/test-N and ports shifted by N*200. Slot 0 is the default.
TENURE_TEST_SLOT="${TENURE_TEST_SLOT:-0}"
[[ "$TENURE_TEST_SLOT" =~ ^[0-9]$ ]] || { echo "TENURE_TEST_SLOT must be a digit 0-9, got '$TENURE_TEST_SLOT'" >&2; exit 2; }
if ((TENURE_TEST_SLOT == 0)); then
  TEST_SUFFIX='' TEST_TOPIC_PREFIX='test.'
else
  TEST_SUFFIX="-$TENURE_TEST_SLOT" TEST_TOPIC_PREFIX="test$TENURE_TEST_SLOT."
fi

# Infrastructure components started by *this* invocation. `./tenure test`
# stops exactly these on exit and leaves alone what was already running.
TENURE_STARTED_INFRA=()

# --- output --------------------------------------------------------------
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  C_BOLD=$'\e[1m' C_DIM=$'\e[2m' C_RED=$'\e[31m' C_GREEN=$'\e[32m' C_YELLOW=$'\e[33m' C_RESET=$'\e[0m'
else
  C_BOLD='' C_DIM='' C_RED='' C_GREEN='' C_YELLOW='' C_RESET=''
fi

log()  { printf '%s==>%s %s\n' "$C_BOLD" "$C_RESET" "$*"; }
info() { printf '    %s\n' "$*"; }
ok()   { printf '    %s%s%s\n' "$C_GREEN" "$*" "$C_RESET"; }
warn() { printf '%swarning:%s %s\n' "$C_YELLOW" "$C_RESET" "$*" >&2; }
err()  { printf '%serror:%s %s\n' "$C_RED" "$C_RESET" "$*" >&2; }
die()  { err "$*"; exit 1; }

# Print the end of a log file, framed, so a failed start explains itself.
show_log_tail() {
  local file="$1" lines="${2:-40}"
  if [[ -s "$file" ]]; then
    printf '%s--- last %s lines of %s ---%s\n' "$C_DIM" "$lines" "$file" "$C_RESET" >&2
    tail -n "$lines" "$file" >&2
    printf '%s--- end of %s ---%s\n' "$C_DIM" "$file" "$C_RESET" >&2
  else
    printf '(log %s is empty or missing)\n' "$file" >&2
  fi
}

# --- waiting -------------------------------------------------------------
# wait_until <timeout-seconds> <command...>: polls every second.
wait_until() {
  local timeout="$1"; shift
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    ((SECONDS >= deadline)) && return 1
    sleep 1
  done
}

# await_healthy <name> <timeout> <log> <alive-command> <healthy-command>:
# waits for a process just started. The commands are simple words (a function
# and its arguments). On an early exit or a time-out it shows the log's tail,
# says which, and returns 1.
await_healthy() {
  local name="$1" timeout="$2" logfile="$3" alive="$4" healthy="$5"
  local deadline=$((SECONDS + timeout))
  # shellcheck disable=SC2086 # the commands are split into words on purpose
  until $healthy >/dev/null 2>&1; do
    # Asked again a second later: just after the start, the background
    # shell may not have exec'd the server yet, so its command line does not match.
    if ! $alive >/dev/null 2>&1 && ! { sleep 1 && $alive >/dev/null 2>&1; }; then
      show_log_tail "$logfile"
      err "$name exited during start"
      return 1
    fi
    if ((SECONDS >= deadline)); then
      show_log_tail "$logfile"
      err "$name did not become healthy within ${timeout}s"
      return 1
    fi
    sleep 1
  done
}

# --- processes -----------------------------------------------------------
# A pid file is trusted only while its process is alive AND its command line
# still contains the expected marker: pids get reused, and stopping a stranger
# would be far worse than leaving a stale file behind.
pid_from_file() {
  local file="$1"
  [[ -f "$file" ]] || return 1
  local pid
  pid="$(head -n1 "$file" 2>/dev/null | tr -dc '0-9')"
  [[ -n "$pid" ]] || return 1
  printf '%s' "$pid"
}

pid_matches() {
  local pid="$1" marker="$2"
  local cmdline
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  # stderr first: the process may exit between the test and the read.
  cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline")" || return 1
  [[ "$cmdline" == *"$marker"* ]]
}

# pidfile_alive <pidfile> <cmdline-marker>: prints the pid when alive.
pidfile_alive() {
  local file="$1" marker="$2" pid
  pid="$(pid_from_file "$file")" || return 1
  pid_matches "$pid" "$marker" || return 1
  printf '%s' "$pid"
}

# stop_pid <pid> <name> [grace-seconds]: TERM, wait, then KILL.
stop_pid() {
  local pid="$1" name="$2" grace="${3:-20}"
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + grace))
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      warn "$name (pid $pid) did not stop within ${grace}s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
      break
    fi
    sleep 0.5
  done
}

# start_detached <logfile> <pidfile> <command...>: runs a long-lived process
# in its own session (so Ctrl-C on ./tenure or the end of a CI step does not
# take it down), output appended to logfile, pid written to pidfile.
start_detached() {
  local logfile="$1" pidfile="$2"; shift 2
  mkdir -p "$(dirname "$logfile")" "$(dirname "$pidfile")"
  printf '\n==== %s starting: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >>"$logfile"
  # setsid execs in place (no fork) because a background job of a
  # non-interactive shell is never a process-group leader, so $! is the
  # server's own pid.
  setsid "$@" >>"$logfile" 2>&1 </dev/null &
  printf '%s\n' "$!" >"$pidfile"
}

# --- ports ---------------------------------------------------------------
port_open() {
  local host="$1" port="$2"
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# Who listens on a TCP port (pid list, may be empty when not visible).
port_listener_pids() {
  local port="$1"
  ss -Hltnp "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | cut -d= -f2 | sort -u
}

# --- tools ---------------------------------------------------------------
have() { command -v "$1" >/dev/null 2>&1; }

# apt-get update runs at most once per invocation, and only when something
# actually has to be installed.
APT_UPDATED=0
apt_install() {
  have apt-get || { warn "apt-get not available; cannot install $*"; return 1; }
  local aptlog="$TENURE_STATE/apt.log"
  mkdir -p "$TENURE_STATE"
  if ((APT_UPDATED == 0)); then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update >>"$aptlog" 2>&1 \
      || { show_log_tail "$aptlog" 20; return 1; }
    APT_UPDATED=1
  fi
  log "apt-get install $*  (output in ${aptlog#"$TENURE_ROOT"/})"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" >>"$aptlog" 2>&1 \
    || { show_log_tail "$aptlog" 20; return 1; }
}

random_hex() {
  local bytes="${1:-32}"
  if have openssl; then
    openssl rand -hex "$bytes"
  else
    head -c "$bytes" /dev/urandom | od -An -tx1 | tr -d ' \n'
  fi
}

require_root_for() {
  [[ "$(id -u)" == 0 ]] || die "$1 needs root (it installs packages and runs servers as the postgres user)"
}
