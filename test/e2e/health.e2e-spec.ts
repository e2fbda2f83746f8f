import { requiredEnv } from '@tenure/testing';

/**
 * Each running service answers the probes Kubernetes and ./tenure use, without
 * credentials: live, and ready with the servers it depends on checked.
 */
const SERVICES: { name: string; port: string; checks: Record<string, 'ok'> }[] = [
  { name: 'hr-ingest', port: 'HR_INGEST_PORT', checks: { database: 'ok', kafka: 'ok' } },
  { name: 'orchestrator', port: 'ORCHESTRATOR_PORT', checks: { database: 'ok', temporal: 'ok', kafka: 'ok' } },
  { name: 'connector-gateway', port: 'CONNECTOR_GATEWAY_PORT', checks: {} },
  { name: 'audit', port: 'AUDIT_PORT', checks: { database: 'ok', kafka: 'ok' } },
  { name: 'console', port: 'CONSOLE_PORT', checks: {} },
];

async function get(port: string, path: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`http://127.0.0.1:${requiredEnv(port)}${path}`);
  return { status: response.status, body: await response.json() };
}

describe.each(SERVICES)('$name health', ({ port, checks }) => {
  it('is live', async () => {
    expect(await get(port, '/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await get(port, '/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('is ready, with each of its servers checked', async () => {
    expect(await get(port, '/health/ready')).toEqual({ status: 200, body: { status: 'ready', checks } });
  });
});
