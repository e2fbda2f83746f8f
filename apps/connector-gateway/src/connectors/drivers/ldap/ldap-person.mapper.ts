import { Attribute, Change, Entry } from 'ldapts';
import type { AccountSnapshot } from '@tenure/contracts';
import { AccountProfile, ProfileChanges } from '../../connector';
import { valueOf } from './ldap-directory';

/** The inetOrgPerson attributes (RFC 2798) for a person; employeeNumber carries the employeeId. */
export function personAttributes(profile: AccountProfile, managerDn?: string): Record<string, string | string[]> {
  const displayName = profile.displayName ?? `${profile.givenName} ${profile.familyName}`;
  return {
    objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
    uid: profile.userName,
    cn: displayName,
    sn: profile.familyName,
    givenName: profile.givenName,
    displayName,
    mail: profile.email,
    employeeNumber: profile.employeeId,
    ...(profile.department ? { departmentNumber: profile.department } : {}),
    ...(profile.title ? { title: profile.title } : {}),
    ...(managerDn ? { manager: managerDn } : {}),
  };
}

const replace = (type: string, value: string) =>
  new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) });

/** Modifications that set the given fields and nothing else. */
export function profileChanges(changes: ProfileChanges, managerDn?: string): Change[] {
  const list: Change[] = [];
  if (changes.email !== undefined) list.push(replace('mail', changes.email));
  if (changes.givenName !== undefined) list.push(replace('givenName', changes.givenName));
  if (changes.familyName !== undefined) list.push(replace('sn', changes.familyName));
  if (changes.displayName !== undefined)
    list.push(replace('displayName', changes.displayName), replace('cn', changes.displayName));
  if (changes.department !== undefined) list.push(replace('departmentNumber', changes.department));
  if (changes.title !== undefined) list.push(replace('title', changes.title));
  if (managerDn !== undefined) list.push(replace('manager', managerDn));
  return list;
}

export function toSnapshot(entry: Entry, active: boolean, groups: string[]): AccountSnapshot {
  const employeeId = valueOf(entry, 'employeeNumber');
  const email = valueOf(entry, 'mail');
  const department = valueOf(entry, 'departmentNumber');
  const title = valueOf(entry, 'title');
  return {
    externalId: valueOf(entry, 'entryUUID') ?? entry.dn,
    userName: valueOf(entry, 'uid') ?? entry.dn,
    ...(employeeId ? { employeeId } : {}),
    ...(email ? { email } : {}),
    active,
    groups: [...groups].sort(),
    ...(department ? { department } : {}),
    ...(title ? { title } : {}),
  };
}
