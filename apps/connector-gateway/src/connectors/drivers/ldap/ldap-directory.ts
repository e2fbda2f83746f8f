import { Client, Entry } from 'ldapts';
import { RequestGuard } from '../../../protection/app-guard';
import { SecretValue } from '../../secret-value';
import { classifyLdapError } from './ldap-error.classifier';

export interface LdapDirectoryOptions {
  url: string;
  bindDn: string;
  password: SecretValue;
  timeoutMs: number;
  guard: RequestGuard;
}

/** The attributes the connector reads from a person's entry. */
export const PERSON_ATTRIBUTES = [
  'entryUUID',
  'uid',
  'mail',
  'employeeNumber',
  'departmentNumber',
  'title',
  'cn',
  'displayName',
];

/** One string value of an attribute as ldapts returns it (a string, or the first of several). */
export function valueOf(entry: Entry, attribute: string): string | undefined {
  const value = entry[attribute];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
}

export function valuesOf(entry: Entry, attribute: string): string[] {
  const value = entry[attribute];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((item) =>
    typeof item === 'string' ? item : item.toString('utf8'),
  );
}

/**
 * A bound LDAP session per operation, through the app's guard (rate limit,
 * circuit breaker). One connection per operation keeps nothing stale across
 * directory restarts; directories take thousands of binds a second.
 */
export class LdapDirectory {
  constructor(private readonly options: LdapDirectoryOptions) {}

  run<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const { url, bindDn, password, timeoutMs, guard } = this.options;
    return guard.run(async () => {
      const client = new Client({ url, timeout: timeoutMs, connectTimeout: timeoutMs });
      try {
        await client.bind(bindDn, password.reveal());
        return await work(client);
      } catch (error) {
        throw classifyLdapError(error);
      } finally {
        await client.unbind().catch(() => undefined);
      }
    });
  }
}
