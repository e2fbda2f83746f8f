import type { KafkaContext } from '@nestjs/microservices';
import type { ClassConstructor } from 'class-transformer';
import { validatePayload } from '@tenure/contracts';
import type { Logger } from 'pino';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import { UnprocessableMessageError } from './unprocessable-message.error';

export interface ValidatedConsumer<T> {
  contract: ClassConstructor<T>;
  deadLetter: DeadLetterPublisher;
  logger: Logger;
  /**
   * Applies a valid message; an UnprocessableMessageError parks it on the
   * dead-letter topic, any other throw means "not yet" and it is tried again.
   */
  handle: (message: T) => Promise<void>;
  isStopping: () => boolean;
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 10_000;
/**
 * A waiting consumer heartbeats at least this often: its group's session
 * times out after 10 s (microservice-options.ts), and a back-off of up to
 * MAX_RETRY_MS must not pass for a consumer that died.
 */
export const RETRY_HEARTBEAT_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitHeartbeating(ms: number, heartbeat: () => Promise<void>): Promise<void> {
  for (let left = ms; left > 0; left -= RETRY_HEARTBEAT_MS) {
    await sleep(Math.min(left, RETRY_HEARTBEAT_MS));
    await heartbeat();
  }
}

/**
 * The consuming side of every topic contract. An invalid message goes to the
 * dead-letter topic and is passed over, and so does a valid one its handler
 * declares unprocessable. Any other valid one is retried in place, with
 * back-off and heartbeats, until it is applied: the partition waits rather than
 * skip it, because skipping would lose it and reorder the person's events.
 * When the service stops mid-way the message is left uncommitted for the next owner.
 */
export async function consumeValidated<T extends object>(
  payload: unknown,
  context: KafkaContext,
  consumer: ValidatedConsumer<T>,
): Promise<void> {
  const message = context.getMessage();
  const coordinates = { topic: context.getTopic(), partition: context.getPartition(), offset: message.offset };
  const result = validatePayload(consumer.contract, payload);
  if (!result.ok) {
    consumer.logger.warn({ ...coordinates, errors: result.errors }, 'invalid message sent to the dead-letter topic');
    await consumer.deadLetter.publish(message.key?.toString() ?? 'unknown', {
      sourceTopic: coordinates.topic,
      partition: coordinates.partition,
      offset: coordinates.offset,
      reason: 'message does not match its topic contract',
      errors: result.errors,
      payload,
    });
    return;
  }
  let delay = FIRST_RETRY_MS;
  for (;;) {
    try {
      await consumer.handle(result.value);
      return;
    } catch (error) {
      if (error instanceof UnprocessableMessageError) {
        consumer.logger.warn(
          { ...coordinates, reason: error.message },
          'unprocessable message sent to the dead-letter topic',
        );
        await consumer.deadLetter.publish(message.key?.toString() ?? 'unknown', {
          sourceTopic: coordinates.topic,
          partition: coordinates.partition,
          offset: coordinates.offset,
          reason: 'message cannot be applied',
          errors: [{ field: '', message: error.message }],
          payload,
        });
        return;
      }
      if (consumer.isStopping()) throw error;
      consumer.logger.warn({ ...coordinates, err: error, retryInMs: delay }, 'message not applied yet; retrying');
      await waitHeartbeating(delay, context.getHeartbeat());
      delay = Math.min(MAX_RETRY_MS, delay * 2);
    }
  }
}
