/**
 * Scrolling (`BENCH_ONLY=scroll`): the 5,000-item chart scrolled from top to bottom a screen at a
 * time, with the long tasks (over 50 ms) counted and the bars in the page at most; as opened, then
 * after "Show all items" when that gives more rows. Medians of BENCH_LOADS loads.
 */
import type { Browser } from 'playwright-core';
import type { BenchPart } from '../shared/part';
import { settings } from '../shared/settings';
import { median, round } from '../shared/stats';
import { chartRows, redrawAfter } from './chart-page';

interface ScrollPass {
  scroller: string;
  height: number;
  settleMs: number;
  steps: number;
  ms: number;
  longTaskObserved: boolean;
  longTasks: number;
  longestTaskMs: number;
  maxBars: number;
}

type PassSummary = Omit<ScrollPass, 'settleMs'>;

interface ScrollLoad {
  ms: number;
  rows: number;
  allRows: number;
  asOpened: ScrollPass;
  afterShowAll: ScrollPass | null;
}

export interface ScrollFigures {
  plan: string;
  firstRenderMs: number;
  rows: number;
  allRows: number;
  asOpened: PassSummary;
  afterShowAll: PassSummary | null;
  loads: ScrollLoad[];
  allRowsPass?: PassSummary & { after: string };
}

/**
 * Scrolls the chart from top to bottom, one screen at a time, two animation frames after each step,
 * and counts the long tasks (over 50 ms) meanwhile and the bars in the page at most. The chart's
 * scroll box is `.gantt-container`: it is scrolled through its own height first, then the page
 * through what of the box lies below the window (a chart as tall as all its rows is scrolled with
 * the page alone). Runs in the page.
 */
function scrollThroughChart(): Promise<ScrollPass> {
  return new Promise((done, fail) => {
    const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const barsNow = () => document.querySelectorAll('wp-gantt-chart .bar-wrapper').length;
    const box = document.querySelector('wp-gantt-chart .gantt-container');
    if (!box) return fail(new Error('no chart (wp-gantt-chart .gantt-container) on the page'));
    const supported = PerformanceObserver.supportedEntryTypes.includes('longtask');
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    (async () => {
      box.scrollTop = 0;
      window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY);
      await frames();
      // The page settled first: half a second without a long task (ten seconds at most), so the
      // work of its first render is not counted as the scroll's.
      let settleMs = 0;
      if (supported) {
        let lastLong = performance.now();
        const settle = new PerformanceObserver(() => (lastLong = performance.now()));
        settle.observe({ type: 'longtask' });
        const since = performance.now();
        while (performance.now() - lastLong < 500 && performance.now() - since < 10_000) await new Promise((ok) => setTimeout(ok, 50));
        settle.disconnect();
        settleMs = performance.now() - since;
      }
      if (supported) observer.observe({ type: 'longtask' });
      const started = performance.now();
      let maxBars = barsNow();
      const steps = { chart: 0, page: 0 };
      const step = Math.min(box.clientHeight, window.innerHeight);
      const lastTop = () => box.scrollHeight - box.clientHeight;
      while (box.scrollTop < lastTop() - 1 && steps.chart < 100_000) {
        box.scrollTop = Math.min(box.scrollTop + step, lastTop());
        await frames();
        maxBars = Math.max(maxBars, barsNow());
        steps.chart++;
      }
      const lastY = () => box.getBoundingClientRect().bottom + window.scrollY - window.innerHeight;
      while (window.scrollY < lastY() - 1 && steps.page < 100_000) {
        const before = window.scrollY;
        window.scrollTo(0, Math.min(window.scrollY + window.innerHeight, lastY()));
        await frames();
        maxBars = Math.max(maxBars, barsNow());
        steps.page++;
        if (window.scrollY === before) break;
      }
      const ms = performance.now() - started;
      await new Promise((ok) => setTimeout(ok, 200));
      observer.takeRecords().forEach((entry) => longTasks.push(entry.duration));
      observer.disconnect();
      return {
        scroller: [steps.chart > 0 ? 'chart' : null, steps.page > 0 ? 'page' : null].filter(Boolean).join(' and ') || 'nothing',
        height: box.scrollHeight,
        settleMs,
        steps: steps.chart + steps.page,
        ms,
        longTaskObserved: supported,
        longTasks: longTasks.length,
        longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
        maxBars,
      };
    })().then(done, fail);
  });
}

/**
 * The 5,000-item chart as a person meets it: the rows it holds when first drawn, then scrolled
 * through; then "Show all items", and when that gave more rows, scrolled through again.
 */
async function measureScroll(browser: Browser, url: string): Promise<ScrollLoad> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { timeout: 120_000 });
  await page.waitForFunction(() => window.__wpGanttRenderedAt, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => window.__wpGanttRenderedAt!);
  const rows = await page.evaluate(chartRows);
  const asOpened = await page.evaluate(scrollThroughChart);
  await redrawAfter(page, 'Show all items', 60_000);
  const allRows = await page.evaluate(chartRows);
  const afterShowAll = allRows > rows ? await page.evaluate(scrollThroughChart) : null;
  await page.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return { ms, rows, allRows, asOpened, afterShowAll };
}

const pass = (list: ScrollPass[]): PassSummary => ({
  scroller: list[0].scroller,
  height: list[0].height,
  steps: list[0].steps,
  ms: median(list.map((x) => x.ms)),
  longTaskObserved: list[0].longTaskObserved,
  longTasks: median(list.map((x) => x.longTasks)),
  longestTaskMs: median(list.map((x) => x.longestTaskMs)),
  maxBars: median(list.map((x) => x.maxBars)),
});

const say = (p: PassSummary) =>
  `${p.steps} steps (${p.scroller} scrolled, ${p.height} px) in ${round(p.ms, 0)} ms, ${p.longTaskObserved ? `${p.longTasks} long tasks, the longest ${round(p.longestTaskMs, 0)} ms` : 'long tasks not observable in this browser'}, at most ${p.maxBars} bars in the page`;

export function scroll(): BenchPart {
  return {
    name: 'scroll',
    plans: ['chartfivek'],
    async run(bench) {
      console.log('Scrolling the 5,000-item chart from top to bottom:');
      const browser = await bench.browser();
      const loads: ScrollLoad[] = [];
      for (let r = 0; r < settings.LOADS; r++) loads.push(await measureScroll(browser, `${bench.appBase}/?partnership=chartfivek-0001`));
      const afterShows = loads.map((x) => x.afterShowAll);
      const afterShowAll = afterShows.every((x): x is ScrollPass => x !== null) ? pass(afterShows) : null;
      const figures: ScrollFigures = {
        plan: '5,000 items',
        firstRenderMs: median(loads.map((x) => x.ms)),
        rows: loads[0].rows,
        allRows: loads[0].allRows,
        asOpened: pass(loads.map((x) => x.asOpened)),
        afterShowAll,
        loads,
      };
      // Scrolled through every row: as opened when it opens with every row, else after "Show all items".
      figures.allRowsPass = afterShowAll ? { after: 'Show all items', ...afterShowAll } : { after: 'first render', ...figures.asOpened };
      bench.results.scroll = figures;
      console.log(`  as opened (${figures.rows} of ${figures.allRows} rows): ${say(figures.asOpened)}`);
      if (afterShowAll) console.log(`  after "Show all items" (${figures.allRows} rows): ${say(afterShowAll)}`);
    },
  };
}
