import type {
  AccountCreatedResponse,
  AccountDisabledResponse,
  CreateAccountRequest,
  GatewayErrorBody,
} from '@tenure/contracts';
import type { Employee } from '@tenure/domain';

/** A refusal by the gateway or the app behind it; `retryable` says whether trying again can help. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryable: boolean,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}

export interface AccountGrant {
  employee: Employee;
  groups: string[];
}

const REQUEST_TIMEOUT_MS = 45_000;

/** The orchestrator's only way to the apps: HTTP calls to the connector gateway. */
export class ConnectorGatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  createAccount(appId: string, { employee, groups }: AccountGrant): Promise<AccountCreatedResponse> {
    const body: CreateAccountRequest = {
      employeeId: employee.employeeId,
      userName: employee.email,
      email: employee.email,
      givenName: employee.givenName,
      familyName: employee.familyName,
      displayName: `${employee.givenName} ${employee.familyName}`,
      department: employee.department,
      title: employee.title,
      managerId: employee.managerId,
      groups,
    };
    return this.post(`/v1/apps/${encodeURIComponent(appId)}/accounts`, body);
  }

  disableAccount(appId: string, externalId: string): Promise<AccountDisabledResponse> {
    return this.post(`/v1/apps/${encodeURIComponent(appId)}/accounts/${encodeURIComponent(externalId)}/disable`, {});
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      // The gateway unreachable or slow is always worth another try.
      throw new GatewayError(0, 'GATEWAY_UNAVAILABLE', true, `connector gateway unreachable: ${(error as Error).message}`);
    }
    const payload = (await response.json().catch(() => undefined)) as (T & { error?: GatewayErrorBody }) | undefined;
    if (response.ok && payload && !payload.error) return payload;
    throw toGatewayError(response.status, payload?.error);
  }
}

function toGatewayError(status: number, error: GatewayErrorBody | undefined): GatewayError {
  if (error) return new GatewayError(status, error.code, error.retryable, error.message, error.retryAfterSeconds);
  // No structured error: 5xx and auth problems at the gateway itself may pass; other 4xx are our own bug.
  const retryable = status >= 500 || status === 401 || status === 429;
  return new GatewayError(status, `HTTP_${status}`, retryable, `connector gateway answered ${status}`);
}
