import { GatewayError } from '../../gateway/connector-gateway.client';
import { ConnectorGatewayClient } from '../../gateway/connector-gateway.client';
import type { AccountGrant } from '../../gateway/connector-gateway.client';
import type { UpdateAccountRequest } from '@tenure/contracts';
import type { AppAccount, AppsProbe } from './apps-probe';

const ALL = ['create', 'update', 'disable', 'delete', 'groups', 'revoke_sessions', 'transfer_ownership'];

export interface SimulatedAccount {
  appId: string;
  externalId: string;
  employeeId: string;
  active: boolean;
  deleted: boolean;
  groups: string[];
  title?: string;
  sessionsRevoked: number;
  transferredTo?: string;
}

/**
 * Apps behind a gateway, in memory, for workflow tests that skip time: every
 * operation does what the gateway contract says, and a test can make one app
 * refuse. zoom's connector cannot transfer ownership.
 */
export class SimulatedGateway extends ConnectorGatewayClient implements AppsProbe {
  readonly accounts: SimulatedAccount[] = [];
  readonly calls: string[] = [];
  private readonly refusals = new Map<string, GatewayError>();
  private sequence = 0;

  constructor() {
    super('http://simulated.invalid', 'unused-token');
  }

  /** In memory, every call answers at once: there is nothing queued to give up. */
  override until(): ConnectorGatewayClient {
    return this;
  }

  refuse(appId: string, error: GatewayError | undefined): void {
    if (error) this.refusals.set(appId, error);
    else this.refusals.delete(appId);
  }

  private live(appId: string, employeeId: string): SimulatedAccount | undefined {
    return this.accounts.find((a) => a.appId === appId && a.employeeId === employeeId && !a.deleted);
  }

  async account(appId: string, employeeId: string): Promise<AppAccount | undefined> {
    const account = this.live(appId, employeeId);
    return (
      account && {
        appId,
        externalId: account.externalId,
        active: account.active,
        groups: account.groups,
        title: account.title,
      }
    );
  }

  async accountsOf(employeeId: string): Promise<AppAccount[]> {
    const apps = [...new Set(this.accounts.filter((a) => a.employeeId === employeeId).map((a) => a.appId))].sort();
    const accounts = await Promise.all(apps.map((appId) => this.account(appId, employeeId)));
    return accounts.filter((account): account is AppAccount => account !== undefined);
  }

  override async capabilities(): Promise<Map<string, string[]>> {
    return new Map([
      ['slack', ALL],
      ['github', ALL],
      ['salesforce', ALL],
      ['zoom', ALL.filter((capability) => capability !== 'transfer_ownership')],
    ]);
  }

  private act(appId: string, what: string): void {
    this.calls.push(`${appId}:${what}`);
    const refusal = this.refusals.get(appId);
    if (refusal) throw refusal;
  }

  private byId(appId: string, externalId: string): SimulatedAccount {
    const account = this.accounts.find((a) => a.appId === appId && a.externalId === externalId);
    if (!account) throw new GatewayError(404, 'NOT_FOUND', false, `no ${appId} account ${externalId}`);
    return account;
  }

  override async createAccount(appId: string, { employee, groups, active = true }: AccountGrant) {
    this.act(appId, 'create');
    let account = this.live(appId, employee.employeeId);
    const created = !account;
    if (!account) {
      account = {
        appId,
        externalId: `${appId}-${++this.sequence}`,
        employeeId: employee.employeeId,
        active,
        deleted: false,
        groups: [],
        sessionsRevoked: 0,
      };
      this.accounts.push(account);
    }
    account.active = active;
    account.title = employee.title;
    account.groups = [...new Set([...account.groups, ...groups])].sort();
    return {
      appId,
      externalId: account.externalId,
      status: active ? ('active' as const) : ('disabled' as const),
      created,
    };
  }

  override async updateAccount(appId: string, externalId: string, body: UpdateAccountRequest) {
    this.act(appId, 'update');
    const account = this.byId(appId, externalId);
    if (body.title !== undefined) account.title = body.title;
    account.groups = [...new Set([...account.groups, ...(body.addGroups ?? [])])]
      .filter((group) => !(body.removeGroups ?? []).includes(group))
      .sort();
    return { appId, externalId, groups: account.groups };
  }

  override async enableAccount(appId: string, externalId: string) {
    this.act(appId, 'enable');
    this.byId(appId, externalId).active = true;
    return { appId, externalId, status: 'active' as const };
  }

  override async disableAccount(appId: string, externalId: string) {
    this.act(appId, 'disable');
    this.byId(appId, externalId).active = false;
    return { appId, externalId, status: 'disabled' as const };
  }

  override async revokeSessions(appId: string, externalId: string) {
    this.act(appId, 'revoke-sessions');
    this.byId(appId, externalId).sessionsRevoked += 1;
    return { appId, externalId, revoked: 1 };
  }

  override async transferOwnership(appId: string, externalId: string, toEmployeeId: string) {
    this.act(appId, 'transfer-ownership');
    this.byId(appId, externalId).transferredTo = toEmployeeId;
    return { appId, externalId, toExternalId: `${appId}-${toEmployeeId}`, transferred: 1 };
  }

  override async deleteAccount(appId: string, externalId: string) {
    this.act(appId, 'delete');
    const account = this.byId(appId, externalId);
    const deleted = !account.deleted;
    account.deleted = true;
    return { appId, externalId, status: 'deleted' as const, deleted };
  }
}
