import type { Employee } from '@tenure/domain';
import type { EmployeeLifecycleState } from '@tenure/temporal-contracts';
import type { AccountEntity } from './account.entity';
import type { EntitlementEntity } from './entitlement.entity';
import type { PersonEntity } from './person.entity';

// The identity store's hottest statements, written out: every leaver's phase
// reads a person and writes their accounts, and building these through the
// ORM cost more CPU than running them. Unqualified names resolve to the
// service's schema (search_path).

/** A person, their accounts and their entitlements, in one round trip. */
export const FIND_PERSON = `
  SELECT p.employee_id, p.state, p.attributes, p.last_event_id, p.updated_at,
    COALESCE((
      SELECT json_agg(json_build_object(
        'employeeId', a.employee_id, 'appId', a.app_id, 'status', a.status, 'externalId', a.external_id,
        'reason', a.reason, 'lastEventId', a.last_event_id, 'updatedAt', a.updated_at) ORDER BY a.app_id)
      FROM accounts a WHERE a.employee_id = p.employee_id), '[]') AS accounts,
    COALESCE((
      SELECT json_agg(json_build_object(
        'employeeId', e.employee_id, 'appId', e.app_id, 'roles', e.roles, 'groups', e.groups,
        'rules', e.rules, 'updatedAt', e.updated_at) ORDER BY e.app_id)
      FROM entitlements e WHERE e.employee_id = p.employee_id), '[]') AS entitlements
  FROM people p
  WHERE p.employee_id = $1`;

/**
 * Accounts written together, one row per element of the arrays. A row without
 * the app's id (a failure) keeps the id already known; a success always names it.
 */
export const SAVE_ACCOUNTS = `
  INSERT INTO accounts (employee_id, app_id, status, external_id, reason, last_event_id, updated_at)
  SELECT employee_id, app_id, status, external_id, reason, last_event_id, now()
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
    AS change(employee_id, app_id, status, external_id, reason, last_event_id)
  ON CONFLICT (employee_id, app_id) DO UPDATE SET
    status = EXCLUDED.status,
    external_id = COALESCE(EXCLUDED.external_id, accounts.external_id),
    reason = EXCLUDED.reason,
    last_event_id = EXCLUDED.last_event_id,
    updated_at = now()`;

type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] };

export interface PersonRow {
  employee_id: string;
  state: EmployeeLifecycleState;
  attributes: Employee;
  last_event_id: string;
  updated_at: Date;
  accounts: Jsonified<AccountEntity>[];
  entitlements: Jsonified<EntitlementEntity>[];
}

export function personRecordOf(row: PersonRow): {
  person: PersonEntity;
  accounts: AccountEntity[];
  entitlements: EntitlementEntity[];
} {
  return {
    person: {
      employeeId: row.employee_id,
      state: row.state,
      attributes: row.attributes,
      lastEventId: row.last_event_id,
      updatedAt: row.updated_at,
    },
    accounts: row.accounts.map((account) => ({
      ...account,
      updatedAt: new Date(account.updatedAt),
    })),
    entitlements: row.entitlements.map((entitlement) => ({
      ...entitlement,
      updatedAt: new Date(entitlement.updatedAt),
    })),
  };
}
