import type { AccountPage, AppSummary, GatewayErrorBody } from '@tenure/contracts';

/** A refusal by the gateway; `retryable` says whether the same call may succeed later. */
export class ReconciliationGatewayError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ReconciliationGatewayError';
  }
}

const REQUEST_TIMEOUT_MS = 60_000;

/** The connector gateway calls reconciliation makes: list apps, page through accounts, disable an orphan. */
export class ReconciliationGatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  async apps(): Promise<AppSummary[]> {
    return (await this.call<{ apps: AppSummary[] }>('GET', '/v1/apps')).apps;
  }

  accounts(appId: string, cursor: string | undefined, limit: number): Promise<AccountPage> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    return this.call('GET', `/v1/apps/${encodeURIComponent(appId)}/accounts?${query}`);
  }

  async disable(appId: string, externalId: string): Promise<void> {
    await this.call('POST', `/v1/apps/${encodeURIComponent(appId)}/accounts/${encodeURIComponent(externalId)}/disable`);
  }

  private async call<T>(method: 'GET' | 'POST', path: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ReconciliationGatewayError(
        `the connector gateway could not be reached (${(error as Error).message})`,
        true,
      );
    }
    const body = (await response.json().catch(() => undefined)) as { error?: GatewayErrorBody } | undefined;
    if (response.ok && body) return body as T;
    const error = body?.error;
    throw new ReconciliationGatewayError(
      error ? `${error.code}: ${error.message}` : `the connector gateway answered HTTP ${response.status}`,
      error ? error.retryable : response.status >= 500,
    );
  }
}
