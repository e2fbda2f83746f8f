import type { KafkaContext } from '@nestjs/microservices';
import pino from 'pino';
import { HrLifecycleEventMessage } from '@tenure/contracts';
import { consumeValidated } from './consume-validated';
import type { DeadLetter, DeadLetterPublisher } from './dead-letter.publisher';
import { UnprocessableMessageError } from './unprocessable-message.error';

const event = {
  eventId: 'evt-1',
  source: 'generic',
  type: 'hire',
  effectiveAt: '2026-12-01T09:00:00.000Z',
  receivedAt: '2026-12-01T08:00:00.000Z',
  employee: { employeeId: 'E1', email: 'e1@example.com', givenName: 'A', familyName: 'B', employmentType: 'employee' },
};

function setUp(handle: () => Promise<void>, heartbeat: () => Promise<void> = async () => undefined) {
  const letters: DeadLetter[] = [];
  const deadLetter = {
    publish: async (_key: string, letter: DeadLetter) => void letters.push(letter),
  } as unknown as DeadLetterPublisher;
  const context = {
    getMessage: () => ({ key: Buffer.from('E1'), offset: '7' }),
    getTopic: () => 'tenure.hr.lifecycle.v1',
    getPartition: () => 0,
    getHeartbeat: () => heartbeat,
  } as unknown as KafkaContext;
  const run = () =>
    consumeValidated(event, context, {
      contract: HrLifecycleEventMessage,
      handle,
      deadLetter,
      logger: pino({ level: 'silent' }),
      isStopping: () => false,
    });
  return { letters, run };
}

describe('consuming a valid message', () => {
  it('parks a message its handler declares unprocessable, with the reason, and goes on', async () => {
    const { letters, run } = setUp(async () => {
      throw new UnprocessableMessageError('Temporal refused the event: WorkflowId exceeds length');
    });
    await run();
    expect(letters).toEqual([
      expect.objectContaining({
        sourceTopic: 'tenure.hr.lifecycle.v1',
        offset: '7',
        reason: 'message cannot be applied',
        errors: [{ field: '', message: 'Temporal refused the event: WorkflowId exceeds length' }],
      }),
    ]);
  });

  it('retries in place, without parking it, while the handler fails for another reason', async () => {
    let calls = 0;
    const { letters, run } = setUp(async () => {
      calls += 1;
      if (calls < 3) throw new Error('14 UNAVAILABLE: connection refused');
    });
    await run();
    expect(calls).toBe(3);
    expect(letters).toEqual([]);
  });

  it('heartbeats every 2 s while it waits to retry, so a long back-off never looks like a dead consumer', async () => {
    jest.useFakeTimers();
    try {
      const beats: number[] = [];
      let calls = 0;
      const started = Date.now();
      const { run } = setUp(
        async () => {
          calls += 1;
          if (calls < 7) throw new Error('14 UNAVAILABLE: connection refused');
        },
        async () => void beats.push(Date.now() - started),
      );
      const done = run();
      await jest.advanceTimersByTimeAsync(60_000);
      await done;
      // Back-offs of 0.25, 0.5, 1, 2, 4 and 8 s: no two heartbeats further apart than 2 s.
      expect(calls).toBe(7);
      const gaps = beats.map((at, index) => at - (index === 0 ? 0 : beats[index - 1]));
      expect(Math.max(...gaps)).toBeLessThanOrEqual(2_000);
      expect(beats[beats.length - 1]).toBe(15_750);
    } finally {
      jest.useRealTimers();
    }
  });
});
