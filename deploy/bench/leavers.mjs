// ./tenure bench leavers: time to revoke at scale. Hires a population through
// Tenure (the initial load), measures the direct-call floor (the apps
// disabling accounts when called straight), then sends terminations at a
// steady rate and measures, from each termination's 202 to the moment the
// last of the person's apps stored `active: false` (the app's own clock),
// how long access outlived the decision. Prints CPU per process, Temporal
// work per person and requests to apps per change. --chaos kills the
// orchestrator (kill -9) mid-burst, restarts it, and counts what was lost or
// duplicated.
import { spawn } from 'node:child_process';
import { openSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cpuSeconds, cpuSnapshot } from './lib/process-cpu.mjs';
import {
  appRequests,
  auditUrl,
  benchPerson,
  DEPARTMENT_APPS,
  disableDirectly,
  employeeView,
  orchestratorSamples,
  ms,
  percentile,
  seedUsers,
  sendEvent,
  sleep,
  usersOfEmployee,
  waitForApps,
} from './lib/tenure-http.mjs';
import { startSecondReplicas, stopReplicas } from './lib/replicas.mjs';
import { averageWork, closeTemporal } from './lib/workflow-counts.mjs';

const { values: options } = parseArgs({
  options: {
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '30' },
    apps: { type: 'string', default: '3' },
    people: { type: 'string' },
    'hire-concurrency': { type: 'string', default: '40' },
    'floor-seconds': { type: 'string', default: '10' },
    'sample-histories': { type: 'string', default: '20' },
    chaos: { type: 'boolean', default: false },
    'hires-only': { type: 'boolean', default: false },
    replicas: { type: 'string', default: '1' },
    // How long the hires (and, after them, the leavers) may take before the ones not done count as missing.
    'wait-minutes': { type: 'string', default: '15' },
  },
});
const rate = Number(options.rate);
const seconds = Number(options.seconds);
const appCount = Number(options.apps);
const department = appCount >= 5 ? 'IT' : 'Engineering';
const apps = DEPARTMENT_APPS[department];
const leaverCount = Math.round(rate * seconds);
const peopleCount = Number(options.people ?? leaverCount);
const runId = Date.now().toString(36);
const startedAt = new Date().toISOString();
const env = process.env;
const WAIT_MS = Number(options['wait-minutes']) * 60_000;

function processRoots() {
  const roots = {};
  for (const service of ['orchestrator', 'connector-gateway', 'hr-ingest', 'audit', 'saas-sim']) {
    const pids = [];
    for (const suffix of ['', '-2']) {
      try {
        pids.push(Number(readFileSync(`${env.TENURE_BENCH_PID_DIR}/${service}${suffix}.pid`, 'utf8').trim()));
      } catch {
        // not running as a replica
      }
    }
    roots[service] = pids.filter((pid) => pid > 0);
  }
  for (const entry of (env.TENURE_BENCH_INFRA_PIDS ?? '').split(' ').filter(Boolean)) {
    const [name, pid] = entry.split('=');
    if (Number(pid) > 0) roots[name] = [Number(pid)];
  }
  return roots;
}

async function inParallel(items, parallel, work) {
  const queue = items.map((item, index) => [item, index]);
  const results = new Array(items.length);
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) results[next[1]] = await work(next[0], next[1]);
    }),
  );
  return results;
}

async function requestCounts() {
  return Object.fromEntries(await Promise.all(apps.map(async (app) => [app, await appRequests(app)])));
}

function requestsBetween(before, after) {
  return apps.reduce((sum, app) => sum + ((after[app] ?? 0) - (before[app] ?? 0)), 0);
}

/** From the 202 of each person's event to the last app's stored change of `active` (the app's clock). */
function latenciesOf(done, acceptedAt) {
  return [...done].map(([employeeId, { at }]) => at - acceptedAt.get(employeeId));
}

function printLatencies(label, values) {
  console.log(
    `${label.padEnd(44)} p50 ${ms(percentile(values, 50))}  p95 ${ms(percentile(values, 95))}  p99 ${ms(percentile(values, 99))}  max ${ms(Math.max(...values))}`,
  );
}

