// ./tenure bench reconcile [accounts] [app]: seeds that many accounts into a
// simulated app (through the simulator's admin API), then times a
// reconciliation of that app through the ops API, from the request to the
// finished report. Prints the figures of a few runs.
import { randomBytes } from 'node:crypto';

const env = process.env;
const accounts = Number(process.argv[2] ?? 10_000);
const appId = process.argv[3] ?? 'github';
const runs = 3;
const ops = `http://127.0.0.1:${env.ORCHESTRATOR_PORT}`;
const TIMEOUT_MS = 300_000;

async function call(url, token, init = {}) {
  const response = await fetch(url, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });
  const body = await response.json();
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

async function seed() {
  const batch = randomBytes(4).toString('hex');
  const users = Array.from({ length: accounts }, (_, n) => ({
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: `bench-${batch}-${n}@example.com`,
    externalId: `BENCH-${batch}-${n}`,
    active: true,
    emails: [{ value: `bench-${batch}-${n}@example.com`, primary: true }],
  }));
  const started = performance.now();
  await call(`${env.TENURE_SAAS_SIM_URL}/admin/apps/${appId}/users`, env.TENURE_SAAS_SIM_ADMIN_TOKEN, {
    method: 'POST',
    body: JSON.stringify({ users }),
  });
  return performance.now() - started;
}

async function reconcile() {
  const started = performance.now();
  const { id } = await call(`${ops}/v1/reconciliations`, env.TENURE_OPS_TOKEN, {
    method: 'POST',
    body: JSON.stringify({ appId }),
  });
  const deadline = Date.now() + TIMEOUT_MS;
  while (Date.now() < deadline) {
    const run = await call(`${ops}/v1/reconciliations/${id}`, env.TENURE_OPS_TOKEN);
    if (run.status === 'failed') throw new Error(`reconciliation failed: ${run.error}`);
    if (run.status === 'completed') {
      const [report] = run.report.apps;
      if (report.error) throw new Error(`reconciliation of ${appId} failed: ${report.error}`);
      return { ms: performance.now() - started, report };
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no report within ${TIMEOUT_MS} ms`);
}

const seededMs = await seed();
console.log(`seeded ${accounts} accounts into ${appId} in ${(seededMs / 1000).toFixed(2)} s`);
const times = [];
for (let run = 1; run <= runs; run += 1) {
  const { ms, report } = await reconcile();
  times.push(ms);
  console.log(
    `run ${run}: ${(ms / 1000).toFixed(2)} s from request to report ` +
      `(activity ${(report.durationMs / 1000).toFixed(2)} s; ${report.accountsInApp} accounts in ${appId}: ` +
      `${report.counts.unmanaged} unmanaged, ${report.counts.orphaned} orphaned, ` +
      `${report.counts.drifted} drifted, ${report.counts.matched} matched)`,
  );
}
times.sort((a, b) => a - b);
console.log(
  `reconcile ${appId} with ${accounts}+ accounts: best ${(times[0] / 1000).toFixed(2)} s, median ${(times[Math.floor(runs / 2)] / 1000).toFixed(2)} s`,
);
