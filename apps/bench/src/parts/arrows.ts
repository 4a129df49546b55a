/**
 * The chart with arrows against plain frappe-gantt given the same links (`BENCH_ONLY=arrows`): the
 * 5,000-item plan with 5,000 finish-to-start links (linkedfivek-0001), the time from navigation to
 * the chart drawn in headless Chromium, on the tracker's home page (its chart drawn by the server with
 * the arrows among the rows on screen; the app ready and "Show all items" beside it) and on plain
 * frappe-gantt given every dated item with its predecessors as `dependencies` (the gantt part's page,
 * `&links=1`: it draws every arrow). Medians of BENCH_LOADS loads, alternating the two sides.
 */
import type { BenchPart } from '../shared/part';
import { settings } from '../shared/settings';
import { median, round } from '../shared/stats';
import { timeChart, type ChartTiming } from './chart-page';

const PLAN = 'linkedfivek-0001';

/** Plain frappe-gantt drawing 5,000 arrows took close to a minute a load on a loaded 2-core machine. */
const TIMEOUT_MS = 300_000;

export interface ArrowsFigures {
  plan: string;
  /** The links the plan's items carry (predecessors of the items GET /api/gantt serves). */
  links: number;
  tracker: { ms: number; runsMs: number[]; bars: number; arrows: number; rows: number; appReadyMs: number; allItemsMs: number };
  plain: { ms: number; runsMs: number[]; bars: number; arrows: number };
  /** Plain frappe-gantt's median over the tracker's: the goal is at least 10. */
  speedup: number;
}

export function arrows(): BenchPart {
  return {
    name: 'arrows',
    plans: ['linkedfivek'],
    async run(bench) {
      console.log('The chart with arrows (5,000 items, 5,000 links) in headless Chromium:');
      const browser = await bench.browser();
      const plainBase = await bench.plainPages();
      const { appBase } = bench;
      const plan = (await (await fetch(`${appBase}/api/gantt?partnership=${PLAN}`)).json()) as { items: { predecessorIds: string[] }[] };
      const links = plan.items.reduce((sum, item) => sum + item.predecessorIds.length, 0);
      // One load of each page first, not timed (as in the gantt part: a new browser's first pages pay for its start).
      const defaultKey = await bench.defaultPartnership();
      await timeChart(browser, `${appBase}/?partnership=${defaultKey}`, () => window.__wpFirstPaintAt);
      await timeChart(browser, `${plainBase}/?partnership=${defaultKey}&links=1`, () => window.__plainRenderedAt);
      const ours: ChartTiming[] = [];
      const theirs: ChartTiming[] = [];
      const tracker = () => timeChart(browser, `${appBase}/?partnership=${PLAN}`, () => window.__wpFirstPaintAt, true, TIMEOUT_MS);
      const plain = () => timeChart(browser, `${plainBase}/?partnership=${PLAN}&links=1`, () => window.__plainRenderedAt, false, TIMEOUT_MS);
      for (let r = 0; r < settings.LOADS; r++) {
        if (r % 2) {
          theirs.push(await plain());
          ours.push(await tracker());
        } else {
          ours.push(await tracker());
          theirs.push(await plain());
        }
      }
      if (!(ours[0].arrows > 0) || !(theirs[0].arrows > 0)) {
        throw new Error(`${PLAN}: the tracker drew ${ours[0].arrows} arrows and plain frappe-gantt ${theirs[0].arrows} (is the plan linked?)`);
      }
      const figures: ArrowsFigures = {
        plan: PLAN,
        links,
        tracker: {
          ms: median(ours.map((x) => x.ms)),
          runsMs: ours.map((x) => x.ms),
          bars: ours[0].bars,
          arrows: ours[0].arrows,
          rows: ours[0].rows,
          appReadyMs: median(ours.map((x) => x.appReadyMs ?? Number.NaN)),
          allItemsMs: median(ours.map((x) => x.expandedMs ?? Number.NaN)),
        },
        plain: { ms: median(theirs.map((x) => x.ms)), runsMs: theirs.map((x) => x.ms), bars: theirs[0].bars, arrows: theirs[0].arrows },
        speedup: 0,
      };
      figures.speedup = figures.plain.ms / figures.tracker.ms;
      bench.results.arrows = figures;
      const t = figures.tracker;
      console.log(
        `  ${links} links: tracker ${round(t.ms, 0)} ms (${t.bars} bars, ${t.arrows} arrows, ${t.rows} rows; the app ready at ${round(t.appReadyMs, 0)} ms; "Show all items" ${round(t.allItemsMs, 0)} ms) vs plain frappe-gantt ${round(figures.plain.ms, 0)} ms (${figures.plain.bars} bars, ${figures.plain.arrows} arrows): ${round(figures.speedup, 1)}x`,
      );
    },
  };
}
