import { employeeFixture, uniqueId, waitFor } from '@tenure/testing';
import { AuditClient } from './audit-client';
import { EmployeeBody, StackClient } from './stack-client';

interface AccessBody {
  accounts: { employeeId: string; appId: string; groups: string[] }[];
}

/**
 * The walking skeleton, through the public APIs of the running stack: a signed
 * hire creates the accounts policy grants, a signed termination disables them,
 * and the audit trail records every step.
 */
describe('hire and termination, end to end', () => {
  const stack = new StackClient();
  const audit = new AuditClient();
  const engineer = employeeFixture({ department: 'Engineering' });
  const hireEventId = uniqueId('evt-hire');
  const terminateEventId = uniqueId('evt-terminate');
  const grantedApps = ['github', 'slack', 'zoom'];

  afterAll(() => audit.close());

  const accountsSettled = (employee: EmployeeBody, status: string) =>
    grantedApps.every((appId) => employee.accounts.find((a) => a.appId === appId)?.status === status);

  it('accepts a signed hire with 202', async () => {
    const response = await stack.sendEvent({ eventId: hireEventId, type: 'hire', employee: engineer });
    expect(response).toEqual({ status: 202, body: { eventId: hireEventId, status: 'accepted' } });
  });

  it('creates an account in each app policy grants, and none in the others', async () => {
    const { body } = await waitFor(
      () => stack.employee(engineer.employeeId),
      (r) => r.status === 200 && accountsSettled(r.body, 'active'),
      { description: `accounts of ${engineer.employeeId} to become active` },
    );
    expect(body.state).toBe('active');
    expect(body.accounts.map((a) => a.appId).sort()).toEqual(grantedApps);
    for (const appId of grantedApps) {
      const users = await stack.appUsers(appId, `userName eq "${engineer.email}"`);
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ active: true, externalId: engineer.employeeId });
      expect(body.accounts.find((a) => a.appId === appId)?.externalId).toBe(users[0].id);
    }
    expect(await stack.appUsers('salesforce', `userName eq "${engineer.email}"`)).toHaveLength(0);
  });

  it('answers the same hire again as a duplicate and creates nothing twice', async () => {
    const response = await stack.sendEvent({ eventId: hireEventId, type: 'hire', employee: engineer });
    expect(response).toEqual({ status: 200, body: { eventId: hireEventId, status: 'duplicate' } });
    for (const appId of grantedApps) {
      expect(await stack.appUsers(appId, `userName eq "${engineer.email}"`)).toHaveLength(1);
    }
  });

  it('records each account creation in the audit trail', async () => {
    const { body } = await waitFor(
      () => stack.auditEvents({ employeeId: engineer.employeeId, action: 'account.create' }),
      (r) => r.body.items?.length === grantedApps.length,
      { description: 'three account.create audit records' },
    );
    expect(body.items.map((i) => i.appId).sort()).toEqual(grantedApps);
    for (const item of body.items) {
      expect(item).toMatchObject({ outcome: 'succeeded', eventId: hireEventId });
      expect(item.hash).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  let whileEmployed: string;

  it('records the groups of each account, so the audit trail shows who was in which group', async () => {
    const { body } = await waitFor(
      () =>
        audit.get<{ items: { appId: string; group: string; outcome: string }[] }>('/v1/audit/events', {
          employeeId: engineer.employeeId,
          action: 'group.add',
        }),
      (r) => r.body.items?.length === 2,
      { description: 'a group.add audit record per group' },
    );
    expect(body.items.map((i) => [i.appId, i.group, i.outcome]).sort()).toEqual([
      ['github', 'engineering', 'succeeded'],
      ['slack', 'all-staff', 'succeeded'],
    ]);
    whileEmployed = new Date().toISOString();
    const person = await audit.get<AccessBody>('/v1/audit/access', {
      employeeId: engineer.employeeId,
      at: whileEmployed,
    });
    expect(person.body.accounts.map((a) => [a.appId, a.groups]).sort()).toEqual([
      ['github', ['engineering']],
      ['slack', ['all-staff']],
      ['zoom', []],
    ]);
    const github = await audit.get<AccessBody>('/v1/audit/access', { appId: 'github', at: whileEmployed });
    expect(github.body.accounts).toContainEqual(
      expect.objectContaining({ employeeId: engineer.employeeId, groups: ['engineering'] }),
    );
  });

  it('disables every account on a signed termination', async () => {
    const response = await stack.sendEvent({ eventId: terminateEventId, type: 'terminate', employee: engineer });
    expect(response.status).toBe(202);
    const { body } = await waitFor(
      () => stack.employee(engineer.employeeId),
      (r) => accountsSettled(r.body, 'disabled'),
      { description: `accounts of ${engineer.employeeId} to become disabled` },
    );
    expect(body.state).toBe('terminated');
    for (const appId of grantedApps) {
      const users = await stack.appUsers(appId, `userName eq "${engineer.email}"`);
      expect(users).toHaveLength(1);
      expect(users[0].active).toBe(false);
    }
  });

  it('records each disable in the audit trail, and the chain verifies', async () => {
    const { body } = await waitFor(
      () => stack.auditEvents({ employeeId: engineer.employeeId, action: 'account.disable' }),
      (r) => r.body.items?.length === grantedApps.length,
      { description: 'three account.disable audit records' },
    );
    expect(body.items.every((i) => i.outcome === 'succeeded' && i.eventId === terminateEventId)).toBe(true);
    const now = await audit.get<AccessBody>('/v1/audit/access', {
      employeeId: engineer.employeeId,
      at: new Date().toISOString(),
    });
    expect(now.body.accounts).toEqual([]);
    // The past does not change: while employed, the groups were held.
    const then = await audit.get<AccessBody>('/v1/audit/access', { appId: 'slack', at: whileEmployed });
    expect(then.body.accounts).toContainEqual(
      expect.objectContaining({ employeeId: engineer.employeeId, groups: ['all-staff'] }),
    );
    const verification = await stack.auditVerify();
    expect(verification.ok).toBe(true);
    expect(verification.count).toBeGreaterThanOrEqual(grantedApps.length * 2);
  });

  it('keeps a leaver’s access removed when HR changes their record afterwards', async () => {
    const changeEventId = uniqueId('evt-change');
    const moved = { ...engineer, department: 'Sales', title: 'Account Executive' };
    expect((await stack.sendEvent({ eventId: changeEventId, type: 'change', employee: moved })).status).toBe(202);
    const { body } = await waitFor(
      () => stack.employee(engineer.employeeId),
      (r) => r.body.lastEventId === changeEventId,
      { description: 'the change to be applied' },
    );
    expect(body.state).toBe('terminated');
    expect(body.accounts.every((a) => a.status === 'disabled')).toBe(true);
    expect(await stack.appUsers('salesforce', `userName eq "${engineer.email}"`)).toHaveLength(0);
    for (const appId of grantedApps) {
      const [user] = await stack.appUsers(appId, `userName eq "${engineer.email}"`);
      expect(user.active).toBe(false);
    }
  });
});
