import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppIdentity } from './reconcile-accounts';

interface AccountRow {
  employee_id: string;
  external_id: string;
  status: string;
}

interface PersonRow {
  employee_id: string;
  state: string;
  attributes: Record<string, unknown>;
}

interface EntitlementRow {
  employee_id: string;
  groups: unknown;
}

/**
 * The identity store (schema `identity`) as reconciliation sees one app:
 * three set-based reads, so an app with tens of thousands of accounts costs
 * three round trips, not one per account; and the status of an account it disabled.
 */
@Injectable()
export class ReconciliationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async appIdentity(appId: string): Promise<AppIdentity> {
    const [accounts, people, entitlements] = await Promise.all([
      this.dataSource.query<AccountRow[]>(
        `SELECT employee_id, external_id, status FROM identity.accounts
          WHERE app_id = $1 AND external_id IS NOT NULL AND status <> 'deleted'`,
        [appId],
      ),
      this.dataSource.query<PersonRow[]>(`SELECT employee_id, state, attributes FROM identity.people`),
      this.dataSource.query<EntitlementRow[]>(
        `SELECT employee_id, groups FROM identity.entitlements WHERE app_id = $1`,
        [appId],
      ),
    ]);
    return {
      accountsByExternalId: new Map(
        accounts.map((row) => [row.external_id, { employeeId: row.employee_id, status: row.status }]),
      ),
      people: new Map(people.map((row) => [row.employee_id, { state: row.state, attributes: row.attributes ?? {} }])),
      groupsByEmployee: new Map(
        entitlements.map((row) => [
          row.employee_id,
          Array.isArray(row.groups) ? row.groups.filter((group): group is string => typeof group === 'string') : [],
        ]),
      ),
    };
  }

  /** An orphan reconciliation disabled: whatever row points at the account now says so. */
  async markDisabled(appId: string, externalId: string, eventId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE identity.accounts SET status = 'disabled', reason = NULL, last_event_id = $3, updated_at = now()
        WHERE app_id = $1 AND external_id = $2 AND status <> 'deleted'`,
      [appId, externalId, eventId],
    );
  }
}
