// ./tenure bench ingest: hr-ingest's own throughput, against a running hr-ingest.
//   1. signed generic webhooks at a fixed rate (open loop): accepted per second and
//      acceptance latency percentiles, then how long the relay takes to empty the outbox;
//   2. a CSV import of N generated rows, streamed: time and rows per second.
// Events are leave_start (webhooks) and rows carry event_type=leave_start, which
// Tenure records without provisioning accounts: the figures are ingest's, and a
// run does not create thousands of people in the connected apps.
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';
import pg from 'pg';

const env = process.env;
const options = { rate: 1000, seconds: 20, rows: 100_000, warmup: 2 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!(key in options)) {
    console.error(`unknown option ${process.argv[i]} (--rate, --seconds, --rows, --warmup)`);
    process.exit(2);
  }
  options[key] = Number(process.argv[i + 1]);
}
const port = Number(env.HR_INGEST_PORT);
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
const run = randomBytes(3).toString('hex');

function request(path, headers, body) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode, ms: performance.now() - started, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
    if (body instanceof Readable) body.pipe(req);
    else req.end(body);
  });
}

let sequence = 0;
function webhook() {
  const n = sequence++;
  const employeeId = `BENCH-${run}-${n % 2000}`;
  const body = JSON.stringify({
    eventId: `evt-bench-${run}-${n}`,
    type: 'leave_start',
    employee: {
      employeeId,
      email: `${employeeId.toLowerCase()}@example.com`,
      givenName: 'Bench',
      familyName: `Person ${n % 2000}`,
      department: 'Benchmarks',
      employmentType: 'employee',
    },
  });
  const ts = Math.floor(Date.now() / 1000);
  const sig = createHmac('sha256', env.TENURE_WEBHOOK_SECRET_GENERIC).update(`${ts}.${body}`).digest('hex');
  const headers = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-tenure-timestamp': String(ts),
    'x-tenure-signature': `v1=${sig}`,
  };
  return request('/v1/events/generic', headers, body);
}

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Open loop: requests leave on schedule whatever the answers, so a slow server shows as latency. */
async function atRate(rate, seconds) {
  const results = [];
  const pending = [];
  const tickMs = 5;
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < seconds * 1000) {
    const due = Math.floor(((performance.now() - started) / 1000) * rate);
    for (; sent < due; sent++) pending.push(webhook().then((r) => results.push(r), (e) => results.push({ error: e })));
    await new Promise((resolve) => setTimeout(resolve, tickMs));
  }
  await Promise.all(pending);
  return { results, elapsed: (performance.now() - started) / 1000 };
}

async function outboxDrained(pool) {
  const started = performance.now();
  for (;;) {
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM ingest.outbox WHERE sent_at IS NULL');
    if (rows[0].n === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > 120_000) return NaN;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function csvStream(rows) {
  let n = -1;
  return new Readable({
    read() {
      const lines = [];
      for (let i = 0; i < 2000 && n < rows; i++, n++) {
        if (n === -1) lines.push('employee_id,email,first_name,last_name,department,employment_type,event_type');
        else lines.push(`CSV-${run}-${n},csv-${run}-${n}@example.com,Row,Number ${n},Benchmarks,Full-Time,leave_start`);
      }
      this.push(lines.length ? `${lines.join('\n')}\n` : null);
    },
  });
}

console.log(`hr-ingest at 127.0.0.1:${port}; run ${run}`);
if (options.warmup > 0) await atRate(Math.min(options.rate, 500), options.warmup);

const { results, elapsed } = await atRate(options.rate, options.seconds);
const lastAnswer = performance.now();
const accepted = results.filter((r) => r.status === 202);
const statuses = {};
for (const r of results) statuses[r.status ?? 'error'] = (statuses[r.status ?? 'error'] ?? 0) + 1;
const latencies = accepted.map((r) => r.ms).sort((a, b) => a - b);
const fmt = (v) => `${v.toFixed(1)} ms`;
console.log(`webhooks: ${results.length} sent at ${options.rate}/s for ${options.seconds} s; answers ${JSON.stringify(statuses)}`);
console.log(`  accepted ${(accepted.length / elapsed).toFixed(0)}/s sustained over ${elapsed.toFixed(1)} s`);
console.log(
  `  acceptance latency p50 ${fmt(percentile(latencies, 50))}  p95 ${fmt(percentile(latencies, 95))}  ` +
    `p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies[latencies.length - 1])}`,
);
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 });
try {
  const drained = await outboxDrained(pool);
  const after = (performance.now() - lastAnswer) / 1000;
  console.log(`  outbox empty (every accepted event on Kafka) ${Number.isNaN(drained) ? 'not within 120 s' : `${after.toFixed(1)} s after the last answer`}`);
} finally {
  await pool.end();
}

if (options.rows > 0) {
  const started = performance.now();
  const response = await request(
    '/v1/imports/csv',
    { 'content-type': 'text/csv', authorization: `Bearer ${env.TENURE_IMPORT_TOKEN}`, 'transfer-encoding': 'chunked' },
    csvStream(options.rows),
  );
  const seconds = (performance.now() - started) / 1000;
  const summary = JSON.parse(response.body);
  console.log(
    `csv import: ${options.rows} rows in ${seconds.toFixed(1)} s (${(options.rows / seconds).toFixed(0)} rows/s); ` +
      `HTTP ${response.status}, accepted ${summary.accepted}, duplicate ${summary.duplicate}, rejected ${summary.rejected}`,
  );
}
agent.destroy();
