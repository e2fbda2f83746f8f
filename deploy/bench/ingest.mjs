// ./tenure bench ingest: hr-ingest's own throughput. The bench starts its own
// hr-ingest (built dist/, the environment's secrets, a database and topic prefix
// of its own that it removes afterwards), so it measures ingest alone and never
// floods the environment's orchestrator. Then:
//   1. signed generic webhooks at a fixed rate (open loop): accepted per second and
//      acceptance latency percentiles, then how long the relay takes to empty the outbox;
//   2. a CSV import of N generated rows, streamed: time and rows per second.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';

const env = process.env;
const options = { rate: 1000, seconds: 20, rows: 100_000, warmup: 2, workers: 1 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, '');
  if (!(key in options)) {
    console.error(`unknown option ${process.argv[i]} (--rate, --seconds, --rows, --warmup, --workers)`);
    process.exit(2);
  }
  options[key] = Number(process.argv[i + 1]);
}
const databaseUrl = env.TENURE_BENCH_DATABASE_URL;
if (!databaseUrl || databaseUrl === env.DATABASE_URL) {
  console.error(
    "run through ./tenure bench ingest, which prepares a database of the bench's own (the local PostgreSQL)",
  );
  process.exit(2);
}
const run = randomBytes(3).toString('hex');
const prefix = `bench-ingest-${run}.`;
const brokers = env.KAFKA_BROKERS.split(',');
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function topics(action) {
  const admin = new Kafka({ clientId: 'tenure-bench', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const names = [
      'tenure.hr.lifecycle.v1',
      'tenure.lifecycle.outcomes.v1',
      'tenure.lifecycle.decisions.v1',
      'tenure.deadletter.v1',
    ];
    if (action === 'create') {
      await admin.createTopics({
        waitForLeaders: true,
        topics: names.map((t) => ({ topic: prefix + t, numPartitions: 3 })),
      });
    } else await admin.deleteTopics({ topics: names.map((t) => prefix + t) });
  } finally {
    await admin.disconnect();
  }
}

/** CPU seconds used so far by hr-ingest and its worker processes (Linux /proc; undefined elsewhere). */
function cpuSeconds(pid) {
  try {
    const ticks = (stat) => Number(stat[11]) + Number(stat[12]);
    const statOf = (p) =>
      readFileSync(`/proc/${p}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
    let total = ticks(statOf(pid));
    for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      try {
        const stat = statOf(entry);
        if (Number(stat[1]) === pid) total += ticks(stat);
      } catch {
        // the process ended while being read
      }
    }
    return total / 100;
  } catch {
    return undefined;
  }
}

async function startIngest(port) {
  const child = spawn(process.execPath, [`${env.TENURE_ROOT}/dist/apps/hr-ingest/src/main.js`], {
    env: {
      ...env,
      DATABASE_URL: databaseUrl,
      TENURE_TOPIC_PREFIX: prefix,
      HR_INGEST_PORT: String(port),
      HR_INGEST_WORKERS: String(options.workers),
      LOG_LEVEL: env.LOG_LEVEL ?? 'info',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`hr-ingest exited with ${child.exitCode}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGTERM');
  throw new Error('hr-ingest did not become healthy within 60 s');
}

async function stopIngest(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

const port = await freePort();

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
    for (; sent < due; sent++)
      pending.push(
        webhook().then(
          (r) => results.push(r),
          (e) => results.push({ error: e }),
        ),
      );
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

await topics('create');
const child = await startIngest(port);
try {
  console.log(
    `hr-ingest (${options.workers} process${options.workers > 1 ? 'es' : ''}) at 127.0.0.1:${port}, topics ${prefix}*`,
  );
  if (options.warmup > 0) await atRate(Math.min(options.rate, 500), options.warmup);

  const cpuBefore = cpuSeconds(child.pid);
  const { results, elapsed } = await atRate(options.rate, options.seconds);
  const cpuUsed = cpuSeconds(child.pid) - cpuBefore;
  const lastAnswer = performance.now();
  const accepted = results.filter((r) => r.status === 202);
  const statuses = {};
  for (const r of results) statuses[r.status ?? 'error'] = (statuses[r.status ?? 'error'] ?? 0) + 1;
  const latencies = accepted.map((r) => r.ms).sort((a, b) => a - b);
  const fmt = (v) => `${v.toFixed(1)} ms`;
  console.log(
    `webhooks: ${results.length} sent at ${options.rate}/s for ${options.seconds} s; answers ${JSON.stringify(statuses)}`,
  );
  console.log(`  accepted ${(accepted.length / elapsed).toFixed(0)}/s sustained over ${elapsed.toFixed(1)} s`);
  console.log(
    `  acceptance latency p50 ${fmt(percentile(latencies, 50))}  p95 ${fmt(percentile(latencies, 95))}  ` +
      `p99 ${fmt(percentile(latencies, 99))}  max ${fmt(latencies[latencies.length - 1])}`,
  );
  if (!Number.isNaN(cpuUsed)) {
    console.log(
      `  hr-ingest CPU ${((cpuUsed / elapsed) * 100).toFixed(0)}% of a core, ` +
        `${((cpuUsed * 1000) / Math.max(1, accepted.length)).toFixed(2)} ms per accepted webhook`,
    );
  }
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const drained = await outboxDrained(pool);
    const after = (performance.now() - lastAnswer) / 1000;
    console.log(
      `  outbox empty (every accepted event on Kafka) ${Number.isNaN(drained) ? 'not within 120 s' : `${after.toFixed(1)} s after the last answer`}`,
    );
  } finally {
    await pool.end();
  }

  if (options.rows > 0) {
    const started = performance.now();
    const response = await request(
      '/v1/imports/csv',
      {
        'content-type': 'text/csv',
        authorization: `Bearer ${env.TENURE_IMPORT_TOKEN}`,
        'transfer-encoding': 'chunked',
      },
      csvStream(options.rows),
    );
    const seconds = (performance.now() - started) / 1000;
    const summary = JSON.parse(response.body);
    console.log(
      `csv import: ${options.rows} rows in ${seconds.toFixed(1)} s (${(options.rows / seconds).toFixed(0)} rows/s); ` +
        `HTTP ${response.status}, accepted ${summary.accepted}, duplicate ${summary.duplicate}, rejected ${summary.rejected}`,
    );
  }
} finally {
  agent.destroy();
  await stopIngest(child);
  await topics('delete');
  const cleanup = new pg.Client({ connectionString: databaseUrl });
  await cleanup.connect();
  await cleanup.query('DROP SCHEMA IF EXISTS ingest CASCADE');
  await cleanup.end();
}
