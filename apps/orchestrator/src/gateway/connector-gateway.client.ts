import type {
  AccountCreatedResponse,
  AccountPage,
  AccountDeletedResponse,
  AccountDisabledResponse,
  AccountEnabledResponse,
  AccountUpdatedResponse,
  AppSummary,
  CreateAccountRequest,
  GatewayErrorBody,
  OwnershipTransferredResponse,
  SessionsRevokedResponse,
  TransferOwnershipRequest,
  UpdateAccountRequest,
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
  /** False prepares the account ahead of the start: created disabled, never switched on by a retry. */
  active?: boolean;
}

const REQUEST_TIMEOUT_MS = 45_000;
/** A page of up to a thousand accounts may take an app longer to list than one change takes to apply. */
const LIST_TIMEOUT_MS = 60_000;

/** `GET /v1/apps`: a list, or `{apps: [...]}`; older gateways name the id `id`. */
type AppList = AppListItem[] | { apps: AppListItem[] };
type AppListItem = Partial<AppSummary> & { id?: string };

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What an app's account shows of the person: pushed on create and on every profile change. */
export function profileOf(employee: Employee): UpdateAccountRequest {
  return {
    email: employee.email,
    givenName: employee.givenName,
    familyName: employee.familyName,
    displayName: `${employee.givenName} ${employee.familyName}`,
    department: employee.department,
    title: employee.title,
    managerId: employee.managerId,
  };
}

/**
 * The orchestrator's only way to the apps: HTTP calls to the connector gateway
 * (libs/contracts/src/gateway), one instance for lifecycle activities,
 * reconciliation, access reviews and app health. Every operation is idempotent
 * at the gateway. Requests go through Node's global fetch, whose shared
 * dispatcher keeps connections to the gateway alive and pooled across calls.
 */
export class ConnectorGatewayClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly givenUp?: AbortSignal,
  ) {}

  /**
   * The same client, whose calls are abandoned once `givenUp` aborts: the
   * connection closes, and the gateway drops what it had not yet sent to the
   * app instead of sending it for nobody.
   */
  until(givenUp: AbortSignal): ConnectorGatewayClient {
    return new ConnectorGatewayClient(this.baseUrl, this.token, givenUp);
  }

  /** Each app's connector capabilities, by app id. */
  async capabilities(): Promise<Map<string, string[]>> {
    const body = await this.call<AppList>('GET', '/v1/apps');
    const items = Array.isArray(body) ? body : body.apps;
    return new Map(items.map((app) => [app.appId ?? app.id ?? '', app.capabilities ?? []]));
  }

  /** Each app as the gateway reports it: name, capabilities, circuit and recent requests. */
  async apps(): Promise<(Partial<AppSummary> & { appId: string })[]> {
    const body = await this.call<AppList>('GET', '/v1/apps');
    const items = Array.isArray(body) ? body : body.apps;
    return items.map((app) => ({ ...app, appId: app.appId ?? app.id ?? '' }));
  }

  /** One page of the accounts an app holds (for reconciliation); `nextCursor` asks for the next. */
  accountPage(appId: string, cursor: string | undefined, limit: number): Promise<AccountPage> {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    return this.call('GET', `${appPath(appId)}/accounts?${query}`, undefined, LIST_TIMEOUT_MS);
  }

  createAccount(appId: string, { employee, groups, active = true }: AccountGrant): Promise<AccountCreatedResponse> {
    const body: CreateAccountRequest = {
      ...profileOf(employee),
      employeeId: employee.employeeId,
      userName: employee.email,
      email: employee.email,
      givenName: employee.givenName,
      familyName: employee.familyName,
      groups,
      active,
    };
    return this.call('POST', `${appPath(appId)}/accounts`, body);
  }

  updateAccount(appId: string, externalId: string, body: UpdateAccountRequest): Promise<AccountUpdatedResponse> {
    return this.call('PATCH', accountPath(appId, externalId), body);
  }

  enableAccount(appId: string, externalId: string): Promise<AccountEnabledResponse> {
    return this.call('POST', `${accountPath(appId, externalId)}/enable`, {});
  }

  disableAccount(appId: string, externalId: string): Promise<AccountDisabledResponse> {
    return this.call('POST', `${accountPath(appId, externalId)}/disable`, {});
  }

  revokeSessions(appId: string, externalId: string): Promise<SessionsRevokedResponse> {
    return this.call('POST', `${accountPath(appId, externalId)}/revoke-sessions`, {});
  }

  transferOwnership(appId: string, externalId: string, toEmployeeId: string): Promise<OwnershipTransferredResponse> {
    const body: TransferOwnershipRequest = { toEmployeeId };
    return this.call('POST', `${accountPath(appId, externalId)}/transfer-ownership`, body);
  }

  deleteAccount(appId: string, externalId: string): Promise<AccountDeletedResponse> {
    return this.call('DELETE', accountPath(appId, externalId));
  }

  private async call<T>(method: Method, path: string, body?: unknown, timeoutMs = REQUEST_TIMEOUT_MS): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
        signal: this.givenUp
          ? AbortSignal.any([AbortSignal.timeout(timeoutMs), this.givenUp])
          : AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      // The gateway unreachable or slow is always worth another try.
      throw new GatewayError(
        0,
        'GATEWAY_UNAVAILABLE',
        true,
        `connector gateway unreachable: ${(error as Error).message}`,
      );
    }
    const payload = (await response.json().catch(() => undefined)) as (T & { error?: GatewayErrorBody }) | undefined;
    if (response.ok && payload && !payload.error) return payload;
    throw toGatewayError(response.status, payload?.error);
  }
}

const appPath = (appId: string) => `/v1/apps/${encodeURIComponent(appId)}`;
const accountPath = (appId: string, externalId: string) =>
  `${appPath(appId)}/accounts/${encodeURIComponent(externalId)}`;

function toGatewayError(status: number, error: GatewayErrorBody | undefined): GatewayError {
  if (error) return new GatewayError(status, error.code, error.retryable, error.message, error.retryAfterSeconds);
  // No structured error: 5xx and auth problems at the gateway itself may pass; other 4xx are our own bug.
  const retryable = status >= 500 || status === 401 || status === 429;
  return new GatewayError(status, `HTTP_${status}`, retryable, `connector gateway answered ${status}`);
}
