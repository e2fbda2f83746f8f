import { Attribute, Change, Client } from 'ldapts';
import { valueOf } from './ldap-directory';
import { LDAP_RESULT } from './ldap-error.classifier';
import { escapeDnValue, escapeFilterValue } from './ldap-names';

const resultCode = (error: unknown): number | undefined => (error as { code?: unknown } | null)?.code as number;

const member = (operation: 'add' | 'delete', dn: string) =>
  new Change({ operation, modification: new Attribute({ type: 'member', values: [dn] }) });

/**
 * Group memberships as groupOfNames entries `cn=<name>,<groupsDn>` whose
 * `member` values are people's DNs. groupOfNames needs at least one member,
 * so a group is created with its first member and removed with its last.
 */
export class LdapGroups {
  constructor(private readonly groupsDn: string) {}

  groupDn(name: string): string {
    return `cn=${escapeDnValue(name)},${this.groupsDn}`;
  }

  async add(client: Client, memberDn: string, name: string): Promise<void> {
    try {
      await client.modify(this.groupDn(name), member('add', memberDn));
    } catch (error) {
      if (resultCode(error) === LDAP_RESULT.attributeOrValueExists) return;
      if (resultCode(error) !== LDAP_RESULT.noSuchObject) throw error;
      try {
        await client.add(this.groupDn(name), { objectClass: ['top', 'groupOfNames'], cn: name, member: memberDn });
      } catch (raced) {
        // Someone created the group since: join it.
        if (resultCode(raced) !== LDAP_RESULT.entryAlreadyExists) throw raced;
        await this.add(client, memberDn, name);
      }
    }
  }

  async remove(client: Client, memberDn: string, name: string): Promise<void> {
    try {
      await client.modify(this.groupDn(name), member('delete', memberDn));
    } catch (error) {
      const code = resultCode(error);
      if (code === LDAP_RESULT.noSuchObject || code === LDAP_RESULT.noSuchAttribute) return;
      if (code !== LDAP_RESULT.objectClassViolation) throw error;
      // The last member: groupOfNames cannot be empty, so the group goes (it is made again on the next add).
      await client.del(this.groupDn(name));
    }
  }

  /** Names of the groups whose members include dn. */
  async namesOf(client: Client, dn: string): Promise<string[]> {
    const { searchEntries } = await client.search(this.groupsDn, {
      scope: 'one',
      filter: `(&(objectClass=groupOfNames)(member=${escapeFilterValue(dn)}))`,
      attributes: ['cn'],
    });
    return searchEntries
      .map((entry) => valueOf(entry, 'cn') ?? '')
      .filter(Boolean)
      .sort();
  }

  /** Every group's members at once, for listing many accounts: member DN (lower case) → group names. */
  async membership(client: Client): Promise<Map<string, string[]>> {
    const { searchEntries } = await client.search(this.groupsDn, {
      scope: 'one',
      filter: '(objectClass=groupOfNames)',
      attributes: ['cn', 'member'],
      paged: true,
    });
    const groupsOf = new Map<string, string[]>();
    for (const entry of searchEntries) {
      const name = valueOf(entry, 'cn');
      if (!name) continue;
      const members = entry.member === undefined ? [] : Array.isArray(entry.member) ? entry.member : [entry.member];
      for (const memberDn of members) {
        const key = memberDn.toString().toLowerCase();
        groupsOf.set(key, [...(groupsOf.get(key) ?? []), name]);
      }
    }
    return groupsOf;
  }

  /** After a person's entry moved (disable, enable), their memberships follow the new DN. */
  async follow(client: Client, oldDn: string, newDn: string): Promise<void> {
    const { searchEntries } = await client.search(this.groupsDn, {
      scope: 'one',
      filter: `(&(objectClass=groupOfNames)(member=${escapeFilterValue(oldDn)}))`,
      attributes: ['cn'],
    });
    for (const group of searchEntries) {
      await client.modify(group.dn, [member('add', newDn), member('delete', oldDn)]);
    }
  }
}
