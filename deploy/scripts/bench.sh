# shellcheck shell=bash
# ./tenure bench: measurements against the running dev stack (./tenure up), or,
# with --env test, against the test environment of TENURE_TEST_SLOT (its
# services are started for the run and stopped after).

bench_usage() {
  die "usage: ./tenure bench [--env dev|test] lifecycle [people (20)] [concurrency (5)]
       ./tenure bench [--env dev|test] reconcile [accounts (10000)] [app (github)]"
}

cmd_bench() {
  local env=dev
  if [[ "${1:-}" == --env ]]; then
    env="${2:-}"
    shift 2 || bench_usage
  fi
  local name="${1:-}" script
  [[ $# -gt 0 ]] && shift
  case "$name" in
    lifecycle) script=lifecycle-latency.mjs ;;
    reconcile) script=reconcile.mjs ;;
    *) bench_usage ;;
  esac
  env_select "$env"
  if [[ "$env" == test ]]; then
    trap 'env_select test; services_stop' EXIT
    infra_up
    env_write
    build_tenure
    services_start || die "the test services did not all start; logs: ${ENV_LOG_DIR#"$TENURE_ROOT"/}/"
  fi
  [[ -f "$ENV_FILE" ]] || die "no $env environment yet: run ./tenure up first"
  (
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    set +a
    exec node "$TENURE_ROOT/deploy/bench/$script" "$@"
  )
}
