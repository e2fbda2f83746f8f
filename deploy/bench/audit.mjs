// ./tenure bench audit: the audit service on a database and topics of its own
// (created here, removed at the end), fed through Kafka and then seeded to a
// large chain. Prints the sustained ingest rate, query latencies with the
// chain at full size, the time to verify it and the export throughput.
//
//   ./tenure bench audit [--env dev|test] [--messages 100000] [--records 1000000] [--samples 40] [--keep]
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import pg from 'pg';
import { APPS, benchMessage, employeeOf, seedChain } from './audit-data.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const messages = option('messages', 100_000);
const records = option('records', 1_000_000);
const samples = option('samples', 40);
const keep = args.includes('--keep');

const env = process.env;
const run = Date.now().toString(36);
const database = `tenure_bench_audit_${run}`;
const prefix = `bench-audit-${run}.`;
const port = Number(env.AUDIT_PORT) + 90;
const base = `http://127.0.0.1:${port}`;
const token = env.TENURE_AUDIT_TOKEN;
const topics = [
  'tenure.hr.lifecycle.v1',
  'tenure.lifecycle.outcomes.v1',
  'tenure.lifecycle.decisions.v1',
  'tenure.deadletter.v1',
];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const say = (line) => process.stdout.write(`${line}\n`);

const adminUrl = env.DATABASE_URL;
const benchUrl = adminUrl.replace(/\/[^/?]+(\?|$)/, `/${database}$1`);
const kafka = new Kafka({
  clientId: 'tenure-bench',
  brokers: env.KAFKA_BROKERS.split(','),
  logLevel: logLevel.NOTHING,
});

