/** The tracker's chart in a page: when it was drawn, the rows it holds, and a redraw timed from a click. */
import type { Browser, Page } from 'playwright-core';
import '../shared/page-globals';

/** When the chart was last drawn, once the page shows the version it compares with (`?baseline=N`). */
export const drawnWithBaseline = (): number | undefined => (document.querySelector('[data-testid=baseline-note]') ? window.__wpGanttRenderedAt : undefined);

/** The rows the chart holds without a redraw: what it says (`data-chart-rows`), or else the bars it drew. */
export const chartRows = (): number => {
  const host = document.querySelector('wp-gantt-chart .gantt-host');
  const said = host?.getAttribute('data-chart-rows');
  return said !== null && said !== undefined && said !== '' ? Number(said) : document.querySelectorAll('wp-gantt-chart .bar-wrapper').length;
};

/**
 * Clicks the button named `label` above the chart and answers how long the chart took to be drawn
 * again, in ms from the click, or null when it was not redrawn within `timeout` ms.
 */
export async function redrawAfter(page: Page, label: string, timeout = 120_000): Promise<number | null> {
  const clickedAt = await page.evaluate((text) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
    if (!button) return null;
    window.__wpGanttRenderedAt = undefined;
    const at = performance.now();
    button.click();
    return at;
  }, label);
  if (clickedAt === null) throw new Error(`${page.url()}: no button "${label}"`);
  try {
    await page.waitForFunction(() => window.__wpGanttRenderedAt !== undefined, null, { timeout });
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return null;
    throw error;
  }
  return (await page.evaluate(() => window.__wpGanttRenderedAt!)) - clickedAt;
}

export interface ChartTiming {
  /** Navigation to the chart drawn, in ms from the start of navigation. */
  ms: number;
  bars: number;
  /** The arrows (frappe-gantt's `.arrow path`) in the same chart as the bars. */
  arrows: number;
  rows: number;
  appReadyMs: number | null;
  expandedMs: number | null;
  allBars: number | null;
  allRows: number | null;
  ghosts: number | null;
}

/**
 * Navigation to the chart drawn (ms from the start of navigation), the bars and rows it then holds,
 * and with `expandAll` the time "Show all items" takes after "Show Actions only" (every Action
 * expanded in one click) with the bars, rows and ghost bars it then holds. `timeout` (ms) bounds the
 * load and each wait.
 */
export async function timeChart(browser: Browser, url: string, done: () => number | undefined, expandAll = false, timeout = 120_000): Promise<ChartTiming> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { timeout });
  await page.waitForFunction(done, null, { timeout });
  const ms = (await page.evaluate(done))!;
  // The bars of the chart on the screen (the first on the page: the server's, until the app shows its own).
  const bars = await page.evaluate(
    () => document.querySelector('.gantt-host')?.querySelectorAll('.bar-wrapper').length ?? document.querySelectorAll('.bar-wrapper').length,
  );
  const arrows = await page.evaluate(
    () => document.querySelector('.gantt-host')?.querySelectorAll('.arrow path').length ?? document.querySelectorAll('.gantt .arrow path').length,
  );
  const rows = await page.evaluate(chartRows);
  const result: ChartTiming = { ms, bars, arrows, rows, appReadyMs: null, expandedMs: null, allBars: null, allRows: null, ghosts: null };
  if (expandAll) {
    // The tracker's page: its chart may be the first paint, drawn before the app started; the app is
    // ready (its buttons work, the chart is its own) once it has shown itself in the first paint's place.
    await page.waitForFunction(() => window.__wpAppReadyAt !== undefined, null, { timeout });
    result.appReadyMs = await page.evaluate(() => window.__wpAppReadyAt!);
    // Collapsed first (it may already be), then timed from the click on "Show all items".
    await redrawAfter(page, 'Show Actions only', 60_000);
    result.expandedMs = await redrawAfter(page, 'Show all items');
    if (result.expandedMs === null) throw new Error(`${url}: the chart was not drawn again after "Show all items"`);
    result.allBars = await page.evaluate(() => document.querySelectorAll('.bar-wrapper').length);
    result.allRows = await page.evaluate(chartRows);
    result.ghosts = await page.evaluate(() => document.querySelectorAll('.bar-wrapper [data-testid=baseline-bar]').length);
  }
  await page.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return result;
}
