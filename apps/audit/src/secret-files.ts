import { readFileSync } from 'node:fs';
import { EnvironmentError } from '@tenure/config';

/**
 * Secrets may also come from files (Docker and Kubernetes secrets): `<NAME>_FILE`
 * names a file whose content, without the trailing newline, is the value of
 * `<NAME>`. Setting both is refused, so it is never unclear which one is used.
 */
export function withSecretFiles(source: NodeJS.ProcessEnv, names: readonly string[]): NodeJS.ProcessEnv {
  const resolved: NodeJS.ProcessEnv = { ...source };
  const problems: string[] = [];
  for (const name of names) {
    const file = source[`${name}_FILE`];
    if (file === undefined || file === '') continue;
    if (source[name] !== undefined && source[name] !== '') {
      problems.push(`${name}_FILE=set together with ${name}; set one of them`);
      continue;
    }
    try {
      resolved[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch {
      problems.push(`${name}_FILE=cannot be read`);
    }
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return resolved;
}
