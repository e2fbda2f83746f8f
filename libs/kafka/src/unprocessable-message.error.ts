/**
 * Thrown by a consumer's handler for a message that follows its contract but
 * can never be applied because of what it says (the peer refuses its content):
 * the message goes to the dead-letter topic with the reason and the partition
 * goes on. Any other error means "not yet" and the message is tried again.
 */
export class UnprocessableMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableMessageError';
  }
}
