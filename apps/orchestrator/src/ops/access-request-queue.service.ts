import { Injectable } from '@nestjs/common';
import type { PersonPrincipal } from '@tenure/auth';
import type { AccessRequestRecord } from '@tenure/temporal-contracts';
import { DataSource } from 'typeorm';
import { AccessRequestEntity } from '../identity/access-request.entity';
import { PersonEntity } from '../identity/person.entity';

const QUEUE_LIMIT = 500;

/**
 * Who decides is the workflow's rule (the requester's manager, and each owner
 * of what is asked for, never the requester or the person themselves); this
 * lists the pending requests that rule gives the person a say in and that
 * they have not approved yet.
 */
@Injectable()
export class AccessRequestQueueService {
  constructor(private readonly dataSource: DataSource) {}

  async toDecide(person: PersonPrincipal): Promise<{ items: AccessRequestRecord[] }> {
    const me = person.employeeId;
    if (!me) return { items: [] };
    const pending = await this.dataSource
      .getRepository(AccessRequestEntity)
      .find({ where: { status: 'pending' }, order: { createdAt: 'ASC' }, take: QUEUE_LIMIT });
    const subjects = [...new Set(pending.map((row) => row.employeeId))];
    const people = subjects.length
      ? await this.dataSource.getRepository(PersonEntity).createQueryBuilder('p').where('p.employee_id IN (:...ids)', { ids: subjects }).getMany()
      : [];
    const managerOf = new Map(people.map((p) => [p.employeeId, p.attributes.managerId]));
    const items = pending
      .map((row) => row.record)
      .filter((request) => request.employeeId !== me && request.requestedBy !== me)
      .filter((request) => !(request.approvedBy ?? []).includes(me))
      .filter((request) => managerOf.get(request.employeeId) === me || (request.owners ?? []).includes(me));
    return { items };
  }
}
