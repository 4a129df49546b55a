import type { GanttData, Milestone } from '@tracker/contracts';
import type { Browser, Page } from 'playwright-core';
import { countWhenSettled, launchBrowser, screenshot, seriousAccessibilityViolations, VIEWPORT, watchErrors } from './support/browser';
import { type OwnTracker, startOwnTracker } from './support/own-tracker';

/** Rows are 40 px apart under an 85 px header, with the bar 7 px into its row (the chart's geometry). */
const ROW = 40;
const HEADER = 85;

/**
 * A plan of 600 items (on a tracker of its own): the chart opens with every item, draws only the
 * rows around the view, follows the scroll, and the keyboard and the table reach every row.
 */
describe('the chart of a large plan', () => {
  let browser: Browser;
  let tracker: OwnTracker;
  let plan: GanttData;
  /** The chart's rows in order: per Action its summary, then its dated items (as the page lays them out). */
  let rows: { id: string; title: string }[];

  beforeAll(async () => {
    [browser, tracker] = await Promise.all([launchBrowser(), startOwnTracker({ seed: ['--prefix', 'long', '--partnerships', '1', '--items', '600'] })]);
    const response = await fetch(`${tracker.url}/api/gantt?partnership=long-0001`);
    plan = (await response.json()) as GanttData;
    const dated = (m: Milestone) => m.start !== null && m.end !== null;
    rows = plan.actions.flatMap((action) => {
      const items = plan.items.filter((m) => m.actionNumber === action.number);
      const summary = items.some(dated) ? [{ id: `action-${action.number}`, title: `Action ${action.number}` }] : [];
      return [...summary, ...items.filter(dated).map((m) => ({ id: m.id, title: m.title }))];
    });
  });

  afterAll(async () => {
    await browser?.close();
    await tracker?.stop();
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    const errors = watchErrors(page, { console: true });
    await page.goto(`${tracker.url}/?partnership=long-0001`, { waitUntil: 'networkidle' });
    await page.waitForSelector('wp-gantt-chart .bar-wrapper');
    return { page, errors };
  }

  /** The rows that have a bar now, by their place in the chart, with the bar's top. */
  const drawn = (page: Page) =>
    page.locator('wp-gantt-chart .bar-wrapper').evaluateAll((bars) =>
      bars
        .map((bar) => ({
          row: Number(bar.getAttribute('data-row')),
          y: Number(bar.querySelector('.bar')?.getAttribute('y')),
          item: bar.getAttribute('data-item-id'),
          stop: bar.getAttribute('tabindex') === '0',
        }))
        .sort((a, b) => a.row - b.row),
    );
  const box = (page: Page) => page.locator('wp-gantt-chart .gantt-container');
  const rowsInView = (page: Page) =>
    box(page).evaluate(
      (el, [row, header]) => {
        const first = Math.floor(el.scrollTop / row);
        const last = Math.min(
          Math.ceil((el.scrollTop + el.clientHeight - header) / row),
          Number(document.querySelector('.gantt-host')?.getAttribute('data-chart-rows')),
        );
        return { first, last };
      },
      [ROW, HEADER] as const,
    );

  it('opens with every item, drawing the rows in view and a screen around them, each bar at its row', async () => {
    const { page, errors } = await open();
    expect(rows.length).toBeGreaterThan(500);
    await expect(page.locator('.gantt-host').getAttribute('data-chart-rows')).resolves.toBe(String(rows.length));
    const bars = await drawn(page);
    expect(bars.length).toBeGreaterThan(10);
    expect(bars.length).toBeLessThan(80);
    expect(bars[0].row).toBe(0);
    for (const bar of bars) {
      expect({ row: bar.row, y: bar.y }).toEqual({ row: bar.row, y: HEADER + 7 + bar.row * ROW });
      expect(bar.item ?? '').toBe(rows[bar.row].id.startsWith('action-') ? '' : rows[bar.row].id);
    }
    // The grid is as tall as every row: the box scrolls through all of them.
    await expect(box(page).evaluate((el) => el.scrollHeight)).resolves.toBeGreaterThanOrEqual(HEADER + rows.length * ROW);
    await expect(page.getByTestId('result-count').textContent()).resolves.toContain(`Showing ${plan.items.length} of ${plan.items.length} items`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the rows that come into view as the box scrolls, and lets go of the others', async () => {
    const { page, errors } = await open();
    for (const fraction of [0.37, 0.8, 1, 0.1]) {
      await box(page).evaluate((el, f) => {
        el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
      }, fraction);
      const { first, last } = await rowsInView(page);
      await page.waitForFunction(
        ([a, b]) => {
          for (let row = a; row < b; row++) if (!document.querySelector(`wp-gantt-chart .bar-wrapper[data-row="${row}"]`)) return false;
          return true;
        },
        [first, last] as const,
      );
      const bars = await drawn(page);
      expect(bars.length).toBeLessThan(120);
      // Around the view, and the chart's one stop for Tab (the first row until another gets the focus), wherever it is.
      expect(bars.filter((bar) => bar.stop).map((bar) => bar.row)).toEqual([0]);
      expect(bars.filter((bar) => !bar.stop).every((bar) => bar.row >= first - 60 && bar.row < last + 60)).toBe(true);
      const titles = await page.locator(`wp-gantt-chart .bar-wrapper[data-row="${first}"] .bar-label`).textContent();
      expect(titles).toContain(rows[first].title);
    }
    // Nothing of the bars let go stays behind: the bar layer holds the drawn bars only, the header its columns only.
    await expect(page.locator('wp-gantt-chart g.bar > *').count()).resolves.toBe((await drawn(page)).length);
    await expect(page.locator('wp-gantt-chart .grid-header .date-range-highlight').count()).resolves.toBe(0);
    await screenshot(page, 'large-plan-scrolled');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is one stop for Tab; the arrow keys, Page Down and End reach every row, and Enter opens the item', async () => {
    const { page, errors } = await open();
    await page.locator('wp-gantt-chart .bar-wrapper[data-row="0"]').focus();
    await expect(page.locator('wp-gantt-chart .bar-wrapper[tabindex="0"]').count()).resolves.toBe(1);
    const active = () =>
      page.evaluate(() => ({ row: Number(document.activeElement?.getAttribute('data-row')), label: document.activeElement?.getAttribute('aria-label') ?? '' }));

    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(active()).resolves.toMatchObject({ row: 2 });
    await page.keyboard.press('PageDown');
    const afterPage = await active();
    expect(afterPage.row).toBeGreaterThan(10);
    await page.keyboard.press('End');
    const last = await active();
    expect(last.row).toBe(rows.length - 1);
    expect(last.label.startsWith(rows[rows.length - 1].title)).toBe(true);
    // The last row is in view, under the time axis.
    const { first, last: end } = await rowsInView(page);
    expect(first <= rows.length - 1 && rows.length - 1 < end).toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect(active()).resolves.toMatchObject({ row: rows.length - 2 });
    await expect(page.locator('wp-gantt-chart .bar-wrapper[tabindex="0"]').count()).resolves.toBe(1);

    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('item-details');
    await dialog.waitFor({ state: 'visible' });
    await expect(dialog.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(rows[rows.length - 2].title);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.keyboard.press('Home');
    await expect(active()).resolves.toMatchObject({ row: 0 });
    await expect(box(page).evaluate((el) => el.scrollTop)).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('folds an Action from its summary bar with the keyboard, keeping the focus on it; the table reaches every item', async () => {
    const { page, errors } = await open();
    const second = rows.findIndex((row) => row.id === 'action-2');
    await page.locator('wp-gantt-chart .bar-wrapper[data-row="0"]').focus();
    for (let i = 0; i < second; i += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const action2Items = rows.filter((row, i) => i > second && i < rows.findIndex((r) => r.id === 'action-3')).length;
    await page.waitForFunction((n) => document.querySelector('.gantt-host')?.getAttribute('data-chart-rows') === String(n), rows.length - action2Items);
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(focused).toContain('Action 2');
    expect(focused).toContain('collapsed');
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelector('.gantt-host')?.getAttribute('data-chart-rows') === String(n), rows.length);

    const table = page.getByTestId('gantt-table');
    await table.waitFor();
    await page.getByRole('button', { name: `Show all ${plan.items.length} rows` }).click();
    // The rows come a batch at a time, until every item has its row.
    await expect(countWhenSettled(page, '[data-testid=gantt-table] tbody tr', plan.items.length, 30_000)).resolves.toBe(plan.items.length);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
