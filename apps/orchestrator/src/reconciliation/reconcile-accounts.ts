import type { AccountSnapshot } from '@tenure/contracts';
import {
  AttributeDrift,
  DriftedAccount,
  OrphanedAccount,
  REPORT_ITEM_LIMIT,
  UnmanagedAccount,
} from './reconciliation.types';

/** What the identity store holds about one app, read once per reconciliation. */
export interface AppIdentity {
  /** Account rows of this app, by the app's externalId. */
  accountsByExternalId: Map<string, { employeeId: string; status: string }>;
  people: Map<string, { state: string; attributes: Record<string, unknown> }>;
  /** Policy's groups for this app, by employeeId. */
  groupsByEmployee: Map<string, string[]>;
}

export interface AccountFindings {
  orphaned: OrphanedAccount[];
  unmanaged: UnmanagedAccount[];
  drifted: DriftedAccount[];
  counts: { orphaned: number; unmanaged: number; drifted: number; matched: number };
  /** Every orphan, for automatic disabling (not limited like the lists); each has someone's employeeId. */
  orphans: { externalId: string; employeeId: string }[];
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

function attributeDrift(account: AccountSnapshot, attributes: Record<string, unknown>): AttributeDrift[] {
  const drift: AttributeDrift[] = [];
  for (const field of ['email', 'department', 'title'] as const) {
    const expected = text(attributes[field]);
    // Only what the store knows is compared: an attribute HR never sent cannot drift.
    if (expected !== undefined && !same(expected, account[field]))
      drift.push({ field, expected, actual: account[field] });
  }
  return drift;
}

function groupDrift(account: AccountSnapshot, expected: string[]): { missingGroups: string[]; extraGroups: string[] } {
  const actual = new Set(account.groups.map((group) => group.toLowerCase()));
  const wanted = new Set(expected.map((group) => group.toLowerCase()));
  return {
    missingGroups: expected.filter((group) => !actual.has(group.toLowerCase())).sort(),
    extraGroups: account.groups.filter((group) => !wanted.has(group.toLowerCase())).sort(),
  };
}

function pushLimited<T>(list: T[], item: T): void {
  if (list.length < REPORT_ITEM_LIMIT) list.push(item);
}

/**
 * Compares one app's accounts with the identity store:
 * - orphaned: active in the app, but the person behind it (by Tenure's account
 *   row, or the employeeId the account carries) is not active, or unknown;
 * - unmanaged: no account row points at it (shadow sign-ups, admin-made accounts);
 * - drifted: a managed account of an active person whose email, department,
 *   title, activation or groups differ from the store and policy.
 * A shadow account carrying a leaver's employeeId is both unmanaged and orphaned.
 */
export function reconcileAccounts(accounts: Iterable<AccountSnapshot>, identity: AppIdentity): AccountFindings {
  const findings: AccountFindings = {
    orphaned: [],
    unmanaged: [],
    drifted: [],
    counts: { orphaned: 0, unmanaged: 0, drifted: 0, matched: 0 },
    orphans: [],
  };
  for (const account of accounts) {
    const row = identity.accountsByExternalId.get(account.externalId);
    const employeeId = row?.employeeId ?? account.employeeId;
    const person = employeeId ? identity.people.get(employeeId) : undefined;

    if (!row) {
      findings.counts.unmanaged += 1;
      pushLimited(findings.unmanaged, {
        externalId: account.externalId,
        userName: account.userName,
        ...(account.employeeId ? { employeeId: account.employeeId } : {}),
        active: account.active,
      });
    }
    // An unmanaged account without any employeeId is not known to be anyone's: reported as unmanaged only.
    // A person not yet started ('new') may have accounts prepared ahead of the first day.
    const standsBehind = person !== undefined && (person.state === 'active' || person.state === 'new');
    if (account.active && employeeId !== undefined && (row !== undefined || person !== undefined) && !standsBehind) {
      findings.counts.orphaned += 1;
      findings.orphans.push({ externalId: account.externalId, employeeId });
      pushLimited(findings.orphaned, {
        externalId: account.externalId,
        userName: account.userName,
        ...(employeeId ? { employeeId } : {}),
        ...(person ? { personState: person.state } : {}),
      });
      continue;
    }
    if (!row || !person || person.state !== 'active' || !employeeId) continue;

    const attributes = attributeDrift(account, person.attributes);
    if (!account.active && row.status === 'active') {
      attributes.push({ field: 'active', expected: 'true', actual: 'false' });
    }
    const groups = groupDrift(account, identity.groupsByEmployee.get(employeeId) ?? []);
    if (attributes.length === 0 && groups.missingGroups.length === 0 && groups.extraGroups.length === 0) {
      findings.counts.matched += 1;
      continue;
    }
    findings.counts.drifted += 1;
    pushLimited(findings.drifted, { externalId: account.externalId, employeeId, attributes, ...groups });
  }
  return findings;
}
