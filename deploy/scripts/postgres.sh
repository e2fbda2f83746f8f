# shellcheck shell=bash
# PostgreSQL for Tenure: our own cluster under .tenure/infra/postgres, run by
# the `postgres` OS user (the server refuses to run as root), listening on
# 127.0.0.1 only. The Debian default cluster is never used, so `rm -rf .tenure`
# resets Tenure without touching anything else on the machine.

PG_PORT="${TENURE_PG_PORT:-5432}"
PG_HOST=127.0.0.1
PG_LINK="$TENURE_INFRA/postgres"

# PG_DIR is the real folder: when .tenure/infra/postgres is a link (see
# pg_prepare_home) the postgres user must be given the target's own path.
pg_set_paths() {
  PG_DIR="$PG_LINK"
  [[ -L "$PG_LINK" ]] && PG_DIR="$(readlink -f "$PG_LINK")"
  PG_DATA="$PG_DIR/data"
  PG_LOG="$PG_DIR/postgres.log"
}
pg_set_paths
# Debian's socket directory: it exists for the postgres user and keeps the
# socket path short (a deep checkout would exceed the 107-byte limit).
PG_SOCKET_DIR=/var/run/postgresql
PG_ROLE=tenure
PG_PASSWORD=tenure
PG_DB_DEV=tenure
PG_DB_TEST="tenure_test${TEST_SUFFIX//-/_}"

pg_external() { [[ -n "${DATABASE_URL:-}" ]]; }

# Each service connects as its own login role with only the privileges it
# needs (granted by the service after its migrations, which run as PG_ROLE,
# the owner). Roles are cluster-wide, shared by dev and every test database,
# so their passwords live next to the cluster, not in an environment's secrets.
DB_SERVICES=(hr-ingest orchestrator audit)
PG_ROLE_SECRETS="$TENURE_INFRA/postgres-roles.env"

pg_service_role() { printf 'tenure_%s' "${1//-/_}"; }

# The variable a caller may set to choose a role's password, e.g.
# TENURE_PG_PASSWORD_HR_INGEST; the generated one otherwise.
pg_service_password_var() { local v="${1^^}"; printf 'TENURE_PG_PASSWORD_%s' "${v//-/_}"; }

pg_service_password() {
  local var
  var="$(pg_service_password_var "$1")"
  if [[ -n "${!var:-}" ]]; then printf '%s' "${!var}"; else env_get "$var" "$PG_ROLE_SECRETS"; fi
}

pg_ensure_role_secrets() {
  local svc var
  mkdir -p "$TENURE_INFRA"
  (umask 077 && touch "$PG_ROLE_SECRETS")
  chmod 600 "$PG_ROLE_SECRETS"
  for svc in "${DB_SERVICES[@]}"; do
    var="$(pg_service_password_var "$svc")"
    grep -q "^$var=" "$PG_ROLE_SECRETS" || printf '%s=%s\n' "$var" "$(random_hex 24)" >>"$PG_ROLE_SECRETS"
  done
}

# Created when missing; the password is set on every start so it always
# matches what the services are given.
pg_ensure_service_roles() {
  pg_ensure_role_secrets
  local svc role password
  for svc in "${DB_SERVICES[@]}"; do
    role="$(pg_service_role "$svc")"
    password="$(pg_service_password "$svc")"
    pg_sql "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
          CREATE ROLE \"$role\" LOGIN NOCREATEDB NOCREATEROLE;
        END IF;
      END \$\$" >/dev/null
    pg_sql "ALTER ROLE \"$role\" PASSWORD '${password//\'/\'\'}'" >/dev/null
  done
}

pg_bin() {
  local d
  d="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [[ -n "$d" && -x "$d/postgres" ]] || return 1
  printf '%s' "$d"
}

# From / because the postgres user may not be allowed into the current folder.
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

pg_install() {
  pg_bin >/dev/null && return 0
  apt_install postgresql || die "could not install PostgreSQL with apt-get"
  pg_bin >/dev/null || die "PostgreSQL installed but no /usr/lib/postgresql/*/bin/postgres found"
  # The package may have started its default cluster on 5432; Tenure runs
  # its own cluster, so that one is stopped again below if it collides.
}

# The data folder must be reachable by the postgres user. Under a checkout
# whose parents are private (mode 700), it cannot be; then the cluster lives
# in the postgres user's home and .tenure/infra/postgres links to it.
pg_prepare_home() {
  mkdir -p "$TENURE_INFRA"
  chmod o+x "$TENURE_STATE" "$TENURE_INFRA"
  mkdir -p "$PG_SOCKET_DIR" && chown postgres:postgres "$PG_SOCKET_DIR" && chmod 2775 "$PG_SOCKET_DIR"
  if [[ ! -e "$PG_LINK" ]]; then
    mkdir -p "$PG_LINK"
    chown postgres:postgres "$PG_LINK"
    chmod 700 "$PG_LINK"
    if ! as_postgres test -w "$PG_LINK/"; then
      rmdir "$PG_LINK"
      local alt
      alt="/var/lib/postgresql/tenure-$(printf '%s' "$TENURE_ROOT" | sha1sum | cut -c1-12)"
      warn "the postgres user cannot reach $TENURE_ROOT; keeping the cluster in $alt"
      mkdir -p "$alt"
      chown postgres:postgres "$alt"
      chmod 700 "$alt"
      ln -s "$alt" "$PG_LINK"
    fi
  fi
  pg_set_paths
  as_postgres test -w "$PG_DIR/" || die "the postgres user cannot write $PG_DIR"
}

