import { employeeFixture, requiredEnv, uniqueId, waitFor } from '@tenure/testing';
import { LifecycleClient } from './lifecycle-client';

/**
 * Each running service's /metrics as Prometheus scrapes it, with the scrape
 * credential: request figures per route, and each service's own figures
 * moving with the traffic a hire and a termination make.
 */
const stack = new LifecycleClient();
const metricsToken = requiredEnv('TENURE_METRICS_TOKEN');

const PORTS = {
  'hr-ingest': 'HR_INGEST_PORT',
  orchestrator: 'ORCHESTRATOR_PORT',
  'connector-gateway': 'CONNECTOR_GATEWAY_PORT',
  audit: 'AUDIT_PORT',
} as const;
type Service = keyof typeof PORTS;

async function scrape(
  service: Service,
  token: string | null = metricsToken,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${requiredEnv(PORTS[service])}/metrics`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, text: await response.text() };
}

/** The sum of a metric's samples whose labels include `labels` (undefined when there is none). */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[3] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) total = (total ?? 0) + Number(match[4]);
  }
  return total;
}

const figure = async (service: Service, name: string, labels: Record<string, string> = {}) =>
  sample((await scrape(service)).text, name, labels) ?? 0;

describe('/metrics of the running services', () => {
  it.each(Object.keys(PORTS) as Service[])(
    '%s: refuses a scrape without a token and serves process and request figures with one',
    async (service) => {
      expect((await scrape(service, null)).status).toBe(401);
      expect((await scrape(service, 'not-the-metrics-token-at-all')).status).toBe(401);
      const { status, text } = await scrape(service);
      expect(status).toBe(200);
      expect(sample(text, 'process_cpu_user_seconds_total', { service })).toBeGreaterThan(0);
      expect(sample(text, 'tenure_http_requests_total', { service })).toBeGreaterThan(0);
    },
  );

  it('counts accepted and refused events by source, and each route with its status, at hr-ingest', async () => {
    const accepted = { source: 'generic', outcome: 'accepted' };
    const refused = { source: 'generic', status: '401' };
    const route = { method: 'POST', route: '/v1/events/generic', status: '202' };
    const before = {
      accepted: await figure('hr-ingest', 'tenure_ingest_events_total', accepted),
      refused: await figure('hr-ingest', 'tenure_ingest_refusals_total', refused),
      route: await figure('hr-ingest', 'tenure_http_requests_total', route),
    };
    await stack.send('hire', employeeFixture());
    const forged = stack.sign({ eventId: uniqueId('evt-forged'), type: 'hire', employee: employeeFixture() });
    forged.headers['x-tenure-signature'] = `v1=${'0'.repeat(64)}`;
    expect((await stack.postWebhook(forged)).status).toBe(401);

    const after = await scrape('hr-ingest');
    expect(sample(after.text, 'tenure_ingest_events_total', accepted)).toBeGreaterThanOrEqual(before.accepted + 1);
    expect(sample(after.text, 'tenure_ingest_refusals_total', refused)).toBeGreaterThanOrEqual(before.refused + 1);
    expect(sample(after.text, 'tenure_http_requests_total', route)).toBeGreaterThanOrEqual(before.route + 1);
    expect(sample(after.text, 'tenure_http_request_duration_seconds_count', route)).toBeGreaterThanOrEqual(
      before.route + 1,
    );
    expect(sample(after.text, 'tenure_ingest_outbox_backlog')).toBeGreaterThanOrEqual(0);
    expect(sample(after.text, 'tenure_ingest_outbox_oldest_seconds')).toBeGreaterThanOrEqual(0);
  });

  it("times a leaver's revocation, counts runs by status, and grows the audit chain", async () => {
    const revocations = await figure('orchestrator', 'tenure_orchestrator_time_to_revoke_seconds_count');
    const eagerStarts = await figure('orchestrator', 'tenure_orchestrator_workflow_starts_total', { eager: 'true' });
    const chain = await figure('audit', 'tenure_audit_chain_length');
    const outcomes = await figure('audit', 'tenure_audit_records_total', { topic: 'tenure.lifecycle.outcomes.v1' });
    const appCalls = await figure('connector-gateway', 'tenure_gateway_app_requests_total', { outcome: 'ok' });

    const employee = await stack.hire();
    await stack.send('terminate', employee);
    await stack.personWhen(
      employee.employeeId,
      (person) => person.state === 'terminated' && person.accounts.every((a) => a.status === 'disabled'),
      'terminated with every account disabled',
    );

    // The run records its disable phase just after the accounts show disabled: wait for that save.
    const orchestrator = await waitFor(
      () => scrape('orchestrator'),
      ({ text }) => (sample(text, 'tenure_orchestrator_time_to_revoke_seconds_count') ?? 0) >= revocations + 1,
      { description: 'the revocation to be timed' },
    );
    expect(sample(orchestrator.text, 'tenure_orchestrator_runs', { status: 'completed' })).toBeGreaterThanOrEqual(2);
    expect(sample(orchestrator.text, 'tenure_orchestrator_open_leaver_oldest_seconds')).toBeGreaterThanOrEqual(0);
    // The hire started the person's workflow with its first task handed straight to the orchestrator's worker.
    expect(
      sample(orchestrator.text, 'tenure_orchestrator_workflow_starts_total', { eager: 'true' }),
    ).toBeGreaterThanOrEqual(eagerStarts + 1);

    const gateway = await scrape('connector-gateway');
    expect(sample(gateway.text, 'tenure_gateway_app_requests_total', { outcome: 'ok' })).toBeGreaterThan(appCalls);

    await waitFor(
      () => scrape('audit'),
      ({ text }) =>
        (sample(text, 'tenure_audit_chain_length') ?? 0) > chain &&
        (sample(text, 'tenure_audit_records_total', { topic: 'tenure.lifecycle.outcomes.v1' }) ?? 0) > outcomes,
      { description: 'the audit chain to grow with the outcomes' },
    );
    const audit = await scrape('audit');
    for (const topic of ['tenure.hr.lifecycle.v1', 'tenure.lifecycle.outcomes.v1', 'tenure.lifecycle.decisions.v1']) {
      expect(sample(audit.text, 'tenure_audit_ingest_backlog_messages', { topic })).toBeGreaterThanOrEqual(0);
    }
    expect(
      sample(audit.text, 'tenure_audit_ingest_lag_seconds', { topic: 'tenure.lifecycle.outcomes.v1' }),
    ).toBeGreaterThanOrEqual(0);
  });

  it('still lets the gateway be scraped with its own token, as before', async () => {
    expect((await scrape('connector-gateway', requiredEnv('TENURE_GATEWAY_TOKEN'))).status).toBe(200);
  });
});