async function sql(url, text, params) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function get(path, query = {}) {
  const response = await fetch(`${base}${path}?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response;
}

async function publishAll() {
  const producer = kafka.producer();
  await producer.connect();
  const started = performance.now();
  for (let from = 0; from < messages; from += 5_000) {
    const byTopic = new Map();
    for (let n = from; n < Math.min(messages, from + 5_000); n++) {
      const { topic, key, value } = benchMessage(run, n);
      if (!byTopic.has(topic)) byTopic.set(topic, []);
      byTopic.get(topic).push({ key, value: JSON.stringify(value) });
    }
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({ topic: `${prefix}${topic}`, messages: list })),
    });
  }
  await producer.disconnect();
  return performance.now() - started;
}

function startService() {
  const log = openSync(`${env.TENURE_BENCH_LOG_DIR ?? '/tmp'}/audit-bench.log`, 'w');
  const child = spawn('node', ['dist/apps/audit/src/main.js'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { ...env, DATABASE_URL: benchUrl, TENURE_TOPIC_PREFIX: prefix, AUDIT_PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', log, log],
  });
  return child;
}

async function waitForRecords(count, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const status = await (await get('/v1/audit/status')).json();
      if (status.records >= count) return status;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`fewer than ${count} records after ${timeoutMs / 1000} s`);
    await sleep(100);
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function timeQuery(label, path, queryOf) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await (await get(path, queryOf(i))).arrayBuffer();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  say(
    `  ${label.padEnd(44)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms   p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms`,
  );
  return percentile(times, 95);
}

/** Peak resident memory of a process so far, in MB. */
function peakMemoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024;
}

const admin = kafka.admin();
let service;
try {
  say(`audit bench: ${messages} messages through Kafka, then a chain of ${records} records (database ${database})`);
  await sql(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await sql(adminUrl, `CREATE DATABASE ${database}`);
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: topics.map((t) => ({ topic: `${prefix}${t}`, numPartitions: 3 })),
  });
  const publishMs = await publishAll();
  say(`published ${messages} messages in ${(publishMs / 1000).toFixed(1)} s; starting the audit service on :${port}`);

  service = startService();
  const started = performance.now();
  await waitForRecords(messages, 600_000);
  const wallMs = performance.now() - started;
  const [span] = await sql(
    benchUrl,
    `SELECT count(*)::int AS total, min(recorded_at) AS first, max(recorded_at) AS last,
       count(*) FILTER (WHERE recorded_at > (SELECT min(recorded_at) FROM audit.audit_events))::int AS after_first
     FROM audit.audit_events`,
  );
  const sustained = span.after_first / ((span.last - span.first) / 1000);
  say(`ingest: ${span.total} records chained; sustained ${sustained.toFixed(0)} records/s (first to last batch),`);
  say(
    `        ${(messages / (wallMs / 1000)).toFixed(0)} records/s including start-up, consumer join and the first fetch`,
  );

  const seedStarted = performance.now();
  const client = new pg.Client({ connectionString: benchUrl, options: '-c search_path=audit' });
  await client.connect();
  await seedChain(client, Math.max(0, records - messages));
  // What autovacuum does to an insert-only table in time: statistics and the visibility map for index-only scans.
  await client.query('VACUUM ANALYZE audit_events');
  await client.end();
  const [{ total }] = await sql(benchUrl, 'SELECT count(*)::int AS total FROM audit.audit_events');
  say(`seeded to ${total} records in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const day = 24 * 3600 * 1000;
  const someday = (i) => new Date(Date.now() - ((i * 37) % 360) * day);
  say(`queries over HTTP, ${samples} each, with ${total} records:`);
  const p95s = [
    await timeQuery('events ?employeeId', '/v1/audit/events', (i) => ({ employeeId: employeeOf(i * 13) })),
    await timeQuery('events ?appId', '/v1/audit/events', (i) => ({ appId: APPS[i % APPS.length] })),
    await timeQuery('events ?action=account.disable', '/v1/audit/events', () => ({ action: 'account.disable' })),
    await timeQuery('events ?outcome=failed', '/v1/audit/events', () => ({ outcome: 'failed' })),
    await timeQuery('events ?actorId', '/v1/audit/events', () => ({ actorId: 'bench.operator' })),
    await timeQuery('events ?eventId', '/v1/audit/events', (i) => ({ eventId: `evt-seed-${i * 977}` })),
    await timeQuery('events ?kind=hr.event', '/v1/audit/events', () => ({ kind: 'hr.event' })),
    await timeQuery('events ?from&to (one day)', '/v1/audit/events', (i) => ({
      from: someday(i).toISOString(),
      to: new Date(someday(i).getTime() + day).toISOString(),
    })),
    await timeQuery('events ?appId&action&from (oldest first)', '/v1/audit/events', (i) => ({
      appId: APPS[i % APPS.length],
      action: 'account.disable',
      from: someday(i).toISOString(),
      order: 'asc',
    })),
    await timeQuery('events ?employeeId&from&to', '/v1/audit/events', (i) => ({
      employeeId: employeeOf(i * 31),
      from: someday(i + 90).toISOString(),
      to: someday(i).toISOString(),
    })),
    await timeQuery('events (no filter, limit 1000)', '/v1/audit/events', () => ({ limit: '1000' })),
  ];
  say(`  worst p95 of the filtered event queries: ${Math.max(...p95s).toFixed(1)} ms (target < 100 ms)`);
  await timeQuery('access ?employeeId&at', '/v1/audit/access', (i) => ({
    employeeId: employeeOf(i * 7),
    at: someday(i).toISOString(),
  }));
  await timeQuery('access ?appId&at (whole app)', '/v1/audit/access', (i) => ({
    appId: APPS[i % APPS.length],
    at: someday(i).toISOString(),
  }));
  await timeQuery('deprovisioning (30 days)', '/v1/audit/deprovisioning', (i) => ({ to: someday(i).toISOString() }));

  const verifyStarted = performance.now();
  const verification = await (await get('/v1/audit/verify')).json();
  say(
    `verify: ${JSON.stringify({ ok: verification.ok, count: verification.count })} in ${((performance.now() - verifyStarted) / 1000).toFixed(1)} s`,
  );

  const peakBeforeExport = peakMemoryOf(service.pid);
  for (const format of ['jsonl', 'csv']) {
    const exportStarted = performance.now();
    const response = await get('/v1/audit/export', { format });
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    const seconds = (performance.now() - exportStarted) / 1000;
    say(
      `export ${format}: ${lines} lines, ${(bytes / 1e6).toFixed(0)} MB in ${seconds.toFixed(1)} s (${(lines / seconds).toFixed(0)} lines/s)`,
    );
  }
  say(
    `audit service peak memory: ${peakBeforeExport.toFixed(0)} MB before the exports, ${peakMemoryOf(service.pid).toFixed(0)} MB after`,
  );
} finally {
  service?.kill('SIGTERM');
  await sleep(1_000);
  if (!keep) {
    await admin.deleteTopics({ topics: topics.map((t) => `${prefix}${t}`) }).catch(() => undefined);
    await sql(adminUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch((error) =>
      say(`could not drop ${database}: ${error.message}`),
    );
  }
  await admin.disconnect();
}
