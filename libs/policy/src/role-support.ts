import type { AppsConfig } from '@tenure/config';

/**
 * Why roles cannot be granted in an app, or undefined when they can. No
 * connector assigns roles to accounts yet (neither SCIM `roles` nor LDAP role
 * entries are written), so a grant of roles would be recorded as access nobody
 * receives: it is refused instead, and groups carry the access.
 */
export function rolesRefusal(appId: string, apps: AppsConfig): string | undefined {
  const app = apps.apps.find((candidate) => candidate.id === appId);
  const connector = app ? `its ${app.connector} connector` : 'its connector';
  return `app "${appId}" does not support roles (${connector} does not assign roles); grant groups instead`;
}
