import type { AccountPage } from '@tenure/contracts';
import {
  Account,
  AccountChanges,
  AccountLookup,
  Connector,
  ConnectorCapability,
  CreateAccountRequest,
  CreateAccountResult,
  OwnershipTransfer,
  PageRequest,
} from '../../connector';
import { ConnectorException } from '../../connector.exception';
import { ScimAppApi } from './scim-app-api';
import { ensureGroupMemberships, removeGroupMemberships } from './scim-groups';
import { equalsFilter, filterQuery, resourcePath } from './scim-filter';
import {
  groupNamesOf,
  profilePatchOperations,
  replaceableUser,
  toScimUser,
  toSnapshot,
  withProfileChanges,
} from './scim-user.mapper';
import {
  asScimUser,
  isActive,
  listedResources,
  listResponse,
  patchOp,
  ScimApi,
  ScimUser,
  supportsPatch,
} from './scim.types';

function toAccount(user: ScimUser): Account {
  return { externalId: user.id, userName: user.userName, employeeId: user.externalId, active: isActive(user) };
}

/** The cursor of a SCIM list is the 1-based startIndex of the next page (RFC 7644 §3.4.2.4). */
function startIndexOf(cursor: string | undefined): number {
  if (cursor === undefined) return 1;
  if (!/^[1-9]\d{0,8}$/.test(cursor)) throw new ConnectorException('INVALID', `cursor ${cursor} was not issued here`);
  return Number(cursor);
}

/** A connector for any app that speaks SCIM 2.0 (RFC 7643/7644). */
export class ScimConnector implements Connector {
  readonly kind = 'scim';
  readonly capabilities: readonly ConnectorCapability[];
  private patchSupported: boolean | undefined;

  constructor(
    private readonly api: ScimApi,
    private readonly appApi?: ScimAppApi,
  ) {
    this.capabilities = [
      'create',
      'update',
      'disable',
      'delete',
      'groups',
      'list_accounts',
      ...(appApi?.canRevokeSessions ? (['revoke_sessions'] as const) : []),
      ...(appApi?.canTransferOwnership ? (['transfer_ownership'] as const) : []),
    ];
  }

  async findAccount(lookup: AccountLookup): Promise<Account | undefined> {
    const user =
      (lookup.employeeId ? await this.findUser(equalsFilter('externalId', lookup.employeeId)) : undefined) ??
      (lookup.userName ? await this.findUser(equalsFilter('userName', lookup.userName)) : undefined);
    return user && toAccount(user);
  }

  async createAccount(request: CreateAccountRequest): Promise<CreateAccountResult> {
    const existing = await this.findPersonsUser(request);
    const { user, created } = existing ? { user: existing, created: false } : await this.createUser(request);
    if (!isActive(user)) await this.setActive(user, true);
    await ensureGroupMemberships(this.api, user.id, request.groups);
    return { externalId: user.id, created };
  }

  async disableAccount(externalId: string): Promise<void> {
    const user = await this.getUser(externalId);
    if (isActive(user)) await this.setActive(user, false);
  }

  async enableAccount(externalId: string): Promise<void> {
    const user = await this.getUser(externalId);
    if (!isActive(user)) await this.setActive(user, true);
  }

  async updateAccount(externalId: string, changes: AccountChanges): Promise<{ groups: string[] }> {
    const user = await this.getUser(externalId);
    const { managerId, ...profile } = changes.profile;
    const manager = managerId ? await this.findUser(equalsFilter('externalId', managerId)) : undefined;
    const operations = profilePatchOperations(profile, manager?.id);
    if (operations.length > 0) {
      if (await this.canPatch()) {
        await this.api.request('PATCH', resourcePath('Users', externalId), patchOp(...operations));
      } else {
        await this.api.request('PUT', resourcePath('Users', externalId), {
          ...replaceableUser(withProfileChanges(user, profile, manager?.id)),
        });
      }
    }
    await removeGroupMemberships(this.api, externalId, changes.removeGroups);
    await ensureGroupMemberships(this.api, externalId, changes.addGroups);
    return { groups: groupNamesOf(await this.getUser(externalId)) };
  }

  async deleteAccount(externalId: string): Promise<boolean> {
    try {
      await this.api.request('DELETE', resourcePath('Users', externalId));
      return true;
    } catch (error) {
      // Gone already, perhaps by an earlier attempt whose answer was lost: the goal is met.
      if (error instanceof ConnectorException && error.code === 'NOT_FOUND') return false;
      throw error;
    }
  }

