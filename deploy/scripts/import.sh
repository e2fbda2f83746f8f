# shellcheck shell=bash
# ./tenure import: sends a CSV file to hr-ingest's import API (POST /v1/imports/csv),
# streamed with an upload progress bar, and prints the summary.

import_usage() {
  cat <<'EOF2'
usage: ./tenure import [--env dev|test] <file.csv>

  Imports people from a CSV file: a header row, then one person per row, with
  the columns config/hr-sources.yaml maps (sources.csv.mapping). Rows already
  imported count as duplicates, so an interrupted import can simply be re-run.
EOF2
}

# Prints the import summary (JSON on stdin) for a person.
import_print_summary() {
  node -e '
let text = "";
process.stdin.on("data", (d) => (text += d)).on("end", () => {
  let s;
  try { s = JSON.parse(text); } catch { console.log(text); return; }
  const summary = s.summary ?? s;
  if (s.errors) for (const e of s.errors) console.log(`error: ${e.field ? e.field + ": " : ""}${e.message}`);
  if (typeof summary.rows !== "number") return;
  console.log(`rows ${summary.rows}: accepted ${summary.accepted}, duplicate ${summary.duplicate}, rejected ${summary.rejected}`);
  for (const r of summary.rejections ?? []) {
    console.log(`  line ${r.line}: ${r.errors.map((e) => (e.field ? `${e.field}: ` : "") + e.message).join("; ")}`);
  }
  if (summary.rejectionsTruncated) console.log(`  ... and ${summary.rejected - summary.rejections.length} more rejected rows`);
});'
}

cmd_import() {
  local env=dev
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --env) env="${2:?--env needs dev or test}"; shift 2 ;;
      --env=*) env="${1#--env=}"; shift ;;
      -h | --help) import_usage; return 0 ;;
      *) break ;;
    esac
  done
  [[ $# -eq 1 ]] || { import_usage >&2; return 2; }
  local file="$1"
  [[ -f "$file" && -r "$file" ]] || die "cannot read $file"
  env_select "$env"
  if [[ ! -f "$ENV_FILE" ]]; then
    [[ "$env" == dev ]] && die "no dev environment yet: run ./tenure up first"
    die "no test environment: it exists while ./tenure test runs"
  fi
  local token port
  token="$(env_get TENURE_IMPORT_TOKEN)" || die "no TENURE_IMPORT_TOKEN in ${ENV_FILE#"$TENURE_ROOT"/}"
  port="$(env_get HR_INGEST_PORT)"
  local url="http://127.0.0.1:$port/v1/imports/csv" out code
  log "importing $file ($(du -h "$file" | cut -f1)) into $url"
  # -T streams the file (never read whole); -# draws the upload progress bar on stderr.
  out="$(curl -# -S -X POST -T "$file" -w '\n%{http_code}' \
    -H 'Content-Type: text/csv' -H "Authorization: Bearer $token" "$url")" ||
    die "hr-ingest did not answer at $url (is it running? ./tenure status)"
  code="${out##*$'\n'}"
  printf '%s\n' "${out%$'\n'*}" | import_print_summary
  [[ "$code" == 200 ]] || die "import answered HTTP $code"
  ok "import done"
}
