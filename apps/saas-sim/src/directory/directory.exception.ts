export type DirectoryErrorCode = 'NOT_FOUND' | 'UNIQUENESS' | 'INVALID_VALUE';

/** A request the simulated app refuses, as a real app would: unknown id, taken name, bad value. */
export class DirectoryException extends Error {
  constructor(
    readonly code: DirectoryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DirectoryException';
  }
}
