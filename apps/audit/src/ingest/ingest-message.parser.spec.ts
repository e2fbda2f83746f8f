import { TOPICS } from '@tenure/contracts';
import { parseIngestedMessage } from './ingest-message.parser';

const employee = {
  employeeId: 'E1',
  email: 'ada@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  department: 'Engineering',
  employmentType: 'employee',
};
const termination = {
  eventId: 'evt-9',
  source: 'generic',
  type: 'terminate',
  effectiveAt: '2026-11-30T17:00:00.000Z',
  receivedAt: '2026-11-26T09:00:00.000Z',
  employee,
};
const bytes = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value));

describe('ingest message parser', () => {
  it('records an HR event under a source-scoped id, effective when HR says', () => {
    const parsed = parseIngestedMessage(TOPICS.hrLifecycle, bytes(termination));
    expect(parsed).toMatchObject({
      ok: true,
      record: {
        sourceId: 'hr:generic:evt-9',
        kind: 'hr.event',
        action: 'hr.terminate',
        at: new Date('2026-11-26T09:00:00.000Z'),
        effectiveAt: new Date('2026-11-30T17:00:00.000Z'),
      },
    });
  });

  it('takes an immediate termination as effective when it was received', () => {
    const parsed = parseIngestedMessage(TOPICS.hrLifecycle, bytes({ ...termination, immediate: true }));
    expect(parsed.ok && parsed.record.effectiveAt).toEqual(new Date('2026-11-26T09:00:00.000Z'));
  });

  it('keeps job attributes of the person, never their name or e-mail address', () => {
    const parsed = parseIngestedMessage(TOPICS.hrLifecycle, bytes(termination));
    const details = parsed.ok ? (parsed.record.details ?? '') : '';
    expect(JSON.parse(details)).toMatchObject({ employee: { department: 'Engineering' } });
    expect(details).not.toMatch(/Ada|Lovelace|ada@example.com/);
  });

  it('says why a message cannot be recorded', () => {
    expect(parseIngestedMessage(TOPICS.lifecycleOutcomes, bytes('{"outcomeId":'))).toMatchObject({
      ok: false,
      reason: 'message does not match its topic contract',
      errors: [{ field: '', message: 'message is not JSON' }],
    });
    const invalid = parseIngestedMessage(TOPICS.lifecycleOutcomes, bytes({ outcomeId: 'o-1', action: 'explode' }));
    expect(invalid.ok).toBe(false);
    expect(invalid.ok ? [] : invalid.errors.map((e) => e.field)).toEqual(
      expect.arrayContaining(['at', 'employeeId', 'appId', 'action', 'outcome', 'eventId', 'workflowId', 'actor']),
    );
    expect(parseIngestedMessage(TOPICS.planDecisions, null)).toMatchObject({ ok: false });
  });
});
