// ./tenure bench lifecycle: how long Tenure takes, on the running dev stack,
// from an HR webhook's 202 to every account being active (hire) and to every
// account being disabled (terminate). Prints percentiles over N people.
import { createHmac, randomBytes } from 'node:crypto';

const env = process.env;
const count = Number(process.argv[2] ?? 20);
const concurrency = Number(process.argv[3] ?? 5);
const ingest = `http://127.0.0.1:${env.HR_INGEST_PORT}`;
const ops = `http://127.0.0.1:${env.ORCHESTRATOR_PORT}`;
const TIMEOUT_MS = 60_000;

function sign(body) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = createHmac('sha256', env.TENURE_WEBHOOK_SECRET_GENERIC).update(`${ts}.${body}`).digest('hex');
  return { 'content-type': 'application/json', 'x-tenure-timestamp': String(ts), 'x-tenure-signature': `v1=${sig}` };
}

async function send(type, employee) {
  const body = JSON.stringify({ eventId: `evt-bench-${randomBytes(6).toString('hex')}`, type, employee });
  const response = await fetch(`${ingest}/v1/events/generic`, { method: 'POST', headers: sign(body), body });
  if (response.status !== 202) throw new Error(`${type} answered ${response.status}`);
  return performance.now();
}

async function waitUntil(employeeId, status, expected) {
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const response = await fetch(`${ops}/v1/employees/${employeeId}`, {
      headers: { authorization: `Bearer ${env.TENURE_OPS_TOKEN}` },
    });
    if (response.ok) {
      const { accounts } = await response.json();
      if (accounts.length === expected && accounts.every((a) => a.status === status)) return performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${employeeId}: accounts not ${status} within ${TIMEOUT_MS} ms`);
}

async function lifecycle(n) {
  const employeeId = `BENCH-${Date.now().toString(36)}-${n}`;
  const employee = {
    employeeId,
    email: `${employeeId.toLowerCase()}@example.com`,
    givenName: 'Bench',
    familyName: `Person ${n}`,
    department: 'Engineering',
    employmentType: 'employee',
  };
  // Engineering gets slack, zoom and github under config/policy.yaml.
  const hired = await send('hire', employee);
  const active = await waitUntil(employeeId, 'active', 3);
  const terminated = await send('terminate', employee);
  const disabled = await waitUntil(employeeId, 'disabled', 3);
  return { hire: active - hired, terminate: disabled - terminated };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(label, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const fmt = (v) => `${v.toFixed(0)} ms`;
  console.log(
    `${label.padEnd(34)} p50 ${fmt(percentile(sorted, 50))}  p95 ${fmt(percentile(sorted, 95))}  max ${fmt(sorted[sorted.length - 1])}`,
  );
}

const results = [];
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) results.push(await lifecycle(next++));
  }),
);
console.log(
  `${count} people, ${concurrency} at a time, 3 apps each, in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
report(
  'hire 202 -> all accounts active',
  results.map((r) => r.hire),
);
report(
  'terminate 202 -> all disabled',
  results.map((r) => r.terminate),
);
