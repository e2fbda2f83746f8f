import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { requiredEnv, signInWithPassword } from '@tenure/testing';

export interface DevUser {
  username: string;
  password: string;
  name: string;
  email: string;
  employeeId?: string;
  managerId?: string;
  department?: string;
  title?: string;
  groups: string[];
}

/** The development provider's users, from the shipped config/dev-idp.yaml. */
export function devUser(username: string): DevUser {
  const file = join(requiredEnv('TENURE_CONFIG_DIR'), 'dev-idp.yaml');
  const users = (parse(readFileSync(file, 'utf8')) as { users: DevUser[] }).users;
  const user = users.find((u) => u.username === username);
  if (!user) throw new Error(`no user ${username} in ${file}`);
  return user;
}

const tokens = new Map<string, Promise<string>>();

/**
 * A real access token for a development user: signed in through the running
 * provider's login page with authorization code + PKCE, once per test file.
 */
export function accessTokenOf(username: string): Promise<string> {
  let token = tokens.get(username);
  if (!token) {
    const user = devUser(username);
    token = signInWithPassword(
      {
        issuer: requiredEnv('TENURE_OIDC_ISSUER'),
        clientId: 'tenure-cli',
        clientSecret: requiredEnv('TENURE_DEV_IDP_CLIENT_SECRET'),
        redirectUri: 'http://127.0.0.1/callback',
        resource: requiredEnv('TENURE_OIDC_AUDIENCE'),
      },
      user.username,
      user.password,
    ).then((t) => t.accessToken);
    tokens.set(username, token);
  }
  return token;
}
