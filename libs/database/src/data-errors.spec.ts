import { isDataError } from './data-errors';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('a database error caused by the data', () => {
  it.each([
    ['a NUL character in JSON', '22P05'],
    ['a time out of range', '22008'],
    ['unreadable time text', '22007'],
    ['a NUL byte in text', '22021'],
    ['a missing value', '23502'],
    ['a value too long for an index', '54000'],
  ])('is %s', (_what, code) => {
    expect(isDataError(pgError(code))).toBe(true);
    expect(isDataError({ driverError: { code } })).toBe(true);
  });

  it.each([
    ['a server shutting down', '57P01'],
    ['a lost connection', '08006'],
    ['too many connections', '53300'],
    ['a serialization failure', '40001'],
    ['a refused connection', 'ECONNREFUSED'],
  ])('is never %s', (_what, code) => {
    expect(isDataError(pgError(code))).toBe(false);
  });

  it('is never an error without a SQLSTATE', () => {
    expect(isDataError(new Error('Connection terminated unexpectedly'))).toBe(false);
    expect(isDataError(undefined)).toBe(false);
  });
});