pg_initdb() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && return 0
  log "PostgreSQL: creating cluster in $PG_DATA"
  as_postgres "$(pg_bin)/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >"$PG_DIR/initdb.log" 2>&1 \
    || { show_log_tail "$PG_DIR/initdb.log"; die "initdb failed"; }
}

pg_running() {
  [[ -f "$PG_DATA/postmaster.pid" ]] || return 1
  as_postgres "$(pg_bin)/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
}

pg_pid() { [[ -f "$PG_DATA/postmaster.pid" ]] && head -n1 "$PG_DATA/postmaster.pid"; }

pg_healthy() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3; }

# A Debian-managed cluster (pg_lsclusters) online on our port would steal
# every connection; it is the package's default one, so stop it and say so.
pg_free_port() {
  port_open "$PG_HOST" "$PG_PORT" || return 0
  if have pg_lsclusters; then
    local ver name port status
    while read -r ver name port status _; do
      if [[ "$port" == "$PG_PORT" && "$status" == online* ]]; then
        warn "the Debian PostgreSQL cluster $ver/$name is running on port $PG_PORT; stopping it" \
          "(Tenure runs its own cluster; restart that one with: pg_ctlcluster $ver $name start)"
        pg_ctlcluster "$ver" "$name" stop || die "could not stop cluster $ver/$name"
      fi
    done < <(pg_lsclusters -h 2>/dev/null)
  fi
  if port_open "$PG_HOST" "$PG_PORT"; then
    die "port $PG_PORT is already in use (pids: $(port_listener_pids "$PG_PORT" | tr '\n' ' '))." \
      "Free it, set TENURE_PG_PORT to another port, or set DATABASE_URL to use that server."
  fi
}

pg_sql() {
  as_postgres psql -X -q -t -A -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" -d postgres -c "$1"
}

pg_ensure_database() {
  local db="$1"
  if [[ -z "$(pg_sql "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]]; then
    pg_sql "CREATE DATABASE \"$db\" OWNER \"$PG_ROLE\" ENCODING 'UTF8'" >/dev/null
    info "created database $db"
  fi
}

pg_ensure_role_and_databases() {
  pg_sql "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_ROLE') THEN
        CREATE ROLE \"$PG_ROLE\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
      END IF;
    END \$\$" >/dev/null
  pg_ensure_service_roles
  pg_ensure_database "$PG_DB_DEV"
  pg_ensure_database "$PG_DB_TEST"
}

pg_up() {
  if pg_external; then
    log "PostgreSQL: using DATABASE_URL (not starting a local server)"
    return 0
  fi
  require_root_for "starting PostgreSQL"
  pg_install
  pg_prepare_home
  pg_initdb
  if pg_running && pg_healthy; then
    ok "PostgreSQL already running (pid $(pg_pid), port $PG_PORT)"
  else
    pg_free_port
    log "PostgreSQL: starting on $PG_HOST:$PG_PORT"
    # max_connections: five services per environment, each with a pool,
    # plus the test suite's own connections, dev and test side by side.
    if ! as_postgres "$(pg_bin)/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
      -o "-p $PG_PORT -h $PG_HOST -k $PG_SOCKET_DIR -c max_connections=300" >/dev/null; then
      show_log_tail "$PG_LOG"
      die "PostgreSQL did not start"
    fi
    wait_until 30 pg_healthy || { show_log_tail "$PG_LOG"; die "PostgreSQL does not answer pg_isready"; }
    TENURE_STARTED_INFRA+=(postgres)
    ok "PostgreSQL up (pid $(pg_pid))"
  fi
  pg_ensure_role_and_databases
}

pg_down() {
  pg_external && return 0
  [[ -f "$PG_DATA/PG_VERSION" ]] || return 0
  if pg_running; then
    log "PostgreSQL: stopping"
    as_postgres "$(pg_bin)/pg_ctl" stop -D "$PG_DATA" -m fast -w -t 60 >/dev/null \
      || warn "PostgreSQL did not stop cleanly; see $PG_LOG"
  fi
}

pg_url() {
  local db="$1"
  if pg_external; then printf '%s' "$DATABASE_URL"; return; fi
  printf 'postgres://%s:%s@%s:%s/%s' "$PG_ROLE" "$PG_PASSWORD" "$PG_HOST" "$PG_PORT" "$db"
}

# pg_service_url <service> <db>: the service's own role; empty with an
# external DATABASE_URL unless the caller sets <SERVICE>_DATABASE_URL.
pg_service_url_var() { local v="${1^^}"; printf '%s_DATABASE_URL' "${v//-/_}"; }
pg_service_url() {
  local svc="$1" db="$2" var
  var="$(pg_service_url_var "$svc")"
  if [[ -n "${!var:-}" ]]; then printf '%s' "${!var}"; return; fi
  pg_external && return 0
  printf 'postgres://%s:%s@%s:%s/%s' "$(pg_service_role "$svc")" "$(pg_service_password "$svc")" "$PG_HOST" "$PG_PORT" "$db"
}

# status_row <name> <state> <pid> <port> <health>: defined in status.sh.
pg_status() {
  if pg_external; then status_row postgres external - - "DATABASE_URL"; return; fi
  if pg_bin >/dev/null && pg_running; then
    local health=down
    pg_healthy && health=ok
    status_row postgres running "$(pg_pid)" "$PG_PORT" "$health"
  else
    status_row postgres stopped - "$PG_PORT" -
  fi
}
