# shellcheck shell=bash
# Environments: `dev` (./tenure up) and `test` (./tenure test) share the
# infrastructure servers but not their data: each has its own database,
# topic prefix, Temporal namespace, ports, secrets, logs and pid files under
# .tenure/<env>/.

# Start order; stopped in reverse. The development OpenID Connect provider
# first (the APIs validate tokens against it), saas-sim and the gateway next
# so the orchestrator finds its dependencies, hr-ingest last so no event is
# accepted before the rest is ready. The console comes after the APIs it serves.
SERVICES=(dev-idp saas-sim connector-gateway audit orchestrator console hr-ingest)

# The resource indicator (token audience) of Tenure's APIs at the dev provider.
DEV_IDP_AUDIENCE=urn:tenure:api

SECRET_VARS=(
  TENURE_WEBHOOK_SECRET_GENERIC
  TENURE_WEBHOOK_SECRET_BAMBOOHR
  TENURE_SCIM_TOKEN
  TENURE_IMPORT_TOKEN
  TENURE_OPS_TOKEN
  TENURE_AUDIT_TOKEN
  TENURE_AUDIT_OPERATOR_TOKEN
  TENURE_GATEWAY_TOKEN
  TENURE_METRICS_TOKEN
  TENURE_APP_SLACK_TOKEN
  TENURE_APP_ZOOM_TOKEN
  TENURE_APP_GITHUB_TOKEN
  TENURE_APP_SALESFORCE_TOKEN
  TENURE_APP_PAGERDUTY_TOKEN
  TENURE_SAAS_SIM_ADMIN_TOKEN
  TENURE_DEV_IDP_CLIENT_SECRET
  TENURE_DEV_IDP_SSF_RECEIVER_SECRET
  TENURE_DEV_IDP_COOKIE_KEY
)

TEMPORAL_TASK_QUEUE_NAME=tenure-lifecycle

# env_select <dev|test>: sets the per-environment globals.
env_select() {
  TENURE_ENV="$1"
  case "$TENURE_ENV" in
    dev | test) ;;
    *) die "unknown environment '$TENURE_ENV' (expected dev or test)" ;;
  esac
  ENV_DIR="$TENURE_STATE/$TENURE_ENV"
  [[ "$TENURE_ENV" == test ]] && ENV_DIR+="$TEST_SUFFIX"
  ENV_FILE="$ENV_DIR/env"
  SECRETS_FILE="$ENV_DIR/secrets.env"
  ENV_LOG_DIR="$ENV_DIR/logs"
  ENV_PID_DIR="$ENV_DIR/pids"
}

# Name of the variable holding a service's port, e.g. hr-ingest -> HR_INGEST_PORT.
service_port_var() { local v="${1^^}"; printf '%s_PORT' "${v//-/_}"; }

# Ports per design.md; test uses the same layout shifted to 4xxx so both
# environments run side by side. Only dev honours overrides from the caller's
# environment: test must never land on dev's ports.
service_port() {
  local svc="$1" base
  case "$svc" in
    console) base=0 ;;
    hr-ingest) base=1 ;;
    orchestrator) base=2 ;;
    connector-gateway) base=3 ;;
    audit) base=4 ;;
    saas-sim) base=100 ;;
    dev-idp) base=200 ;;
    *) die "unknown service '$svc'" ;;
  esac
  if [[ "$TENURE_ENV" == dev ]]; then
    local var
    var="$(service_port_var "$svc")"
    printf '%s' "${!var:-$((3000 + base))}"
  else
    # Offset 0 of a slot is the previous slot's dev-idp (N*200 + 200): the
    # console takes offset 10 in tests.
    [[ "$svc" == console ]] && base=10
    printf '%s' "$((4000 + TENURE_TEST_SLOT * 200 + base))"
  fi
}

# Secrets are generated once per environment and kept (mode 600) so that
# tokens handed to people or scripts stay valid across restarts; a variable
# added to SECRET_VARS later is appended to an existing file. A value set in
# the caller's environment always wins over the file (see env_secret_lines).
env_ensure_secrets() {
  mkdir -p "$ENV_DIR"
  chmod 700 "$ENV_DIR"
  local var created=0
  [[ -f "$SECRETS_FILE" ]] || { : >"$SECRETS_FILE"; created=1; }
  chmod 600 "$SECRETS_FILE"
  for var in "${SECRET_VARS[@]}"; do
    grep -q "^$var=" "$SECRETS_FILE" && continue
    printf '%s=%s\n' "$var" "$(random_hex 24)" >>"$SECRETS_FILE"
  done
  ((created)) && info "generated $TENURE_ENV secrets in ${SECRETS_FILE#"$TENURE_ROOT"/}"
  return 0
}

# Each secret as the services get it: the caller's variable when set, the
# generated value otherwise.
env_secret_lines() {
  local var
  for var in "${SECRET_VARS[@]}"; do
    if [[ -n "${!var:-}" ]]; then
      env_line "$var" "${!var}"
    else
      env_line "$var" "$(env_get "$var" "$SECRETS_FILE")"
    fi
  done
}

# The issuer people sign in with: the company's provider when
# TENURE_OIDC_ISSUER is set for dev, otherwise the development provider.
dev_idp_wanted() {
  [[ "$TENURE_ENV" == test || -z "${TENURE_OIDC_ISSUER:-}" ]] \
    || [[ "$TENURE_OIDC_ISSUER" == "http://127.0.0.1:$(service_port dev-idp)" ]]
}
oidc_issuer() {
  if dev_idp_wanted; then printf 'http://127.0.0.1:%s' "$(service_port dev-idp)"; else printf '%s' "$TENURE_OIDC_ISSUER"; fi
}
oidc_audience() {
  if dev_idp_wanted; then printf '%s' "$DEV_IDP_AUDIENCE"; else printf '%s' "${TENURE_OIDC_AUDIENCE:?set TENURE_OIDC_AUDIENCE with TENURE_OIDC_ISSUER}"; fi
}

