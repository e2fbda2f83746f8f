import type { Employee } from '@tenure/domain';

/** The attributes apps show on an account; a change to any of them is pushed as an update. */
export const PROFILE_ATTRIBUTES = ['email', 'givenName', 'familyName', 'department', 'title', 'managerId'] as const;

export function profileChanged(before: Employee, after: Employee): boolean {
  return PROFILE_ATTRIBUTES.some((attribute) => (before[attribute] ?? '') !== (after[attribute] ?? ''));
}
