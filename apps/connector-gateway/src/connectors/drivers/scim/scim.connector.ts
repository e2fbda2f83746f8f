import {
  Account,
  AccountLookup,
  Connector,
  ConnectorCapability,
  CreateAccountRequest,
  CreateAccountResult,
} from '../../connector';
import { ConnectorException } from '../../connector.exception';
import { ensureGroupMemberships } from './scim-groups';
import { equalsFilter, filterQuery, resourcePath } from './scim-filter';
import { replaceableUser, toScimUser } from './scim-user.mapper';
import { asScimUser, isActive, listedResources, patchOp, ScimApi, ScimUser, supportsPatch } from './scim.types';

function toAccount(user: ScimUser): Account {
  return { externalId: user.id, userName: user.userName, employeeId: user.externalId, active: isActive(user) };
}

/** A connector for any app that speaks SCIM 2.0 (RFC 7643/7644). */
export class ScimConnector implements Connector {
  readonly kind = 'scim';
  readonly capabilities: readonly ConnectorCapability[] = ['create', 'disable', 'groups'];
  private patchSupported: boolean | undefined;

  constructor(private readonly api: ScimApi) {}

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
    const user = asScimUser(await this.api.request('GET', resourcePath('Users', externalId)));
    if (isActive(user)) await this.setActive(user, false);
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
