/**
 * SQLSTATE classes of errors caused by the values written, never by the
 * database being away: 22 data exception (a NUL character, a time out of
 * range, JSON PostgreSQL cannot hold), 23 integrity constraint violation,
 * 54 program limit exceeded (a value too long for an index).
 */
const DATA_ERROR_CLASSES = ['22', '23', '54'];

function sqlStateOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const state = typeof code === 'string' ? code : driverError?.code;
  return typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state) ? state : undefined;
}

/**
 * Whether PostgreSQL refused a statement because of the data in it: the same
 * values will be refused on every retry. Anything else (connection refused or
 * lost, a server shutting down, a lock timeout) may succeed when tried again.
 */
export function isDataError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && DATA_ERROR_CLASSES.includes(state.slice(0, 2));
}
