# shellcheck shell=bash
# ./tenure bench: measurements against a running stack.
#   lifecycle: the running dev stack (./tenure up).
#   audit: an audit service of its own, on a database and topics of its own,
#          next to the dev environment or (--env test) a test slot's.

bench_usage() {
  die "usage: ./tenure bench lifecycle [people (20)] [concurrency (5)]
       ./tenure bench audit [--env dev|test] [--messages 100000] [--records 1000000] [--samples 40] [--keep]"
}

cmd_bench() {
  local name="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$name" in
    lifecycle) bench_lifecycle "$@" ;;
    audit) bench_audit "$@" ;;
    *) bench_usage ;;
  esac
}

bench_lifecycle() {
  env_select dev
  [[ -f "$ENV_FILE" ]] || die "no dev environment yet: run ./tenure up first"
  with_env exec node "$TENURE_ROOT/deploy/bench/lifecycle-latency.mjs" "$@"
}

bench_audit() {
  local env=dev rest=()
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