function printCpu(used, per, unit) {
  const rows = Object.entries(used).sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, value]) => sum + value, 0);
  console.log(`CPU seconds per ${unit} (shared servers include everyone else's load on them):`);
  for (const [name, value] of rows)
    console.log(`  ${name.padEnd(20)} ${((value / per) * 1000).toFixed(1).padStart(8)} s`);
  console.log(`  ${'total'.padEnd(20)} ${((total / per) * 1000).toFixed(1).padStart(8)} s`);
}

const QUIET_CORES = 0.3;
const SETTLE_LIMIT_S = 60;

/** Seconds until the processes together used under QUIET_CORES for two seconds running (at most SETTLE_LIMIT_S). */
async function untilQuiet() {
  const start = performance.now();
  let quietSeconds = 0;
  let previous = cpuSnapshot(processRoots());
  while (quietSeconds < 2 && (performance.now() - start) / 1000 < SETTLE_LIMIT_S) {
    await sleep(1000);
    const now = cpuSnapshot(processRoots());
    const used = Object.values(cpuSeconds(previous, now)).reduce((sum, value) => sum + value, 0);
    quietSeconds = used < QUIET_CORES ? quietSeconds + 1 : 0;
    previous = now;
  }
  return (performance.now() - start) / 1000;
}

// --- initial load -------------------------------------------------------------
if (options.replicas === '2') {
  const second = await startSecondReplicas();
  console.log(
    `two replicas: a second orchestrator (:${second.orchestrator.port}) calling a second gateway (:${second.gateway.port})`,
  );
} else if (options.replicas !== '1') throw new Error('--replicas is 1 or 2');
const people = Array.from({ length: peopleCount }, (_, n) => benchPerson(runId, n, department));
console.log(`${peopleCount} people in ${department} (${apps.join(', ')}); run ${runId}`);
const hireRequests = await requestCounts();
const startsBefore = await orchestratorSamples('tenure_orchestrator_workflow_starts_total');
const hireCpu = cpuSnapshot(processRoots());
const hireStart = Date.now();
const hiredAt = new Map();
await inParallel(people, Number(options['hire-concurrency']), async (person) => {
  hiredAt.set(person.employeeId, await sendEvent('hire', person));
});
const hires = await waitForApps(
  people.map((p) => p.employeeId),
  apps,
  true,
  WAIT_MS,
);
// Until the last account went on, by the apps' clock (the watcher only notices it a round later).
const lastActiveAt = hires.missing.length ? Date.now() : Math.max(...[...hires.done.values()].map((hire) => hire.at));
const hireSeconds = (lastActiveAt - hireStart) / 1000;
// A layoff does not land on the tail of a first import: wait until the audit trail, the hires'
// later phases and the servers have finished with the initial load, and charge that tail to it.
const settledAfter = await untilQuiet();
const hireUsed = cpuSeconds(hireCpu, cpuSnapshot(processRoots()));
const hireAppRequests = requestsBetween(hireRequests, await requestCounts());
console.log(
  `initial load: ${hires.done.size} of ${peopleCount} people × ${apps.length} apps active in ${hireSeconds.toFixed(1)} s ` +
    `(${(hires.done.size / hireSeconds).toFixed(1)} people/s)${hires.missing.length ? `; NOT active: ${hires.missing.length}` : ''}`,
);
printLatencies('hire 202 -> every account active (apps clock)', latenciesOf(hires.done, hiredAt));
console.log(`requests to apps per hire per app: ${(hireAppRequests / (hires.done.size * apps.length)).toFixed(2)}`);
const startsAfter = await orchestratorSamples('tenure_orchestrator_workflow_starts_total');
const sumOf = (samples, label) =>
  Object.entries(samples).reduce((sum, [labels, value]) => sum + (labels.includes(label) ? value : 0), 0);
