/** An account as the app itself shows it, for tests to assert on. */
export interface AppAccount {
  appId: string;
  externalId: string;
  active: boolean;
  groups: string[];
  title?: string;
}

/** Looks into the apps behind the gateway; accounts deleted in the app are gone. */
export interface AppsProbe {
  accountsOf(employeeId: string): Promise<AppAccount[]>;
  account(appId: string, employeeId: string): Promise<AppAccount | undefined>;
}
