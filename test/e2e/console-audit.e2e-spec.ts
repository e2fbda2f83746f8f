import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import yauzl from 'yauzl';
import { waitFor } from '@tenure/testing';
import { launchBrowser, screenshot, signedInPage, visible } from './console-browser';
import { LifecycleClient } from './lifecycle-client';

/** The names of the files in a zip. */
function entries(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(readFileSync(file), { lazyEntries: true }, (error, archive) => {
      if (error || !archive) return reject(error ?? new Error(`${file} is not a readable zip`));
      const names: string[] = [];
      archive.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        archive.readEntry();
      });
      archive.on('end', () => resolve(names));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

const stack = new LifecycleClient();
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(() => browser?.close());

describe('console, as an auditor', () => {
  it("runs the deprovisioning report with its chart, verifies the chain, reads a person's history and downloads the evidence", async () => {
    const leaver = await stack.hire({ department: 'Sales' });
    await stack.send('terminate', leaver);
    await waitFor(
      () => stack.auditEvents({ employeeId: leaver.employeeId, action: 'account.disable' }),
      (r) => r.body.items.filter((i) => i.outcome === 'succeeded').length === 3,
      { description: 'the leaver deprovisioned in the audit record', timeoutMs: 60_000 },
    );

    const page = await signedInPage(browser, 'avery');
    await visible(page.getByRole('heading', { name: 'Audit' }));

    const report = page.getByRole('region', { name: 'Deprovisioning report' });
    await report.getByRole('button', { name: 'Run report' }).click();
    const leaverRow = report.getByRole('table', { name: 'Leavers' }).getByRole('row', { name: new RegExp(leaver.employeeId) });
    await visible(leaverRow.getByText('deprovisioned', { exact: true }));
    await visible(report.getByText(/\d+ leavers · \d+ deprovisioned/));
    await visible(report.locator('.recharts-surface'));

    await page.getByRole('button', { name: 'Verify the chain' }).click();
    await visible(page.getByText(/Intact: \d+ records verified/), 60_000);

    const records = page.getByRole('region', { name: 'Audit records' });
    await records.getByLabel('Employee id').fill(leaver.employeeId);
    await records.getByRole('button', { name: 'Search' }).click();
    const found = records.getByRole('table', { name: 'Matching audit records' });
    await visible(found.getByText('hr.terminate'));
    await visible(found.getByText('account.disable').first());
    await screenshot(page, 'audit');

    const download = page.waitForEvent('download');
    await report.getByRole('link', { name: 'Download evidence (zip)' }).click();
    const file = await (await download).path();
    expect((await entries(file)).sort()).toEqual([
      'access-reviews.jsonl',
      'deprovisioning.json',
      'manifest.json',
      'records.jsonl',
      'sod-checks.jsonl',
      'verification.json',
    ]);
    await page.context().close();
  });
});