  async revokeSessions(externalId: string): Promise<number> {
    return this.requireAppApi('revoke sessions').revokeSessions(externalId);
  }

  async transferOwnership(externalId: string, toEmployeeId: string): Promise<OwnershipTransfer> {
    const appApi = this.requireAppApi('transfer ownership');
    const receiver = await this.findUser(equalsFilter('externalId', toEmployeeId));
    if (!receiver) {
      throw new ConnectorException('NOT_FOUND', `employee ${toEmployeeId} has no account in the app to receive items`);
    }
    return { toExternalId: receiver.id, transferred: await appApi.transferOwnership(externalId, receiver.id) };
  }

  async listAccounts({ cursor, limit }: PageRequest): Promise<AccountPage> {
    const startIndex = startIndexOf(cursor);
    const page = listResponse(
      await this.api.request('GET', `/Users?startIndex=${startIndex}&count=${limit}`),
      asScimUser,
    );
    const next = startIndex + page.resources.length;
    // Without totalResults, a short page is the last one.
    const more =
      page.resources.length > 0 &&
      (page.totalResults !== undefined ? next <= page.totalResults : page.resources.length >= limit);
    return { items: page.resources.map(toSnapshot), ...(more ? { nextCursor: String(next) } : {}) };
  }

  private requireAppApi(what: string): ScimAppApi {
    if (!this.appApi) throw new ConnectorException('NOT_SUPPORTED', `this app's connector cannot ${what}`);
    return this.appApi;
  }

  private async getUser(externalId: string): Promise<ScimUser> {
    return asScimUser(await this.api.request('GET', resourcePath('Users', externalId)));
  }

  /**
   * The person's account: by employeeId first, then by userName. An account
   * found by userName that belongs to someone else is never handed over.
   */
  private async findPersonsUser(request: CreateAccountRequest): Promise<ScimUser | undefined> {
    const byEmployee = await this.findUser(equalsFilter('externalId', request.employeeId));
    if (byEmployee) return byEmployee;
    const byUserName = await this.findUser(equalsFilter('userName', request.userName));
    if (!byUserName) return undefined;
    if (byUserName.externalId && byUserName.externalId !== request.employeeId) {
      throw new ConnectorException(
        'CONFLICT',
        `userName ${request.userName} belongs to another person in the app (externalId ${byUserName.externalId})`,
      );
    }
    if (byUserName.externalId) return byUserName;
    // An account made before Tenure managed the app: link it to the person so the next lookup finds it directly.
    await this.api.request(
      'PATCH',
      resourcePath('Users', byUserName.id),
      patchOp({ op: 'replace', path: 'externalId', value: request.employeeId }),
    );
    return { ...byUserName, externalId: request.employeeId };
  }

  private async createUser(request: CreateAccountRequest): Promise<{ user: ScimUser; created: boolean }> {
    const manager = request.managerId ? await this.findUser(equalsFilter('externalId', request.managerId)) : undefined;
    try {
      return {
        user: asScimUser(await this.api.request('POST', '/Users', toScimUser(request, manager?.id))),
        created: true,
      };
    } catch (error) {
      // Another attempt for the same person got there first (409 uniqueness): use that account.
      if (!(error instanceof ConnectorException && error.code === 'CONFLICT')) throw error;
      const existing = await this.findPersonsUser(request);
      if (!existing) throw error;
      return { user: existing, created: false };
    }
  }

  private async findUser(filter: string): Promise<ScimUser | undefined> {
    const users = listedResources(await this.api.request('GET', filterQuery('Users', filter)), asScimUser);
    if (users.length > 1)
      throw new ConnectorException('CONFLICT', `the app holds ${users.length} accounts matching ${filter}`);
    return users[0];
  }

  private async setActive(user: ScimUser, active: boolean): Promise<void> {
    if (await this.canPatch()) {
      await this.api.request(
        'PATCH',
        resourcePath('Users', user.id),
        patchOp({ op: 'replace', path: 'active', value: active }),
      );
    } else {
      await this.api.request('PUT', resourcePath('Users', user.id), { ...replaceableUser(user), active });
    }
  }

  /**
   * Read once from the app's ServiceProviderConfig. If it cannot be read,
   * PATCH is tried: every major app supports it, and a refusal still surfaces.
   */
  private async canPatch(): Promise<boolean> {
    if (this.patchSupported === undefined) {
      try {
        this.patchSupported = supportsPatch(await this.api.request('GET', '/ServiceProviderConfig'));
      } catch {
        return true;
      }
    }
    return this.patchSupported;
  }
}
