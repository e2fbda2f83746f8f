import type { Browser, Page } from 'playwright-core';
import { employeeFixture, requiredEnv, uniqueId } from '@tenure/testing';
import { accountsShow, launchBrowser, openPage, screenshot, signedInPage, visible } from './console-browser';
import { LifecycleClient } from './lifecycle-client';

/**
 * The console in a real browser, as an operator uses it against the running
 * stack: HR events arrive as signed webhooks, the pages follow by themselves.
 */
const stack = new LifecycleClient();
const ENGINEERING_APPS = ['github', 'slack', 'zoom'];
let browser: Browser;
let page: Page;
/** The leaver of the first test: an account in their name that is still active is an orphan. */
let leaverId = '';

/** The simulated app's behaviour from now on (fault injection), through its admin API. */
async function appConditions(appId: string, conditions: object | null): Promise<void> {
  const response = await fetch(`${stack.simUrl}/admin/apps/${appId}/conditions`, {
    method: conditions ? 'PUT' : 'DELETE',
    headers: {
      authorization: `Bearer ${requiredEnv('TENURE_SAAS_SIM_ADMIN_TOKEN')}`,
      'content-type': 'application/json',
    },
    body: conditions ? JSON.stringify(conditions) : undefined,
  });
  if (!response.ok) throw new Error(`the simulator's admin API answered ${response.status}`);
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await signedInPage(browser, 'olivia');
});

afterAll(async () => {
  await appConditions('pagerduty', null).catch(() => undefined);
  await browser?.close();
});

describe('console, as an operator', () => {
  it('finds a person hired through a signed webhook, watches the accounts go active, then the termination remove them', async () => {
    const familyName = uniqueId('Console').replace(/-/g, '');
    const employee = employeeFixture({ givenName: 'Ada', familyName, department: 'Engineering' });
    await stack.send('hire', employee);

    await openPage(page, 'People');
    await page.getByLabel('Search people').fill(familyName);
    await (await visible(page.getByRole('link', { name: `Ada ${familyName}` }))).click();
    await visible(page.getByRole('heading', { name: `Ada ${familyName}` }));
    await accountsShow(page, ENGINEERING_APPS, 'active');
    await visible(page.getByRole('table', { name: 'Entitlements' }).getByText('engineering', { exact: true }));
    await screenshot(page, 'person');

    await stack.send('terminate', employee);
    leaverId = employee.employeeId;
    // The open page follows the termination without a reload.
    await accountsShow(page, ENGINEERING_APPS, 'disabled');
    await visible(page.getByText('terminated', { exact: true }));
    await visible(page.getByText('terminate', { exact: true }));
    await screenshot(page, 'person-terminated');

    await openPage(page, 'People');
    await page.getByLabel('Search people').fill(employee.email);
    await visible(page.getByRole('table', { name: 'People' }).getByText(employee.employeeId));
    await screenshot(page, 'people');
  });

  it('shows a step that failed in an app outage as needing attention, and retries it once the app is back', async () => {
    await appConditions('pagerduty', { unavailableRatio: 1 });
    const employee = employeeFixture({ givenName: 'Grace', familyName: uniqueId('Outage').replace(/-/g, ''), department: 'IT' });
    await stack.send('hire', employee);

    await page.goto(`/people/${employee.employeeId}`);
    await accountsShow(page, ['github', 'salesforce', 'slack', 'zoom'], 'active');
    // The gateway's retries with back-off run out within about half a minute.
    await visible(page.getByRole('button', { name: 'Retry pagerduty' }), 90_000);

    await openPage(page, 'Overview');
    await visible(page.getByRole('table', { name: 'App health' }).getByRole('row', { name: /PagerDuty/ }).getByText(/%/));
    await visible(page.getByLabel(/^Runs needing attention: [1-9]/));
    await screenshot(page, 'overview-outage');

    await openPage(page, 'Queues');
    const attention = page.getByRole('region', { name: 'Needs attention in pagerduty' });
    await visible(attention.getByText(employee.employeeId, { exact: false }));
    await screenshot(page, 'queues');

    await appConditions('pagerduty', null);
    await attention.getByRole('button', { name: 'Retry all for pagerduty' }).click();
    // Retried, the step leaves the queue.
    await attention.waitFor({ state: 'detached', timeout: 30_000 });

    await page.goto(`/people/${employee.employeeId}`);
    await accountsShow(page, ['pagerduty'], 'active', 120_000);
    const run = (await stack.person(employee.employeeId)).body.runs.find((r) => r.eventType === 'hire');
    expect(run?.steps.find((s) => s.appId === 'pagerduty')).toMatchObject({ status: 'done', retries: 1 });
  });

  it('runs a reconciliation and previews a policy from their pages', async () => {
    await openPage(page, 'Reconciliation');
    await page.getByRole('button', { name: 'Reconcile all apps now' }).click();
    await visible(page.getByText('Reconciliation started'));
    await visible(page.getByRole('region', { name: 'Reconciliation of slack' }).getByText(/\d+ accounts ·/), 60_000);

    // An account someone made by hand in PagerDuty for the leaver: reconciliation finds it, the operator disables it.
    const userName = `${uniqueId('shadow')}@example.com`;
    const seeded = await fetch(`${stack.simUrl}/admin/apps/pagerduty/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${requiredEnv('TENURE_SAAS_SIM_ADMIN_TOKEN')}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        users: [{ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName, externalId: leaverId, active: true, emails: [{ value: userName, primary: true }] }],
      }),
    });
    expect(seeded.ok).toBe(true);
    const pagerduty = page.getByRole('region', { name: 'Reconciliation of pagerduty' });
    await pagerduty.getByRole('button', { name: 'Reconcile pagerduty' }).click();
    await visible(pagerduty.getByRole('table', { name: 'Findings in pagerduty' }).getByText(userName), 60_000);
    await screenshot(page, 'reconciliation');
    await pagerduty.getByRole('button', { name: 'Disable orphans in pagerduty' }).click();
    await visible(pagerduty.getByText(/orphans: disabled/), 60_000);
    expect((await stack.appUser('pagerduty', userName)).active).toBe(false);

    await openPage(page, 'Policy');
    await visible(page.getByLabel('Policy in force').getByText(/it-operations/));
    await page.getByRole('button', { name: 'Start from the policy in force' }).click();
    const candidate = page.getByLabel('Candidate policy.yaml');
    await candidate.fill((await candidate.inputValue()).replace('groups: [it-oncall]', 'groups: [it-oncall, it-escalation]'));
    await page.getByRole('button', { name: 'Preview' }).click();
    await visible(page.getByText(/\d+ of \d+ people affected/));
    await visible(page.getByRole('table', { name: 'Who gains and loses what' }).getByText(/pagerduty: group it-escalation/));
    await visible(page.getByRole('table', { name: 'Policy rollouts' }).getByText('applied'));
    await screenshot(page, 'policy');

    await openPage(page, 'Overview');
    await visible(page.getByLabel(/^Leavers \(24 h\): [1-9]/));
    await visible(page.getByText('Time to deprovision, last 24 hours'));
    await screenshot(page, 'overview');
  });
});
