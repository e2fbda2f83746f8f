import type { Browser } from 'playwright-core';
import { consoleApi, consoleUrl, launchBrowser, signedInPage, visible } from './console-browser';
import { LifecycleClient } from './lifecycle-client';

/**
 * The console shows only the actions a person's roles allow, and the APIs
 * behind it refuse the rest whatever the browser sends.
 */
const stack = new LifecycleClient();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(() => browser?.close());

describe('console permissions', () => {
  it('keeps tokens on the server: the browser holds an HttpOnly, SameSite session cookie and nothing else', async () => {
    const page = await signedInPage(browser, 'olivia');
    // Cookies are not told apart by port: the development provider's own (on another port of 127.0.0.1) show up too.
    const cookies = await page.context().cookies(consoleUrl());
    expect(cookies.find((c) => c.name === 'tenure_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.filter((c) => c.name.startsWith('tenure_')).map((c) => c.name)).toEqual(['tenure_session']);
    expect(cookies.some((c) => /eyJ/.test(c.value))).toBe(false);
    expect(await page.evaluate('document.cookie')).not.toContain('tenure_session');
    const me = await consoleApi(page, 'GET', '/api/me');
    expect(me.body).toMatchObject({ name: 'Olivia Operator', roles: ['operator'] });
    expect(JSON.stringify(me.body)).not.toMatch(/eyJ/); // no JWT reaches the page
    await page.context().close();
  });

  it('refuses a state-changing call without the CSRF header, and everything without a session', async () => {
    const page = await signedInPage(browser, 'olivia');
    const forged = await consoleApi(page, 'POST', '/api/ops/reconciliations', { csrf: false, body: { appId: 'zoom' } });
    expect(forged.status).toBe(403);
    const response = await fetch(`${consoleUrl()}/api/ops/runs`);
    expect(response.status).toBe(401);
    await page.context().close();
  });

  it('shows an auditor the audit pages but no operator action, and the ops API refuses them', async () => {
    const page = await signedInPage(browser, 'avery');
    await visible(page.getByRole('heading', { name: 'Audit' }));
    const nav = page.getByRole('navigation', { name: 'Pages' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Queues',
      'Reviews',
      'Separation of duties',
      'Audit',
    ]);
    expect((await consoleApi(page, 'GET', '/api/ops/runs')).status).toBe(403);
    await page.context().close();
  });

  it('shows a person without a role no retry, approve or cancel, and the API refuses them if they try', async () => {
    const ravi = await stack.hireDevPerson('ravi');
    const failed = await stack.ops<{ items: { runId: string }[] }>('GET', '/v1/runs?status=failed&limit=1');
    const page = await signedInPage(browser, 'ravi');
    await visible(page.getByRole('heading', { name: 'Queues' }));
    const nav = page.getByRole('navigation', { name: 'Pages' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Queues', 'Reviews']);
    await visible(page.getByText('No access request waits for you.'));
    expect(await page.getByRole('button', { name: /Retry|Approve|Cancel/ }).count()).toBe(0);

    const runId = failed.body.items[0]?.runId ?? `${ravi.employeeId}~no-such-event`;
    for (const command of ['retry', 'approve', 'cancel']) {
      const answer = await consoleApi(page, 'POST', `/api/ops/runs/${encodeURIComponent(runId)}/${command}`);
      expect(answer.status).toBe(403);
    }
    expect((await consoleApi(page, 'GET', '/api/audit/events')).status).toBe(403);
    await page.context().close();
  });
});
