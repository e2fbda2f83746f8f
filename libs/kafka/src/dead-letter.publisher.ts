import { TOPICS } from '@tenure/contracts';
import type { FieldError } from '@tenure/contracts';
import type { KafkaPublisher } from './kafka-publisher';

export interface DeadLetter {
  sourceTopic: string;
  partition: number;
  offset: string;
  reason: string;
  errors: FieldError[];
  /** The message as received, cut short: enough to investigate, never unbounded. */
  payload: string;
}

const MAX_PAYLOAD_CHARS = 64 * 1024;

/** Parks a message no consumer can use, with the reason, so it never blocks its partition. */
export class DeadLetterPublisher {
  constructor(private readonly publisher: KafkaPublisher) {}

  publish(key: string, letter: Omit<DeadLetter, 'payload'> & { payload: unknown }): Promise<void> {
    const text = typeof letter.payload === 'string' ? letter.payload : JSON.stringify(letter.payload);
    const value: DeadLetter = { ...letter, payload: (text ?? '').slice(0, MAX_PAYLOAD_CHARS) };
    return this.publisher.publish(TOPICS.deadLetter, [{ key, value }]);
  }
}
