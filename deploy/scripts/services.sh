# shellcheck shell=bash
# Building and running the Tenure services (compiled NestJS apps under dist/)
# as background processes of one environment (env_select first).

BUILD_STAMP="$TENURE_ROOT/dist/.build-stamp"
SERVICE_HEALTH_TIMEOUT="${TENURE_HEALTH_TIMEOUT:-60}"

service_main() {
  if [[ "$1" == dev-idp ]]; then
    printf '%s/deploy/dev-idp/dev-idp.mjs' "$TENURE_ROOT"
  else
    printf '%s/dist/apps/%s/src/main.js' "$TENURE_ROOT" "$1"
  fi
}
service_log() { printf '%s/%s.log' "$ENV_LOG_DIR" "$1"; }
service_pidfile() { printf '%s/%s.pid' "$ENV_PID_DIR" "$1"; }
service_pid() { pidfile_alive "$(service_pidfile "$1")" "$(service_main "$1")"; }

# HTTP status of GET /health, "000" when nothing answers.
service_health_code() {
  curl -s -o /dev/null -m 3 -w '%{http_code}' "http://127.0.0.1:$(service_port "$1")/health" 2>/dev/null || true
}
service_healthy() { [[ "$(service_health_code "$1")" == 200 ]]; }

# --- build ---------------------------------------------------------------
deps_stale() {
  [[ -d "$TENURE_ROOT/node_modules" ]] || return 0
  [[ -f "$TENURE_ROOT/node_modules/.package-lock.json" ]] || return 0
  [[ "$TENURE_ROOT/package-lock.json" -nt "$TENURE_ROOT/node_modules/.package-lock.json" ]]
}

