# shellcheck shell=bash
# ./tenure bench: measurements against a running stack (./tenure up, or the
# test environment of a slot while its services run).

bench_usage() {
  cat <<'EOF2'
usage: ./tenure bench lifecycle [people (20)] [concurrency (5)]
       ./tenure bench ingest [--env dev|test] [--rate 1000] [--seconds 20] [--rows 100000] [--warmup 2]
EOF2
}

cmd_bench() {
  local name="${1:-}" env=dev
  [[ $# -gt 0 ]] && shift
  case "$name" in
    lifecycle) ;;
    ingest)
      case "${1:-}" in
        --env) env="${2:?--env needs dev or test}"; shift 2 ;;
        --env=*) env="${1#--env=}"; shift ;;
      esac
      ;;
    *) bench_usage >&2; exit 2 ;;
  esac
  env_select "$env"
  if [[ ! -f "$ENV_FILE" ]]; then
    [[ "$env" == dev ]] && die "no dev environment yet: run ./tenure up first"
    die "no test environment for slot $TENURE_TEST_SLOT: it exists while ./tenure test runs (or its services)"
  fi
  local script="$name-latency.mjs"
  [[ "$name" == ingest ]] && script="ingest.mjs"
  (
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    set +a
    exec node "$TENURE_ROOT/deploy/bench/$script" "$@"
  )
}
