import { AccountProfile } from '../../connector';
import { SCIM_ENTERPRISE_USER_SCHEMA, SCIM_USER_SCHEMA, ScimUser } from './scim.types';

/**
 * The SCIM user for a person. externalId and the enterprise employeeNumber
 * both carry the employeeId: externalId is how Tenure finds the account again,
 * employeeNumber is where apps show it to people.
 * `managerAccountId` is the manager's id in this app (RFC 7643 §4.3), when they have an account.
 */
export function toScimUser(profile: AccountProfile, managerAccountId?: string): Record<string, unknown> {
  const displayName = profile.displayName ?? `${profile.givenName} ${profile.familyName}`;
  return {
    schemas: [SCIM_USER_SCHEMA, SCIM_ENTERPRISE_USER_SCHEMA],
    externalId: profile.employeeId,
    userName: profile.userName,
    name: { givenName: profile.givenName, familyName: profile.familyName, formatted: displayName },
    displayName,
    ...(profile.title ? { title: profile.title } : {}),
    active: true,
    emails: [{ value: profile.email, type: 'work', primary: true }],
    [SCIM_ENTERPRISE_USER_SCHEMA]: {
      employeeNumber: profile.employeeId,
      ...(profile.department ? { department: profile.department } : {}),
      ...(managerAccountId ? { manager: { value: managerAccountId } } : {}),
    },
  };
}

/** A user as it can be sent back with PUT: without the attributes only the app may set. */
export function replaceableUser(user: ScimUser): Record<string, unknown> {
  return Object.fromEntries(Object.entries(user).filter(([key]) => key !== 'meta' && key !== 'groups'));
}
