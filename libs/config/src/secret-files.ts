import { readFileSync } from 'node:fs';
import { EnvironmentError } from './load-environment';

/**
 * `<NAME>_FILE` names a file holding the secret (Docker and Kubernetes secrets):
 * its content, without the trailing newline, becomes `<NAME>`. Setting both is
 * refused so that nobody wonders which one wins.
 */
export function readSecretFiles(source: NodeJS.ProcessEnv, names: readonly string[]): NodeJS.ProcessEnv {
  const resolved: NodeJS.ProcessEnv = { ...source };
  const problems: string[] = [];
  for (const name of names) {
    // An empty variable (compose files write `${X:-}`) means "not set".
    if (resolved[name] === '') delete resolved[name];
    const file = source[`${name}_FILE`];
    if (!file) continue;
    if (source[name]) {
      problems.push(`${name}_FILE=cannot be set together with ${name}`);
      continue;
    }
    try {
      resolved[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push(`${name}_FILE=cannot read the file it names`);
    }
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return resolved;
}
