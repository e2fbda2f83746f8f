import { TOPICS } from '@tenure/contracts';
import { readTopic, testStack, uniqueId, waitFor } from '@tenure/testing';
import { IngestClient } from './ingest-client';
import { EmployeeBody, StackClient } from './stack-client';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const grantedToEngineers = ['github', 'slack', 'zoom'];

/** Every kind of HR system, through the running stack: its request becomes accounts in the apps. */
describe('HR sources on the running stack', () => {
  const stack = new StackClient();
  const ingest = new IngestClient();
  const { kafkaBrokers, topicPrefix } = testStack();

  const settled = (employee: EmployeeBody, status: string) =>
    grantedToEngineers.every((appId) => employee.accounts.find((a) => a.appId === appId)?.status === status);

  const accountsOf = (employeeId: string, status: string) =>
    waitFor(
      () => stack.employee(employeeId),
      (r) => r.status === 200 && settled(r.body, status),
      { timeoutMs: 60_000, description: `accounts of ${employeeId} to be ${status}` },
    );

  /** The given events as they stand on the HR topic, in topic order (read once they have been applied). */
  async function published(eventIds: string[]): Promise<string[]> {
    const messages = await readTopic(kafkaBrokers, `${topicPrefix}${TOPICS.hrLifecycle}`, 4_000);
    return messages.map((m) => (m.value as { eventId: string }).eventId).filter((id) => eventIds.includes(id));
  }

  it('BambooHR: a created employee gets accounts, a status of Inactive disables them, a repeat does nothing', async () => {
    const employeeNumber = uniqueId('BHR');
    const created = {
      employees: [
        {
          id: uniqueId('b'),
          action: 'Created',
          timestamp: new Date().toISOString(),
          fields: {
            employeeNumber: { value: employeeNumber },
            firstName: { value: 'Grace' },
            lastName: { value: 'Hopper' },
            workEmail: { value: `${employeeNumber.toLowerCase()}@example.com` },
            department: { value: 'Engineering' },
            employmentHistoryStatus: { value: 'Full-Time' },
            status: { value: 'Active' },
          },
          changedFields: ['firstName'],
        },
      ],
    };
    const hired = await ingest.bamboo(created);
    expect(hired.status).toBe(202);
    const [result] = hired.body.results as { eventId: string; type: string; status: string }[];
    expect(result).toMatchObject({ type: 'hire', status: 'accepted' });
    await accountsOf(employeeNumber, 'active');

    const again = await ingest.bamboo(created);
    expect(again.status).toBe(200);
    expect((again.body.results as { status: string }[])[0].status).toBe('duplicate');

    const leaving = {
      employees: [
        {
          id: created.employees[0].id,
          action: 'Updated',
          timestamp: new Date().toISOString(),
          fields: { employeeNumber, status: 'Inactive' },
          changedFields: ['status'],
        },
      ],
    };
    const terminated = await ingest.bamboo(leaving);
    expect(terminated.status).toBe(202);
    const [termination] = terminated.body.results as { eventId: string; type: string }[];
    expect(termination.type).toBe('terminate');
    await accountsOf(employeeNumber, 'disabled');
    expect(await published([result.eventId, termination.eventId])).toEqual([result.eventId, termination.eventId]);
  });

  it('SCIM: a Bulk create gets accounts, each operation answered; PATCH active=false disables them', async () => {
    const employeeNumber = uniqueId('SCIM');
    const email = `${employeeNumber.toLowerCase()}@example.com`;
    const bulk = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'],
      Operations: [
        {
          method: 'POST',
          bulkId: 'new-hire',
          path: '/Users',
          data: {
            schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENTERPRISE],
            externalId: employeeNumber,
            userName: email,
            name: { givenName: 'Katherine', familyName: 'Johnson' },
            active: true,
            emails: [{ value: email, type: 'work', primary: true }],
            [ENTERPRISE]: { employeeNumber, department: 'Engineering' },
          },
        },
        { method: 'POST', bulkId: 'broken', path: '/Users', data: { userName: ['not', 'a', 'string'] } },
      ],
    };
    const response = await ingest.scim('POST', '/Bulk', bulk);
    expect(response.status).toBe(200);
    expect((response.body.Operations as { bulkId: string; status: string }[]).map((o) => [o.bulkId, o.status])).toEqual(
      [
        ['new-hire', '201'],
        ['broken', '400'],
      ],
    );
    await accountsOf(employeeNumber, 'active');

    const user = await ingest.scim('GET', `/Users/${employeeNumber}`);
    expect(user).toMatchObject({ status: 200, body: { id: employeeNumber, userName: email, active: true } });

    const patch = {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', path: 'active', value: false }],
    };
    expect((await ingest.scim('PATCH', `/Users/${employeeNumber}`, patch)).status).toBe(200);
    await accountsOf(employeeNumber, 'disabled');
    expect((await ingest.scim('PATCH', `/Users/${employeeNumber}`, patch, 'a-wrong-token-000000000')).status).toBe(401);
  });

  it('CSV: an import hires every valid row, reports the others, and a second import is all duplicates', async () => {
    const ids = [uniqueId('CSV'), uniqueId('CSV')];
    const csv = [
      'employee_id,email,first_name,last_name,department,employment_type',
      `${ids[0]},${ids[0].toLowerCase()}@example.com,Alan,Turing,Engineering,Full-Time`,
      `${ids[1]},${ids[1].toLowerCase()}@example.com,Joan,Clarke,Engineering,Contractor`,
      `${uniqueId('CSV')},not-an-email,Bad,Row,Engineering,Full-Time`,
    ].join('\n');
    const first = await ingest.importCsv(csv);
    expect(first).toMatchObject({ status: 200, body: { rows: 3, accepted: 2, duplicate: 0, rejected: 1 } });
    expect(first.body.rejections).toEqual([
      { line: 4, errors: [{ field: 'email', message: 'email must be an email address' }] },
    ]);
    for (const id of ids) await accountsOf(id, 'active');
    const second = await ingest.importCsv(csv);
    expect(second).toMatchObject({ status: 200, body: { rows: 3, accepted: 0, duplicate: 2, rejected: 1 } });
    expect((await ingest.importCsv(csv, 'a-wrong-token-000000000')).status).toBe(401);
  });
});
