import type { Browser, Page } from 'playwright-core';
import { uniqueId } from '@tenure/testing';
import { consoleApi, launchBrowser, openPage, screenshot, signedInPage, visible } from './console-browser';
import { devUser } from './dev-sign-in';
import { LifecycleClient } from './lifecycle-client';
import { POLICY_GIVING_IT_SALESFORCE_REPORTS } from './sod-candidate-policy';

/**
 * Access reviews and separation of duties in the console, against the running
 * services: maria (approver, E9001) starts a campaign over a report of hers
 * and reviews it; olivia (operator) reads it; ravi (no role) only reviews.
 */
const stack = new LifecycleClient();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(() => browser?.close());

interface ReportBody {
  status: string;
  completion: number;
  counts: { items: number; kept: number; revoked: number; undecided: number };
  revoked: { appId: string; reason: string; decidedBy: string; revocation: string }[];
}

describe('console access reviews', () => {
  const name = uniqueId('Sales review');
  const revokeReason = uniqueId('no longer on the project');
  let employeeId: string;
  let itEngineer: string;

  beforeAll(async () => {
    // Sales birthright: slack, zoom and salesforce; GitHub comes by an access request maria approves.
    // An IT engineer (ravi's report) holds github it-admins and salesforce admins by birthright.
    const [, , salesperson, engineer] = await Promise.all([
      stack.hireDevPerson('maria'),
      stack.hireDevPerson('ravi'),
      stack.hire({ department: 'Sales', managerId: devUser('maria').employeeId }),
      stack.hire({ department: 'IT', managerId: devUser('ravi').employeeId }),
    ]);
    employeeId = salesperson.employeeId;
    itEngineer = engineer.employeeId;
    const requested = await stack.ops<{ requestId: string }>('POST', `/v1/employees/${employeeId}/access-requests`, {
      as: 'olivia',
      body: { appId: 'github', groups: ['engineering'], reason: 'pairing with the platform team' },
    });
    expect(requested.status).toBe(201);
    const approved = await stack.ops<{ status: string }>(
      'POST',
      `/v1/access-requests/${requested.body.requestId}/approve`,
      {
        as: 'maria',
      },
    );
    expect(approved.body.status).toBe('approved');

    // A justified exception to a medium rule, agreed by the manager and the rule's approver: a violation that stays.
    const exception = await stack.ops<{ requestId: string }>('POST', `/v1/employees/${itEngineer}/access-requests`, {
      as: 'olivia',
      body: {
        appId: 'slack',
        groups: ['incident-response'],
        reason: 'incident rota',
        justification: 'the on-call lead is away',
      },
    });
    expect(exception.status).toBe(201);
    const agree = `/v1/access-requests/${exception.body.requestId}/approve`;
    expect((await stack.ops<{ status: string }>('POST', agree, { as: 'ravi' })).body.status).toBe('pending');
    expect((await stack.ops<{ status: string }>('POST', agree, { as: 'maria' })).body.status).toBe('approved');
  });

  it('lets an approver start a campaign, and the reviewer revoke one item with a reason and keep the rest after confirming', async () => {
    const page = await signedInPage(browser, 'maria');
    await openPage(page, 'Reviews');
    const form = page.getByRole('region', { name: 'New campaign' });
    await form.getByRole('textbox', { name: /^Name/ }).fill(name);
    await form.getByLabel('People', { exact: true }).fill(employeeId);
    await form.getByRole('button', { name: 'Create campaign' }).click();

    // The campaign opens with the person's access, and its manager has it to review, with the context.
    const campaign = page.getByRole('region', { name: `Items of ${name}` });
    const requestRow = campaign.getByRole('row', { name: `Review of ${employeeId} github: group engineering` });
    await visible(requestRow);
    await visible(requestRow.getByText(/access request .* by E9001/));
    const birthrightRow = campaign.getByRole('row', { name: `Review of ${employeeId} salesforce: group sales` });
    await visible(birthrightRow.getByText(/birthright by rule sales/));
    await visible(page.getByRole('table', { name: 'Review campaigns' }).getByRole('row', { name: new RegExp(name) }));
    await screenshot(page, 'reviews-my-items');

    // Revoke asks for a reason; decided, the item leaves the list and shows as decided.
    expect(await requestRow.getByRole('button', { name: 'Revoke' }).isDisabled()).toBe(true);
    await requestRow.getByLabel('Reason for github: group engineering').fill(revokeReason);
    await requestRow.getByRole('button', { name: 'Revoke' }).click();
    await requestRow.waitFor({ state: 'detached', timeout: 30_000 });
    const decided = page
      .getByRole('table', { name: 'Decided here' })
      .getByRole('row')
      .filter({ hasText: revokeReason });
    await visible(decided.getByText('revoke', { exact: true }));
    await visible(decided.getByText(/requested/));
    const items = page.getByRole('table', { name: 'Campaign items' });
    const decidedItem = items.getByRole('row').filter({ hasText: revokeReason });
    await visible(decidedItem.getByText('github: group engineering'));
    await visible(decidedItem.getByText(devUser('maria').employeeId as string, { exact: true }));

    // A bulk keep lists what it would decide and decides nothing until confirmed.
    const bulkReason = 'still selling';
    await campaign.getByLabel(`Reason for all items of ${name}`).fill(bulkReason);
    await campaign.getByRole('button', { name: 'Keep all' }).click();
    const dialog = page.getByRole('dialog', { name: 'Keep 3 items?' });
    await visible(
      dialog.getByRole('list', { name: 'Items to decide' }).getByText(`${employeeId}: salesforce: group sales`),
    );
    await screenshot(page, 'reviews-bulk-confirm');
    const before = await reportOf(page, name);
    expect(before.counts).toMatchObject({ items: 4, revoked: 1, undecided: 3 });
    await dialog.getByRole('button', { name: 'Confirm keep' }).click();
    await campaign.waitFor({ state: 'detached', timeout: 30_000 });

    // Every item decided, the campaign closes with its report.
    const report = page.getByRole('region', { name: `Report of ${name}` });
    await visible(report.getByText(/^100% complete · 4 items · 3 kept · 1 revoked/));
    await visible(report.getByText('completed', { exact: true }));
    await visible(report.getByRole('table', { name: 'Revoked' }).getByText(revokeReason));
    await screenshot(page, 'reviews-report');
    const after = await reportOf(page, name);
    expect(after).toMatchObject({
      status: 'completed',
      completion: 100,
      counts: { items: 4, kept: 3, revoked: 1, undecided: 0 },
    });
    expect(after.revoked).toEqual([
      expect.objectContaining({
        appId: 'github',
        reason: revokeReason,
        decidedBy: devUser('maria').employeeId,
        revocation: 'requested',
      }),
    ]);
    await page.context().close();
  });

  it('shows an operator campaigns, the separation-of-duties rules and a candidate policy’s conflicts but not the create action, and a person without a role only their own items', async () => {
    const olivia = await signedInPage(browser, 'olivia');
    await openPage(olivia, 'Reviews');
    await visible(olivia.getByRole('table', { name: 'Review campaigns' }).getByRole('row', { name: new RegExp(name) }));
    expect(await olivia.getByRole('button', { name: 'Create campaign' }).count()).toBe(0);
    expect(await olivia.getByRole('region', { name: 'New campaign' }).count()).toBe(0);
    await openPage(olivia, 'Separation of duties');
    const rules = olivia.getByRole('table', { name: 'Separation of duties rules' });
    const rule = rules.getByRole('row').filter({ hasText: 'salesforce-admin-reports' });
    await visible(rule.getByText('salesforce:admins + salesforce:reports'));
    await visible(rule.getByText('high', { exact: true }));
    const violation = olivia
      .getByRole('table', { name: 'Separation of duties violations' })
      .getByRole('row')
      .filter({ hasText: itEngineer });
    await visible(violation.getByText('github-admin-incident-response'));
    await visible(violation.getByText('github:it-admins + slack:incident-response'));
    await screenshot(olivia, 'separation-of-duties');

    // The policy preview names whom a candidate would put in violation.
    await openPage(olivia, 'Policy');
    await olivia.getByLabel('Candidate policy.yaml').fill(POLICY_GIVING_IT_SALESFORCE_REPORTS);
    await olivia.getByRole('button', { name: 'Preview', exact: true }).click();
    const conflict = olivia
      .getByRole('table', { name: 'Who the candidate would put in violation' })
      .getByRole('row')
      .filter({ hasText: itEngineer });
    await visible(conflict.getByText('salesforce-admin-reports'));
    await visible(conflict.getByText('salesforce:admins + salesforce:reports'));
    await screenshot(olivia, 'policy-preview-sod');
    await olivia.context().close();

    const ravi = await signedInPage(browser, 'ravi');
    await openPage(ravi, 'Reviews');
    await visible(ravi.getByRole('region', { name: 'My reviews' }));
    expect(await ravi.getByRole('region', { name: 'Campaigns' }).count()).toBe(0);
    expect(await ravi.getByRole('button', { name: 'Create campaign' }).count()).toBe(0);
    await ravi.context().close();
  });
});

/** The campaign's report as the API answers it, read through the console's own API. */
async function reportOf(page: Page, campaignName: string): Promise<ReportBody> {
  const list = await consoleApi(page, 'GET', '/api/ops/reviews/campaigns?limit=50');
  const campaign = (list.body as { items: { campaignId: string; name: string }[] }).items.find(
    (c) => c.name === campaignName,
  );
  expect(campaign).toBeDefined();
  const report = await consoleApi(page, 'GET', `/api/ops/reviews/campaigns/${campaign?.campaignId}/report`);
  expect(report.status).toBe(200);
  return report.body as ReportBody;
}
