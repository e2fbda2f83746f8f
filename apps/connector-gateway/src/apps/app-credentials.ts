import { readFileSync } from 'node:fs';
import { AppConfig } from '@tenure/config';
import { BearerCredential } from '../connectors/bearer-credential';

export class AppCredentialError extends Error {
  constructor(problems: string[]) {
    super(`Missing app credentials: ${problems.join('; ')}`);
    this.name = 'AppCredentialError';
  }
}

type CredentialResult = { credential: BearerCredential } | { problem: string };

function credentialFor(app: AppConfig, env: NodeJS.ProcessEnv): CredentialResult {
  const { tokenEnv, tokenFile } = app.auth;
  if (tokenFile !== undefined) {
    let token: string;
    try {
      token = readFileSync(tokenFile, 'utf8').trim();
    } catch {
      return { problem: `app ${app.id}: token file ${tokenFile} cannot be read` };
    }
    return token
      ? { credential: new BearerCredential(token) }
      : { problem: `app ${app.id}: token file ${tokenFile} is empty` };
  }
  const token = tokenEnv ? env[tokenEnv] : undefined;
  return token
    ? { credential: new BearerCredential(token) }
    : { problem: `app ${app.id} needs environment variable ${tokenEnv}` };
}

/**
 * Each app's token, from the variable (`tokenEnv`) or file (`tokenFile`) its
 * configuration names. Every problem is reported together, naming the app and
 * where its token should be, never a value.
 */
export function resolveAppCredentials(
  apps: readonly AppConfig[],
  env: NodeJS.ProcessEnv,
): { app: AppConfig; credential: BearerCredential }[] {
  const results = apps.map((app) => ({ app, result: credentialFor(app, env) }));
  const problems = results.flatMap(({ result }) => ('problem' in result ? [result.problem] : []));
  if (problems.length > 0) throw new AppCredentialError(problems);
  return results.flatMap(({ app, result }) => ('credential' in result ? [{ app, credential: result.credential }] : []));
}