const started = (eager) => sumOf(startsAfter, `eager="${eager}"`) - sumOf(startsBefore, `eager="${eager}"`);
console.log(
  `workflows started eagerly (first task straight to the worker): ${started(true)} of ${started(true) + started(false)}` +
    (options.replicas === '2' ? ' (first orchestrator)' : ''),
);
console.log(
  `after the initial load the machine went quiet (under ${QUIET_CORES} of a core) in ${settledAfter.toFixed(1)} s` +
    (settledAfter >= SETTLE_LIMIT_S ? ' (it never did: measuring anyway)' : ''),
);
printCpu(hireUsed, hires.done.size, '1,000 hires');
if (options['hires-only']) {
  await closeTemporal();
  await stopReplicas();
  process.exit(hires.missing.length ? 1 : 0);
}

// --- direct-call floor ---------------------------------------------------------
const floorCount = Math.round(rate * Number(options['floor-seconds']));
const floorUsers = {};
for (const app of apps) {
  floorUsers[app] = await seedUsers(
    app,
    Array.from({ length: floorCount }, (_, n) => ({
      userName: `floor-${runId}-${n}@example.com`,
      externalId: `FLOOR-${runId}-${n}`,
      active: true,
    })),
  );
}
const floorLatencies = [];
const floorStart = performance.now();
await Promise.all(
  Array.from({ length: floorCount }, async (_, n) => {
    await sleep(floorStart + (n * 1000) / rate - performance.now());
    const sent = performance.now();
    await Promise.all(apps.map((app) => disableDirectly(app, floorUsers[app][n])));
    floorLatencies.push(performance.now() - sent);
  }),
);

// --- sustained leavers -----------------------------------------------------------
const leavers = people.filter((p) => hires.done.has(p.employeeId)).slice(0, leaverCount);
const leaverRequests = await requestCounts();
const leaverCpu = cpuSnapshot(processRoots());
const terminatedAt = new Map();
const burstStart = performance.now();
let chaos;
const chaosDone = options.chaos
  ? (async () => {
      await sleep((leavers.length / rate / 2) * 1000);
      chaos = await killAndRestartOrchestrator();
    })()
  : Promise.resolve();
await Promise.all(
  leavers.map(async (person, n) => {
    await sleep(burstStart + (n * 1000) / rate - performance.now());
    terminatedAt.set(person.employeeId, await sendEvent('terminate', person));
  }),
);
const sendSeconds = (performance.now() - burstStart) / 1000;
await chaosDone;
const revoked = await waitForApps(
  leavers.map((p) => p.employeeId),
  apps,
  false,
  WAIT_MS,
);
const leaverUsed = cpuSeconds(leaverCpu, cpuSnapshot(processRoots()));
const leaverAppRequests = requestsBetween(leaverRequests, await requestCounts());
const revokeLatencies = latenciesOf(revoked.done, terminatedAt);

console.log(
  `\nsustained leavers: ${leavers.length} terminations at ${rate}/s over ${sendSeconds.toFixed(1)} s, ${apps.length} apps each` +
    (chaos
      ? `; orchestrator killed (kill -9) after ${chaos.atSeconds.toFixed(1)} s, restarted in ${chaos.restartSeconds.toFixed(1)} s`
      : ''),
);
printLatencies('direct-call floor (all apps disabled)', floorLatencies);
printLatencies('terminate 202 -> every account disabled', revokeLatencies);
console.log(
  `time-to-revoke p50 is ${(percentile(revokeLatencies, 50) / percentile(floorLatencies, 50)).toFixed(1)}× the floor's p50` +
    (revoked.missing.length ? `; NOT disabled within ${WAIT_MS / 60_000} min: ${revoked.missing.length}` : ''),
);
printCpu(leaverUsed, revoked.done.size, '1,000 leavers');

// --- where the work goes -----------------------------------------------------------
const sample = leavers.slice(0, Number(options['sample-histories'])).map((p) => p.employeeId);
const work = await averageWork(sample);
const describe = (w) =>
  `${w.activities.toFixed(1)} activities, ${w.localActivities.toFixed(1)} local activities, ${w.workflowTasks.toFixed(1)} workflow tasks`;
