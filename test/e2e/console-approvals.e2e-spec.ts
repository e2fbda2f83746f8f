import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { employeeFixture, EmployeeFixture, requiredEnv, uniqueId, waitFor } from '@tenure/testing';
import { launchBrowser, openPage, screenshot, signedInPage, visible } from './console-browser';
import { devUser } from './dev-sign-in';
import { LifecycleClient } from './lifecycle-client';
import { OwnConsole } from './own-console';
import { OwnOrchestrator } from './own-orchestrator';

/** Decisions taken in the console by the people whose decision it is. */
const stack = new LifecycleClient();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(() => browser?.close());

describe('console approvals', () => {
  it("lets a manager approve their report's access request from the queue", async () => {
    const maria = await stack.hireDevPerson('maria');
    const ravi = await stack.hireDevPerson('ravi');
    const reason = uniqueId('console-request');
    const requested = await stack.ops<{ requestId: string }>('POST', `/v1/employees/${ravi.employeeId}/access-requests`, {
      as: 'ravi',
      body: { appId: 'github', groups: ['engineering'], reason },
    });
    expect(requested.status).toBe(201);

    const page = await signedInPage(browser, 'maria');
    await openPage(page, 'Queues');
    const row = page.getByRole('table', { name: 'Access requests to decide' }).getByRole('row', { name: new RegExp(reason) });
    await visible(row);
    await screenshot(page, 'queues-access-request');
    await row.getByRole('button', { name: 'Approve request' }).click();
    // Decided, it leaves the queue.
    await row.waitFor({ state: 'detached', timeout: 30_000 });

    const person = await stack.personWhen(
      ravi.employeeId,
      (p) => p.accessRequests.some((r) => r.requestId === requested.body.requestId && r.status === 'approved'),
      'the request approved',
    );
    expect(person.accessRequests.find((r) => r.requestId === requested.body.requestId)).toMatchObject({
      decidedBy: maria.employeeId,
    });
    await page.context().close();
  });
});

describe('console approval of a held mass change', () => {
  // The shipped limit (50 people) is far above what a test can burst: an orchestrator of the test's own holds past 1.
  const shipped = readFileSync(join(requiredEnv('TENURE_CONFIG_DIR'), 'policy.yaml'), 'utf8');
  const orchestrator = new OwnOrchestrator('consolemc');
  const ownConsole = new OwnConsole();
  const people: EmployeeFixture[] = [employeeFixture({ department: 'Sales' }), employeeFixture({ department: 'Sales' })];

  const person = (employeeId: string) =>
    orchestrator.ops<{ state: string; accounts: { status: string }[]; runs: { status: string }[] }>(`/v1/employees/${employeeId}`);

  beforeAll(async () => {
    await orchestrator.prepare();
    await orchestrator.start(shipped.replace(/maxPeople: 50\b/, 'maxPeople: 1'));
    await ownConsole.start(orchestrator.url);
    for (const employee of people) await orchestrator.publish('hire', employee);
    for (const employee of people) {
      await waitFor(
        () => person(employee.employeeId),
        (r) => r.status === 200 && r.body.accounts.length === 3 && r.body.accounts.every((a) => a.status === 'active'),
        { description: `${employee.employeeId} hired`, timeoutMs: 60_000 },
      );
    }
  }, 180_000);

  afterAll(async () => {
    await ownConsole.stop();
    await orchestrator.dispose();
  });

  it('shows the held batch with who and what, and an approver approves it with one click', async () => {
    for (const employee of people) await orchestrator.publish('terminate', employee, 'csv');
    const batch = await waitFor(
      () => orchestrator.ops<{ items: { batchId: string }[] }>('/v1/mass-changes?status=waiting_approval'),
      (r) => r.body.items.length === 1,
      { description: 'a held batch', timeoutMs: 60_000 },
    );
    const { batchId } = batch.body.items[0];

    const page = await signedInPage(browser, 'maria', ownConsole.url);
    await openPage(page, 'Queues');
    const section = page.getByRole('region', { name: `Batch ${batchId}` });
    await visible(section.getByText(/1 people, 3 accounts, from csv/));
    await visible(section.getByRole('table').getByText(/salesforce disable/));
    await screenshot(page, 'queues-mass-change');
    await section.getByRole('button', { name: 'Approve batch' }).click();
    await visible(page.getByText('No batch is held.'));

    const decided = await orchestrator.ops<{ status: string; decidedBy: string }>(`/v1/mass-changes/${batchId}`);
    expect(decided.body).toMatchObject({ status: 'approved', decidedBy: devUser('maria').employeeId });
    for (const employee of people) {
      await waitFor(
        () => person(employee.employeeId),
        (r) => r.body.state === 'terminated' && r.body.accounts.every((a) => a.status === 'disabled'),
        { description: `${employee.employeeId} deprovisioned`, timeoutMs: 60_000 },
      );
    }
    await page.context().close();
  });
});
