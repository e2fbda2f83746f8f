import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AccountState, AccountStatus, Employee } from '@tenure/domain';
import type { Entitlement } from '@tenure/policy';
import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';
import { AccountEntity } from './account.entity';
import { EntitlementEntity } from './entitlement.entity';
import { PersonEntity } from './person.entity';
import { FIND_PERSON, PersonRow, personRecordOf, SAVE_ACCOUNTS } from './identity.queries';

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
    await this.saveAccounts([change]);
  }

  /**
   * Several accounts in one statement (a phase's apps answer together). A row
   * without the app's id keeps the id already known; of two rows for the same
   * account, the last wins.
   */
  async saveAccounts(changes: AccountChange[]): Promise<void> {
    const latest = [
      ...new Map(changes.map((change) => [`${change.employeeId}\u0000${change.appId}`, change])).values(),
    ];
    if (latest.length === 0) return;
    await this.dataSource.query(SAVE_ACCOUNTS, [
      latest.map((change) => change.employeeId),
      latest.map((change) => change.appId),
      latest.map((change) => change.status),
      latest.map((change) => change.externalId ?? null),
      latest.map((change) => change.reason ?? null),
      latest.map((change) => change.eventId),
    ]);
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

  /** The person alone, without their accounts and entitlements. */
  async personOf(employeeId: string): Promise<PersonEntity | undefined> {
    return (await this.dataSource.getRepository(PersonEntity).findOneBy({ employeeId })) ?? undefined;
  }

  /** A person with their accounts and entitlements, in one statement: what planning and a phase's changes need. */
  async findPerson(employeeId: string): Promise<PersonRecord | undefined> {
    const [row]: PersonRow[] = await this.dataSource.query(FIND_PERSON, [employeeId]);
    return row && personRecordOf(row);
  }
}