console.log(`Temporal per hire:   ${describe(work.hire)} (mean of ${sample.length} histories)`);
console.log(`Temporal per leaver: ${describe(work.leaver)}`);
const sampleView = await employeeView(sample[0]);
const leaverRun = sampleView?.runs?.find((run) => run.eventType === 'terminate');
const changesPerLeaver = (leaverRun?.steps ?? []).reduce((sum, step) => sum + (step.changes?.length ?? 0), 0);
console.log(
  `requests to apps per leaver per app: ${(leaverAppRequests / (revoked.done.size * apps.length)).toFixed(2)}` +
    (changesPerLeaver
      ? ` (${(changesPerLeaver / apps.length).toFixed(0)} changes per app so far: ${(leaverAppRequests / (revoked.done.size * changesPerLeaver)).toFixed(2)} requests per change)`
      : ''),
);

// --- nothing lost, nothing duplicated ---------------------------------------------------
await countLossesAndDuplicates();
await closeTemporal();
await stopReplicas();

async function countLossesAndDuplicates() {
  let stillActive = 0;
  let missingAccounts = 0;
  let duplicates = 0;
  await inParallel(leavers, 16, async (person) => {
    for (const app of apps) {
      const users = await usersOfEmployee(app, person.employeeId);
      if (users.length === 0) missingAccounts++;
      if (users.length > 1) duplicates += users.length - 1;
      stillActive += users.filter((user) => user.active !== false).length;
    }
  });
  const disables = await auditDisableRecords();
  const perAccount = new Map();
  for (const person of leavers) for (const app of apps) perAccount.set(`${person.employeeId}/${app}`, 0);
  for (const record of disables) {
    const key = `${record.employeeId}/${record.appId}`;
    if (perAccount.has(key)) perAccount.set(key, perAccount.get(key) + 1);
  }
  const histogram = {};
  for (const n of perAccount.values()) histogram[n] = (histogram[n] ?? 0) + 1;
  console.log(
    `\nleavers' accounts still active in the apps: ${stillActive}; accounts never created: ${missingAccounts}; duplicate accounts: ${duplicates}`,
  );
  console.log(
    `audit account.disable records per leaver account: ${Object.entries(histogram)
      .map(([n, accounts]) => `${n} record${n === '1' ? '' : 's'}: ${accounts} accounts`)
      .join(', ')}`,
  );
}

async function auditDisableRecords() {
  const query = new URLSearchParams({
    format: 'jsonl',
    kind: 'outcome',
    action: 'account.disable',
    outcome: 'succeeded',
    from: startedAt,
  });
  // The audit trail is fed from Kafka: give its consumer a moment to catch up with the last outcomes.
  const expected = leavers.length * apps.length;
  let records = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    const response = await fetch(`${auditUrl}/v1/audit/export?${query}`, {
      headers: { authorization: `Bearer ${env.TENURE_AUDIT_TOKEN}` },
    });
    if (!response.ok) throw new Error(`audit export answered ${response.status}`);
    const text = await response.text();
    records = text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
      .filter((r) => r.employeeId?.startsWith(`BENCH-${runId}-`));
    if (records.length >= expected) break;
    await sleep(2000);
  }
  return records;
}

/** kill -9 the orchestrator, then start it again as ./tenure does (same command, log and pid file). */
async function killAndRestartOrchestrator() {
  const atSeconds = (performance.now() - burstStart) / 1000;
  const pidFile = `${env.TENURE_BENCH_PID_DIR}/orchestrator.pid`;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  process.kill(pid, 'SIGKILL');
  const killed = performance.now();
  const ownUrl = env.ORCHESTRATOR_DATABASE_URL;
  const log = openSync(`${env.TENURE_BENCH_LOG_DIR}/orchestrator.log`, 'a');
  const child = spawn('node', ['--enable-source-maps', `${env.TENURE_ROOT}/dist/apps/orchestrator/src/main.js`], {
    cwd: env.TENURE_ROOT,
    env: { ...env, ...(ownUrl ? { DATABASE_MIGRATION_URL: env.DATABASE_URL, DATABASE_URL: ownUrl } : {}) },
    detached: true,
    stdio: ['ignore', log, log],
  });
  child.unref();
  writeFileSync(pidFile, `${child.pid}\n`);
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${env.ORCHESTRATOR_PORT}/health`);
      await response.arrayBuffer();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return { atSeconds, restartSeconds: (performance.now() - killed) / 1000 };
}
