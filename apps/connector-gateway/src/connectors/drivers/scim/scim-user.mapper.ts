import type { AccountSnapshot } from '@tenure/contracts';
import { AccountProfile, ProfileChanges } from '../../connector';
import {
  isActive,
  isRecord,
  SCIM_ENTERPRISE_USER_SCHEMA,
  SCIM_USER_SCHEMA,
  ScimPatchOperation,
  ScimUser,
} from './scim.types';

/**
 * The SCIM user for a person. externalId and the enterprise employeeNumber
 * both carry the employeeId: externalId is how Tenure finds the account again,
 * employeeNumber is where apps show it to people.
 * `managerAccountId` is the manager's id in this app (RFC 7643 §4.3), when they have an account.
 * `active: false` creates the account disabled (prepared ahead of a start) in the same request.
 */
export function toScimUser(
  profile: AccountProfile,
  managerAccountId?: string,
  enterprise = true,
  active = true,
): Record<string, unknown> {
  const displayName = profile.displayName ?? `${profile.givenName} ${profile.familyName}`;
  const user = {
    schemas: [SCIM_USER_SCHEMA, SCIM_ENTERPRISE_USER_SCHEMA],
    externalId: profile.employeeId,
    userName: profile.userName,
    name: { givenName: profile.givenName, familyName: profile.familyName, formatted: displayName },
    displayName,
    ...(profile.title ? { title: profile.title } : {}),
    active,
    emails: [{ value: profile.email, type: 'work', primary: true }],
    [SCIM_ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: profile.employeeId,
      ...(profile.department ? { department: profile.department } : {}),
      ...(managerAccountId ? { manager: { value: managerAccountId } } : {}),
    },
  };
  if (enterprise) return user;
  // An app whose User type lacks the enterprise extension would refuse it; the department is then not sent.
  const { [SCIM_ENTERPRISE_USER_SCHEMA]: _enterprise, ...core } = user;
  return { ...core, schemas: [SCIM_USER_SCHEMA] };
}

/** A user as it can be sent back with PUT: without the attributes only the app may set. */
export function replaceableUser(user: ScimUser): Record<string, unknown> {
  return Object.fromEntries(Object.entries(user).filter(([key]) => key !== 'meta' && key !== 'groups'));
}

const enterprisePath = (attribute: string) => `${SCIM_ENTERPRISE_USER_SCHEMA}:${attribute}`;

/** PATCH operations (RFC 7644 §3.5.2) that set the given fields and nothing else. */
export function profilePatchOperations(changes: ProfileChanges, managerAccountId?: string): ScimPatchOperation[] {
  const operations: ScimPatchOperation[] = [];
  const replace = (path: string, value: unknown) => operations.push({ op: 'replace', path, value });
  if (changes.email !== undefined) replace('emails', [{ value: changes.email, type: 'work', primary: true }]);
  if (changes.givenName !== undefined) replace('name.givenName', changes.givenName);
  if (changes.familyName !== undefined) replace('name.familyName', changes.familyName);
  if (changes.displayName !== undefined) replace('displayName', changes.displayName);
  if (changes.title !== undefined) replace('title', changes.title);
  if (changes.department !== undefined) replace(enterprisePath('department'), changes.department);
  if (managerAccountId !== undefined) replace(enterprisePath('manager'), { value: managerAccountId });
  return operations;
}

/** The same changes applied to a whole user, for apps that only take PUT. */
export function withProfileChanges(user: ScimUser, changes: ProfileChanges, managerAccountId?: string): ScimUser {
  const name = isRecord(user.name) ? user.name : {};
  const enterprise = isRecord(user[SCIM_ENTERPRISE_USER_SCHEMA]) ? user[SCIM_ENTERPRISE_USER_SCHEMA] : {};
  return {
    ...user,
    ...(changes.email !== undefined ? { emails: [{ value: changes.email, type: 'work', primary: true }] } : {}),
    name: {
      ...name,
      ...(changes.givenName !== undefined ? { givenName: changes.givenName } : {}),
      ...(changes.familyName !== undefined ? { familyName: changes.familyName } : {}),
    },
    ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    [SCIM_ENTERPRISE_USER_SCHEMA]: {
      ...enterprise,
      ...(changes.department !== undefined ? { department: changes.department } : {}),
      ...(managerAccountId !== undefined ? { manager: { value: managerAccountId } } : {}),
    },
  };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function primaryEmail(user: ScimUser): string | undefined {
  if (!Array.isArray(user.emails)) return undefined;
  const emails = user.emails.filter(isRecord);
  const chosen = emails.find((email) => email.primary === true) ?? emails[0];
  return chosen ? text(chosen.value) : undefined;
}

/** Group names from the user's read-only `groups` attribute (RFC 7643 §4.1.2). */
export function groupNamesOf(user: ScimUser): string[] {
  if (!Array.isArray(user.groups)) return [];
  return user.groups
    .filter(isRecord)
    .map((group) => text(group.display))
    .filter((name): name is string => name !== undefined)
    .sort();
}

/** A user as reconciliation compares it with the identity store. */
export function toSnapshot(user: ScimUser, groups: string[] = groupNamesOf(user)): AccountSnapshot {
  const enterprise = isRecord(user[SCIM_ENTERPRISE_USER_SCHEMA]) ? user[SCIM_ENTERPRISE_USER_SCHEMA] : {};
  const employeeId = text(user.externalId) ?? text(enterprise.employeeNumber);
  const email = primaryEmail(user);
  const department = text(enterprise.department);
  const title = text(user.title);
  return {
    externalId: user.id,
    userName: user.userName,
    ...(employeeId ? { employeeId } : {}),
    ...(email ? { email } : {}),
    active: isActive(user),
    groups,
    ...(department ? { department } : {}),
    ...(title ? { title } : {}),
  };
}
