import { ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { TOPICS } from '@tenure/contracts';
import {
  createTopics,
  deleteTopics,
  employeeFixture,
  freePort,
  publishRaw,
  requiredEnv,
  testStack,
  uniqueId,
  waitFor,
} from '@tenure/testing';
import { accessTokenOf, devUser } from './dev-sign-in';
import { StackClient } from './stack-client';

/**
 * A changed policy.yaml reaches everyone it affects when the orchestrator
 * starts with it, not only people whose next HR event comes along; a change
 * that would disable more accounts than the blast-radius limit waits for an
 * operator. The test runs an orchestrator of its own (built, as in
 * production) so it can restart it with another policy: its own database,
 * topics, Temporal namespace and task queue, and the test stack's gateway and
 * simulated apps.
 */
const ORCHESTRATOR_MAIN = join(__dirname, '../../dist/apps/orchestrator/src/main.js');
const NAMESPACE = 'tenure-rollout-test';
const stack = testStack();
const sim = new StackClient();
const opsToken = requiredEnv('TENURE_OPS_TOKEN');
const suffix = uniqueId('r')
  .toLowerCase()
  .replace(/[^a-z0-9]/g, '');
const database = `tenure_rollout_${suffix}`;
const topicPrefix = `rollout-${suffix}.`;
const configDir = mkdtempSync(join(tmpdir(), 'tenure-rollout-config-'));
const engineers = [employeeFixture({ department: 'Engineering' }), employeeFixture({ department: 'Engineering' })];

let orchestrator: ChildProcess | undefined;
let output = '';
let opsUrl = '';

const POLICY_V1 = `
rules:
  - name: everyone
    grant:
      - { app: slack, groups: [all-staff] }
      - { app: zoom }
  - name: engineering
    when: { department: [Engineering] }
    grant:
      - { app: github, groups: [engineering] }
`;
const POLICY_V2_ONCALL = POLICY_V1.replace('groups: [engineering]', 'groups: [engineering, oncall]');
const POLICY_V3_NO_ZOOM = `${POLICY_V2_ONCALL.replace('      - { app: zoom }\n', '')}
lifecycle:
  blastRadiusLimit: 1
`;

function databaseUrl(name: string): string {
  const url = new URL(stack.databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminSql(sql: string): Promise<void> {
  const client = new PgClient({ connectionString: stack.databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function ensureNamespace(): Promise<void> {
  const connection = await Connection.connect({ address: stack.temporalAddress });
  try {
    await connection.workflowService
      .registerNamespace({ namespace: NAMESPACE, workflowExecutionRetentionPeriod: { seconds: 86_400 } })
      .catch((error: Error) => {
        if (!/already exists/i.test(error.message)) throw error;
      });
    await waitFor(
      () =>
        connection.workflowService.describeNamespace({ namespace: NAMESPACE }).then(
          () => true,
          () => false,
        ),
      (ready) => ready,
      { description: `Temporal namespace ${NAMESPACE}` },
    );
  } finally {
    await connection.close();
  }
}

async function startOrchestrator(policy: string): Promise<void> {
  writeFileSync(join(configDir, 'policy.yaml'), policy);
  const port = await freePort();
  opsUrl = `http://127.0.0.1:${port}`;
  output = '';
  orchestrator = spawn(process.execPath, [ORCHESTRATOR_MAIN], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl(database),
      TENURE_TOPIC_PREFIX: topicPrefix,
      TEMPORAL_NAMESPACE: NAMESPACE,
      TEMPORAL_TASK_QUEUE: `tenure-rollout-${suffix}`,
      ORCHESTRATOR_PORT: String(port),
      TENURE_CONFIG_DIR: configDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  orchestrator.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  orchestrator.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    () =>
      fetch(`${opsUrl}/health`).then(
        (r) => r.status,
        () => 0,
      ),
    (status) => status === 200,
    { description: `the orchestrator to start; output: ${output.slice(-1500)}`, timeoutMs: 60_000 },
  );
}

async function stopOrchestrator(): Promise<void> {
  const child = orchestrator;
  orchestrator = undefined;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Reads with the ops service credential; decisions (POST) by the approver Maria, signed in. */
async function ops<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const token = init.method === 'POST' ? await accessTokenOf('maria') : opsToken;
  const response = await fetch(`${opsUrl}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as T };
}

interface Person {
  accounts: { appId: string; status: string }[];
  entitlements: { appId: string; groups: string[] }[];
}
interface Rollout {
  rolloutId: string;
  status: string;
  people: number;
  accountsDisabled: number;
  decidedBy: string | null;
}

const person = (employeeId: string) => ops<Person>(`/v1/employees/${employeeId}`);
const statusIn = (p: Person, appId: string) => p.accounts.find((a) => a.appId === appId)?.status;
const rollouts = async () => (await ops<{ items: Rollout[] }>('/v1/policy/rollouts')).body.items;

beforeAll(async () => {
  await adminSql(`CREATE DATABASE "${database}"`);
  await createTopics(stack.kafkaBrokers, topicPrefix);
  await ensureNamespace();
  copyFileSync(join(requiredEnv('TENURE_CONFIG_DIR'), 'apps.yaml'), join(configDir, 'apps.yaml'));
  copyFileSync(join(requiredEnv('TENURE_CONFIG_DIR'), 'auth.yaml'), join(configDir, 'auth.yaml'));
  await startOrchestrator(POLICY_V1);
  for (const employee of engineers) {
    const receivedAt = new Date().toISOString();
    const event = {
      eventId: uniqueId('evt-hire'),
      source: 'generic',
      type: 'hire',
      effectiveAt: receivedAt,
      receivedAt,
      employee,
    };
    await publishRaw(
      stack.kafkaBrokers,
      `${topicPrefix}${TOPICS.hrLifecycle}`,
      employee.employeeId,
      JSON.stringify(event),
    );
  }
  for (const employee of engineers) {
    await waitFor(
      () => person(employee.employeeId),
      (r) => r.status === 200 && ['github', 'slack', 'zoom'].every((app) => statusIn(r.body, app) === 'active'),
      { description: `the accounts of ${employee.employeeId}` },
    );
  }
}, 120_000);

afterAll(async () => {
  await stopOrchestrator();
  await deleteTopics(stack.kafkaBrokers, topicPrefix).catch(() => undefined);
  await adminSql(`DROP DATABASE IF EXISTS "${database}"`).catch(() => undefined);
});

describe('policy rollouts', () => {
  it('records the first policy as applied, changing no one', async () => {
    const [first] = await rollouts();
    expect(first).toMatchObject({ status: 'applied', people: 0, accountsDisabled: 0 });
  });

  it('grants a new group to everyone the changed policy covers, at the next start', async () => {
    await stopOrchestrator();
    await startOrchestrator(POLICY_V2_ONCALL);
    for (const employee of engineers) {
      const { body } = await waitFor(
        () => person(employee.employeeId),
        (r) => r.body.entitlements?.find((e) => e.appId === 'github')?.groups.includes('oncall') === true,
        { description: `${employee.employeeId} to hold the oncall group` },
      );
      expect(statusIn(body, 'github')).toBe('active');
    }
    const [latest] = await rollouts();
    expect(latest).toMatchObject({ status: 'applied', people: 2, accountsDisabled: 0 });
  });

  it('holds a change that would disable more accounts than the limit until an operator approves it', async () => {
    await stopOrchestrator();
    await startOrchestrator(POLICY_V3_NO_ZOOM);
    const held = await waitFor(rollouts, (items) => items[0]?.status === 'waiting_approval', {
      description: 'the rollout to wait for approval',
    });
    expect(held[0]).toMatchObject({ people: 2, accountsDisabled: 2 });
    for (const employee of engineers) {
      expect(statusIn((await person(employee.employeeId)).body, 'zoom')).toBe('active');
    }

    const approved = await ops<Rollout>(`/v1/policy/rollouts/${held[0].rolloutId}/approve`, { method: 'POST' });
    expect(approved).toMatchObject({
      status: 200,
      body: { status: 'applied', decidedBy: devUser('maria').employeeId },
    });
    for (const employee of engineers) {
      await waitFor(
        () => person(employee.employeeId),
        (r) => statusIn(r.body, 'zoom') === 'disabled',
        { description: `${employee.employeeId}'s zoom account to be disabled` },
      );
      const [zoomUser] = await sim.appUsers('zoom', `userName eq "${employee.email}"`);
      expect(zoomUser.active).toBe(false);
    }
  });

  it('refuses to approve a rollout twice, or one that does not exist', async () => {
    const [latest] = await rollouts();
    const again = await ops(`/v1/policy/rollouts/${latest.rolloutId}/approve`, { method: 'POST' });
    expect(again.status).toBe(409);
    expect((await ops('/v1/policy/rollouts/nope/approve', { method: 'POST' })).status).toBe(404);
  });
});
