# shellcheck shell=bash
# The ./tenure subcommands. Each cmd_* function is one subcommand.

cmd_help() {
  cat <<'EOF'
Tenure: identity lifecycle automation. Local stack manager.

usage: ./tenure <command> [args]

  up                    start the infrastructure and the dev services
  down [--services]     stop the dev services, then the infrastructure
                        (--services: the services only)
  status                state of the infrastructure and of every service
  test [jest args...]   start the infrastructure and the test services
                        (ports 4001-4004, 4100), run jest, stop what it started
  infra up|down|status  the infrastructure only: PostgreSQL, Kafka, Temporal
  logs <name> [--env dev|test] [-f] [-n lines]
                        print (or follow) a log: postgres, kafka, temporal,
                        or a service (console, hr-ingest, orchestrator,
                        connector-gateway, audit, saas-sim)
  event <type> <employeeId> [field=value ...] [--env test]
                        send a signed HR webhook to hr-ingest
  import [--env dev|test] <file.csv>
                        import people from a CSV file into hr-ingest, with a
                        progress bar and a summary of accepted, duplicate and
                        rejected rows
  bench [--env dev|test] lifecycle [people] [concurrency]
                        time from a hire's and a termination's 202 until every
                        account is active/disabled, on the running dev stack
                        (or on test services started for it: --env test)
  bench [--env dev|test] reconcile [accounts] [app]
                        seed an app with accounts and time a reconciliation
  bench [--env dev|test] audit [--messages N] [--records N] [--samples N] [--keep]
                        an audit service on a database and topics of its own:
                        ingest rate from Kafka, query latency and verification
                        time with a million records, export throughput
  bench [--env dev|test] ingest [--rate N] [--seconds N] [--rows N] [--workers N]
                        an hr-ingest of its own (own database and topics):
                        accepted webhooks per second, acceptance latency, and
                        a streamed CSV import of N rows
  bench [--env dev|test] leavers [--rate N] [--seconds N] [--apps 3|5] [--people N]
        [--chaos] [--hires-only] [--replicas 1|2] [--wait-minutes N]
                        hire a population, then terminate at a steady rate:
                        time to revoke beside the direct-call floor, CPU per
                        process, Temporal tasks and app requests per person,
                        what was lost or duplicated (--chaos: kill -9 the
                        orchestrator mid-burst)
  help                  this text

Existing servers are used instead of local ones when DATABASE_URL,
KAFKA_BROKERS or TEMPORAL_ADDRESS are set. Local ports: TENURE_PG_PORT (5432),
TENURE_KAFKA_PORT (9092), TENURE_TEMPORAL_PORT (7233), TENURE_TEMPORAL_UI_PORT (8233).
TENURE_SKIP_BUILD=1 uses dist/ as it is; TENURE_HEALTH_TIMEOUT (60) bounds each
service's start. State, logs and generated secrets live in .tenure/ (delete it
to reset).
EOF
}

cmd_infra() {
  case "${1:-}" in
    up) infra_up; echo; cmd_infra status ;;
    down) infra_down ;;
    status) status_header; infra_status ;;
    *) die "usage: ./tenure infra up|down|status" ;;
  esac
}

