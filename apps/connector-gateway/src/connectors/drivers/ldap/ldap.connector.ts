import { Attribute, Change, Client, Entry } from 'ldapts';
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
import { LdapDirectory, PERSON_ATTRIBUTES, valueOf } from './ldap-directory';
import { LDAP_RESULT } from './ldap-error.classifier';
import { LdapGroups } from './ldap-groups';
import { escapeDnValue, escapeFilterValue, isUnder, rdnOf } from './ldap-names';
import { personAttributes, profileChanges, toSnapshot } from './ldap-person.mapper';

export interface LdapLayout {
  usersDn: string;
  groupsDn: string;
  /** Where disabled people's entries live; the directory's ACL refuses binds below it. */
  disabledUsersDn: string;
}

const PERSON = '(objectClass=inetOrgPerson)';

/**
 * A connector for an LDAP directory. The account's externalId is its
 * entryUUID (RFC 4530), which survives the moves that disable and enable it.
 */
export class LdapConnector implements Connector {
  readonly kind = 'ldap';
  readonly capabilities: readonly ConnectorCapability[] = CORE_CAPABILITIES;
  private readonly groups: LdapGroups;

  constructor(
    private readonly directory: LdapDirectory,
    private readonly layout: LdapLayout,
  ) {
    this.groups = new LdapGroups(layout.groupsDn);
  }

  findAccount(lookup: AccountLookup): Promise<Account | undefined> {
    return this.directory.run(async (client) => {
      const entry =
        (lookup.employeeId ? await this.findOne(client, 'employeeNumber', lookup.employeeId) : undefined) ??
        (lookup.userName ? await this.findOne(client, 'uid', lookup.userName) : undefined);
      return entry && this.toAccount(entry);
    });
  }

  createAccount(request: CreateAccountRequest): Promise<CreateAccountResult> {
    return this.directory.run(async (client) => {
      const existing = await this.findPersonsEntry(client, request);
      const { entry, created } = existing ? { entry: existing, created: false } : await this.addEntry(client, request);
      // An entry found in the other container is moved to the one asked for: a prepared person stays disabled.
      const dn =
        this.isActive(entry) === request.active
          ? entry.dn
          : await this.move(client, entry.dn, this.containerFor(request.active));
      for (const name of new Set(request.groups)) await this.groups.add(client, dn, name);
      return { externalId: this.uuidOf(entry), created };
    });
  }

  disableAccount(externalId: string): Promise<void> {
    return this.directory.run(async (client) => {
      const entry = await this.requireEntry(client, externalId);
      if (this.isActive(entry)) await this.move(client, entry.dn, this.layout.disabledUsersDn);
    });
  }

  enableAccount(externalId: string): Promise<void> {
    return this.directory.run(async (client) => {
      const entry = await this.requireEntry(client, externalId);
      if (!this.isActive(entry)) await this.move(client, entry.dn, this.layout.usersDn);
    });
  }

  updateAccount(externalId: string, changes: AccountChanges): Promise<{ groups: string[] }> {
    return this.directory.run(async (client) => {
      const { dn } = await this.requireEntry(client, externalId);
      const { managerId, ...profile } = changes.profile;
      const manager = managerId ? await this.findOne(client, 'employeeNumber', managerId) : undefined;
      const modifications = profileChanges(profile, manager?.dn);
      if (modifications.length > 0) await client.modify(dn, modifications);
      for (const name of new Set(changes.removeGroups)) await this.groups.remove(client, dn, name);
      for (const name of new Set(changes.addGroups)) await this.groups.add(client, dn, name);
      return { groups: await this.groups.namesOf(client, dn) };
    });
  }

  deleteAccount(externalId: string): Promise<boolean> {
    return this.directory.run(async (client) => {
      const entry = await this.findOne(client, 'entryUUID', externalId);
      if (!entry) return false;
      for (const name of await this.groups.namesOf(client, entry.dn)) await this.groups.remove(client, entry.dn, name);
      try {
        await client.del(entry.dn);
      } catch (error) {
        if ((error as { code?: unknown }).code !== LDAP_RESULT.noSuchObject) throw error;
        return false;
      }
      return true;
    });
  }

  revokeSessions(): Promise<number> {
    return Promise.reject(new ConnectorException('NOT_SUPPORTED', 'a directory holds no sign-in sessions to revoke'));
  }

  transferOwnership(): Promise<OwnershipTransfer> {
    return Promise.reject(new ConnectorException('NOT_SUPPORTED', 'a directory holds no items to transfer'));
  }

  /**
   * Pages over active and disabled people in entryUUID order; the cursor is
   * the offset of the next page. LDAP's own paging cookie only lives as long
   * as one connection, so each page lists the ids alone, then reads the
   * attributes of just that page's entries.
   */
  listAccounts({ cursor, limit }: PageRequest): Promise<AccountPage> {
    if (cursor !== undefined && !/^\d{1,9}$/.test(cursor)) {
      return Promise.reject(new ConnectorException('INVALID', `cursor ${cursor} was not issued here`));
    }
    const offset = cursor === undefined ? 0 : Number(cursor);
    return this.directory.run(async (client) => {
      const ids = (await this.search(client, PERSON, true, ['entryUUID'])).map((entry) => this.uuidOf(entry)).sort();
      const pageIds = ids.slice(offset, offset + limit);
      const entries =
        pageIds.length === 0
          ? []
          : await this.search(
              client,
              `(&${PERSON}(|${pageIds.map((id) => `(entryUUID=${escapeFilterValue(id)})`).join('')}))`,
              true,
            );
      const membership = await this.groups.membership(client);
      const byId = new Map(entries.map((entry) => [this.uuidOf(entry), entry]));
      const items = pageIds
        .map((id) => byId.get(id))
        .filter((entry): entry is Entry => entry !== undefined)
        .map((entry) => toSnapshot(entry, this.isActive(entry), membership.get(entry.dn.toLowerCase()) ?? []));
      const next = offset + pageIds.length;
      return { items, ...(next < ids.length ? { nextCursor: String(next) } : {}) };
    });
  }

