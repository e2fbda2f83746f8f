import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { HeldAccess } from '@tenure/policy';
import type { AccessRequestRecord } from '@tenure/temporal-contracts';
import { AccessRequestEntity } from '../identity/access-request.entity';
import { EntitlementEntity } from '../identity/entitlement.entity';

/** One person's access as separation of duties and access reviews see it. */
export interface PersonAccess {
  employeeId: string;
  /** What birthright policy grants (the identity store's desired entitlements). */
  entitlements: EntitlementEntity[];
  /** Access beyond birthright that was approved and has not ended. */
  granted: AccessRequestRecord[];
}

export function heldAccessOf(access: PersonAccess): HeldAccess[] {
  return [
    ...access.entitlements.map((e) => ({ appId: e.appId, groups: e.groups, roles: e.roles })),
    ...access.granted.map((r) => ({ appId: r.appId, groups: r.groups, roles: r.roles })),
  ];
}

/** Reads what people hold: birthright entitlements and approved access requests. */
@Injectable()
export class HeldAccessReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async accessOf(employeeIds: string[]): Promise<Map<string, PersonAccess>> {
    const found = new Map<string, PersonAccess>(
      employeeIds.map((employeeId) => [employeeId, { employeeId, entitlements: [], granted: [] }]),
    );
    if (employeeIds.length === 0) return found;
    const [entitlements, requests] = await Promise.all([
      this.dataSource
        .getRepository(EntitlementEntity)
        .find({ where: { employeeId: In(employeeIds) }, order: { appId: 'ASC' } }),
      this.dataSource
        .getRepository(AccessRequestEntity)
        .find({ where: { employeeId: In(employeeIds), status: 'approved' }, order: { createdAt: 'ASC' } }),
    ]);
    for (const entitlement of entitlements) found.get(entitlement.employeeId)?.entitlements.push(entitlement);
    for (const request of requests) found.get(request.employeeId)?.granted.push(request.record);
    return found;
  }
}
