import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Browser } from 'playwright-core';
import { launchBrowser, seriousAccessibilityViolations, signedInPage } from './support/browser';

/** The Reports page: the progress report downloaded in a real browser, and the Secretariat's stage of an Action. */
describe('the Reports page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('downloads the progress report of a period and lets the Secretariat set a stage with a note', async () => {
    const { context, page, errors } = await signedInPage(browser, 'secretariat@example.org', { acceptDownloads: true });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const table = page.getByTestId('monitoring-table');
    await table.getByRole('row', { name: /Action 1 · Labour/ }).waitFor();

    // A backwards period is refused on the page, naming the fields; a good one gives the downloads.
    await page.getByLabel('From', { exact: true }).fill('2027-01-16');
    await page.getByLabel('From', { exact: true }).dispatchEvent('change');
    await page.getByLabel('To', { exact: true }).fill('2027-01-15');
    await page.getByLabel('To', { exact: true }).dispatchEvent('change');
    await page.getByTestId('period-problem').getByText('From (16 Jan 2027) must be on or before To (15 Jan 2027).').waitFor();
    await page.getByLabel('From', { exact: true }).fill('2026-10-01');
    await page.getByLabel('From', { exact: true }).dispatchEvent('change');

    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Progress report as Word (DOCX)' }).click()]);
    expect(saved.suggestedFilename()).toBe('progress-report-2026-10-01-to-2027-01-15.docx');
    const { value } = await mammoth.extractRawText({ buffer: await readFile(await saved.path()) });
    expect(value).toContain('Period: 1 Oct 2026 to 15 Jan 2027');
    for (const section of ['Action 1: Labour', 'Action 2: Education', 'Action 3: Disinformation', 'Action 4: Funds']) {
      expect(value).toContain(section);
    }
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Progress report as PDF' }).click()]);
    expect(pdf.suggestedFilename()).toBe('progress-report-2026-10-01-to-2027-01-15.pdf');
    expect((await readFile(await pdf.path())).toString('latin1', 0, 4)).toBe('%PDF');

    // The Secretariat sets Action 3's stage, with a note the table shows.
    const row = table.getByRole('row', { name: /Action 3 · Disinformation/ });
    await row.getByLabel('Stage of Action 3', { exact: true }).selectOption('mid_level');
    await row.getByLabel('Why (Action 3)', { exact: true }).fill('Questionnaire sent out at the November call');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('stage-outcome').getByText('Action 3 is now at: Mid-level stage.').waitFor();
    await row.getByText('Mid-level stage: “Questionnaire sent out at the November call”').waitFor();

    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
