import { uniqueId } from '@tenure/testing';
import { IngestClient } from './ingest-client';
import { accountStatuses, LifecycleClient, LifecycleEmployeeBody } from './lifecycle-client';

const ENGINEERING_APPS = ['github', 'slack', 'zoom'];

/**
 * Sources that send a person's state (BambooHR, CSV) without event ids: the
 * same state coming back after another one is a new event, not a duplicate.
 */
describe('the same state again, after another', () => {
  const stack = new LifecycleClient();
  const ingest = new IngestClient();

  const allAre = (status: string) => (person: LifecycleEmployeeBody) =>
    ENGINEERING_APPS.every((appId) => accountStatuses(person)[appId] === status);

  it('BambooHR: terminate, rehire, terminate with the same fields: every account ends disabled', async () => {
    const employeeNumber = uniqueId('BHR');
    const entry = (status: string, action = 'Updated') => ({
      employees: [
        {
          id: employeeNumber,
          action,
          fields: {
            employeeNumber,
            firstName: 'Grace',
            lastName: 'Hopper',
            workEmail: `${employeeNumber.toLowerCase()}@example.com`,
            department: 'Engineering',
            employmentHistoryStatus: 'Full-Time',
            status,
          },
        },
      ],
    });
    const results: { type: string; status: string; eventId: string }[] = [];
    const deliver = async (status: string, action?: string) => {
      const answer = await ingest.bamboo(entry(status, action));
      results.push(...(answer.body.results as typeof results));
      return answer.status;
    };

    expect(await deliver('Active', 'Created')).toBe(202);
    await stack.personWhen(employeeNumber, allAre('active'), 'hired');
    expect(await deliver('Inactive')).toBe(202);
    await stack.personWhen(employeeNumber, allAre('disabled'), 'terminated');
    expect(await deliver('Active')).toBe(202);
    await stack.personWhen(employeeNumber, allAre('active'), 'rehired');
    expect(await deliver('Inactive')).toBe(202);
    const person = await stack.personWhen(employeeNumber, allAre('disabled'), 'terminated again');
    expect(person.state).toBe('terminated');
    expect(results.map((r) => [r.type, r.status])).toEqual([
      ['hire', 'accepted'],
      ['terminate', 'accepted'],
      ['rehire', 'accepted'],
      ['terminate', 'accepted'],
    ]);
    expect(new Set(results.map((r) => r.eventId)).size).toBe(4);
    // The last delivery again (BambooHR retrying it) is the duplicate.
    const again = await ingest.bamboo(entry('Inactive'));
    expect(again.status).toBe(200);
    expect(again.body.results).toEqual([expect.objectContaining({ status: 'duplicate', eventId: results[3].eventId })]);
  });

  it('CSV: a leaver row, a rehire row, the same leaver row again: every account ends disabled', async () => {
    const id = uniqueId('CSV');
    // Effective shortly: the rehire comes before it, cancels it, and the same row schedules it again.
    const leavingAt = new Date(Date.now() + 25_000).toISOString();
    const header = 'employee_id,email,first_name,last_name,department,employment_type,termination_date,effective_at';
    const row = (terminationDate: string, effectiveAt: string) =>
      `${header}\n${id},${id.toLowerCase()}@example.com,Alan,Turing,Engineering,Full-Time,${terminationDate},${effectiveAt}\n`;
    const hire = row('', '');
    const leaver = row(leavingAt.slice(0, 10), leavingAt);

    expect((await ingest.importCsv(hire)).body).toMatchObject({ accepted: 1 });
    await stack.personWhen(id, allAre('active'), 'hired');
    expect((await ingest.importCsv(leaver)).body).toMatchObject({ accepted: 1 });
    await stack.personWhen(id, (p) => p.scheduled.some((run) => run.eventType === 'terminate'), 'leaving scheduled');
    expect((await ingest.importCsv(hire)).body).toMatchObject({ accepted: 1, duplicate: 0 });
    await stack.personWhen(
      id,
      (p) =>
        p.runs.some((run) => run.eventType === 'rehire') && !p.scheduled.some((run) => run.eventType === 'terminate'),
      'rehired, the leaving cancelled',
    );
    expect((await ingest.importCsv(leaver)).body).toMatchObject({ accepted: 1, duplicate: 0 });
    await stack.personWhen(
      id,
      (p) => p.scheduled.some((run) => run.eventType === 'terminate'),
      'leaving scheduled again',
    );
    expect(accountStatuses((await stack.person(id)).body)).toMatchObject({
      github: 'active',
      slack: 'active',
      zoom: 'active',
    });
    const person = await stack.personWhen(id, allAre('disabled'), 'left');
    expect(person.state).toBe('terminated');
    // The same file again is a duplicate: nothing is scheduled twice.
    expect((await ingest.importCsv(leaver)).body).toMatchObject({ accepted: 0, duplicate: 1 });
  });
});
