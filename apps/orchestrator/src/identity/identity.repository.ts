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

/** A person and the accounts they hold. */
export interface PersonAccounts {
  person: PersonEntity;
  accounts: AccountEntity[];
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
    await this.saveAccounts([change]);
  }

  /**
   * Several accounts in one write (a phase's apps answer together). Rows that
   * name the app's id and rows that keep the one already known are written
   * apart, so a row without an id never clears another's.
   */
  async saveAccounts(changes: AccountChange[]): Promise<void> {
    const latest = new Map(changes.map((change) => [`${change.employeeId}\u0000${change.appId}`, change]));
    const rows = [...latest.values()].map((change) => ({
      employeeId: change.employeeId,
      appId: change.appId,
      status: change.status,
      // A failure keeps the id we already know; a success records the app's id.
      ...(change.externalId !== undefined ? { externalId: change.externalId } : {}),
      reason: change.reason ?? null,
      lastEventId: change.eventId,
    }));
    const withId = rows.filter((row) => 'externalId' in row);
    const withoutId = rows.filter((row) => !('externalId' in row));
    const accounts = this.dataSource.getRepository(AccountEntity);
    for (const batch of [withId, withoutId]) {
      if (batch.length > 0) await accounts.upsert(batch, ['employeeId', 'appId']);
    }
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

  /** A person and the accounts they hold, read together: what a phase's changes to those accounts need. */
  async findPersonAccounts(employeeId: string): Promise<PersonAccounts | undefined> {
    const [person, accounts] = await Promise.all([
      this.personOf(employeeId),
      this.dataSource.getRepository(AccountEntity).findBy({ employeeId }),
    ]);
    return person ? { person, accounts } : undefined;
  }

  /** The person alone, without their accounts and entitlements. */
  async personOf(employeeId: string): Promise<PersonEntity | undefined> {
    return (await this.dataSource.getRepository(PersonEntity).findOneBy({ employeeId })) ?? undefined;
  }

  async findPerson(employeeId: string): Promise<PersonRecord | undefined> {
    const person = await this.personOf(employeeId);
    if (!person) return undefined;
    const [accounts, entitlements] = await Promise.all([
      this.dataSource.getRepository(AccountEntity).find({ where: { employeeId }, order: { appId: 'ASC' } }),
      this.dataSource.getRepository(EntitlementEntity).find({ where: { employeeId }, order: { appId: 'ASC' } }),
    ]);
    return { person, accounts, entitlements };
  }
}