cmd_up() {
  [[ $# -eq 0 ]] || die "usage: ./tenure up"
  infra_up
  env_select dev
  env_write
  build_tenure
  services_start || die "the dev services did not all start; logs: ${ENV_LOG_DIR#"$TENURE_ROOT"/}/"
  dev_idp_wanted && hire_dev_people
  print_summary
}

# The development provider's manager and report are people in the HR data:
# hired once (the fixed eventId makes a later `up` a duplicate that changes nothing).
hire_dev_people() {
  local line
  while IFS= read -r line; do
    # shellcheck disable=SC2086
    eval "cmd_event hire $line" >/dev/null || warn "could not hire the development person ${line%% *}"
  done < <(node -e '
    const users = require("yaml").parse(require("fs").readFileSync(process.argv[1], "utf8")).users;
    const q = (v) => `'"'"'${String(v).replace(/'"'"'/g, "")}'"'"'`;
    for (const u of users.filter((u) => u.employeeId)) {
      const [given, ...family] = u.name.split(" ");
      const fields = { eventId: `dev-idp-hire-${u.employeeId}`, email: u.email, givenName: given,
        familyName: family.join(" "), department: u.department, title: u.title, managerId: u.managerId };
      const pairs = Object.entries(fields).filter(([, v]) => v).map(([k, v]) => q(`${k}=${v}`));
      process.stdout.write(`${u.employeeId} ${pairs.join(" ")}\n`);
    }' "${TENURE_CONFIG_DIR:-$TENURE_ROOT/config}/dev-idp.yaml")
  ok "development people hired (see config/dev-idp.yaml)"
}

print_summary() {
  local port
  echo
  log "Tenure is up (dev)"
  printf '  %-22s %s\n' \
    "Console" "http://127.0.0.1:$(service_port console)" \
    "HR webhooks" "http://127.0.0.1:$(service_port hr-ingest)/v1/events/generic" \
    "Ops API" "http://127.0.0.1:$(service_port orchestrator)" \
    "Connector gateway" "http://127.0.0.1:$(service_port connector-gateway)" \
    "Audit API" "http://127.0.0.1:$(service_port audit)" \
    "Simulated apps" "http://127.0.0.1:$(service_port saas-sim)/<appId>/scim/v2" \
    "Temporal UI" "$(temporal_external && echo "(external: $TEMPORAL_ADDRESS)" || echo "http://127.0.0.1:$TEMPORAL_UI_PORT")" \
    "Temporal" "$(temporal_address) (namespace default)" \
    "PostgreSQL" "$(pg_url "$PG_DB_DEV")" \
    "Kafka" "$(kafka_bootstrap)"
  echo
  log "dev credentials (${SECRETS_FILE#"$TENURE_ROOT"/})"
  printf '  %-22s %s\n' \
    "webhook secret" "$(env_get TENURE_WEBHOOK_SECRET_GENERIC)" \
    "ops token" "$(env_get TENURE_OPS_TOKEN)" \
    "audit token" "$(env_get TENURE_AUDIT_TOKEN)"
  echo
  print_sign_in
  echo
  printf '  %-22s %s\n' \
    "environment file" "${ENV_FILE#"$TENURE_ROOT"/}" \
    "logs" "${ENV_LOG_DIR#"$TENURE_ROOT"/}/  (./tenure logs <service>)" \
    "try" "./tenure event hire E1001 givenName=Ada familyName=Lovelace"
}

# How people sign in: the issuer, and the development users when it is ours.
print_sign_in() {
  log "sign in (OpenID Connect, issuer $(oidc_issuer))"
  if ! dev_idp_wanted; then
    printf '  %-22s %s\n' "provider" "your company's (TENURE_OIDC_ISSUER); roles from config/auth.yaml"
    return 0
  fi
  printf '  %-22s %s\n' \
    "console client" "tenure-console (public, authorization code + PKCE)" \
    "API client" "tenure-cli, secret $(env_get TENURE_DEV_IDP_CLIENT_SECRET), redirect http://127.0.0.1/callback" \
    "token audience" "$(oidc_audience)" \
    "SSF receiver client" "tenure-ssf-receiver, secret $(env_get TENURE_DEV_IDP_SSF_RECEIVER_SECRET), client credentials for ${TENURE_SSF_AUDIENCE:-urn:tenure:ssf}"
  node -e '
    const users = require("yaml").parse(require("fs").readFileSync(process.argv[1], "utf8")).users;
    for (const u of users) {
      const who = [u.employeeId, u.managerId && `reports to ${u.managerId}`].filter(Boolean).join(", ");
      process.stdout.write(`  ${u.username.padEnd(10)} ${u.password.padEnd(22)} ${(u.groups.join(" ") || "-").padEnd(18)} ${who}\n`);
    }' "${TENURE_CONFIG_DIR:-$TENURE_ROOT/config}/dev-idp.yaml"
}

cmd_down() {
  local services_only=0
  case "${1:-}" in
    "") ;;
    --services) services_only=1 ;;
    *) die "usage: ./tenure down [--services]" ;;
  esac
  env_select dev
  services_stop
  ((services_only)) && return 0
  # Test services left behind by an interrupted test run go too: they would
  # lose their infrastructure anyway.
  env_select test
  services_stop
  infra_down
  ok "stopped"
}

