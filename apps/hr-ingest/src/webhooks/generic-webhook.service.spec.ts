import type { LifecycleEvent } from '@tenure/domain';
import type { InboxService } from '../inbox/inbox.service';
import type { GenericWebhookDto } from './dto/generic-webhook.dto';
import { GenericWebhookService } from './generic-webhook.service';

const employee = {
  employeeId: 'E1',
  email: 'ada@example.com',
  givenName: 'Ada',
  familyName: 'Lovelace',
  timeZone: 'America/New_York',
  employmentType: 'employee' as const,
};
const now = new Date('2026-11-20T10:00:00.000Z');

async function accepted(body: Partial<GenericWebhookDto>): Promise<LifecycleEvent> {
  const accept = jest.fn().mockResolvedValue({ eventId: 'evt-1', status: 'accepted' });
  const service = new GenericWebhookService({ accept } as unknown as InboxService);
  await service.accept({ eventId: 'evt-1', type: 'hire', employee, ...body } as GenericWebhookDto, now);
  return accept.mock.calls[0][0] as LifecycleEvent;
}

describe('GenericWebhookService', () => {
  it('normalises an instant with an offset to UTC', async () => {
    expect((await accepted({ effectiveAt: '2026-12-01T09:00:00+01:00' })).effectiveAt).toBe('2026-12-01T08:00:00.000Z');
  });

  it('reads a local date-time or a date (its midnight) in the person’s time zone', async () => {
    expect((await accepted({ effectiveAt: '2026-12-01T09:00:00' })).effectiveAt).toBe('2026-12-01T14:00:00.000Z');
    expect((await accepted({ effectiveAt: '2026-12-01' })).effectiveAt).toBe('2026-12-01T05:00:00.000Z');
    const inUtc = { ...employee, timeZone: undefined };
    expect((await accepted({ effectiveAt: '2026-12-01', employee: inUtc })).effectiveAt).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });

  it('takes effect when received without effectiveAt, and carries an immediate termination', async () => {
    const event = await accepted({ type: 'terminate', immediate: true });
    expect(event).toMatchObject({ effectiveAt: now.toISOString(), receivedAt: now.toISOString(), immediate: true });
  });
});
