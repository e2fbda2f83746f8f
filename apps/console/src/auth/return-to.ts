/** Only paths of the console itself may be returned to after signing in (no open redirect). */
export const safeReturnTo = (value: unknown): string =>
  typeof value === 'string' && /^\/(?![/\\])[A-Za-z0-9/_.~%?=&-]*$/.test(value) ? value : '/';
