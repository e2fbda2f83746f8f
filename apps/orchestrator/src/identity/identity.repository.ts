import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccountState, AccountStatus, Employee } from '@tenure/domain';
import type { Entitlement } from '@tenure/policy';
import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';
import { AccountEntity } from './account.entity';
import { EntitlementEntity } from './entitlement.entity';
import { PersonEntity } from './person.entity';

export interface AccountChange {
  employeeId: string;
  appId: string;
  status: AccountStatus;
  eventId: string;
  externalId?: string;
  reason?: string;
}

export interface PersonRecord {
  person: PersonEntity;
  accounts: AccountEntity[];
  entitlements: EntitlementEntity[];
}

/** The identity store: people, what policy grants them, and the accounts they hold. */
@Injectable()
export class IdentityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async savePerson(employee: Employee, state: EmployeeLifecycleState, eventId: string): Promise<void> {
    await this.dataSource
      .getRepository(PersonEntity)
      .upsert({ employeeId: employee.employeeId, state, attributes: employee, lastEventId: eventId }, ['employeeId']);
  }

  /** Replaces a person's desired entitlements; accounts not yet known start as pending. */
  async saveEntitlements(employeeId: string, entitlements: Entitlement[], eventId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.delete(EntitlementEntity, { employeeId });
      if (entitlements.length === 0) return;
      await manager.insert(
        EntitlementEntity,
        entitlements.map(({ appId, roles, groups, rules }) => ({ employeeId, appId, roles, groups, rules })),
      );
      await manager
        .createQueryBuilder()
        .insert()
        .into(AccountEntity)
        .values(
          entitlements.map(({ appId }) => ({ employeeId, appId, status: 'pending' as const, lastEventId: eventId })),
        )
        .orIgnore()
        .execute();
    });
  }

  async saveAccount(change: AccountChange): Promise<void> {
    await this.dataSource.getRepository(AccountEntity).upsert(
      {
        employeeId: change.employeeId,
        appId: change.appId,
        status: change.status,
        // A failure keeps the id we already know; a success records the app's id.
        ...(change.externalId !== undefined ? { externalId: change.externalId } : {}),
        reason: change.reason ?? null,
        lastEventId: change.eventId,
      },
      ['employeeId', 'appId'],
    );
  }

  /** A step failed on an account that exists: its status stays what it is, the reason is shown. */
  async setAccountReason(employeeId: string, appId: string, reason: string | null): Promise<void> {
    await this.dataSource.getRepository(AccountEntity).update({ employeeId, appId }, { reason });
  }

  async accountsOf(employeeId: string): Promise<AccountState[]> {
    const rows = await this.dataSource
      .getRepository(AccountEntity)
      .find({ where: { employeeId }, order: { appId: 'ASC' } });
    return rows.map((row) => ({
      appId: row.appId,
      status: row.status,
      ...(row.externalId ? { externalId: row.externalId } : {}),
      ...(row.reason ? { reason: row.reason } : {}),
    }));
  }

  /** A person and their account in one app, read together: what one change to that account needs. */
  async findPersonAccount(
    employeeId: string,
    appId: string,
  ): Promise<{ person: PersonEntity; account?: AccountEntity } | undefined> {
    const [person, account] = await Promise.all([
      this.dataSource.getRepository(PersonEntity).findOneBy({ employeeId }),
      this.dataSource.getRepository(AccountEntity).findOneBy({ employeeId, appId }),
    ]);
    return person ? { person, account: account ?? undefined } : undefined;
  }

  async findPerson(employeeId: string): Promise<PersonRecord | undefined> {
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ employeeId });
    if (!person) return undefined;
    const [accounts, entitlements] = await Promise.all([
      this.dataSource.getRepository(AccountEntity).find({ where: { employeeId }, order: { appId: 'ASC' } }),
      this.dataSource.getRepository(EntitlementEntity).find({ where: { employeeId }, order: { appId: 'ASC' } }),
    ]);
    return { person, accounts, entitlements };
  }
}
