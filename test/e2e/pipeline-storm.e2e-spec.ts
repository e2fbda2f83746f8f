import fc from 'fast-check';
import { HrLifecycleEventMessage, TOPICS, validatePayload } from '@tenure/contracts';
import { LIFECYCLE_EVENT_TYPES } from '@tenure/domain';
import { runIdOf } from '@tenure/temporal-contracts';
import { employeeFixture, publishRaw, testStack, uniqueId, waitFor } from '@tenure/testing';
import { mutatedValue, senderText, senderTime } from './fuzz-values';
import { LifecycleClient, RunBody } from './lifecycle-client';

/** How an event reaches Tenure: a signed webhook, or straight onto the HR topic as if it had got past every edge. */
type Delivery = { via: 'webhook'; body: unknown } | { via: 'kafka'; message: Record<string, unknown> };

/** A run that no longer waits for anything but its moment, an operator or an approver. */
function isDecided(run: RunBody | undefined, nowMs: number): boolean {
  if (!run) return false;
  if (['completed', 'rejected', 'skipped', 'cancelled', 'waiting_approval'].includes(run.status)) return true;
  // Needs attention: an app refused a step, with its reason, for an operator to retry.
  if (run.status === 'failed') return run.steps.some((step) => step.status === 'needs_attention');
  return run.status === 'scheduled' && Date.parse(run.nextAt ?? '') > nowMs;
}

/**
 * A storm of generated events of every type, with valid, borderline and
 * hostile values, interleaved with valid ones, sent as signed webhooks and
 * straight onto Kafka. Whatever it holds: no 5xx; every accepted event ends in
 * a decided run within seconds; a valid event after it reaches the audit
 * trail within seconds; the chain verifies. TENURE_STORM_SEED replays a storm.
 */
