# shellcheck shell=bash
# ./tenure event: sends one signed generic HR webhook to hr-ingest, the way an
# HR system would (design.md, "Generic HR webhook").

EVENT_TYPES="hire change terminate rehire leave_start leave_end cancel_hire"

event_usage() {
  cat <<EOF
usage: ./tenure event [--env dev|test] <type> <employeeId> [field=value ...]

  type        one of: $EVENT_TYPES
  employeeId  e.g. E1001
  field=value sets an employee field (email, givenName, familyName, department,
              title, location, timeZone, managerId, employmentType, endDate, ...);
              eventId=... and effectiveAt=... set the top-level fields instead.
              An empty value (managerId=) removes the field.

examples:
  ./tenure event hire E1001 givenName=Ada familyName=Lovelace title="Software Engineer"
  ./tenure event change E1001 department=Finance
  ./tenure event terminate E1001 effectiveAt=2026-12-31T17:00:00Z
EOF
}

# Builds the JSON body with node (always present for Tenure) so that values
# are escaped correctly whatever they contain. The employee starts from what
# Tenure already knows of the person ($TENURE_KNOWN_EMPLOYEE, from the ops
# API), so `event terminate E1001` does not rename someone; a new person gets
# placeholder values.
event_body() {
  node - "$@" <<'EOF'
const [type, employeeId, ...pairs] = process.argv.slice(2);
const crypto = require('crypto');
const lower = employeeId.toLowerCase();
const body = {
  eventId: `evt-${crypto.randomBytes(8).toString('hex')}`,
  type,
};
const known = process.env.TENURE_KNOWN_EMPLOYEE ? JSON.parse(process.env.TENURE_KNOWN_EMPLOYEE) : undefined;
const employee = known ?? {
  employeeId,
  email: `${lower}@example.com`,
  givenName: 'Test',
  familyName: `User ${employeeId}`,
  department: 'Engineering',
  title: 'Software Engineer',
  location: 'London',
  timeZone: 'Europe/London',
  employmentType: 'employee',
};
for (const pair of pairs) {
  const i = pair.indexOf('=');
  if (i <= 0) { console.error(`not a field=value pair: ${pair}`); process.exit(2); }
  const key = pair.slice(0, i), value = pair.slice(i + 1);
  const target = key === 'eventId' || key === 'effectiveAt' ? body : employee;
  if (value === '') delete target[key]; else target[key] = value;
}
body.employee = employee;
process.stdout.write(JSON.stringify(body));
EOF
}

# The person's attributes as the ops API knows them, or nothing.
known_employee() {
  local token port
  token="$(env_get TENURE_OPS_TOKEN)" && port="$(env_get ORCHESTRATOR_PORT)" || return 0
  curl -sf -m 5 -H "Authorization: Bearer $token" "http://127.0.0.1:$port/v1/employees/$1" 2>/dev/null |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{process.stdout.write(JSON.stringify(JSON.parse(s).attributes))}catch{}})' || true
}

cmd_event() {
  local env=dev
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --env) env="${2:?--env needs dev or test}"; shift 2 ;;
      --env=*) env="${1#--env=}"; shift ;;
      -h | --help) event_usage; return 0 ;;
      *) break ;;
    esac
  done
  [[ $# -ge 2 ]] || { event_usage >&2; return 2; }
  local type="$1" employee_id="$2"; shift 2
  [[ " $EVENT_TYPES " == *" $type "* ]] || warn "'$type' is not a known event type ($EVENT_TYPES); sending it anyway"
  env_select "$env"
  if [[ ! -f "$ENV_FILE" ]]; then
    [[ "$env" == dev ]] && die "no dev environment yet: run ./tenure up first"
    die "no test environment: it exists while ./tenure test runs"
  fi
  local secret port body ts sig
  secret="$(env_get TENURE_WEBHOOK_SECRET_GENERIC)" || die "no webhook secret in $ENV_FILE"
  port="$(env_get HR_INGEST_PORT)"
  local known
  known="$(known_employee "$employee_id")"
  body="$(TENURE_KNOWN_EMPLOYEE="$known" event_body "$type" "$employee_id" "$@")" || die "could not build the event body"
  ts="$(date +%s)"
  # Signature over "<timestamp>.<raw body>", exactly the bytes sent.
  sig="$(printf '%s.%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" -r | cut -d' ' -f1)"
  local url="http://127.0.0.1:$port/v1/events/generic"
  printf '%sPOST %s%s\n%s\n' "$C_DIM" "$url" "$C_RESET" "$body"
  local out code
  out="$(curl -sS -m 15 -w '\n%{http_code}' -X POST "$url" \
    -H 'Content-Type: application/json' \
    -H "X-Tenure-Timestamp: $ts" \
    -H "X-Tenure-Signature: v1=$sig" \
    --data-binary "$body")" || die "hr-ingest did not answer at $url (is it running? ./tenure status)"
  code="${out##*$'\n'}"
  printf '%s=> HTTP %s%s\n%s\n' "$C_BOLD" "$code" "$C_RESET" "${out%$'\n'*}"
  [[ "$code" =~ ^2 ]]
}
