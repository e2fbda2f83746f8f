import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@tenure/contracts';

type Instance<C> = C extends ClassConstructor<infer T> ? T : never;
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
export type EnvironmentOf<C extends ClassConstructor<object>[]> = UnionToIntersection<Instance<C[number]>>;

export class EnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment variables: ${problems.join(', ')}`);
    this.name = 'EnvironmentError';
  }
}

/**
 * Parses the process environment once, at start, into validated settings.
 * Each class is one group of variables (database, Kafka, the service's own);
 * every problem in every group is reported together, never a variable's value.
 */
export function loadEnvironment<C extends ClassConstructor<object>[]>(
  groups: C,
  source: NodeJS.ProcessEnv = process.env,
): EnvironmentOf<C> {
  const merged: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const group of groups) {
    const instance = plainToInstance(group, source, { exposeDefaultValues: true, enableImplicitConversion: true });
    const errors = validateSync(instance, { whitelist: true });
    // Messages that start with the variable's name are shortened to "NAME=problem".
    problems.push(
      ...flattenValidationErrors(errors).map(({ field, message }) => `${field}=${message.replace(`${field} `, '')}`),
    );
    Object.assign(merged, instance);
  }
  if (problems.length > 0) throw new EnvironmentError([...new Set(problems)]);
  return merged as EnvironmentOf<C>;
}
