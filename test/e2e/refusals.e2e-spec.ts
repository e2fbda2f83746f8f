import { TOPICS } from '@tenure/contracts';
import { employeeFixture, readTopic, signWebhook, testStack, uniqueId, waitFor } from '@tenure/testing';
import { StackClient } from './stack-client';

/** What Tenure refuses, and proof that nothing refused reaches Kafka. */
describe('refusals at the edges', () => {
  const stack = new StackClient();
  const refusedEventIds: string[] = [];

  function event(type = 'hire') {
    const eventId = uniqueId('evt-refused');
    refusedEventIds.push(eventId);
    return { eventId, type, employee: employeeFixture() };
  }

  it('refuses a signature made with the wrong secret', async () => {
    const forged = signWebhook('not-the-real-secret-at-all', event());
    expect((await stack.postWebhook(forged)).status).toBe(401);
  });

  it('refuses a body changed after it was signed', async () => {
    const signed = stack.sign(event());
    const tampered = { ...signed, body: signed.body.replace('Engineering', 'Finance') };
    expect((await stack.postWebhook(tampered)).status).toBe(401);
  });

  it('refuses a request without signature headers', async () => {
    const { body } = stack.sign(event());
    const response = await stack.postWebhook({ body, headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(401);
  });

  it('refuses a timestamp more than 300 seconds old, even correctly signed', async () => {
    const stale = stack.sign(event(), Math.floor(Date.now() / 1000) - 301);
    const response = await stack.postWebhook(stale);
    expect(response.status).toBe(401);
    expect(response.body.message).toMatch(/300 seconds/);
  });

  it('answers a signed but invalid body with 400 and the fields at fault', async () => {
    const invalid = { ...event('promote'), employee: { employeeId: 'E 1', email: 'not-an-email' } };
    const response = await stack.postWebhook(stack.sign(invalid));
    expect(response.status).toBe(400);
    const fields = (response.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['type', 'employee.employeeId', 'employee.email', 'employee.givenName']),
    );
  });

  it('answers a signed body that is not JSON with 400', async () => {
    const response = await stack.postWebhook(stack.sign('{"eventId": "evt-cut-short'));
    expect(response).toEqual({ status: 400, body: { errors: [{ field: '', message: 'body is not valid JSON' }] } });
  });

  it('lets none of the refused events reach Kafka', async () => {
    // A control event that is accepted proves the topic is being read at all.
    const control = { eventId: uniqueId('evt-control'), type: 'change', employee: employeeFixture() };
    expect((await stack.sendEvent(control)).status).toBe(202);
    const { kafkaBrokers, topicPrefix } = testStack();
    const published = new Set<string | undefined>();
    await waitFor(
      async () => {
        const messages = await readTopic(kafkaBrokers, `${topicPrefix}${TOPICS.hrLifecycle}`);
        messages.forEach((m) => published.add((m.value as { eventId?: string }).eventId));
        return published.has(control.eventId);
      },
      (seen) => seen,
      { description: 'the accepted control event on the HR lifecycle topic' },
    );
    expect(refusedEventIds.length).toBeGreaterThanOrEqual(5);
    expect(refusedEventIds.filter((id) => published.has(id))).toEqual([]);
  });

  it('refuses the ops API without its bearer token', async () => {
    expect((await stack.employee('E1000', '')).status).toBe(401);
    expect((await stack.employee('E1000', 'wrong-token-wrong-token')).status).toBe(401);
  });

  it('refuses the audit API without its bearer token', async () => {
    expect((await stack.auditEvents({}, '')).status).toBe(401);
    expect((await stack.auditEvents({}, 'wrong-token-wrong-token')).status).toBe(401);
  });
});
