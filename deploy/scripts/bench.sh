# shellcheck shell=bash
# ./tenure bench: measurements against the running dev stack (./tenure up).

cmd_bench() {
  local name="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$name" in
    lifecycle) ;;
    *) die "usage: ./tenure bench lifecycle [people (20)] [concurrency (5)]" ;;
  esac
  env_select dev
  [[ -f "$ENV_FILE" ]] || die "no dev environment yet: run ./tenure up first"
  (
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    set +a
    exec node "$TENURE_ROOT/deploy/bench/$name-latency.mjs" "$@"
  )
}
