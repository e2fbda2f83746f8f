import type { AccountPage } from '@tenure/contracts';
import {
  Account,
  AccountChanges,
  AccountLookup,
  Connector,
  ConnectorCapability,
  CORE_CAPABILITIES,
  CreateAccountRequest,
  CreateAccountResult,
  OwnershipTransfer,
  PageRequest,
} from '../../connector';
import { ConnectorException } from '../../connector.exception';
import { ScimAppApi } from './scim-app-api';
import { DEFAULT_FEATURES, discoverFeatures, keepsAttribute, ScimFeatures } from './scim-discovery';
import {
  ensureGroupMemberships,
  groupNamesOfUser,
  groupsByMember,
  KnownGroups,
  removeGroupMemberships,
} from './scim-groups';
import { equalsFilter, filterQuery, resourcePath } from './scim-filter';
import {
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
  versionOf,
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
  private discovered: ScimFeatures | undefined;
  private readonly knownGroups = new KnownGroups();

  constructor(
    private readonly api: ScimApi,
    private readonly appApi?: ScimAppApi,
  ) {
    this.capabilities = [
      ...CORE_CAPABILITIES,
      ...(appApi?.canRevokeSessions ? (['revoke_sessions'] as const) : []),
      ...(appApi?.canTransferOwnership ? (['transfer_ownership'] as const) : []),
    ];
  }

  async findAccount(lookup: AccountLookup): Promise<Account | undefined> {
    const user =
      (lookup.employeeId ? await this.findUser('externalId', lookup.employeeId) : undefined) ??
      (lookup.userName ? await this.findUser('userName', lookup.userName) : undefined);
    return user && toAccount(user);
  }

  /**
   * The person's account by employeeId, else a new one. A userName already
   * taken answers the POST with 409 (userName is unique in SCIM, RFC 7643
   * §4.1.1), and only then is the account holding it looked at: a new hire
   * costs one look-up, not two.
   */
  async createAccount(request: CreateAccountRequest): Promise<CreateAccountResult> {
    const existing = await this.findUser('externalId', request.employeeId);
    const { user, created } = existing ? { user: existing, created: false } : await this.createUser(request);
    // A retried create finds the account its lost answer made: it keeps the activation asked for, so a
    // prepared account is never switched on before the start.
    if (isActive(user) !== request.active) await this.setActive(user, request.active);
    await ensureGroupMemberships(this.api, user.id, request.groups, await this.features(), {
      known: this.knownGroups,
      newUser: created,
    });
    return { externalId: user.id, created };
  }

  async disableAccount(externalId: string): Promise<void> {
    await this.switchActive(externalId, false);
  }

  async enableAccount(externalId: string): Promise<void> {
    await this.switchActive(externalId, true);
  }

  async updateAccount(externalId: string, changes: AccountChanges): Promise<{ groups: string[] }> {
    const features = await this.features();
    const { managerId, ...profile } = changes.profile;
    const manager = managerId ? await this.findUser('externalId', managerId) : undefined;
    const operations = profilePatchOperations(profile, manager?.id).filter(
      (operation) => operation.path === undefined || keepsAttribute(features, operation.path),
    );
    if (operations.length > 0) {
      await this.writeUser(externalId, (user) =>
        features.patch
          ? { method: 'PATCH', body: patchOp(...operations) }
          : { method: 'PUT', body: replaceableUser(withProfileChanges(user, profile, manager?.id)) },
      );
    }
    await removeGroupMemberships(this.api, externalId, changes.removeGroups, features);
    await ensureGroupMemberships(this.api, externalId, changes.addGroups, features);
    return { groups: await groupNamesOfUser(this.api, await this.getUser(externalId)) };
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
    const receiver = await this.findUser('externalId', toEmployeeId);
    if (!receiver) {
      throw new ConnectorException('NOT_FOUND', `employee ${toEmployeeId} has no account in the app to receive items`);
    }
    return { toExternalId: receiver.id, transferred: await appApi.transferOwnership(externalId, receiver.id) };
  }

  async listAccounts({ cursor, limit }: PageRequest): Promise<AccountPage> {
    const startIndex = startIndexOf(cursor);
    const { maxResults } = await this.features();
    const count = Math.min(limit, maxResults ?? limit);
    const page = listResponse(
      await this.api.request('GET', `/Users?startIndex=${startIndex}&count=${count}`),
      asScimUser,
    );
    const next = startIndex + page.resources.length;
    // Without totalResults, a short page is the last one.
    const more =
      page.resources.length > 0 &&
      (page.totalResults !== undefined ? next <= page.totalResults : page.resources.length >= count);
    // Apps that leave the read-only `groups` attribute out of users are asked for their groups once per page.
    const needGroups = page.resources.some((user) => !Array.isArray(user.groups));
    const memberships = needGroups ? await groupsByMember(this.api, maxResults ?? 1000) : undefined;
    const items = page.resources.map((user) =>
      memberships ? toSnapshot(user, [...(memberships.get(user.id) ?? [])].sort()) : toSnapshot(user),
    );
    return { items, ...(more ? { nextCursor: String(next) } : {}) };
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
    const byEmployee = await this.findUser('externalId', request.employeeId);
    if (byEmployee) return byEmployee;
    const byUserName = await this.findUser('userName', request.userName);
    if (!byUserName) return undefined;
    if (byUserName.externalId && byUserName.externalId !== request.employeeId) {
      throw new ConnectorException(
        'CONFLICT',
        `the userName of employee ${request.employeeId} belongs to another person in the app (externalId ${byUserName.externalId})`,
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
    const manager = request.managerId ? await this.findUser('externalId', request.managerId) : undefined;
    try {
      return {
        user: asScimUser(await this.api.request('POST', '/Users', await this.newUser(request, manager?.id))),
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

  /** The user to create, in the shape the app's discovered schema takes. */
  private async newUser(request: CreateAccountRequest, managerAccountId?: string): Promise<Record<string, unknown>> {
    const features = await this.features();
    const user = toScimUser(request, managerAccountId, features.enterpriseUser, request.active);
    return Object.fromEntries(Object.entries(user).filter(([attribute]) => keepsAttribute(features, attribute)));
  }

  /** Errors name the externalId (an employee id), never a userName: reasons reach the audit record. */
  private async findUser(attribute: 'externalId' | 'userName', value: string): Promise<ScimUser | undefined> {
    const query = filterQuery('Users', equalsFilter(attribute, value));
    const users = listedResources(await this.api.request('GET', query), asScimUser);
    if (users.length > 1) {
      const which = attribute === 'externalId' ? `externalId ${value}` : 'the same userName';
      throw new ConnectorException('CONFLICT', `the app holds ${users.length} accounts with ${which}`);
    }
    return users[0];
  }

  /**
   * Turns an account on or off. Where the app takes PATCH without ETags, that
   * is one request: replacing `active` is idempotent, so an account already in
   * that state stays as it is, and a leaver waits for one round trip per app,
   * not two. Otherwise the user is read first, because PUT needs the whole
   * user and If-Match needs its version.
   */
  private async switchActive(externalId: string, active: boolean): Promise<void> {
    const { patch, etag } = await this.features();
    if (!patch || etag) {
      const user = await this.getUser(externalId);
      if (isActive(user) !== active) await this.setActive(user, active);
      return;
    }
    const answer = await this.api.request(
      'PATCH',
      resourcePath('Users', externalId),
      patchOp({ op: 'replace', path: 'active', value: active }),
    );
    // 204 carries nothing; a representation must be the user, and must not contradict the change.
    if (answer === undefined) return;
    const user = asScimUser(answer);
    if (typeof user.active === 'boolean' && user.active !== active) {
      throw new ConnectorException(
        'TEMPORARY',
        `the app still shows the account as ${user.active ? 'active' : 'inactive'}`,
      );
    }
  }

  private async setActive(user: ScimUser, active: boolean): Promise<void> {
    const { patch } = await this.features();
    await this.writeUser(
      user.id,
      (current) =>
        patch
          ? { method: 'PATCH', body: patchOp({ op: 'replace', path: 'active', value: active }) }
          : { method: 'PUT', body: { ...replaceableUser(current), active } },
      user,
    );
  }

  /**
   * Writes a user, with If-Match where the app offers ETags: a change made in
   * between (412) is met by reading the user again and trying once more, so
   * nobody's concurrent edit is overwritten blindly.
   */
  private async writeUser(
    id: string,
    write: (user: ScimUser) => { method: 'PATCH' | 'PUT'; body: unknown },
    known?: ScimUser,
  ): Promise<void> {
    const { etag } = await this.features();
    for (let attempt = 1; ; attempt += 1) {
      const user = attempt === 1 && known && (!etag || versionOf(known)) ? known : await this.getUser(id);
      const version = etag ? versionOf(user) : undefined;
      const { method, body } = write(user);
      try {
        await this.api.request(method, resourcePath('Users', id), body, version ? { 'if-match': version } : {});
        return;
      } catch (error) {
        const stale = error instanceof ConnectorException && error.appStatus === 412;
        if (!stale || attempt >= 2) throw error;
      }
    }
  }

  /** What the app supports, read once from its discovery endpoints (kept only once they could be read). */
  private async features(): Promise<ScimFeatures> {
    if (this.discovered) return this.discovered;
    const { complete, ...features } = await discoverFeatures(this.api).catch(() => ({
      ...DEFAULT_FEATURES,
      complete: false,
    }));
    if (complete) this.discovered = features;
    return features;
  }
}
