import { employeeFixture, uniqueId, waitFor } from '@tenure/testing';
import { AuditClient } from './audit-client';
import { IngestClient } from './ingest-client';
import { LifecycleClient } from './lifecycle-client';

/** The four times of the issue that once broke things far from where they entered, and more like them. */
const MALFORMED = [
  '20261231',
  '2026-W52',
  '2026-01-01T17:00+01',
  '2026-12-01T10:00:00.5+01',
  '2026-02-30',
  '2026-12-01T24:00:00Z',
  '2026-12-01T09:00:00+15:00',
  '0001-01-01',
];

type FieldErrors = { errors: { field: string; message: string }[] };

/** Every entry point reads times the same way: RFC 3339, or a 400 naming the field, before anything is stored. */
describe('times at every entry point', () => {
  const stack = new LifecycleClient();
  const ingest = new IngestClient();
  const audit = new AuditClient();

  afterAll(() => audit.close());

  const fieldsOf = (body: unknown) => (body as FieldErrors).errors.map((error) => error.field);

  it.each(MALFORMED)('generic webhook: effectiveAt %s is a 400 naming the field', async (value) => {
    const answer = await stack.sendEvent({
      eventId: uniqueId('evt-t'),
      type: 'hire',
      effectiveAt: value,
      employee: employeeFixture(),
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      errors: [{ field: 'effectiveAt', message: expect.stringMatching(/^effectiveAt (must be|is not a real time)/) }],
    });
  });

  it('generic webhook: a contractor endDate that is not a date, and an unknown time zone, are 400s naming the field', async () => {
    for (const endDate of ['20261231', '2026-12-31T17:00:00Z', '2026-02-30']) {
      const contractor = employeeFixture({ employmentType: 'contractor', endDate } as never);
      const answer = await stack.sendEvent({ eventId: uniqueId('evt-t'), type: 'hire', employee: contractor });
      expect(answer).toMatchObject({ status: 400, body: { errors: [{ field: 'employee.endDate' }] } });
    }
    const answer = await stack.sendEvent({
      eventId: uniqueId('evt-t'),
      type: 'hire',
      effectiveAt: '2030-01-15T09:00:00',
      employee: employeeFixture({ timeZone: 'Europe/Atlantis' }),
    });
    expect(answer).toMatchObject({ status: 400, body: { errors: [{ field: 'employee.timeZone' }] } });
  });

  it('generic webhook: a local time is read in the person’s zone and travels on as a UTC instant', async () => {
    const employee = employeeFixture({ timeZone: 'Asia/Tokyo' });
    const eventId = await stack.send('hire', employee, { effectiveAt: '2030-01-15T17:00:00' });
    const person = await stack.personWhen(
      employee.employeeId,
      (p) => p.runs.some((r) => r.eventId === eventId),
      'planned',
    );
    const run = person.runs.find((r) => r.eventId === eventId) as unknown as { effectiveAt: string };
    expect(run.effectiveAt).toBe('2030-01-15T08:00:00.000Z');
    const { body } = await waitFor(
      () => stack.auditEvents({ employeeId: employee.employeeId, action: 'hr.hire' }),
      (answer) => answer.status === 200 && answer.body.items.length > 0,
      { description: 'the hire in the audit record' },
    );
    const [record] = body.items as unknown as { eventId: string; details: { effectiveAt: string } }[];
    expect(record).toMatchObject({ eventId, details: { effectiveAt: '2030-01-15T08:00:00.000Z' } });
  });

  it.each(MALFORMED)('BambooHR: terminationDate %s refuses the delivery, naming BambooHR’s field', async (value) => {
    const answer = await ingest.bamboo({
      employees: [
        {
          id: uniqueId('b'),
          action: 'Updated',
          fields: { employeeNumber: uniqueId('BHR'), status: 'Inactive', terminationDate: value },
        },
      ],
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toContain('employees[0].fields.terminationDate');
  });

  it('SCIM: an unknown time zone is a 400 naming the attribute', async () => {
    const id = uniqueId('SCIM');
    const answer = await ingest.scim('POST', '/Users', {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      externalId: id,
      userName: `${id.toLowerCase()}@example.com`,
      name: { givenName: 'Ada', familyName: 'Lovelace' },
      timezone: '2026-12-01T09:00:00',
    });
    expect(answer.status).toBe(400);
    expect(String(answer.body.detail)).toMatch(/^timezone: timezone must be an IANA time zone/);
  });

  it('CSV: each row with a time that is not RFC 3339 is rejected, naming the column; the others are imported', async () => {
    const good = uniqueId('CSV');
    const rows = MALFORMED.map(
      (value, n) => `${uniqueId('CSV')},row${n}@example.com,Alan,Turing,Engineering,Full-Time,${value},,`,
    );
    const csv = [
      'employee_id,email,first_name,last_name,department,employment_type,effective_at,end_date,termination_date',
      ...rows,
      `${uniqueId('CSV')},c@example.com,Joan,Clarke,Engineering,Contractor,,20261231,`,
      `${uniqueId('CSV')},t@example.com,Joan,Clarke,Engineering,Full-Time,,,2026-W52`,
      `${good},${good.toLowerCase()}@example.com,Hedy,Lamarr,Engineering,Full-Time,2030-01-15T09:00:00Z,,`,
    ].join('\n');
    const answer = await ingest.importCsv(csv);
    expect(answer).toMatchObject({ status: 200, body: { accepted: 1, rejected: MALFORMED.length + 2 } });
    const rejections = answer.body.rejections as { line: number; errors: { field: string }[] }[];
    expect(rejections.map((r) => r.errors.map((e) => e.field))).toEqual([
      ...MALFORMED.map(() => ['effective_at']),
      ['end_date'],
      ['termination_date'],
    ]);
  });

  it('ops API: an access request endDate or a plan effectiveAt that is not RFC 3339 is a 400 naming the field', async () => {
    for (const endDate of MALFORMED) {
      const answer = await stack.ops('POST', `/v1/employees/${uniqueId('E')}/access-requests`, {
        actor: 'E1000',
        body: { appId: 'salesforce', reason: 'quarter close', endDate },
      });
      expect(answer.status).toBe(400);
      expect(fieldsOf(answer.body)).toEqual(['endDate']);
    }
    const plan = await stack.ops('POST', '/v1/plans', {
      body: { eventId: 'p-1', type: 'hire', effectiveAt: '2026-W52', employee: employeeFixture() },
    });
    expect(plan.status).toBe(400);
    expect(fieldsOf(plan.body)).toEqual(['effectiveAt']);
  });

  it('audit API: from, to and at must be instants; anything else is a 400 naming the parameter', async () => {
    for (const value of [...MALFORMED, '2026-12-01', '2026-12-01T09:00:00']) {
      const events = await audit.get('/v1/audit/events', { from: value });
      expect(events.status).toBe(400);
      expect(fieldsOf(events.body)).toEqual(['from']);
      const report = await audit.get('/v1/audit/deprovisioning', { to: value });
      expect(report.status).toBe(400);
      expect(fieldsOf(report.body)).toEqual(['to']);
      const access = await audit.get('/v1/audit/access', { appId: 'slack', at: value });
      expect(access.status).toBe(400);
      expect(fieldsOf(access.body)).toEqual(['at']);
      const exported = await audit.get('/v1/audit/export', { format: 'jsonl', to: value });
      expect(exported.status).toBe(400);
    }
    const access = await audit.get<{ at: string }>('/v1/audit/access', {
      appId: 'slack',
      at: '2026-12-01T10:00:00.5+01:00',
    });
    expect(access.status).toBe(200);
    expect(
      (await audit.get('/v1/audit/events', { from: '2026-12-01T10:00:00+01:00', to: '2026-12-02T00:00:00Z' })).status,
    ).toBe(200);
  });

  it('one malformed event among 40 concurrent valid ones gets its 400; every valid one is accepted', async () => {
    const valid = Array.from({ length: 40 }, () => ({
      eventId: uniqueId('evt-gc'),
      type: 'terminate',
      effectiveAt: '2030-01-15T09:00:00+01:00',
      employee: employeeFixture(),
    }));
    const malformed = MALFORMED.slice(0, 4).map((effectiveAt) => ({
      eventId: uniqueId('evt-gc'),
      type: 'terminate',
      effectiveAt,
      employee: employeeFixture(),
    }));
    const requests = [...valid.slice(0, 20), ...malformed, ...valid.slice(20)].map((event) => stack.sign(event));
    const answers = await Promise.all(requests.map((request) => stack.postWebhook(request)));
    const statusOf = new Map(
      answers.map((answer, n) => [JSON.parse(requests[n].body).eventId as string, answer.status]),
    );
    expect(valid.map((event) => statusOf.get(event.eventId))).toEqual(valid.map(() => 202));
    expect(malformed.map((event) => statusOf.get(event.eventId))).toEqual(malformed.map(() => 400));
  });
});
