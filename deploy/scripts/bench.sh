# shellcheck shell=bash
# ./tenure bench: measurements that print their figures.
#   lifecycle, reconcile: against the running dev stack (./tenure up) or, with
#     --env test, against the test environment of TENURE_TEST_SLOT (its
#     services are started for the run and stopped after).
#   audit, ingest: an audit service (or hr-ingest) of its own, on a database
#     and topics of its own, next to the dev environment or (--env test) a
#     test slot's, so the environment's services never see the bench's data.

bench_usage() {
  die "usage: ./tenure bench [--env dev|test] lifecycle [people (20)] [concurrency (5)]
       ./tenure bench [--env dev|test] leavers [--rate 20] [--seconds 30] [--apps 3|5] [--people N] [--chaos] [--hires-only] [--replicas 1|2] [--wait-minutes 15]
       ./tenure bench [--env dev|test] reconcile [accounts (10000)] [app (github)]
       ./tenure bench [--env dev|test] audit [--messages 100000] [--records 1000000] [--samples 40] [--keep]
       ./tenure bench [--env dev|test] ingest [--rate 1000] [--seconds 20] [--rows 100000] [--warmup 2] [--workers 1]"
}

cmd_bench() {
  local env=dev
  if [[ "${1:-}" == --env ]]; then
    env="${2:-}"
    shift 2 || bench_usage
  fi
  local name="${1:-}"
  [[ $# -gt 0 ]] && shift
  # --env may also follow the bench's name.
  if [[ "${1:-}" == --env ]]; then
    env="${2:-}"
    shift 2 || bench_usage
  fi
  case "$name" in
    lifecycle) bench_against_services "$env" lifecycle-latency.mjs "$@" ;;
    leavers) bench_leavers "$env" "$@" ;;
    reconcile) bench_against_services "$env" reconcile.mjs "$@" ;;
    audit) bench_audit "$env" "$@" ;;
    ingest) bench_ingest "$env" "$@" ;;
    *) bench_usage ;;
  esac
}

# bench_against_services <env> <script> [args]: runs deploy/bench/<script>
# with the environment's variables, against its running services.
bench_against_services() {
  local env="$1" script="$2"
  shift 2
  env_select "$env"
  if [[ "$env" == test ]]; then
    trap 'env_select test; services_stop' EXIT
    infra_up
    env_write
    build_tenure
    services_start || die "the test services did not all start; logs: ${ENV_LOG_DIR#"$TENURE_ROOT"/}/"
  fi
  [[ -f "$ENV_FILE" ]] || die "no $env environment yet: run ./tenure up first"
  with_env node "$TENURE_ROOT/deploy/bench/$script" "$@"
}

bench_audit() {
  local env="$1" rest=()
  shift
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --env) env="${2:?--env needs dev or test}"; shift 2 ;;
      --env=*) env="${1#--env=}"; shift ;;
      *) rest+=("$1"); shift ;;
    esac
  done
  env_select "$env"
  # The bench needs the environment's servers and secrets, not its services:
  # it starts an audit service of its own from dist/.
  pg_healthy && kafka_healthy || die "PostgreSQL and Kafka must be running (./tenure infra up)"
  env_write
  build_tenure
  (
    export TENURE_BENCH_LOG_DIR="$ENV_LOG_DIR"
    with_env node "$TENURE_ROOT/deploy/bench/audit.mjs" "${rest[@]}"
  )
}

bench_ingest() {
  local env="$1"
  shift
  env_select "$env"
  pg_external && die "bench ingest creates a database of its own on the local PostgreSQL; unset DATABASE_URL"
  pg_healthy && kafka_healthy || die "PostgreSQL and Kafka must be running (./tenure infra up)"
  env_write
  build_tenure
  local bench_db="tenure_bench_ingest${TEST_SUFFIX//-/_}"
  pg_ensure_database "$bench_db"
  (
    export TENURE_BENCH_DATABASE_URL
    TENURE_BENCH_DATABASE_URL="$(pg_url "$bench_db")"
    with_env node "$TENURE_ROOT/deploy/bench/ingest.mjs" "$@"
  )
}

# A copy of config/ whose mass-change guard lets a bench's thousands of
# leavers through: the guard exists to hold exactly such a burst.
bench_config_dir() {
  local dir="$TENURE_STATE/bench-config"
  rm -rf "$dir"
  cp -r "$TENURE_ROOT/config" "$dir"
  sed -i -E 's/^( +maxPeople(Deleted)?:) *[0-9]+/\1 1000000/' "$dir/policy.yaml"
  printf '%s' "$dir"
}

# ./tenure bench leavers: the test slot's services started with the bench's
# config, on a fresh database of the bench's own, so its thousands of people
# never reach the tests' mass-change window (dev: the running dev stack, whose
# guard holds bursts past its limit).
bench_leavers() {
  local env="$1"
  shift
  if [[ "$env" == test ]]; then
    TENURE_CONFIG_DIR="$(bench_config_dir)"
    export TENURE_CONFIG_DIR
    pg_external && die "bench leavers --env test creates a database of its own on the local PostgreSQL; unset DATABASE_URL"
    PG_DB_TEST="tenure_bench_leavers${TEST_SUFFIX//-/_}"
    pg_healthy || die "PostgreSQL must be running (./tenure infra up)"
    pg_sql "DROP DATABASE IF EXISTS \"$PG_DB_TEST\" WITH (FORCE)" >/dev/null
    pg_ensure_database "$PG_DB_TEST"
  else
    warn "dev services keep their own config: the mass-change guard holds leavers past its maxPeople"
  fi
  env_select "$env"
  export TENURE_BENCH_PID_DIR="$ENV_PID_DIR" TENURE_BENCH_LOG_DIR="$ENV_LOG_DIR"
  TENURE_BENCH_INFRA_PIDS="temporal=$(temporal_pid || true) kafka=$(kafka_pid || true) postgres=$(pg_pid || true)"
  export TENURE_BENCH_INFRA_PIDS
  bench_against_services "$env" leavers.mjs "$@"
}
