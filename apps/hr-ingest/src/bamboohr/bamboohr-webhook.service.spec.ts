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

  it('takes the same state back after a different one as a new event: terminate, rehire, terminate', async () => {
    const inactive = { id: 4021, action: 'Updated', fields: { employeeNumber: 'BHR-4021', status: 'Inactive' } };
    const active = { id: 4021, action: 'Updated', fields: { employeeNumber: 'BHR-4021', status: 'Active' } };
    await service.accept(delivery([created]), NOW);
    const answers = [];
    for (const entry of [inactive, active, inactive]) answers.push((await service.accept(delivery([entry]), NOW))[0]);
    expect(answers.map((a) => [a.type, a.status])).toEqual([
      ['terminate', 'accepted'],
      ['rehire', 'accepted'],
      ['terminate', 'accepted'],
    ]);
    expect(new Set(answers.map((a) => a.eventId)).size).toBe(3);
    const [again] = await service.accept(delivery([inactive]), NOW);
    expect(again).toEqual({
      bambooId: '4021',
      employeeId: 'BHR-4021',
      eventId: answers[2].eventId,
      status: 'duplicate',
    });
    expect(inbox.accepted.map((e) => e.type)).toEqual(['hire', 'terminate', 'rehire', 'terminate']);
  });

  it('refuses a time that is not RFC 3339, naming the BambooHR field', async () => {
    await service.accept(delivery([created]), NOW);
    for (const terminationDate of ['20261231', '2026-W52', '2026-01-01T17:00+01', '2026-12-01T10:00:00.5+01']) {
      const leaving = {
        id: 4021,
        action: 'Updated',
        fields: { employeeNumber: 'BHR-4021', status: 'Inactive', terminationDate },
      };
      const refusal = await service
        .accept(delivery([leaving]), NOW)
        .catch((error: BadRequestException) => error.getResponse());
      expect(refusal).toEqual({
        errors: [
          {
            field: 'employees[0].fields.terminationDate',
            message: expect.stringMatching(/^employees\[0\]\.fields\.terminationDate must be /),
          },
        ],
      });
    }
    expect(inbox.accepted).toHaveLength(1);
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
