import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { employeeFixture, requiredEnv, signWebhook, testStack, uniqueId, waitFor } from '@tenure/testing';
import { createKafka, KafkaPublisher } from '@tenure/kafka';
import { createLogger } from '@tenure/observability';
import { OutcomePublisher } from '../lifecycle/outcomes/outcome.publisher';
import { createReconciliationActivities } from './reconciliation.activities';
import { ConnectorGatewayClient } from '../gateway/connector-gateway.client';
import { ReconciliationRepository } from './reconciliation.repository';
import { RECONCILIATION_SCHEDULE_ID } from './reconciliation-schedule.service';
import type { AppReconciliationReport } from './reconciliation.types';

/**
 * Reconciliation against the running test stack: people hired and let go
 * through signed HR webhooks, then accounts changed behind Tenure's back in
 * the simulated Slack, then a run through the ops API finds each case.
 */
const stack = testStack();
const opsUrl = `http://127.0.0.1:${requiredEnv('ORCHESTRATOR_PORT')}`;
const ingestUrl = `http://127.0.0.1:${requiredEnv('HR_INGEST_PORT')}`;
const gatewayUrl = `http://127.0.0.1:${requiredEnv('CONNECTOR_GATEWAY_PORT')}`;
const auditUrl = `http://127.0.0.1:${requiredEnv('AUDIT_PORT')}`;
const slackUrl = `${requiredEnv('TENURE_SAAS_SIM_URL')}/slack/scim/v2`;
const opsToken = requiredEnv('TENURE_OPS_TOKEN');
const slackToken = requiredEnv('TENURE_APP_SLACK_TOKEN');

const leaver = employeeFixture({ employeeId: uniqueId('ER') });
const stayer = employeeFixture({ employeeId: uniqueId('ES'), department: 'Engineering' });
const shadowUserName = `${uniqueId('shadow')}@example.com`;
let leaverAccountId: string;
let stayerAccountId: string;

async function hrEvent(type: string, employee: object): Promise<void> {
  const request = signWebhook(requiredEnv('TENURE_WEBHOOK_SECRET_GENERIC'), {
    eventId: uniqueId('evt'),
    type,
    employee,
  });
  const response = await fetch(`${ingestUrl}/v1/events/generic`, { method: 'POST', ...request });
  expect(response.status).toBe(202);
}

async function ops(method: string, path: string, body?: unknown, token = opsToken) {
  const response = await fetch(`${opsUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function slackAccountOf(employeeId: string, status: string): Promise<string> {
  const { body } = await waitFor(
    () => ops('GET', `/v1/employees/${employeeId}`),
    (reply) =>
      (reply.body.accounts as { appId: string; status: string }[] | undefined)?.some(
        (account) => account.appId === 'slack' && account.status === status,
      ) === true,
    { description: `${employeeId}'s Slack account to be ${status}`, timeoutMs: 60_000 },
  );
  return (body.accounts as { appId: string; externalId: string }[]).find((account) => account.appId === 'slack')!
    .externalId;
}

async function auditEvents(query: Record<string, string>) {
  const response = await fetch(`${auditUrl}/v1/audit/events?${new URLSearchParams(query)}`, {
    headers: { authorization: `Bearer ${requiredEnv('TENURE_AUDIT_TOKEN')}` },
  });
  return { status: response.status, body: (await response.json()) as { items: Record<string, unknown>[] } };
}

async function slack(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${slackUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${slackToken}`, 'content-type': 'application/scim+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`slack answered ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}

const patchOp = (path: string, value: unknown) => ({
  schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
  Operations: [{ op: 'replace', path, value }],
});

async function reconcile(appId?: string): Promise<Record<string, unknown>> {
  const started = await ops('POST', '/v1/reconciliations', appId ? { appId } : {});
  expect(started).toEqual({
    status: 202,
    body: { id: expect.stringMatching(/^reconciliation-/), status: 'running', ...(appId ? { appId } : {}) },
  });
  const { body } = await waitFor(
    () => ops('GET', `/v1/reconciliations/${started.body.id as string}`),
    (reply) => reply.status === 200 && reply.body.status !== 'running',
    { description: 'the reconciliation to finish', timeoutMs: 60_000 },
  );
  return body;
}

beforeAll(async () => {
  await hrEvent('hire', leaver);
  await hrEvent('hire', stayer);
  leaverAccountId = await slackAccountOf(leaver.employeeId, 'active');
  stayerAccountId = await slackAccountOf(stayer.employeeId, 'active');
  await hrEvent('terminate', leaver);
  await slackAccountOf(leaver.employeeId, 'disabled');

  // Behind Tenure's back: the leaver's account switched on again, the stayer moved, a shadow sign-up.
  await slack('PATCH', `/Users/${leaverAccountId}`, patchOp('active', true));
  await slack(
    'PATCH',
    `/Users/${stayerAccountId}`,
    patchOp('urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', 'Marketing'),
  );
  await slack('POST', '/Users', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: shadowUserName });
}, 120_000);

