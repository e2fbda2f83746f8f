import { randomBytes } from 'node:crypto';
import type { AccountSnapshot } from '@tenure/contracts';
import { Connector, CORE_CAPABILITIES, CreateAccountRequest } from '../../src/connectors/connector';
import { ConnectorException } from '../../src/connectors/connector.exception';

export interface ConformanceTarget {
  connector: Connector;
  /** Stops what setup started. */
  stop?: () => Promise<void>;
}

const run = randomBytes(3).toString('hex');
let sequence = 0;
function person(overrides: Partial<CreateAccountRequest> = {}): CreateAccountRequest {
  sequence += 1;
  return {
    employeeId: `C${run}${sequence}`,
    userName: `conformance-${run}-${sequence}@example.com`,
    email: `conformance-${run}-${sequence}@example.com`,
    givenName: 'Conformance',
    familyName: `Person${sequence}`,
    department: 'Engineering',
    title: 'Engineer',
    groups: [],
    active: true,
    ...overrides,
  };
}

async function everyAccount(connector: Connector, limit: number): Promise<AccountSnapshot[]> {
  const all: AccountSnapshot[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages += 1) {
    const page = await connector.listAccounts({ cursor, limit });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    all.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return all;
  }
  throw new Error('listAccounts never reached its last page');
}

async function snapshotOf(connector: Connector, externalId: string): Promise<AccountSnapshot | undefined> {
  return (await everyAccount(connector, 50)).find((account) => account.externalId === externalId);
}

/**
 * What every connector driver must do, whatever the app behind it: the same
 * suite runs the SCIM driver against the simulated apps and against
 * scim2-server, and the LDAP driver against slapd. A new driver adds one call
 * of this function with a setup that starts (or reaches) its kind of app.
 */
export function describeConnectorConformance(name: string, setup: () => Promise<ConformanceTarget>): void {
  describe(`${name}: connector conformance`, () => {
    let target: ConformanceTarget;
    const connector = () => target.connector;

    beforeAll(async () => {
      target = await setup();
    }, 60_000);

    afterAll(async () => {
      await target?.stop?.();
    });

    it('declares the core capabilities', () => {
      expect(connector().capabilities).toEqual(expect.arrayContaining(CORE_CAPABILITIES));
    });

    it('creates an account once: the same request again finds it', async () => {
      const ada = person();
      const first = await connector().createAccount(ada);
      const again = await connector().createAccount(ada);
      expect(first.created).toBe(true);
      expect(again).toEqual({ externalId: first.externalId, created: false });
      expect(await connector().findAccount({ employeeId: ada.employeeId })).toMatchObject({
        externalId: first.externalId,
        active: true,
      });
    });

    it('never hands one person’s account to another with the same userName', async () => {
      const ada = person();
      await connector().createAccount(ada);
      await expect(connector().createAccount({ ...person(), userName: ada.userName })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });

    it('manages group memberships on create and update', async () => {
      const ada = person({ groups: [`g-${run}-a`, `g-${run}-b`] });
      const { externalId } = await connector().createAccount(ada);
      const { groups } = await connector().updateAccount(externalId, {
        profile: {},
        addGroups: [`g-${run}-c`],
        removeGroups: [`g-${run}-a`, `g-${run}-never`],
      });
      expect(groups).toEqual([`g-${run}-b`, `g-${run}-c`]);
      expect((await snapshotOf(connector(), externalId))?.groups).toEqual([`g-${run}-b`, `g-${run}-c`]);
    });

    it('updates profile attributes', async () => {
      const { externalId } = await connector().createAccount(person());
      await connector().updateAccount(externalId, {
        profile: { department: 'Finance', title: 'Controller', email: `moved-${run}@example.com` },
        addGroups: [],
        removeGroups: [],
      });
      expect(await snapshotOf(connector(), externalId)).toMatchObject({
        department: 'Finance',
        title: 'Controller',
        email: `moved-${run}@example.com`,
      });
    });

    it('disables and re-enables an account, each twice without harm', async () => {
      const ada = person({ groups: [`g-${run}-keep`] });
      const { externalId } = await connector().createAccount(ada);
      await connector().disableAccount(externalId);
      await connector().disableAccount(externalId);
      expect(await snapshotOf(connector(), externalId)).toMatchObject({ active: false, groups: [`g-${run}-keep`] });
      await connector().enableAccount(externalId);
      await connector().enableAccount(externalId);
      expect(await snapshotOf(connector(), externalId)).toMatchObject({ active: true, groups: [`g-${run}-keep`] });
      // A re-hire: create finds the disabled account and switches it back on.
      await connector().disableAccount(externalId);
      expect(await connector().createAccount(ada)).toEqual({ externalId, created: false });
      expect((await snapshotOf(connector(), externalId))?.active).toBe(true);
    });

    it('prepares an account disabled: created so, left so by a repeated create, switched on by enable', async () => {
      const ada = person({ active: false, groups: [`g-${run}-prepared`] });
      const { externalId, created } = await connector().createAccount(ada);
      expect(created).toBe(true);
      expect(await snapshotOf(connector(), externalId)).toMatchObject({ active: false, groups: [`g-${run}-prepared`] });
      expect(await connector().createAccount(ada)).toEqual({ externalId, created: false });
      expect(await connector().findAccount({ employeeId: ada.employeeId })).toMatchObject({
        externalId,
        active: false,
      });
      await connector().enableAccount(externalId);
      expect(await snapshotOf(connector(), externalId)).toMatchObject({ active: true, groups: [`g-${run}-prepared`] });
    });

    it('deletes an account once; afterwards it is gone', async () => {
      const { externalId } = await connector().createAccount(person({ groups: [`g-${run}-solo-${sequence}`] }));
      expect(await connector().deleteAccount(externalId)).toBe(true);
      expect(await connector().deleteAccount(externalId)).toBe(false);
      await expect(connector().disableAccount(externalId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await snapshotOf(connector(), externalId)).toBeUndefined();
    });

    it('pages through every account exactly once', async () => {
      for (let i = 0; i < 5; i += 1) await connector().createAccount(person());
      const all = await everyAccount(connector(), 2);
      const ids = all.map((account) => account.externalId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThanOrEqual(5);
      const mine = all.filter((account) => account.employeeId?.startsWith(`C${run}`));
      expect(mine.length).toBeGreaterThanOrEqual(5);
      for (const account of mine) expect(account.userName).toMatch(/@example\.com$/);
    });

    it('refuses an unknown account with NOT_FOUND, not retryable', async () => {
      const unknown = connector().updateAccount('00000000-0000-4000-8000-000000000000', {
        profile: { title: 'x' },
        addGroups: [],
        removeGroups: [],
      });
      await expect(unknown).rejects.toBeInstanceOf(ConnectorException);
      await expect(unknown).rejects.toMatchObject({ code: 'NOT_FOUND', retryable: false });
    });
  });
}
