// Test support: the gateway's integration tests run against the real simulated
// apps (apps/saas-sim), started in-process on an ephemeral port.
import { createLogger } from '@tenure/observability';
import { SimulatedAppSettings } from '../../saas-sim/src/config/simulated-app';
import { RunningSaasSim, startSaasSim } from '../../saas-sim/src/saas-sim.server';

export type { RunningSaasSim };

export const appToken = (appId: string): string => `${appId}-sim-token-0123456789`;

export function simulatedApp(id: string, overrides: Partial<SimulatedAppSettings> = {}): SimulatedAppSettings {
  return {
    id,
    displayName: id,
    token: appToken(id),
    latencyMs: { min: 0, max: 0 },
    faults: { rateLimitedRatio: 0, unavailableRatio: 0, retryAfterSeconds: 1 },
    ...overrides,
  };
}

export function startSimulatedApps(apps: SimulatedAppSettings[]): Promise<RunningSaasSim> {
  return startSaasSim({ apps, logger: createLogger('saas-sim', 'silent'), host: '127.0.0.1', port: 0 });
}

export interface ScimResource {
  [attribute: string]: unknown;
  id: string;
}

/** Reads an app's resources over SCIM with the app's own token: what an administrator of the app would see. */
export async function readFromApp(sim: RunningSaasSim, appId: string, path: string): Promise<ScimResource[]> {
  const response = await fetch(`${sim.url}/${appId}/scim/v2${path}`, {
    headers: { authorization: `Bearer ${appToken(appId)}` },
  });
  if (response.status === 404) return [];
  const body = (await response.json()) as ScimResource & { Resources?: ScimResource[] };
  if (!response.ok) throw new Error(`${appId} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.Resources ?? [body];
}

export const usersIn = (sim: RunningSaasSim, appId: string, filter?: string): Promise<ScimResource[]> =>
  readFromApp(sim, appId, filter ? `/Users?filter=${encodeURIComponent(filter)}` : '/Users');

export const groupsIn = (sim: RunningSaasSim, appId: string, displayName: string): Promise<ScimResource[]> =>
  readFromApp(sim, appId, `/Groups?filter=${encodeURIComponent(`displayName eq "${displayName}"`)}`);

/** Creates a user directly in the app, as its administrator would before Tenure managed it. */
export async function createInApp(
  sim: RunningSaasSim,
  appId: string,
  user: Record<string, unknown>,
): Promise<ScimResource> {
  const response = await fetch(`${sim.url}/${appId}/scim/v2/Users`, {
    method: 'POST',
    headers: { authorization: `Bearer ${appToken(appId)}`, 'content-type': 'application/scim+json' },
    body: JSON.stringify(user),
  });
  if (response.status !== 201) throw new Error(`${appId} answered ${response.status}`);
  return (await response.json()) as ScimResource;
}

/** Calls an app's own (non-SCIM) API under /<appId>/api/v1 with the app's token, as the app's users and admins do. */
export async function callAppApi(
  sim: RunningSaasSim,
  appId: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${sim.url}/${appId}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${appToken(appId)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export const SIM_ADMIN_TOKEN = 'saas-sim-admin-token-0123456789';

/** The simulated apps with their admin API open, so a test can inflict faults at run time. */
export function startSimulatedAppsWithAdmin(apps: SimulatedAppSettings[]): Promise<RunningSaasSim> {
  return startSaasSim({
    apps,
    logger: createLogger('saas-sim', 'silent'),
    host: '127.0.0.1',
    port: 0,
    adminToken: SIM_ADMIN_TOKEN,
  });
}

/** Changes an app's live conditions (latency, faults, outage) through the simulator's admin API. */
export async function inflict(sim: RunningSaasSim, appId: string, change: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sim.url}/admin/apps/${appId}/conditions`, {
    method: change.reset ? 'DELETE' : 'PUT',
    headers: { authorization: `Bearer ${SIM_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: change.reset ? undefined : JSON.stringify(change),
  });
  if (!response.ok) throw new Error(`admin API answered ${response.status}: ${await response.text()}`);
}
