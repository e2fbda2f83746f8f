import { BadRequestException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { FakeInbox, shippedSources } from '../../test/fake-inbox';
import { BambooWebhookService } from './bamboohr-webhook.service';
import { BambooWebhookDto } from './dto/bamboohr-webhook.dto';

const NOW = new Date('2026-11-26T10:00:00Z');

/** A field-based BambooHR webhook with the fields config/hr-sources.yaml expects. */
function delivery(entries: object[]): BambooWebhookDto {
  return plainToInstance(BambooWebhookDto, { employees: entries });
}

const created = {
  id: 4021,
  action: 'Created',
  timestamp: '2026-11-26T09:58:12+00:00',
  fields: {
    employeeNumber: { value: 'BHR-4021' },
    firstName: { value: 'Grace' },
    lastName: { value: 'Hopper' },
    workEmail: { value: 'grace.hopper@example.com' },
    department: { value: 'Engineering' },
    jobTitle: { value: 'Compiler Engineer' },
    location: { value: 'New York' },
    supervisorEId: { value: 'BHR-1000' },
    employmentHistoryStatus: { value: 'Contractor' },
    status: { value: 'Active' },
  },
  changedFields: ['firstName', 'lastName', 'workEmail'],
};

describe('BambooWebhookService', () => {
  let inbox: FakeInbox;
  let service: BambooWebhookService;

  beforeEach(() => {
    inbox = new FakeInbox();
    service = new BambooWebhookService(inbox.asService(), shippedSources());
  });

  it('maps a Created employee to a hire through the configured field names and value maps', async () => {
    const [result] = await service.accept(delivery([created]), NOW);
    expect(result).toMatchObject({ bambooId: '4021', employeeId: 'BHR-4021', type: 'hire', status: 'accepted' });
    expect(inbox.accepted[0]).toEqual({
      eventId: result.eventId,
      source: 'bamboohr',
      type: 'hire',
      effectiveAt: NOW.toISOString(),
      receivedAt: NOW.toISOString(),
      employee: {
        employeeId: 'BHR-4021',
        email: 'grace.hopper@example.com',
        givenName: 'Grace',
        familyName: 'Hopper',
        department: 'Engineering',
        title: 'Compiler Engineer',
        location: 'New York',
        managerId: 'BHR-1000',
        employmentType: 'contractor',
      },
    });
  });

  it('completes an update of one field from what Tenure knows, as a change', async () => {
    await service.accept(delivery([created]), NOW);
    const moved = {
      id: 4021,
      action: 'Updated',
      timestamp: '2026-11-27T08:00:00+00:00',
      fields: { employeeNumber: 'BHR-4021', department: 'Research' },
      changedFields: ['department'],
    };
    const [result] = await service.accept(delivery([moved]), NOW);
    expect(result.type).toBe('change');
    expect(inbox.accepted[1].employee).toMatchObject({ givenName: 'Grace', department: 'Research' });
  });

  it('reads an Inactive status as a termination effective at the end of the termination date', async () => {
    await service.accept(delivery([created]), NOW);
    const leaving = {
      id: 4021,
      action: 'Updated',
      timestamp: '2026-12-01T08:00:00+00:00',
      fields: { employeeNumber: 'BHR-4021', status: 'Inactive', terminationDate: '2026-12-31' },
      changedFields: ['status', 'terminationDate'],
    };
    const [result] = await service.accept(delivery([leaving]), NOW);
    expect(result.type).toBe('terminate');
    expect(inbox.accepted[1].effectiveAt).toBe('2026-12-31T23:59:59.999Z');
  });

  it('terminates a deleted employee it knows and ignores one it never heard of', async () => {
    await service.accept(delivery([created]), NOW);
    const results = await service.accept(
      delivery([
        { id: 4021, action: 'Deleted', fields: { employeeNumber: 'BHR-4021' } },
        { id: 9999, action: 'Deleted', fields: { employeeNumber: 'BHR-9999' } },
      ]),
      NOW,
    );
    expect(results.map((r) => [r.employeeId, r.type, r.status])).toEqual([
      ['BHR-4021', 'terminate', 'accepted'],
      ['BHR-9999', undefined, 'ignored'],
    ]);
  });

  it('answers the same delivery again as a duplicate', async () => {
    await service.accept(delivery([created]), NOW);
    const [again] = await service.accept(delivery([created]), NOW);
    expect(again.status).toBe('duplicate');
    expect(inbox.accepted).toHaveLength(1);
  });

  it('refuses the whole delivery when one employee is invalid, naming the BambooHR field', async () => {
    const broken = { ...created, id: 4022, fields: { ...created.fields, workEmail: 'not-an-email' } };
    const refusal = service.accept(delivery([created, broken]), NOW);
    await expect(refusal).rejects.toBeInstanceOf(BadRequestException);
    await refusal.catch((error: BadRequestException) =>
      expect(error.getResponse()).toEqual({
        errors: [
          { field: 'employees[1].fields.workEmail', message: 'employees[1].fields.workEmail must be an email address' },
        ],
      }),
    );
    expect(inbox.accepted).toHaveLength(0);
  });
});
