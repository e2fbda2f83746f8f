import { TOPICS } from '@tenure/contracts';
import { employeeFixture, publishRaw, readTopic, testStack, uniqueId, waitFor } from '@tenure/testing';
import { StackClient } from './stack-client';

interface DeadLetterValue {
  sourceTopic: string;
  reason: string;
  errors: { field: string }[];
  payload: string;
}

/** A message no consumer can use is parked with its reason and never blocks the messages behind it. */
describe('dead letters', () => {
  const stack = new StackClient();
  const { kafkaBrokers, topicPrefix } = testStack();
  const topic = (name: string) => `${topicPrefix}${name}`;

  async function deadLettersMentioning(marker: string): Promise<DeadLetterValue[]> {
    const letters = await readTopic(kafkaBrokers, topic(TOPICS.deadLetter));
    return letters
      .map((l) => l.value as DeadLetterValue)
      .filter((v) => typeof v?.payload === 'string' && v.payload.includes(marker));
  }

  it('parks an unreadable HR event and still applies the next event for the same person', async () => {
    const person = employeeFixture();
    const marker = uniqueId('garbage');
    // Same key, so the same partition: the valid event waits behind the broken one.
    await publishRaw(kafkaBrokers, topic(TOPICS.hrLifecycle), person.employeeId, `{"eventId":"${marker}","type":`);
    await publishRaw(
      kafkaBrokers,
      topic(TOPICS.hrLifecycle),
      person.employeeId,
      JSON.stringify({ eventId: `${marker}-2`, type: 'hire', employee: { employeeId: person.employeeId } }),
    );
    const hire = { eventId: uniqueId('evt-hire'), type: 'hire', employee: person };
    expect((await stack.sendEvent(hire)).status).toBe(202);

    await waitFor(
      () => stack.employee(person.employeeId),
      (r) => r.status === 200 && r.body.lastEventId === hire.eventId,
      { description: 'the valid hire behind the broken messages to be applied' },
    );
    const letters = await waitFor(
      () => deadLettersMentioning(marker),
      (found) => found.length === 2,
      { description: 'both broken messages on the dead-letter topic' },
    );
    for (const letter of letters) {
      expect(letter.sourceTopic).toBe(topic(TOPICS.hrLifecycle));
      expect(letter.reason).toBe('message does not match its topic contract');
    }
    const fields = letters.flatMap((l) => l.errors.map((e) => e.field));
    expect(fields).toEqual(expect.arrayContaining(['source', 'effectiveAt', 'employee.email']));
  });

  it('parks an unreadable outcome and still records the next one', async () => {
    const marker = uniqueId('bad-outcome');
    await publishRaw(kafkaBrokers, topic(TOPICS.lifecycleOutcomes), 'E-x', JSON.stringify({ outcomeId: marker }));
    const person = employeeFixture();
    expect((await stack.sendEvent({ eventId: uniqueId('evt-hire'), type: 'hire', employee: person })).status).toBe(202);
    await waitFor(
      () => stack.auditEvents({ employeeId: person.employeeId, kind: 'outcome', action: 'account.create' }),
      (r) => r.body.items?.length === 3,
      { description: 'the hire’s three account creations in the audit trail' },
    );
    const [letter] = await waitFor(
      () => deadLettersMentioning(marker),
      (found) => found.length === 1,
      { description: 'the broken outcome on the dead-letter topic' },
    );
    expect(letter.sourceTopic).toBe(topic(TOPICS.lifecycleOutcomes));
  });
});
