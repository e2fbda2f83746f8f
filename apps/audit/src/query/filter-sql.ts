import type { AuditFilterDto } from './dto/audit-filter.dto';

const EQUALITY_FILTERS = [
  ['employeeId', 'employee_id'],
  ['appId', 'app_id'],
  ['action', 'action'],
  ['kind', 'kind'],
  ['outcome', 'outcome'],
  ['actor', 'actor'],
  ['actorId', 'actor_id'],
  ['eventId', 'event_id'],
] as const;

export interface SqlCondition {
  /** `WHERE …` or an empty string. */
  where: string;
  params: unknown[];
}

/** The WHERE clause of a filter, with positional parameters; extra conditions (a cursor) may be added. */
export function filterSql(filter: AuditFilterDto, extra: { clause: string; value: unknown }[] = []): SqlCondition {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  for (const [param, column] of EQUALITY_FILTERS) {
    if (filter[param] !== undefined) add(`${column} = ?`, filter[param]);
  }
  if (filter.from) add('at >= ?', new Date(filter.from).toISOString());
  if (filter.to) add('at < ?', new Date(filter.to).toISOString());
  for (const { clause, value } of extra) add(clause, value);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
