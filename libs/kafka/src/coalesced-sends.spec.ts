import type { TopicMessages } from 'kafkajs';
import { CoalescedSends } from './coalesced-sends';

/** A producer whose requests the test answers one by one. */
class HeldProducer {
  readonly requests: { topicMessages: TopicMessages[]; answer: (error?: Error) => void }[] = [];

  readonly sendBatch = (topicMessages: TopicMessages[]): Promise<void> =>
    new Promise((resolve, reject) => {
      this.requests.push({ topicMessages, answer: (error) => (error ? reject(error) : resolve()) });
    });

  values(request: number): Record<string, string[]> {
    return Object.fromEntries(
      this.requests[request].topicMessages.map(({ topic, messages }) => [
        topic,
        messages.map((message) => String(message.value)),
      ]),
    );
  }
}

const message = (value: string) => ({ key: 'E1', value });
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesced Kafka sends', () => {
  it('sends at once when idle, then everything sent meanwhile in one request, in order per topic', async () => {
    const producer = new HeldProducer();
    const sends = new CoalescedSends(producer.sendBatch);
    const first = sends.send('outcomes', [message('o1')]);
    expect(producer.requests).toHaveLength(1);

    const waiting = [
      sends.send('outcomes', [message('o2')]),
      sends.send('decisions', [message('d1')]),
      sends.send('outcomes', [message('o3'), message('o4')]),
    ];
    await settled();
    expect(producer.requests).toHaveLength(1);

    producer.requests[0].answer();
    await first;
    await settled();
    expect(producer.requests).toHaveLength(2);
    expect(producer.values(1)).toEqual({ outcomes: ['o2', 'o3', 'o4'], decisions: ['d1'] });
    producer.requests[1].answer();
    await Promise.all(waiting);
    expect(producer.requests).toHaveLength(2);
  });

  it('fails the sends of a failed request only; the next request goes on', async () => {
    const producer = new HeldProducer();
    const sends = new CoalescedSends(producer.sendBatch);
    const first = sends.send('outcomes', [message('o1')]);
    const second = sends.send('outcomes', [message('o2')]);
    const third = sends.send('outcomes', [message('o3')]);
    producer.requests[0].answer(new Error('broker went away'));
    await expect(first).rejects.toThrow('broker went away');
    await settled();
    producer.requests[1].answer(new Error('still away'));
    await expect(second).rejects.toThrow('still away');
    await expect(third).rejects.toThrow('still away');

    const later = sends.send('outcomes', [message('o4')]);
    expect(producer.values(2)).toEqual({ outcomes: ['o4'] });
    producer.requests[2].answer();
    await expect(later).resolves.toBeUndefined();
  });

  it('keeps requests under the size limit and sends an oversized one alone', async () => {
    const producer = new HeldProducer();
    const sends = new CoalescedSends(producer.sendBatch, 10);
    const all = [
      sends.send('t', [message('a')]),
      sends.send('t', [message('bbb')]),
      sends.send('t', [message('cc')]),
      sends.send('t', [message('x'.repeat(20))]),
      sends.send('t', [message('d')]),
    ];
    const outcomes = Promise.allSettled(all);
    for (let request = 0; request < 4; request++) {
      await settled();
      producer.requests[request].answer(request === 2 ? new Error('MESSAGE_TOO_LARGE') : undefined);
    }
    expect(producer.requests.map((_, index) => producer.values(index).t)).toEqual([
      ['a'],
      ['bbb', 'cc'],
      ['x'.repeat(20)],
      ['d'],
    ]);
    expect((await outcomes).map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
  });
});
