import { Injectable, NotFoundException } from '@nestjs/common';
import { IdentityRepository } from '../identity/identity.repository';
import { EmployeeView } from './employee-view';

@Injectable()
export class EmployeesService {
  constructor(private readonly identity: IdentityRepository) {}

  async get(employeeId: string): Promise<EmployeeView> {
    const record = await this.identity.findPerson(employeeId);
    if (!record) throw new NotFoundException({ error: 'not_found', message: `no employee ${employeeId}` });
    const { person, accounts, entitlements } = record;
    return {
      employeeId: person.employeeId,
      state: person.state,
      lastEventId: person.lastEventId,
      updatedAt: person.updatedAt.toISOString(),
      attributes: person.attributes,
      accounts: accounts.map((account) => ({
        appId: account.appId,
        status: account.status,
        externalId: account.externalId,
        reason: account.reason,
        updatedAt: account.updatedAt.toISOString(),
      })),
      entitlements: entitlements.map(({ appId, roles, groups, rules }) => ({ appId, roles, groups, rules })),
    };
  }
}
