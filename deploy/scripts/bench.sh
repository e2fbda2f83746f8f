# shellcheck shell=bash
# ./tenure bench: measurements against the running dev stack (./tenure up),
# or with --env test against the test services of TENURE_TEST_SLOT, started
# for the measurement and stopped after it.

cmd_bench() {
  local name="${1:-}" env=dev
  [[ $# -gt 0 ]] && shift
  if [[ "${1:-}" == "--env" ]]; then
    env="${2:-}"
    shift 2 || true
  fi
  case "$name" in
    lifecycle) ;;
    *) die "usage: ./tenure bench lifecycle [--env dev|test] [people (20)] [concurrency (5)]" ;;
  esac
  case "$env" in
    dev)
      env_select dev
      [[ -f "$ENV_FILE" ]] || die "no dev environment yet: run ./tenure up first"
      ;;
    test)
      trap test_cleanup EXIT
      trap 'exit 130' INT
      trap 'exit 143' TERM
      infra_up
      env_select test
      env_write
      build_tenure
      services_start || die "the test services did not all start; logs: ${ENV_LOG_DIR#"$TENURE_ROOT"/}/"
      ;;
    *) die "--env must be dev or test" ;;
  esac
  (
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    set +a
    exec node "$TENURE_ROOT/deploy/bench/$name-latency.mjs" "$@"
  )
}
