import type { GanttData } from '@tracker/contracts';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, seriousAccessibilityViolations, signedInPage } from './support/browser';

/** Clicks a download link and returns the file's name and bytes as the browser saved them. */
async function download(page: Page, name: string): Promise<{ file: string; bytes: Buffer }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
  const path = await saved.path();
  return { file: saved.suggestedFilename(), bytes: await readFile(path) };
}

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('downloads from the web app', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('downloads the chart and the spreadsheets, and links the calendars (the call pack: monitoring.spec.ts)', async () => {
    const { context, page, errors } = await signedInPage(browser, 'secretariat@example.org', { acceptDownloads: true });
    await page.goto(`${BASE_URL}/`, { waitUntil: 'networkidle' });

    const files = [
      ['Chart as PDF (A4)', 'chart-a4.pdf', '%PDF'],
      ['Chart as PDF (A3)', 'chart-a3.pdf', '%PDF'],
      ['Chart as SVG', 'chart.svg', '<svg'],
      ['Plan as Excel (XLSX)', 'plan.xlsx', 'PK'],
      ['Outputs as Excel (XLSX)', 'outputs.xlsx', 'PK'],
      ['Plan as CSV', 'plan.csv', '\uFEFFAction,'],
    ] as const;
    for (const [link, file, start] of files) {
      const saved = await download(page, link);
      expect([link, saved.file]).toEqual([link, file]);
      expect(saved.bytes.toString('utf8', 0, Buffer.byteLength(start))).toBe(start);
    }
    const png = await download(page, 'Chart as PNG');
    expect(png.file).toBe('chart.png');
    expect(png.bytes.subarray(0, 4)).toEqual(PNG);

    const calendar = await page.getByRole('link', { name: 'Subscribe to the calendar' }).getAttribute('href');
    expect(calendar).toBe(`${BASE_URL.replace(/^https?:/, 'webcal:')}/api/calendar/plan.ics`);
    const feed = await page.request.get(calendar!.replace(/^webcal:/, 'http:'));
    expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR/);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

    // Narrowed to one Action by the filter, the files are too.
    await page.goto(`${BASE_URL}/?action=2`, { waitUntil: 'networkidle' });
    expect((await download(page, 'Chart as PDF (A4)')).file).toBe('chart-action-2-a4.pdf');

    // Every filter of the page and its view mode reach the chart files: the SVG has a bar for each dated row of the table.
    await page.goto(`${BASE_URL}/?action=2,3&status=not_started&view=year`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('export-scope').textContent()).resolves.toContain('Actions 2, 3, Not started, year view');
    await expect(page.getByRole('link', { name: 'Chart as SVG', exact: true }).getAttribute('href')).resolves.toBe(
      '/api/exports/chart.svg?actions=2%2C3&status=not_started&view=year',
    );
    const svg = (await download(page, 'Chart as SVG')).bytes.toString('utf8');
    const plan = (await (await page.request.get(`${BASE_URL}/api/gantt`)).json()) as GanttData;
    const shown = plan.items.filter((i) => [2, 3].includes(i.actionNumber) && i.status === 'not_started');
    await expect(page.locator('[data-testid=gantt-table] tbody tr').count()).resolves.toBe(shown.length);
    const dated = shown.filter((i) => i.start !== null);
    expect(dated.length).toBeGreaterThan(0);
    expect([...svg.matchAll(/class="bar" data-id="([^"]+)"/g)].map((m) => m[1])).toEqual(dated.map((i) => i.id));
    expect(svg).toContain('Actions 2 Education, 3 Disinformation · status not started · year view');

    // A private calendar address from one's settings: shown once, and it serves the feed until revoked.
    await page.goto(`${BASE_URL}/settings`, { waitUntil: 'networkidle' });
    const privateFeed = page.getByTestId('private-feed');
    await expect(privateFeed.getByTestId('private-feed-state').textContent()).resolves.toContain('no private calendar address');
    await privateFeed.getByRole('button', { name: 'Make a private calendar address' }).click();
    const secret = await privateFeed.getByLabel(/Your private calendar address/).inputValue();
    expect(secret).toMatch(/\/api\/calendar\/private\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await (await page.request.get(secret)).text()).toMatch(/^BEGIN:VCALENDAR/);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await privateFeed.getByRole('button', { name: 'Revoke the address' }).click();
    await privateFeed.getByText('You have no private calendar address.').waitFor();
    expect((await page.request.get(secret)).status()).toBe(404);

    // The Action page subscribes to its own calendar; the organisation list to each organisation's.
    await page.goto(`${BASE_URL}/actions/1`, { waitUntil: 'networkidle' });
    const actionFeed = await page.getByRole('link', { name: "Subscribe to this Action's calendar" }).getAttribute('href');
    expect(actionFeed).toMatch(/^webcal:\/\/.+\/api\/calendar\/actions\/1\.ics$/);
    expect(await (await page.request.get(actionFeed!.replace(/^webcal:/, 'http:'))).text()).toContain('Action 1: ');
    expect((await download(page, 'Chart as PDF')).bytes.toString('latin1', 0, 4)).toBe('%PDF');
    await page.goto(`${BASE_URL}/organisations`, { waitUntil: 'networkidle' });
    const orgFeed = await page.getByRole('link', { name: 'Subscribe to its calendar: Ashoka Hello Europe' }).getAttribute('href');
    expect(await (await page.request.get(orgFeed!.replace(/^webcal:/, 'http:'))).text()).toMatch(/^BEGIN:VCALENDAR/);

    expect(errors).toEqual([]);
    await context.close();
  });
});
