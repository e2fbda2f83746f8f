import { readFileSync } from 'node:fs';
import { AppConfig } from '@tenure/config';
import { SecretValue } from '../connectors/secret-value';

export class AppCredentialError extends Error {
  constructor(problems: string[]) {
    super(`Missing app credentials: ${problems.join('; ')}`);
    this.name = 'AppCredentialError';
  }
}

/** An app's credentials with their secrets read, ready for its connector. */
export type ResolvedAuth =
  | { type: 'bearer'; token: SecretValue }
  | { type: 'basic'; username: string; password: SecretValue }
  | { type: 'oauth2'; tokenUrl: string; clientId: string; clientSecret: SecretValue; scope?: string };

type Secret = { secret: SecretValue } | { problem: string };

/** One secret from the file or the variable the configuration names; the problem names where, never a value. */
function secretFrom(
  app: AppConfig,
  what: string,
  variable: string | undefined,
  file: string | undefined,
  env: NodeJS.ProcessEnv,
): Secret {
  if (file !== undefined) {
    let value: string;
    try {
      value = readFileSync(file, 'utf8').trim();
    } catch {
      return { problem: `app ${app.id}: ${what} file ${file} cannot be read` };
    }
    return value ? { secret: new SecretValue(value) } : { problem: `app ${app.id}: ${what} file ${file} is empty` };
  }
  const value = variable ? env[variable] : undefined;
  return value
    ? { secret: new SecretValue(value) }
    : { problem: `app ${app.id} needs environment variable ${variable}` };
}

type AuthResult = { auth: ResolvedAuth } | { problem: string };

function authFor(app: AppConfig, env: NodeJS.ProcessEnv): AuthResult {
  const auth = app.auth;
  switch (auth.type) {
    case 'bearer': {
      const token = secretFrom(app, 'token', auth.tokenEnv, auth.tokenFile, env);
      return 'problem' in token ? token : { auth: { type: 'bearer', token: token.secret } };
    }
    case 'basic': {
      const password = secretFrom(app, 'password', auth.passwordEnv, auth.passwordFile, env);
      if ('problem' in password) return password;
      return { auth: { type: 'basic', username: auth.username ?? '', password: password.secret } };
    }
    case 'oauth2': {
      const clientSecret = secretFrom(app, 'client secret', auth.clientSecretEnv, auth.clientSecretFile, env);
      if ('problem' in clientSecret) return clientSecret;
      return {
        auth: {
          type: 'oauth2',
          tokenUrl: auth.tokenUrl ?? '',
          clientId: auth.clientId ?? '',
          clientSecret: clientSecret.secret,
          ...(auth.scope ? { scope: auth.scope } : {}),
        },
      };
    }
  }
}

/**
 * Each app's credentials, from the variables (`…Env`) or files (`…File`) its
 * configuration names. Every problem is reported together, naming the app and
 * where its secret should be, never a value.
 */
export function resolveAppCredentials(
  apps: readonly AppConfig[],
  env: NodeJS.ProcessEnv,
): { app: AppConfig; auth: ResolvedAuth }[] {
  const results = apps.map((app) => ({ app, result: authFor(app, env) }));
  const problems = results.flatMap(({ result }) => ('problem' in result ? [result.problem] : []));
  if (problems.length > 0) throw new AppCredentialError(problems);
  return results.flatMap(({ app, result }) => ('auth' in result ? [{ app, auth: result.auth }] : []));
}
