/**
 * Planning is a pure function of the event and what the identity store holds:
 * whatever it throws (a date that cannot be read, a time out of range) is the
 * event's fault and will be thrown again on every try.
 */
export class UnplannableEventError extends Error {
  constructor(
    message: string,
    /** The event field at fault, when known. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'UnplannableEventError';
  }

  static from(error: unknown): UnplannableEventError {
    const message = error instanceof Error ? error.message : String(error);
    const field = message.startsWith('not an ISO-8601') ? 'effectiveAt' : undefined;
    return new UnplannableEventError(message || 'the event cannot be planned', field);
  }
}