describe('reconciliation', () => {
  it('finds the planted orphan, unmanaged account and drift in a run started through the ops API', async () => {
    const run = await reconcile('slack');
    expect(run.status).toBe('completed');
    const [report] = (run.report as { apps: AppReconciliationReport[] }).apps;
    expect(report.appId).toBe('slack');
    expect(report.orphaned).toContainEqual(
      expect.objectContaining({
        externalId: leaverAccountId,
        employeeId: leaver.employeeId,
        personState: 'terminated',
      }),
    );
    expect(report.unmanaged).toContainEqual(expect.objectContaining({ userName: shadowUserName, active: true }));
    expect(report.drifted).toContainEqual({
      externalId: stayerAccountId,
      employeeId: stayer.employeeId,
      attributes: [{ field: 'department', expected: 'Engineering', actual: 'Marketing' }],
      missingGroups: [],
      extraGroups: [],
    });
    expect(report.orphanAction).toBe('none');
    expect(report.accountsInApp).toBeGreaterThanOrEqual(3);
    // reported, not acted on: automatic disabling is off in config/apps.yaml
    expect((await slack('GET', `/Users/${leaverAccountId}`)).active).toBe(true);
  });

  it('disables orphans automatically only within the configured limit, and records each in the store and the audit trail', async () => {
    const dataSource = await new DataSource({ type: 'postgres', url: stack.databaseUrl }).initialize();
    const kafka = createKafka('tenure-reconciliation-tests', stack.kafkaBrokers, createLogger('tests', 'silent'));
    const publisher = new KafkaPublisher(kafka, stack.topicPrefix);
    try {
      // As after a leaver's disable that failed: the store still holds the account as active, with the app's reason.
      await dataSource.query(
        `UPDATE identity.accounts SET status = 'active', reason = 'TEMPORARY: slack unavailable'
          WHERE app_id = 'slack' AND external_id = $1`,
        [leaverAccountId],
      );
      const dependencies = {
        repository: new ReconciliationRepository(dataSource),
        gateway: new ConnectorGatewayClient(gatewayUrl, requiredEnv('TENURE_GATEWAY_TOKEN')),
        outcomes: new OutcomePublisher(publisher),
      };
      const guarded = createReconciliationActivities({
        ...dependencies,
        settings: { autoDisableOrphans: true, maxAutoDisable: 0 },
      });
      const held = await guarded.reconcileApp('slack');
      expect(held.orphanAction).toBe('needs_approval');
      expect(held.disabled).toEqual([]);
      expect((await slack('GET', `/Users/${leaverAccountId}`)).active).toBe(true);

      const allowed = createReconciliationActivities({
        ...dependencies,
        settings: { autoDisableOrphans: true, maxAutoDisable: 1000 },
      });
      const acted = await allowed.reconcileApp('slack');
      expect(acted.orphanAction).toBe('disabled');
      expect(acted.disabled).toContain(leaverAccountId);
      expect((await slack('GET', `/Users/${leaverAccountId}`)).active).toBe(false);

      const person = await ops('GET', `/v1/employees/${leaver.employeeId}`);
      expect(person.body.accounts).toContainEqual(
        expect.objectContaining({ appId: 'slack', externalId: leaverAccountId, status: 'disabled', reason: null }),
      );
      const { body } = await waitFor(
        () => auditEvents({ employeeId: leaver.employeeId, actorId: 'reconciliation' }),
        (page) => page.body.items.length > 0,
        { description: 'the orphan disable in the audit trail', timeoutMs: 30_000 },
      );
      expect(body.items).toEqual([
        expect.objectContaining({
          kind: 'outcome',
          appId: 'slack',
          action: 'account.disable',
          outcome: 'succeeded',
          actor: 'system',
          actorId: 'reconciliation',
          rule: 'reconciliation: orphan',
          externalId: leaverAccountId,
        }),
      ]);
      // Once disabled, the account is no longer an orphan: a second run finds nothing to do.
      const again = await allowed.reconcileApp('slack');
      expect(again.disabled).not.toContain(leaverAccountId);
    } finally {
      await publisher.close();
      await dataSource.destroy();
    }
  });

  it('reports a run for an app that is not configured as failed, with the reason', async () => {
    const run = await reconcile('myspace');
    expect(run).toMatchObject({ status: 'failed', error: expect.stringContaining('no app myspace is configured') });
  });

  it('refuses a bad request, an unknown run and a missing token', async () => {
    expect((await ops('POST', '/v1/reconciliations', { appId: 'Not An App!' })).status).toBe(400);
    expect((await ops('GET', '/v1/reconciliations/reconciliation-unknown')).status).toBe(404);
    expect((await ops('GET', '/v1/reconciliations/whatever')).status).toBe(400);
    expect((await ops('POST', '/v1/reconciliations', {}, 'wrong-token-0123456789abcdef')).status).toBe(401);
  });

  it('keeps a Temporal schedule that reconciles every app periodically', async () => {
    const connection = await Connection.connect({ address: stack.temporalAddress });
    try {
      const client = new Client({ connection, namespace: stack.temporalNamespace });
      const description = await client.schedule.getHandle(RECONCILIATION_SCHEDULE_ID).describe();
      expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reconciliationWorkflow' });
      expect(description.spec.intervals?.[0].every).toBe(60 * 60_000);
    } finally {
      await connection.close();
    }
  });
});
