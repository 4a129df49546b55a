import type { GanttData } from '@tracker/contracts';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, countWhenSettled, getJson, launchBrowser, screenshot, seriousAccessibilityViolations, signedInPage, signIn } from './support/browser';

const SAMPLES = resolve(__dirname, '../../api/src/app/imports/sample');

/**
 * The Secretariat starts a partnership from a spreadsheet: chooses the sample file, previews how every
 * window was read, imports it and opens the new partnership's chart; a file with an unreadable window
 * is refused with its row and column.
 */
describe('importing a plan', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function fillForm(page: Page, file: string, name: string, deadline: string): Promise<void> {
    await page.goto(`${BASE_URL}/import`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Import a plan', level: 1 }).waitFor();
    await page.getByLabel('Plan file (XLSX or CSV, at most 2 MB)').setInputFiles(resolve(SAMPLES, file));
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Deadline', { exact: true }).fill(deadline);
    // By keyboard: from the deadline (whose day, month and year are stops of their own), Tab reaches Preview; Enter presses it.
    await page.getByLabel('Deadline', { exact: true }).focus();
    let focused = '';
    for (let presses = 0; presses < 4 && focused !== 'Preview'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement?.tagName === 'BUTTON' ? (document.activeElement.textContent?.trim() ?? '') : ''));
    }
    expect(focused).toBe('Preview');
    await page.keyboard.press('Enter');
  }

  it('previews the sample, imports it, and opens the new chart with its bars drawn', async () => {
    const { page, errors } = await signedInPage(browser, 'secretariat@example.org');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import a plan' }).click();
    await page.waitForURL(/\/import$/);
    await expect(page.getByTestId('template-xlsx').getAttribute('href')).resolves.toBe('/api/plan-imports/template.xlsx');

    await fillForm(page, 'sample-plan.xlsx', 'Partnership on Sustainable Tourism', '2027-12-31');
    await expect(page.getByLabel(/^Key/).inputValue()).resolves.toBe('sustainable-tourism');
    const ready = page.getByTestId('import-ready');
    await ready.waitFor();
    await expect(ready.textContent()).resolves.toContain('3 Actions, 7 activities, 4 steps, 3 outputs');
    await expect(page.locator('[data-testid=import-rows] tbody tr').count()).resolves.toBe(22);
    const row6 = page.locator('[data-testid=import-rows] tbody tr[data-row="6"]');
    await expect(row6.getByTestId('read-as').textContent()).resolves.toBe('1 Oct 2025 to 31 Dec 2025 (months)');
    await expect(page.locator('[data-testid=import-rows] tbody tr[data-row="13"] [data-testid=read-as]').textContent()).resolves.toBe(
      '1 Nov 2025 to 28 Feb 2026 (months)',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'plan-import-preview');

    await page.getByTestId('import-button').click();
    const done = page.getByTestId('import-done');
    await done.waitFor();
    await expect(done.getByRole('status').textContent()).resolves.toContain('Partnership on Sustainable Tourism is created');

    await page.getByTestId('open-chart').click();
    await page.waitForURL(/\/\?partnership=sustainable-tourism$/);
    const gantt = await getJson<GanttData>('/api/gantt?partnership=sustainable-tourism');
    const dated = gantt.items.filter((item) => item.start !== null);
    expect(dated).toHaveLength(10);
    await page.waitForSelector('.bar-wrapper.wp-item');
    await expect(countWhenSettled(page, '.bar-wrapper.wp-item', dated.length)).resolves.toBe(dated.length);
    const labels = await page.locator('.bar-wrapper.wp-item .bar-label').allTextContents();
    expect(labels.join(' | ')).toContain('Mapping of visitor flow data');
    // The header knows the new partnership: its switcher shows it, its navigation its three Actions.
    await expect(page.getByLabel('Partnership', { exact: true }).inputValue()).resolves.toBe('sustainable-tourism');
    await expect(
      page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: /^Action \d+$/ })
        .allTextContents(),
    ).resolves.toEqual(['Action 1', 'Action 2', 'Action 3']);
    await screenshot(page, 'plan-import-chart');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the row and column of an unreadable window, and offers no import', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signIn(page, 'secretariat@example.org');
    await fillForm(page, 'sample-plan-bad-date.xlsx', 'Partnership on Tourism Data', '2027-12-31');
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    await expect(problems.getAttribute('role')).resolves.toBe('alert');
    await expect(problems.textContent()).resolves.toContain('1 problem: fix the file and preview again.');
    await expect(problems.locator('li').allTextContents()).resolves.toEqual([expect.stringMatching(/^Row 9, column "Window": cannot read "Q5 2026" \(/)]);
    await expect(page.locator('[data-testid=import-rows] tbody tr[data-row="9"]').getAttribute('class')).resolves.toContain('has-problem');
    await expect(page.getByTestId('import-button').count()).resolves.toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    const response = await fetch(`${BASE_URL}/api/partnership?partnership=tourism-data`);
    expect(response.status).toBe(404);
    await page.close();
  });

  it('tells others that only the Secretariat imports plans', async () => {
    const page = await browser.newPage();
    await signIn(page, 'member@example.org');
    await page.goto(`${BASE_URL}/import`, { waitUntil: 'networkidle' });
    await expect(page.getByText('Only the Secretariat imports plans.').count()).resolves.toBe(1);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import a plan' }).count()).resolves.toBe(0);
    await page.close();
  });
});
