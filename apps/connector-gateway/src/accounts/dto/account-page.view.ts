import type { AccountPage, AccountSnapshot } from '@tenure/contracts';

/** One account as the app reports it, for reconciliation. */
export class AccountSnapshotView implements AccountSnapshot {
  externalId!: string;
  userName!: string;
  /** The employeeId the account carries (SCIM externalId / enterprise employeeNumber), if any. */
  employeeId?: string;
  email?: string;
  active!: boolean;
  groups!: string[];
  department?: string;
  title?: string;
}

export class AccountPageView implements AccountPage {
  items!: AccountSnapshotView[];
  /** Pass back as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}
