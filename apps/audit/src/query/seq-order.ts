import type { DataSource } from 'typeorm';
import type { AuditFilterDto } from './dto/audit-filter.dto';

/** Up to this many records in a time range, reading them by time and sorting beats walking the chain by seq. */
const NARROW_RANGE = 10_000;

/**
 * The ORDER BY for records in chain order. With a narrow time range (or one
 * with nothing in it) the planner, which assumes time and seq unrelated,
 * would walk the primary key past every record outside the range; a probe of
 * the (at) index says how many records the range holds, and for few of them
 * `seq + 0`, which no index serves, makes it read the range by time and sort.
 */
export async function seqOrder(dataSource: DataSource, filter: AuditFilterDto, direction: 'ASC' | 'DESC') {
  if (!filter.from && !filter.to) return `seq ${direction}`;
  const [{ n }]: { n: number }[] = await dataSource.query(
    `SELECT count(*)::int AS n FROM (
       SELECT 1 FROM audit_events WHERE at >= $1 AND at < $2 LIMIT ${NARROW_RANGE + 1}) AS probe`,
    [
      filter.from ? new Date(filter.from).toISOString() : '-infinity',
      filter.to ? new Date(filter.to).toISOString() : 'infinity',
    ],
  );
  return n <= NARROW_RANGE ? `seq + 0 ${direction}` : `seq ${direction}`;
}
