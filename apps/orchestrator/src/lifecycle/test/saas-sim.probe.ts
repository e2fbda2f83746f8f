import { requiredEnv } from '@tenure/testing';
import type { AppAccount, AppsProbe } from './apps-probe';

interface ScimUser {
  id: string;
  active: boolean;
  title?: string;
  groups?: { display: string }[];
}

const APPS = ['github', 'pagerduty', 'salesforce', 'slack', 'zoom'];

/** The running simulated apps of the test stack, read through their own SCIM and app APIs with their own tokens. */
export class SaasSimProbe implements AppsProbe {
  private readonly baseUrl = requiredEnv('TENURE_SAAS_SIM_URL');

  private async call<T>(appId: string, path: string, init: RequestInit = {}): Promise<T> {
    const token = requiredEnv(`TENURE_APP_${appId.toUpperCase()}_TOKEN`);
    const response = await fetch(`${this.baseUrl}/${appId}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    if (!response.ok) throw new Error(`${appId}${path} answered ${response.status}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async account(appId: string, employeeId: string): Promise<AppAccount | undefined> {
    const filter = encodeURIComponent(`externalId eq "${employeeId}"`);
    const page = await this.call<{ Resources?: ScimUser[] }>(appId, `/scim/v2/Users?filter=${filter}`);
    const user = page.Resources?.[0];
    if (!user) return undefined;
    return {
      appId,
      externalId: user.id,
      active: user.active,
      groups: (user.groups ?? []).map((group) => group.display).sort(),
      ...(user.title ? { title: user.title } : {}),
    };
  }

  /** Changes the app's live conditions through the simulator's admin API, e.g. `{ unavailableRatio: 1 }`: every call 503. */
  async changeConditions(appId: string, conditions: Record<string, number>): Promise<void> {
    await this.conditions(appId, conditions);
  }

  async resetConditions(appId: string): Promise<void> {
    await this.conditions(appId);
  }

  async accountsOf(employeeId: string): Promise<AppAccount[]> {
    const accounts = await Promise.all(APPS.map((appId) => this.account(appId, employeeId)));
    return accounts.filter((account): account is AppAccount => account !== undefined);
  }

  /** Signs the person in to the app (a session the leaver process must end). */
  async signIn(appId: string, externalId: string): Promise<void> {
    await this.call(appId, `/api/v1/users/${externalId}/sessions`, { method: 'POST' });
  }

  async sessions(appId: string, externalId: string): Promise<unknown[]> {
    return (await this.call<{ sessions: unknown[] }>(appId, `/api/v1/users/${externalId}/sessions`)).sessions;
  }

  async createItem(appId: string, externalId: string, name: string): Promise<void> {
    await this.call(appId, `/api/v1/users/${externalId}/items`, { method: 'POST', body: JSON.stringify({ name }) });
  }

  /** Each value the account's `active` took in the app, creation first (the simulator's admin API). */
  async activations(appId: string, externalId: string): Promise<boolean[]> {
    const body = await this.admin<{ activations: { active: boolean }[] }>(
      'GET',
      `${appId}/users/${externalId}/activations`,
    );
    return body.activations.map((change) => change.active);
  }

  /** Changes the app's live faults (e.g. `{lostWriteAnswerRatio: 1}`); `undefined` restores the configured ones. */
  async conditions(appId: string, change?: Record<string, unknown>): Promise<void> {
    await this.admin(change ? 'PUT' : 'DELETE', `${appId}/conditions`, change);
  }

  private async admin<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/admin/apps/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${requiredEnv('TENURE_SAAS_SIM_ADMIN_TOKEN')}`,
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`admin ${method} ${path} answered ${response.status}`);
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async items(appId: string, externalId: string): Promise<{ name: string }[]> {
    return (await this.call<{ items: { name: string }[] }>(appId, `/api/v1/users/${externalId}/items`)).items;
  }
}
