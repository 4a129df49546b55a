import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Milestone, Organisation } from '@tracker/contracts';
import { daysBetween, today } from '@tracker/schedule';
import type { Browser } from 'playwright-core';
import { countWhenSettled, getJson, launchBrowser, openPage, screenshot, seriousAccessibilityViolations } from './support/browser';

describe('the Gantt chart (home page)', () => {
  let browser: Browser;
  let milestones: Milestone[];
  const dated = (list: Milestone[]) => list.filter((m) => m.start !== null && m.end !== null);

  beforeAll(async () => {
    browser = await launchBrowser();
    milestones = await getJson<Milestone[]>('/api/milestones');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws a bar for every dated item under its Action, the deadline marker and today, and the same items as a table', async () => {
    const { page, errors } = await openPage(browser, '/');
    await page.waitForSelector('.bar-wrapper.wp-item');

    const itemBars = await page.locator('.bar-wrapper.wp-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id')));
    expect(itemBars.sort()).toEqual(
      dated(milestones)
        .map((m) => m.id)
        .sort(),
    );
    const summaries = await page.locator('.bar-wrapper.wp-summary .bar-label').allTextContents();
    expect(summaries).toEqual(['Action 1 · Labour', 'Action 2 · Education', 'Action 3 · Disinformation', 'Action 4 · Funds']);

    // Every bar carries its status in words, not only a colour.
    const labels = await page.locator('.bar-wrapper.wp-item .bar-label').allTextContents();
    expect(labels.every((l) => /· (Not started|In progress|Done|On hold|Cancelled)/.test(l))).toBe(true);

    const marker = page.getByTestId('deadline-marker');
    await expect(marker.count()).resolves.toBe(1);
    await expect(marker.textContent()).resolves.toContain('Deadline 31 Mar 2027');
    const positions = await page.evaluate(() => ({
      deadline: parseFloat((document.querySelector('[data-testid=deadline-marker]') as HTMLElement).style.left),
      today: parseFloat((document.querySelector('.current-highlight') as HTMLElement | null)?.style.left ?? 'NaN'),
    }));
    // Today (before the deadline) is drawn left of the deadline, by about the months between them.
    expect(positions.deadline).toBeGreaterThan(positions.today);

    await expect(countWhenSettled(page, '[data-testid=gantt-table] tbody tr', milestones.length)).resolves.toBe(milestones.length);
    await expect(page.getByTestId('countdown').textContent()).resolves.toBe(`${daysBetween(today(), '2027-03-31')} days`);

    // Items the plan gives no date stay listed.
    for (const m of milestones.filter((x) => x.start === null)) {
      await expect(page.getByTestId('gantt-table').getByText(m.title, { exact: true }).count()).resolves.toBeGreaterThan(0);
    }
    await screenshot(page, 'home-gantt');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('narrows the chart and the table with a filter kept in the URL', async () => {
    const { page } = await openPage(browser, '/');
    await page.waitForSelector('.bar-wrapper.wp-item');
    await page.getByRole('checkbox', { name: '2 · Education' }).check();
    await page.waitForURL(/action=2/);
    const education = milestones.filter((m) => m.actionNumber === 2);
    await expect(countWhenSettled(page, '.bar-wrapper.wp-item', dated(education).length)).resolves.toBe(dated(education).length);
    await expect(countWhenSettled(page, '[data-testid=gantt-table] tbody tr', education.length)).resolves.toBe(education.length);
    await expect(countWhenSettled(page, '.bar-wrapper.wp-summary', 1)).resolves.toBe(1);

    // The same view opens from the shared link.
    const shared = await openPage(browser, new URL(page.url()).pathname + new URL(page.url()).search);
    await expect(countWhenSettled(shared.page, '[data-testid=gantt-table] tbody tr', education.length)).resolves.toBe(education.length);
    await expect(shared.page.getByRole('checkbox', { name: '2 · Education' }).isChecked()).resolves.toBe(true);
    await shared.page.close();
    await page.close();
  });

  it('answers "what is my organisation in?" with the organisation filter', async () => {
    const organisations = await getJson<Organisation[]>('/api/organisations');
    const ashoka = organisations.find((o) => o.name.includes('Ashoka'));
    expect(ashoka).toBeDefined();
    const actions = new Set(ashoka!.actions.map((a) => a.actionNumber));
    const { page } = await openPage(browser, `/?org=${ashoka!.id}`);
    const expected = milestones.filter((m) => actions.has(m.actionNumber));
    await expect(countWhenSettled(page, '[data-testid=gantt-table] tbody tr', expected.length)).resolves.toBe(expected.length);
    await expect(page.getByTestId('result-count').textContent()).resolves.toContain(`Showing ${expected.length} of ${milestones.length} items`);
    await page.close();
  });

  it('opens the details of a bar from the keyboard, with the window as the plan words it', async () => {
    const { page } = await openPage(browser, '/');
    await page.waitForSelector('.bar-wrapper.wp-item');
    const second = milestones.find((m) => m.title === 'Second Virtual Exchange')!;
    const bar = page.locator(`.bar-wrapper[data-item-id="${second.id}"]`);
    await bar.focus();
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-item-id'))).resolves.toBe(second.id);
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('item-details');
    await dialog.waitFor({ state: 'visible' });
    await expect(dialog.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Second Virtual Exchange');
    const text = await dialog.textContent();
    expect(text).toContain('"October - December 2025" (Oct-Dec 2025)');
    expect(text).toContain('Work Plan section 2.4.9');
    expect(text).toContain('November or December 2025');
    await screenshot(page, 'home-details');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // And from the table, with Tab and Enter only.
    const details = page.getByTestId('gantt-table').getByRole('button', { name: `Details of ${second.title}` });
    await details.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'visible' });
    await expect(dialog.getByRole('heading', { level: 2 }).textContent()).resolves.toBe('Second Virtual Exchange');
    await page.close();
  });

  it('draws every bar where plain frappe-gantt draws it (the chart draws its own bars, as the library draws them)', async () => {
    // Plain frappe-gantt on a page of its own, given the same items and the chart's settings.
    const library = resolve(__dirname, '../../../node_modules/frappe-gantt/dist');
    const [script, css] = await Promise.all([readFile(join(library, 'frappe-gantt.es.js')), readFile(join(library, 'frappe-gantt.css'))]);
    const tasks = dated(milestones).map((m) => ({ id: m.id, name: m.title, start: m.start, end: m.end, progress: m.progress }));
    const page = `<!doctype html><html><head><link rel="stylesheet" href="/frappe.css"></head><body><div id="chart"></div><script type="module">
import Gantt from '/frappe.js';
const month = { name: 'Month', padding: '2m', step: '1m', column_width: 90, date_format: 'YYYY-MM', lower_text: 'MMM', upper_text: 'YYYY' };
new Gantt('#chart', ${JSON.stringify(tasks)}, { view_mode: month, view_modes: [month], readonly: true, popup: false, bar_height: 26, padding: 14, infinite_padding: false });
window.drawn = true;
</script></body></html>`;
    const server: Server = createServer((req, res) => {
      if (req.url === '/frappe.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      else if (req.url === '/frappe.css') res.writeHead(200, { 'content-type': 'text/css' }).end(css);
      else res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const geometry = () =>
      [...document.querySelectorAll('.bar-wrapper')].map((bar) => {
        const rect = bar.querySelector('.bar') as SVGRectElement;
        const progress = bar.querySelector('.bar-progress') as SVGRectElement;
        return {
          id: bar.getAttribute('data-id'),
          x: Number(rect.getAttribute('x')),
          width: Number(rect.getAttribute('width')),
          progress: Number(progress.getAttribute('width')),
          label: bar.querySelector('.bar-label')?.textContent,
        };
      });
    try {
      const plain = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await plain.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await plain.waitForFunction(() => (window as unknown as { drawn?: boolean }).drawn === true);
      // The library's growing animation is over (its bars start at width 0; it begins at 0.1 s and lasts 0.4 s of the SVG's clock).
      await plain.waitForFunction(() => [...document.querySelectorAll('svg.gantt')].every((svg) => (svg as SVGSVGElement).getCurrentTime() >= 0.5));
      const theirs = new Map((await plain.evaluate(geometry)).map((bar) => [bar.id, bar]));
      await plain.close();

      const { page: ours, errors } = await openPage(browser, '/');
      await ours.waitForSelector('.bar-wrapper.wp-item');
      const mine = (await ours.evaluate(geometry)).filter((bar) => theirs.has(bar.id));
      expect(mine.length).toBe(tasks.length);
      const round = (n: number) => Math.round(n * 100) / 100;
      for (const bar of mine) {
        const other = theirs.get(bar.id)!;
        expect({ id: bar.id, x: round(bar.x), width: round(bar.width), progress: round(bar.progress) }).toEqual({
          id: other.id,
          x: round(other.x),
          width: round(other.width),
          progress: round(other.progress),
        });
        // The label holds the item's title, as text (a title is never read as markup).
        expect(bar.label?.includes(other.label ?? '-')).toBe(true);
      }
      expect(errors).toEqual([]);
      await ours.close();
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });

  it('switches to the Quarter and Year views', async () => {
    const { page } = await openPage(browser, '/?view=quarter');
    await page.waitForSelector('.bar-wrapper.wp-item');
    await expect(page.locator('.lower-text').first().textContent()).resolves.toMatch(/^Q[1-4]$/);
    await page.selectOption('#view-mode', 'Year');
    await page.waitForURL(/view=year/);
    await page.waitForFunction(() => document.querySelector('.lower-text')?.textContent?.match(/^\d{4}$/));
    await expect(countWhenSettled(page, '.bar-wrapper.wp-item', dated(milestones).length)).resolves.toBe(dated(milestones).length);
    await expect(page.getByTestId('deadline-marker').count()).resolves.toBe(1);
    await page.close();
  });

  it('has no serious or critical accessibility violations', async () => {
    const { page } = await openPage(browser, '/');
    await page.waitForSelector('.bar-wrapper.wp-item');
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await page.close();
  });
});
