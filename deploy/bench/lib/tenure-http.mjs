// The calls a lifecycle bench makes: signed HR webhooks into hr-ingest, the
// ops API's view of a person, and the simulated apps (SCIM and admin API).
import { createHmac, randomBytes } from 'node:crypto';

const env = process.env;
export const ingestUrl = `http://127.0.0.1:${env.HR_INGEST_PORT}`;
export const opsUrl = `http://127.0.0.1:${env.ORCHESTRATOR_PORT}`;
export const simUrl = env.TENURE_SAAS_SIM_URL;
export const auditUrl = `http://127.0.0.1:${env.AUDIT_PORT}`;

/** Apps each department gets under config/policy.yaml. */
export const DEPARTMENT_APPS = {
  Engineering: ['slack', 'zoom', 'github'],
  IT: ['slack', 'zoom', 'github', 'salesforce', 'pagerduty'],
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function signed(body) {
  const ts = Math.floor(Date.now() / 1000);
  const sig = createHmac('sha256', env.TENURE_WEBHOOK_SECRET_GENERIC).update(`${ts}.${body}`).digest('hex');
  return { 'content-type': 'application/json', 'x-tenure-timestamp': String(ts), 'x-tenure-signature': `v1=${sig}` };
}

/** Sends an HR event; resolves with the moment (epoch ms) hr-ingest accepted it. */
export async function sendEvent(type, employee) {
  const body = JSON.stringify({ eventId: `evt-bench-${randomBytes(8).toString('hex')}`, type, employee });
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(`${ingestUrl}/v1/events/generic`, { method: 'POST', headers: signed(body), body });
    await response.arrayBuffer();
    if (response.status === 202) return Date.now();
    // hr-ingest's per-source rate limit: the event was not accepted, so it is sent again.
    if (response.status !== 429 || attempt > 50) throw new Error(`${type} answered ${response.status}`);
    await sleep(200);
  }
}

export function benchPerson(runId, n, department) {
  const employeeId = `BENCH-${runId}-${n}`;
  return {
    employeeId,
    email: `${employeeId.toLowerCase()}@example.com`,
    givenName: 'Bench',
    familyName: `Person ${n}`,
    department,
    employmentType: 'employee',
  };
}

export async function employeeView(employeeId) {
  const response = await fetch(`${opsUrl}/v1/employees/${employeeId}`, {
    headers: { authorization: `Bearer ${env.TENURE_OPS_TOKEN}` },
  });
  if (!response.ok) {
    await response.arrayBuffer();
    return undefined;
  }
  return response.json();
}

/** The accounts carrying these externalIds (employee ids) in the app, with their activations. */
export async function lookupAccounts(appId, externalIds) {
  const found = [];
  for (let start = 0; start < externalIds.length; start += 20_000) {
    const response = await fetch(`${simUrl}/admin/apps/${appId}/users/lookup`, {
      method: 'POST',
      headers: adminHeaders(),
      body: JSON.stringify({ externalIds: externalIds.slice(start, start + 20_000) }),
    });
    if (!response.ok) throw new Error(`lookup in ${appId}: ${response.status}`);
    found.push(...(await response.json()).users);
  }
  return found;
}

/**
 * Waits, watching the apps themselves (nothing asked of Tenure, so watching
 * adds no load to it), until each person has exactly one account in every
 * app, all with `active` as wanted. Resolves with, per person, the moment the
 * last app stored that value (the app's clock) and their accounts.
 */