# Stale when any source or build setting changed since the last build.
build_stale() {
  [[ -f "$BUILD_STAMP" ]] || return 0
  local f
  for f in package-lock.json tsconfig.json tsconfig.base.json tsconfig.build.json nest-cli.json; do
    [[ "$TENURE_ROOT/$f" -nt "$BUILD_STAMP" ]] && return 0
  done
  local dirs=()
  for f in apps libs; do [[ -d "$TENURE_ROOT/$f" ]] && dirs+=("$TENURE_ROOT/$f"); done
  ((${#dirs[@]})) || return 1
  [[ -n "$(find "${dirs[@]}" -name '*.ts' -newer "$BUILD_STAMP" -print -quit)" ]]
}

# The console's web app (apps/console/web, Vite) is built apart from the
# TypeScript services: stale when any of its files changed since its build.
# The stamp sits beside the output: Vite empties dist/console-web on each build.
WEB_BUILD_STAMP="$TENURE_ROOT/dist/.console-web-build-stamp"
web_build_stale() {
  [[ -f "$WEB_BUILD_STAMP" ]] || return 0
  [[ "$TENURE_ROOT/package-lock.json" -nt "$WEB_BUILD_STAMP" ]] && return 0
  [[ -n "$(find "$TENURE_ROOT/apps/console/web" -type f -newer "$WEB_BUILD_STAMP" -print -quit)" ]]
}

build_console_web() {
  web_build_stale || { ok "console web app up to date"; return 0; }
  log "building the console web app (vite build)"
  local stamp_tmp="$TENURE_STATE/web-build-stamp.tmp"
  touch "$stamp_tmp"
  (cd "$TENURE_ROOT" && npm run --silent build:web) || { rm -f "$stamp_tmp"; die "console web build failed"; }
  mv -f "$stamp_tmp" "$WEB_BUILD_STAMP"
  ok "console web app built"
}

# The project's npm packages, installed when package-lock.json is newer than
# what node_modules holds (a fresh clone has none).
node_deps_install() {
  have node && have npm || die "Node.js 20.3+ and npm are required (node and npm not found)"
  if deps_stale; then
    log "npm ci"
    (cd "$TENURE_ROOT" && npm ci --no-audit --no-fund) || die "npm ci failed"
  fi
}

build_tenure() {
  if [[ -n "${TENURE_SKIP_BUILD:-}" ]]; then
    info "TENURE_SKIP_BUILD set: using dist/ as it is"
    return 0
  fi
  mkdir -p "$TENURE_STATE"
  # One build at a time, even when `up` and `test` run concurrently.
  exec 8>"$TENURE_STATE/build.lock"
  flock 8
  node_deps_install
  if build_stale; then
    log "building TypeScript (npm run build)"
    # Stamp the start time: a file saved during the build makes the next
    # run rebuild.
    local stamp_tmp="$TENURE_STATE/build-stamp.tmp"
    touch "$stamp_tmp"
    (cd "$TENURE_ROOT" && npm run --silent build) || { rm -f "$stamp_tmp"; die "build failed"; }
    mkdir -p "$(dirname "$BUILD_STAMP")"
    mv -f "$stamp_tmp" "$BUILD_STAMP"
    ok "build done"
  else
    ok "build up to date"
  fi
  build_console_web
  flock -u 8
  exec 8>&-
}

# --- start / stop ----------------------------------------------------------
service_start() {
  local svc="$1" port pid main log
  port="$(service_port "$svc")"
  main="$(service_main "$svc")"
  log="$(service_log "$svc")"
  if pid="$(service_pid "$svc")"; then
    if service_healthy "$svc"; then
      ok "$svc already running (pid $pid, port $port)"
      return 0
    fi
    warn "$svc (pid $pid) is running but /health does not answer 200; restarting it"
    service_stop "$svc"
  fi
  [[ -f "$main" ]] || die "$svc: ${main#"$TENURE_ROOT"/} not found (did the build produce it?)"
  if port_open 127.0.0.1 "$port"; then
    die "$svc: port $port is in use by another process (pids: $(port_listener_pids "$port" | tr '\n' ' '))"
  fi
  info "starting $svc on :$port"
  (
    cd "$TENURE_ROOT"
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    # A service with its own role migrates as the owner and runs as itself.
    local own_url
    own_url="$(pg_service_url_var "$svc")"
    if [[ -n "${!own_url:-}" ]]; then
      DATABASE_MIGRATION_URL="$DATABASE_URL"
      DATABASE_URL="${!own_url}"
    fi
    set +a
    # TENURE_NODE_FLAGS: extra node flags for every service, e.g. to profile
    # a bench run (--cpu-prof --cpu-prof-dir=DIR; node refuses those in
    # NODE_OPTIONS).
    # shellcheck disable=SC2086
    start_detached "$log" "$(service_pidfile "$svc")" node --enable-source-maps ${TENURE_NODE_FLAGS:-} "$main"
  )
  if ! await_healthy "$svc" "$SERVICE_HEALTH_TIMEOUT" "$log" "service_pid $svc" "service_healthy $svc"; then
    err "$svc: GET http://127.0.0.1:$port/health last answered $(service_health_code "$svc")"
    return 1
  fi
  ok "$svc up (pid $(service_pid "$svc"), http://127.0.0.1:$port)"
}

services_start() {
  log "starting $TENURE_ENV services"
  local svc
  for svc in "${SERVICES[@]}"; do
    [[ "$svc" == dev-idp ]] && ! dev_idp_wanted && continue
    service_start "$svc" || return 1
  done
}

service_stop() {
  local svc="$1" pid
  if pid="$(service_pid "$svc")"; then
    info "stopping $TENURE_ENV $svc (pid $pid)"
    stop_pid "$pid" "$svc" 15
  fi
  rm -f "$(service_pidfile "$svc")"
}

services_stop() {
  local i
  for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do
    service_stop "${SERVICES[i]}"
  done
}

services_status() {
  local svc pid port code
  for svc in "${SERVICES[@]}"; do
    port="$(service_port "$svc")"
    if pid="$(service_pid "$svc")"; then
      code="$(service_health_code "$svc")"
      if [[ "$code" == 200 ]]; then code=ok; else code="http $code"; fi
      status_row "$TENURE_ENV/$svc" running "$pid" "$port" "$code"
    else
      status_row "$TENURE_ENV/$svc" stopped - "$port" -
    fi
  done
}
