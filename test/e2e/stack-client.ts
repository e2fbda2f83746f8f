import { requiredEnv, signWebhook, SignedRequest } from '@tenure/testing';

/** The running test stack's public APIs, addressed as a user would address them. */
export class StackClient {
  readonly ingestUrl = `http://127.0.0.1:${requiredEnv('HR_INGEST_PORT')}`;
  readonly opsUrl = `http://127.0.0.1:${requiredEnv('ORCHESTRATOR_PORT')}`;
  readonly auditUrl = `http://127.0.0.1:${requiredEnv('AUDIT_PORT')}`;
  readonly simUrl = requiredEnv('TENURE_SAAS_SIM_URL');
  private readonly webhookSecret = requiredEnv('TENURE_WEBHOOK_SECRET_GENERIC');
  private readonly opsToken = requiredEnv('TENURE_OPS_TOKEN');
  private readonly auditToken = requiredEnv('TENURE_AUDIT_TOKEN');

  sign(payload: unknown, timestamp?: number): SignedRequest {
    return signWebhook(this.webhookSecret, payload, timestamp);
  }

  async postWebhook(request: SignedRequest): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${this.ingestUrl}/v1/events/generic`, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  sendEvent(payload: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    return this.postWebhook(this.sign(payload));
  }

  async employee(employeeId: string, token = this.opsToken): Promise<{ status: number; body: EmployeeBody }> {
    const response = await fetch(`${this.opsUrl}/v1/employees/${encodeURIComponent(employeeId)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as EmployeeBody };
  }

  async auditEvents(
    query: Record<string, string>,
    token = this.auditToken,
  ): Promise<{ status: number; body: AuditPage }> {
    const response = await fetch(`${this.auditUrl}/v1/audit/events?${new URLSearchParams(query)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as AuditPage };
  }

  async auditVerify(): Promise<{ ok: boolean; count: number }> {
    const response = await fetch(`${this.auditUrl}/v1/audit/verify`, {
      headers: { authorization: `Bearer ${this.auditToken}` },
    });
    return (await response.json()) as { ok: boolean; count: number };
  }

  /** Reads an app's users straight from the simulated app, with the app's own token. */
  async appUsers(appId: string, filter: string): Promise<ScimUser[]> {
    const token = requiredEnv(`TENURE_APP_${appId.toUpperCase()}_TOKEN`);
    const response = await fetch(`${this.simUrl}/${appId}/scim/v2/Users?filter=${encodeURIComponent(filter)}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`${appId} answered ${response.status}`);
    return ((await response.json()) as { Resources?: ScimUser[] }).Resources ?? [];
  }
}

export interface EmployeeBody {
  employeeId: string;
  state: string;
  lastEventId: string;
  accounts: { appId: string; status: string; externalId: string | null; reason: string | null }[];
}

export interface AuditPage {
  items: { employeeId: string; appId: string; action: string; outcome: string; eventId: string; hash: string }[];
  nextCursor: string | null;
}

export interface ScimUser {
  id: string;
  userName: string;
  externalId?: string;
  active: boolean;
  title?: string;
}
