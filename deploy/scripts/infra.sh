# shellcheck shell=bash
# The infrastructure as a whole: PostgreSQL, Kafka and Temporal (in that
# order), plus the test peers. Shared by the dev and test environments.

INFRA_COMPONENTS=(postgres kafka temporal)

infra_up() {
  mkdir -p "$TENURE_INFRA" "$TENURE_TOOLS"
  pg_up
  kafka_up
  temporal_up
  peers_install
}

# infra_down [component...]: stops in reverse start order; only what the
# pid files and data folders under .tenure say we started.
infra_down() {
  local wanted=("$@") i c
  ((${#wanted[@]})) || wanted=("${INFRA_COMPONENTS[@]}")
  for ((i = ${#INFRA_COMPONENTS[@]} - 1; i >= 0; i--)); do
    c="${INFRA_COMPONENTS[i]}"
    [[ " ${wanted[*]} " == *" $c "* ]] || continue
    case "$c" in
      postgres) pg_down ;;
      kafka) kafka_down ;;
      temporal) temporal_down ;;
    esac
  done
}

# Stops what this invocation started (TENURE_STARTED_INFRA), nothing else.
infra_down_started() {
  ((${#TENURE_STARTED_INFRA[@]})) || return 0
  infra_down "${TENURE_STARTED_INFRA[@]}"
  TENURE_STARTED_INFRA=()
}

status_header() {
  printf '%s%-26s %-9s %-8s %-6s %s%s\n' "$C_BOLD" COMPONENT STATE PID PORT HEALTH "$C_RESET"
}

status_row() {
  local name="$1" state="$2" pid="$3" port="$4" health="$5" color=''
  case "$state" in
    running) [[ "$health" == ok ]] && color="$C_GREEN" || color="$C_YELLOW" ;;
    external) color="$C_DIM" ;;
  esac
  printf '%-26s %s%-9s%s %-8s %-6s %s\n' "$name" "$color" "$state" "$C_RESET" "$pid" "$port" "$health"
}

infra_status() {
  pg_status
  kafka_status
  temporal_status
}
