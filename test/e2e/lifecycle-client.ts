import { employeeFixture, EmployeeFixture, requiredEnv, uniqueId, waitFor } from '@tenure/testing';
import { StackClient } from './stack-client';

export interface RunBody {
  runId: string;
  employeeId: string;
  eventId: string;
  eventType: string;
  status: string;
  nextAt?: string;
  reason?: string;
  actorId?: string;
  completedPhases: string[];
  steps: { phase: string; appId: string; status: string; reason?: string; failedChange?: string; retries: number }[];
}

export interface LifecycleEmployeeBody {
  employeeId: string;
  state: string;
  lastEventId: string;
  attributes: Record<string, string>;
  accounts: { appId: string; status: string; externalId: string | null; reason: string | null }[];
  entitlements: { appId: string; groups: string[]; rules: string[] }[];
  scheduled: RunBody[];
  waitingApproval: RunBody[];
  failedSteps: { runId: string; appId: string; change?: string; reason?: string }[];
  accessRequests: { requestId: string; appId: string; status: string; decidedBy?: string }[];
  runs: RunBody[];
}

export interface Answer<T> {
  status: number;
  body: T;
}

/** The stack's public APIs plus the ops API's lifecycle routes and the simulated apps' own API. */
export class LifecycleClient extends StackClient {
  private readonly token = requiredEnv('TENURE_OPS_TOKEN');

  async ops<T>(
    method: 'GET' | 'POST',
    path: string,
    options: { body?: unknown; actor?: string; token?: string | null } = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (options.token !== null) headers.authorization = `Bearer ${options.token ?? this.token}`;
    if (options.actor) headers['x-tenure-actor'] = options.actor;
    const response = await fetch(`${this.opsUrl}${path}`, {
      method,
      headers,
      body: method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined,
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  person(employeeId: string): Promise<Answer<LifecycleEmployeeBody>> {
    return this.ops('GET', `/v1/employees/${encodeURIComponent(employeeId)}`);
  }

  /** Sends a signed event of this type and returns its eventId; anything but 202 fails the test. */
  async send(type: string, employee: object, extra: object = {}): Promise<string> {
    const eventId = uniqueId(`evt-${type}`);
    const response = await this.sendEvent({ eventId, type, employee, ...extra });
    if (response.status !== 202)
      throw new Error(`${type} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return eventId;
  }

  /** Hires a new person and waits until the hire's run has completed. */
  async hire(overrides: Partial<EmployeeFixture> = {}): Promise<EmployeeFixture> {
    const employee = employeeFixture(overrides);
    const eventId = await this.send('hire', employee);
    await this.personWhen(
      employee.employeeId,
      (p) => p.state === 'active' && p.runs.some((r) => r.eventId === eventId && r.status === 'completed'),
      'hired',
    );
    return employee;
  }

  /** Waits until the person's record satisfies `accept`. */
  async personWhen(
    employeeId: string,
    accept: (body: LifecycleEmployeeBody) => boolean,
    description: string,
  ): Promise<LifecycleEmployeeBody> {
    const { body } = await waitFor(
      () => this.person(employeeId),
      (answer) => answer.status === 200 && accept(answer.body),
      { description: `${employeeId}: ${description}`, timeoutMs: 45_000 },
    );
    return body;
  }

  runCommand(runId: string, command: 'approve' | 'reject' | 'cancel' | 'retry', actor?: string, body: unknown = {}) {
    return this.ops<RunBody & { errors?: unknown }>('POST', `/v1/runs/${encodeURIComponent(runId)}/${command}`, {
      actor,
      body,
    });
  }

  /** The simulated app's own API (sessions, owned items), with the app's token. */
  async appApi<T>(appId: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const token = requiredEnv(`TENURE_APP_${appId.toUpperCase()}_TOKEN`);
    const response = await fetch(`${this.simUrl}/${appId}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${appId} API answered ${response.status}`);
    return (await response.json()) as T;
  }

  /** Deletes an account behind Tenure's back, straight in the simulated app. */
  async deleteAppUser(appId: string, userId: string): Promise<void> {
    const token = requiredEnv(`TENURE_APP_${appId.toUpperCase()}_TOKEN`);
    const response = await fetch(`${this.simUrl}/${appId}/scim/v2/Users/${userId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 204) throw new Error(`${appId} answered ${response.status} to the delete`);
  }

  /** Each value the app user's `active` took, creation first, from the simulator's admin API. */
  async activations(appId: string, userId: string): Promise<boolean[]> {
    const response = await fetch(`${this.simUrl}/admin/apps/${appId}/users/${userId}/activations`, {
      headers: { authorization: `Bearer ${requiredEnv('TENURE_SAAS_SIM_ADMIN_TOKEN')}` },
    });
    if (!response.ok) throw new Error(`the simulator's admin API answered ${response.status}`);
    return ((await response.json()) as { activations: { active: boolean }[] }).activations.map((a) => a.active);
  }

  async appUser(appId: string, email: string) {
    const users = await this.appUsers(appId, `userName eq "${email}"`);
    return users[0];
  }
}

export const accountStatuses = (body: LifecycleEmployeeBody): Record<string, string> =>
  Object.fromEntries(body.accounts.map((account) => [account.appId, account.status]));