# env_get <VAR> [file]: a value from a KEY=value file (first match).
env_get() {
  local key="$1" file="${2:-$ENV_FILE}"
  [[ -f "$file" ]] || return 1
  sed -n "s/^$key=//p" "$file" | head -n1 | sed -e "s/^'\(.*\)'$/\1/"
}

# Plain KEY=value where the value is shell-safe (readable by dotenv and by
# `. file` alike); single-quoted otherwise.
env_line() {
  local key="$1" value="$2"
  if [[ "$value" =~ ^[A-Za-z0-9_./:@%+,=-]*$ ]]; then
    printf '%s=%s\n' "$key" "$value"
  else
    printf "%s='%s'\n" "$key" "${value//\'/\'\\\'\'}"
  fi
}

# Writes .tenure/<env>/env: everything a Tenure service or test needs.
# Rewritten on every start so it follows port and infrastructure changes.
env_write() {
  env_ensure_secrets
  mkdir -p "$ENV_LOG_DIR" "$ENV_PID_DIR"
  local db prefix namespace svc
  if [[ "$TENURE_ENV" == dev ]]; then
    db="$PG_DB_DEV" prefix="" namespace=default
  else
    db="$PG_DB_TEST" prefix="$TEST_TOPIC_PREFIX" namespace="tenure-test$TEST_SUFFIX"
  fi
  local tmp="$ENV_FILE.tmp"
  (
    umask 077
    {
      printf '# Tenure %s environment, written by ./tenure; edits are overwritten.\n' "$TENURE_ENV"
      env_line TENURE_ENV "$TENURE_ENV"
      # The owner (migrations, tests); each service runs as its own role.
      env_line DATABASE_URL "$(pg_url "$db")"
      for svc in "${DB_SERVICES[@]}"; do
        env_line "$(pg_service_url_var "$svc")" "$(pg_service_url "$svc" "$db")"
      done
      env_line KAFKA_BROKERS "$(kafka_bootstrap)"
      env_line TENURE_TOPIC_PREFIX "$prefix"
      env_line TEMPORAL_ADDRESS "$(temporal_address)"
      env_line TEMPORAL_NAMESPACE "$namespace"
      env_line TEMPORAL_TASK_QUEUE "$TEMPORAL_TASK_QUEUE_NAME"
      for svc in "${SERVICES[@]}"; do
        env_line "$(service_port_var "$svc")" "$(service_port "$svc")"
      done
      env_line CONNECTOR_GATEWAY_URL "http://127.0.0.1:$(service_port connector-gateway)"
      env_line TENURE_SAAS_SIM_URL "http://127.0.0.1:$(service_port saas-sim)"
      # The console's address: the development provider redirects back to <url>/auth/callback.
      env_line TENURE_CONSOLE_URL "http://127.0.0.1:$(service_port console)"
      env_line TENURE_ORCHESTRATOR_URL "http://127.0.0.1:$(service_port orchestrator)"
      env_line TENURE_AUDIT_URL "http://127.0.0.1:$(service_port audit)"
      env_line TENURE_CONFIG_DIR "${TENURE_CONFIG_DIR:-$TENURE_ROOT/config}"
      env_line TENURE_OIDC_ISSUER "$(oidc_issuer)"
      env_line TENURE_OIDC_AUDIENCE "$(oidc_audience)"
      env_line DEV_IDP_KEYS_FILE "$ENV_DIR/dev-idp-keys.json"
      # Shared Signals receivers authenticate with OAuth client credentials; the
      # development provider has one such client.
      env_line TENURE_SSF_AUDIENCE "${TENURE_SSF_AUDIENCE:-urn:tenure:ssf}"
      if dev_idp_wanted; then
        env_line TENURE_SSF_RECEIVERS "${TENURE_SSF_RECEIVERS:-tenure-ssf-receiver}"
      elif [[ -n "${TENURE_SSF_RECEIVERS:-}" ]]; then
        env_line TENURE_SSF_RECEIVERS "$TENURE_SSF_RECEIVERS"
      fi
      env_line LOG_LEVEL "${LOG_LEVEL:-info}"
      # Binaries the test suite may start itself (Temporal test server via
      # existing-path, SCIM reference server, OpenLDAP).
      env_line TENURE_TEMPORAL_BIN "$TEMPORAL_BIN"
      env_line TENURE_TEMPORAL_TEST_SERVER_BIN "$TEMPORAL_TEST_SERVER_BIN"
      env_line TENURE_SCIM2_SERVER_BIN "$SCIM2_SERVER_BIN"
      env_line TENURE_SLAPD_BIN "$SLAPD_BIN"
      env_line TENURE_CHROMIUM_BIN "$CHROMIUM_BIN"
      env_line TENURE_HELM_BIN "$HELM_BIN"
      env_line TENURE_KUBECONFORM_BIN "$KUBECONFORM_BIN"
      env_line TENURE_KUBERNETES_SCHEMAS "$KUBERNETES_SCHEMAS"
      env_line TENURE_KUBERNETES_VERSION "$KUBERNETES_SCHEMA_VERSION"
      env_line TENURE_HADOLINT_BIN "$HADOLINT_BIN"
      env_line TENURE_SCHEMATHESIS_BIN "$SCHEMATHESIS_BIN"
      env_secret_lines
    } >"$tmp"
  )
  mv -f "$tmp" "$ENV_FILE"
}

# Runs a command with the environment file exported.
with_env() {
  (
    set -a
    # shellcheck disable=SC1090
    . "$ENV_FILE"
    set +a
    "$@"
  )
}