describe('the pipeline under a storm of generated events', () => {
  const stack = new LifecycleClient();
  const { kafkaBrokers, topicPrefix } = testStack();
  const seed = Number(process.env.TENURE_STORM_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const PEOPLE = 6;

  function employee(employeeId: string, nowMs: number) {
    const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 3 });
    return fc.record({
      employeeId: fc.constant(employeeId),
      email: fc.oneof(
        { weight: 6, arbitrary: fc.constant(`${employeeId.toLowerCase()}@example.com`) },
        { weight: 1, arbitrary: fc.emailAddress() },
        { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
      ),
      givenName: fc.oneof({ weight: 4, arbitrary: fc.constant('Ada') }, { weight: 1, arbitrary: senderText() }),
      familyName: fc.oneof({ weight: 4, arbitrary: fc.constant('Storm') }, { weight: 1, arbitrary: senderText() }),
      department: senderText(),
      title: maybe(senderText()),
      location: maybe(senderText()),
      timeZone: maybe(
        fc.constantFrom('Europe/London', 'Pacific/Kiritimati', 'Asia/Kathmandu', 'America/St_Johns', 'Etc/GMT+12'),
      ),
      managerId: maybe(fc.constantFrom('M1000', `${employeeId}-M`)),
      employmentType: fc.constantFrom('employee', 'contractor'),
      endDate: maybe(senderTime(nowMs)),
    });
  }

  function lifecycleEvent(employeeId: string, nowMs: number) {
    return fc.record({
      type: fc.constantFrom(...LIFECYCLE_EVENT_TYPES),
      effectiveAt: fc.option(senderTime(nowMs), { nil: undefined, freq: 4 }),
      immediate: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
      employee: employee(employeeId, nowMs),
    });
  }

  function delivery(people: string[], nowMs: number): fc.Arbitrary<Delivery> {
    const person = fc.constantFrom(...people);
    const valid = person.map((employeeId) => ({
      type: 'change',
      employee: employeeFixture({ employeeId, title: 'Engineer', department: 'Engineering' }),
    }));
    return fc.oneof(
      // Valid events between the others: a hire or change of someone the storm also hits.
      {
        weight: 3,
        arbitrary: fc
          .tuple(person, fc.constantFrom('hire', 'change', 'terminate'))
          .map(([employeeId, type]): Delivery => ({
            via: 'webhook',
            body: { type, employee: employeeFixture({ employeeId }) },
          })),
      },
      {
        weight: 5,
        arbitrary: person.chain((id) => lifecycleEvent(id, nowMs)).map((body): Delivery => ({ via: 'webhook', body })),
      },
      {
        weight: 2,
        arbitrary: valid
          .chain((template) => mutatedValue(template))
          .map((body): Delivery => ({ via: 'webhook', body })),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(
            person.chain((id) => lifecycleEvent(id, nowMs)),
            senderTime(nowMs),
            fc.constantFrom('generic', 'bamboohr'),
          )
          .map(([event, receivedAt, source]): Delivery => ({
            via: 'kafka',
            message: { ...event, effectiveAt: event.effectiveAt ?? receivedAt, receivedAt, source },
          })),
      },
    );
  }

  /** Gives the event an id of the storm's own (unless a mutation replaced the whole body or its id). */
  function withEventId(value: unknown, eventId: string): unknown {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    return 'eventId' in value ? value : { eventId, ...value };
  }

  /** Sends one delivery; the (employeeId, eventId) of what Tenure accepted, or undefined. */
  async function send(item: Delivery, eventId: string): Promise<{ employeeId: string; eventId: string } | undefined> {
    if (item.via === 'kafka') {
      const message = { eventId, ...item.message };
      const accepted = validatePayload(HrLifecycleEventMessage, message);
      const employeeId = (message.employee as { employeeId: string }).employeeId;
      await publishRaw(kafkaBrokers, `${topicPrefix}${TOPICS.hrLifecycle}`, employeeId, JSON.stringify(message));
      return accepted.ok ? { employeeId, eventId } : undefined;
    }
    const body = withEventId(item.body, eventId);
    const request = stack.sign(body);
    const response = await fetch(`${stack.ingestUrl}/v1/events/generic`, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
    });
    const answer = await response.text();
    if (response.status >= 500) throw new Error(`hr-ingest answered ${response.status} to ${request.body}: ${answer}`);
    if (response.status !== 202) return undefined;
    const sent = body as { eventId: string; employee: { employeeId: string } };
    return { employeeId: sent.employee.employeeId, eventId: sent.eventId };
  }

  async function undecided(accepted: { employeeId: string; eventId: string }[]): Promise<string[]> {
    const now = Date.now();
    const runs = await Promise.all(
      accepted.map(async ({ employeeId, eventId }) => {
        const runId = runIdOf(employeeId, eventId);
        const answer = await stack.ops<RunBody>('GET', `/v1/runs/${encodeURIComponent(runId)}`);
        return { runId, run: answer.status === 200 ? answer.body : undefined };
      }),
    );
    return runs
      .filter(({ run }) => !isDecided(run, now))
      .map(({ runId, run }) => `${runId}: ${run?.status ?? 'no run'}`);
  }

  it(`decides every accepted event and keeps recording (seed ${seed})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => {
          const people = Array.from({ length: PEOPLE }, () => uniqueId('STORM'));
          return fc.array(delivery(people, Date.now()), { minLength: 15, maxLength: 22 });
        }),
        async (storm) => {
          const runTag = uniqueId('storm');
          const accepted: { employeeId: string; eventId: string }[] = [];
          for (const [index, item] of storm.entries()) {
            const result = await send(item, `${runTag}-${index}`);
            if (result) accepted.push(result);
          }
          await waitFor(
            () => undecided(accepted),
            (left) => left.length === 0,
            { description: `every accepted event of the storm decided`, timeoutMs: 60_000 },
          );

          const after = employeeFixture({ department: 'Engineering' });
          const eventId = await stack.send('hire', after);
          const trail = await waitFor(
            () => stack.auditEvents({ employeeId: after.employeeId }),
            (r) =>
              r.body.items?.some((item) => item.action === 'hr.hire' && item.eventId === eventId) &&
              r.body.items.filter((item) => item.action === 'account.create').length === 3,
            { description: 'the valid hire after the storm in the audit trail', timeoutMs: 30_000 },
          );
          expect(trail.status).toBe(200);
          expect(await stack.auditVerify()).toMatchObject({ ok: true });
        },
      ),
      { seed, numRuns: 2, endOnFailure: true },
    );
  }, 200_000);
});