export async function waitForApps(employeeIds, apps, active, timeoutMs) {
  const pending = new Set(employeeIds);
  const done = new Map();
  const deadline = Date.now() + timeoutMs;
  while (pending.size > 0 && Date.now() < deadline) {
    const round = Date.now();
    const ids = [...pending];
    const byPerson = new Map(ids.map((id) => [id, []]));
    for (const appId of apps) {
      for (const user of await lookupAccounts(appId, ids)) byPerson.get(user.externalId)?.push({ appId, ...user });
    }
    for (const [id, accounts] of byPerson) {
      const complete = apps.every((appId) => accounts.filter((a) => a.appId === appId).length === 1);
      if (!complete || !accounts.every((a) => a.active === active)) continue;
      const at = Math.max(
        ...accounts.map((a) => Date.parse(a.activations.filter((x) => x.active === active).at(-1).at)),
      );
      done.set(id, { at, accounts });
      pending.delete(id);
    }
    // Each round asks every app about everyone still pending: with thousands pending, ask less often,
    // so the watching never takes the CPU the work needs. The times come from the apps' clock, not the round.
    const pause = Math.min(2000, Math.max(250, pending.size));
    await sleep(Math.max(0, pause - (Date.now() - round)));
  }
  return { done, missing: [...pending] };
}

function simHeaders(appId) {
  return {
    authorization: `Bearer ${env[`TENURE_APP_${appId.toUpperCase()}_TOKEN`]}`,
    'content-type': 'application/scim+json',
  };
}
const adminHeaders = () => ({
  authorization: `Bearer ${env.TENURE_SAAS_SIM_ADMIN_TOKEN}`,
  'content-type': 'application/json',
});

/** Each value the account's `active` took in the app, with the app's own timestamps. */
export async function activations(appId, userId) {
  const response = await fetch(`${simUrl}/admin/apps/${appId}/users/${userId}/activations`, {
    headers: adminHeaders(),
  });
  if (!response.ok) throw new Error(`activations of ${appId}/${userId}: ${response.status}`);
  return (await response.json()).activations;
}

/** How many requests the app has served (SCIM and its own API), from the simulator's admin API. */
export async function appRequests(appId) {
  const response = await fetch(`${simUrl}/admin/apps/${appId}/requests`, { headers: adminHeaders() });
  if (!response.ok) return undefined;
  return (await response.json()).requests;
}

export async function seedUsers(appId, users) {
  const response = await fetch(`${simUrl}/admin/apps/${appId}/users`, {
    method: 'POST',
    headers: adminHeaders(),
    body: JSON.stringify({ users }),
  });
  if (response.status !== 201) throw new Error(`seeding ${appId}: ${response.status} ${await response.text()}`);
  return (await response.json()).ids;
}

/** Deactivates a user straight through the app's SCIM API, as the fastest possible client would. */
export async function disableDirectly(appId, userId) {
  const body = JSON.stringify({
    schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
    Operations: [{ op: 'replace', path: 'active', value: false }],
  });
  const response = await fetch(`${simUrl}/${appId}/scim/v2/Users/${userId}`, {
    method: 'PATCH',
    headers: simHeaders(appId),
    body,
  });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`direct disable in ${appId}: ${response.status}`);
}

/** The app's users carrying this employee id (SCIM externalId): more than one is a duplicate account. */
export async function usersOfEmployee(appId, employeeId) {
  const filter = encodeURIComponent(`externalId eq "${employeeId}"`);
  const response = await fetch(`${simUrl}/${appId}/scim/v2/Users?filter=${filter}`, { headers: simHeaders(appId) });
  if (!response.ok) throw new Error(`users of ${appId}: ${response.status}`);
  return (await response.json()).Resources ?? [];
}

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const ms = (v) => (v === undefined ? 'n/a' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);

/** The orchestrator's Prometheus samples named `name`, by their label text (`eager="true",service="orchestrator"`). */
export async function orchestratorSamples(name) {
  const response = await fetch(`${opsUrl}/metrics`, {
    headers: { authorization: `Bearer ${env.TENURE_METRICS_TOKEN}` },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`orchestrator /metrics answered ${response.status}`);
  const samples = {};
  for (const line of text.split('\n')) {
    const match = line.match(new RegExp(`^${name}(?:\\{(.*)\\})? (\\S+)$`));
    if (match) samples[match[1] ?? ''] = Number(match[2]);
  }
  return samples;
}
