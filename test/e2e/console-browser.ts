import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { requiredEnv } from '@tenure/testing';
import { devUser } from './dev-sign-in';

/** Debian's Chromium (`./tenure` installs it); Playwright's own browser downloads are not used. */
const CHROMIUM = process.env.TENURE_CHROMIUM_BIN ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/** Where each page's screenshot lands: `.tenure/test/screenshots/` unless TENURE_SCREENSHOT_DIR says otherwise. */
export const SCREENSHOT_DIR = process.env.TENURE_SCREENSHOT_DIR ?? join(__dirname, '../../.tenure/test/screenshots');

/** A laptop screen. */
const VIEWPORT = { width: 1440, height: 900 };

export const consoleUrl = () => requiredEnv('TENURE_CONSOLE_URL');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, headless: true });
}

/**
 * A fresh browser context signed in as a development user the way a person
 * does it: the console's Sign in button, the provider's login form, back to the console.
 */
export async function signedInPage(browser: Browser, username: string, baseUrl = consoleUrl()): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: baseUrl, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const user = devUser(username);
  await page.getByLabel('User').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.toString().startsWith(baseUrl));
  await visible(page.getByRole('button', { name: 'Sign out' }));
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** A call to the console's own API from inside the signed-in page (its cookie, and its CSRF header when given). */
export function consoleApi(page: Page, method: string, path: string, options: { csrf?: boolean; body?: unknown } = {}) {
  return page.evaluate(
    async ({ method, path, csrf, body }) => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', ...(csrf ? { 'x-tenure-csrf': me.csrfToken } : {}) },
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as unknown };
    },
    { method, path, csrf: options.csrf ?? true, body: options.body },
  );
}

/** Waits until the page shows it (the pages poll the APIs, so what Tenure does appears by itself). */
export async function visible(locator: Locator, timeoutMs = 30_000): Promise<Locator> {
  await locator.first().waitFor({ state: 'visible', timeout: timeoutMs });
  return locator.first();
}

/** Opens a page from the navigation, as a person clicks it. */
export async function openPage(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name, exact: true }).click();
  await visible(page.getByRole('heading', { name, level: 1 }));
}

/** An account row of the person page, by app. */
export const accountRow = (page: Page, appId: string) => page.locator(`tr[data-app="${appId}"]`);

/** Waits until every listed app's account row shows the status. */
export async function accountsShow(page: Page, appIds: string[], status: string, timeoutMs = 60_000): Promise<void> {
  for (const appId of appIds) await visible(accountRow(page, appId).getByText(status, { exact: true }), timeoutMs);
}