  private containerFor(active: boolean): string {
    return active ? this.layout.usersDn : this.layout.disabledUsersDn;
  }

  private isActive(entry: Entry): boolean {
    return !isUnder(entry.dn, this.layout.disabledUsersDn);
  }

  private uuidOf(entry: Entry): string {
    const uuid = valueOf(entry, 'entryUUID');
    // The entry's DN holds the person's uid; the reason names the employeeNumber, an id.
    const employee = valueOf(entry, 'employeeNumber') ?? 'unknown';
    if (!uuid)
      throw new ConnectorException('TEMPORARY', `the directory did not return entryUUID (employeeNumber ${employee})`);
    return uuid;
  }

  private toAccount(entry: Entry): Account {
    return {
      externalId: this.uuidOf(entry),
      userName: valueOf(entry, 'uid') ?? entry.dn,
      employeeId: valueOf(entry, 'employeeNumber'),
      active: this.isActive(entry),
    };
  }

  /** People below the active and the disabled containers. */
  private async search(
    client: Client,
    filter: string,
    paged = false,
    attributes: string[] = PERSON_ATTRIBUTES,
  ): Promise<Entry[]> {
    const results = await Promise.all(
      [this.layout.usersDn, this.layout.disabledUsersDn].map((base) =>
        client.search(base, { scope: 'sub', filter, attributes, paged }),
      ),
    );
    return results.flatMap((result) => result.searchEntries);
  }

  private async findOne(client: Client, attribute: string, value: string): Promise<Entry | undefined> {
    const entries = await this.search(client, `(&${PERSON}(${attribute}=${escapeFilterValue(value)}))`);
    if (entries.length > 1) {
      throw new ConnectorException(
        'CONFLICT',
        `the directory holds ${entries.length} people with ${attribute}=${value}`,
      );
    }
    return entries[0];
  }

  private async requireEntry(client: Client, externalId: string): Promise<Entry> {
    const entry = await this.findOne(client, 'entryUUID', externalId);
    if (!entry) throw new ConnectorException('NOT_FOUND', `no person with entryUUID ${externalId} in the directory`);
    return entry;
  }

  /** By employeeNumber, then by uid; an entry found by uid that belongs to someone else is never handed over. */
  private async findPersonsEntry(client: Client, request: CreateAccountRequest): Promise<Entry | undefined> {
    const byEmployee = await this.findOne(client, 'employeeNumber', request.employeeId);
    if (byEmployee) return byEmployee;
    const byUid = await this.findOne(client, 'uid', request.userName);
    if (!byUid) return undefined;
    const owner = valueOf(byUid, 'employeeNumber');
    if (owner && owner !== request.employeeId) {
      throw new ConnectorException(
        'CONFLICT',
        `the uid of employee ${request.employeeId} belongs to another person (employeeNumber ${owner})`,
      );
    }
    if (!owner) {
      // An entry made before Tenure managed the directory: link it to the person so the next lookup finds it directly.
      await client.modify(
        byUid.dn,
        new Change({
          operation: 'add',
          modification: new Attribute({ type: 'employeeNumber', values: [request.employeeId] }),
        }),
      );
    }
    return byUid;
  }

  private async addEntry(client: Client, request: CreateAccountRequest): Promise<{ entry: Entry; created: boolean }> {
    const manager = request.managerId ? await this.findOne(client, 'employeeNumber', request.managerId) : undefined;
    // A person prepared ahead of their start is added straight under the disabled container, where binds fail.
    const dn = `uid=${escapeDnValue(request.userName)},${this.containerFor(request.active)}`;
    try {
      await client.add(dn, personAttributes(request, manager?.dn));
    } catch (error) {
      // A retry of a create whose answer was lost, or a race: the entry now exists; use it if it is this person's.
      if ((error as { code?: unknown }).code !== LDAP_RESULT.entryAlreadyExists) throw error;
      const existing = await this.findPersonsEntry(client, request);
      if (!existing) throw error;
      return { entry: existing, created: false };
    }
    const entry = await this.findOne(client, 'employeeNumber', request.employeeId);
    if (!entry)
      throw new ConnectorException(
        'TEMPORARY',
        `the directory lost the entry of employee ${request.employeeId} right after adding it`,
      );
    return { entry, created: true };
  }

  /** Moves an entry under another container, keeping its RDN, and carries its group memberships along. */
  private async move(client: Client, dn: string, container: string): Promise<string> {
    const newDn = `${rdnOf(dn)},${container}`;
    await client.modifyDN(dn, newDn);
    await this.groups.follow(client, dn, newDn);
    return newDn;
  }
}
