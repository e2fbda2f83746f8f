# shellcheck shell=bash
# ./tenure bench: measurements. `lifecycle` runs against the running dev stack;
# `ingest` starts an hr-ingest of its own on the infrastructure and secrets of
# an environment (dev, or the test environment of a slot).

bench_usage() {
  cat <<'EOF2'
usage: ./tenure bench lifecycle [people (20)] [concurrency (5)]
       ./tenure bench ingest [--env dev|test] [--rate 1000] [--seconds 20] [--rows 100000] [--warmup 2] [--workers 1]
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
  local script="$name-latency.mjs" bench_url=""
  if [[ "$name" == ingest ]]; then
    script="ingest.mjs"
    # Its own hr-ingest, database and topics: the environment's services never see the bench's events.
    pg_external && die "bench ingest creates a database of its own on the local PostgreSQL; unset DATABASE_URL"
    build_tenure
    local bench_db="tenure_bench_ingest${TEST_SUFFIX//-/_}"
    pg_ensure_database "$bench_db"
    bench_url="$(pg_url "$bench_db")"
  fi
  (
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    set +a
    [[ -n "$bench_url" ]] && export TENURE_BENCH_DATABASE_URL="$bench_url"
    exec node "$TENURE_ROOT/deploy/bench/$script" "$@"
  )
}