cmd_status() {
  status_header
  infra_status
  local env
  for env in dev test; do
    env_select "$env"
    services_status
  done
}

cmd_test() {
  # The full suite lints first: a lint error fails the run in seconds, before any service starts.
  # A subset (`./tenure test <path>`) skips it; `npm run lint` runs it alone.
  if [[ $# -eq 0 ]]; then
    # ESLint is one of the project's packages: a fresh clone installs them first.
    mkdir -p "$TENURE_STATE"
    (exec 8>"$TENURE_STATE/build.lock" && flock 8 && node_deps_install) || exit 1
    log "linting (npm run lint)"
    (cd "$TENURE_ROOT" && npm run --silent lint) || die "lint errors (npm run lint)"
  fi
  trap test_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  infra_up
  env_select test
  env_write
  # Each run starts with fresh service logs, so a failure shows only its own.
  rm -f "$ENV_LOG_DIR"/*.log
  build_tenure
  # The build leaves tests out and jest only transpiles: this is where a test's type error shows.
  log "type-checking services and tests"
  (cd "$TENURE_ROOT" && npm run --silent typecheck) || die "type errors (npm run typecheck)"
  services_start || die "the test services did not all start; logs: ${ENV_LOG_DIR#"$TENURE_ROOT"/}/"
  log "running jest $*"
  local rc=0 results="$ENV_DIR/jest-results.json"
  rm -f "$results"
  (
    cd "$TENURE_ROOT"
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    set +a
    # The JSON report only feeds the one-line count below; the usual
    # reporter output is unchanged.
    exec npx jest --json --outputFile="$results" "$@"
  ) || rc=$?
  test_count_line "$results"
  return "$rc"
}

# "jest: N passed, N failed, N skipped" on a line of its own, the plain
# closing line CI reads to know how many tests ran.
test_count_line() {
  [[ -s "$1" ]] || return 0
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = (r.numPendingTests || 0) + (r.numTodoTests || 0);
    // A suite that cannot even load counts as a failure too.
    const failed = r.numFailedTests + (r.numRuntimeErrorTestSuites || 0);
    console.log(`jest: ${r.numPassedTests} passed, ${failed} failed, ${skipped} skipped`);
  ' "$1" || true
}

test_cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  set +e
  echo
  log "cleaning up the test run"
  env_select test
  services_stop
  infra_down_started
  exit "$rc"
}

cmd_logs() {
  local name="" env=dev follow=0 lines=100
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --env) env="${2:?}"; shift 2 ;;
      --env=*) env="${1#--env=}"; shift ;;
      -f | --follow) follow=1; shift ;;
      -n) lines="${2:?}"; shift 2 ;;
      -*) die "unknown option $1" ;;
      *) [[ -z "$name" ]] || die "usage: ./tenure logs <name> [--env dev|test] [-f]"; name="$1"; shift ;;
    esac
  done
  [[ -n "$name" ]] || die "usage: ./tenure logs <name> [--env dev|test] [-f] (postgres, kafka, temporal, ${SERVICES[*]})"
  env_select "$env"
  local file
  case "$name" in
    postgres) file="$PG_LOG" ;;
    kafka) file="$KAFKA_LOG" ;;
    temporal) file="$TEMPORAL_LOG" ;;
    *)
      [[ " ${SERVICES[*]} " == *" $name "* ]] || die "unknown log '$name' (postgres, kafka, temporal, ${SERVICES[*]})"
      file="$(service_log "$name")"
      ;;
  esac
  [[ -f "$file" ]] || die "no log yet at ${file#"$TENURE_ROOT"/}"
  if ((follow)); then exec tail -n "$lines" -F "$file"; else tail -n "$lines" "$file"; fi
}
