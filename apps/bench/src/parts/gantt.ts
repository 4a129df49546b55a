/**
 * The chart against plain frappe-gantt (`BENCH_ONLY=gantt`): the time from navigation to the chart
 * drawn, in headless Chromium, for the Work Plan and plans of 1,000 and 5,000 items, against plain
 * frappe-gantt given the same tasks on an empty page, and beside the tracker's chart alone
 * (apps/web/src/chart-alone.ts: the same renderer, options, items and rows, without the page or the
 * app). The tracker's home page comes with its chart drawn by the server (its first paint,
 * apps/web/src/server-paint.ts): the time is that chart's first frame; the time the app is ready (it
 * has shown itself in the first paint's place with its own chart: its buttons work) is measured
 * beside it. "Show all items" is timed after "Show Actions only" (the time to expand every Action).
 * Then the 5,000-item chart drawn with the baselines of version 1 (`?baseline=1`, a ghost bar under
 * each bar) against the same chart without them. Medians of BENCH_LOADS loads.
 */
import type { BenchPart } from '../shared/part';
import { settings } from '../shared/settings';
import { median, round } from '../shared/stats';
import { drawnWithBaseline, timeChart, type ChartTiming } from './chart-page';

export interface GanttRow {
  plan: string;
  tracker: { ms: number; bars: number; rows: number; appReadyMs: number; allItemsMs: number; allItemsBars: number | null; allRows: number | null };
  plain: { ms: number; bars: number };
  alone: { ms: number; bars: number };
  speedup: number;
  aloneSpeedup: number;
}

interface BaselineSide {
  ms: number;
  bars: number;
  allItemsMs: number;
  allItemsBars: number | null;
  ghostBars: number | null;
}

export interface GanttBaselineRow {
  plan: string;
  version: number;
  without: BaselineSide;
  with: BaselineSide;
  ratio: { firstRender: number; allItems: number };
}

const medianOf = (loads: ChartTiming[], key: 'ms' | 'appReadyMs' | 'expandedMs') => median(loads.map((x) => x[key] ?? Number.NaN));

export function gantt(): BenchPart {
  return {
    name: 'gantt',
    plans: ['chartk', 'chartfivek'],
    async run(bench) {
      console.log('Gantt chart in headless Chromium:');
      const browser = await bench.browser();
      const defaultKey = await bench.defaultPartnership();
      const { appBase } = bench;
      const plain = { base: await bench.plainPages() };
      // One load of each page first, not timed: the first pages a new browser opens pay for its own
      // start (its network service, fonts, spare renderers), which belongs to neither side.
      await timeChart(browser, `${appBase}/?partnership=${defaultKey}`, () => window.__wpFirstPaintAt);
      await timeChart(browser, `${plain.base}/?partnership=${defaultKey}`, () => window.__plainRenderedAt);
      await timeChart(browser, `${plain.base}/alone?partnership=${defaultKey}`, () => window.__wpGanttRenderedAt);
      for (const [label, key] of [
        ['Work Plan (41 items)', defaultKey],
        ['1,000 items', 'chartk-0001'],
        ['5,000 items', 'chartfivek-0001'],
      ]) {
        const ours: ChartTiming[] = [];
        const theirs: ChartTiming[] = [];
        const alone: ChartTiming[] = [];
        for (let r = 0; r < settings.LOADS; r++) {
          ours.push(await timeChart(browser, `${appBase}/?partnership=${key}`, () => window.__wpFirstPaintAt, true));
          theirs.push(await timeChart(browser, `${plain.base}/?partnership=${key}`, () => window.__plainRenderedAt));
          alone.push(await timeChart(browser, `${plain.base}/alone?partnership=${key}`, () => window.__wpGanttRenderedAt));
        }
        // The same rows; the server draws the bars of a window at least as tall as the bench's (server-paint.ts).
        if (alone[0].rows !== ours[0].rows || ours[0].bars < alone[0].bars) {
          throw new Error(`${label}: the chart alone drew ${alone[0].bars} bars of ${alone[0].rows} rows, the tracker ${ours[0].bars} of ${ours[0].rows}`);
        }
        const tracker = {
          ms: medianOf(ours, 'ms'),
          bars: ours[0].bars,
          rows: ours[0].rows,
          appReadyMs: medianOf(ours, 'appReadyMs'),
          allItemsMs: medianOf(ours, 'expandedMs'),
          allItemsBars: ours[0].allBars,
          allRows: ours[0].allRows,
        };
        const plainSide = { ms: medianOf(theirs, 'ms'), bars: theirs[0].bars };
        const aloneSide = { ms: medianOf(alone, 'ms'), bars: alone[0].bars };
        const row: GanttRow = {
          plan: label,
          tracker,
          plain: plainSide,
          alone: aloneSide,
          speedup: plainSide.ms / tracker.ms,
          aloneSpeedup: plainSide.ms / aloneSide.ms,
        };
        bench.results.gantt.push(row);
        console.log(
          `  ${label}: tracker ${round(tracker.ms, 0)} ms (${tracker.bars} bars, ${tracker.rows} of ${tracker.allRows} rows; the app ready at ${round(tracker.appReadyMs, 0)} ms; "Show all items" ${round(tracker.allItemsMs, 0)} ms, ${tracker.allItemsBars} bars) vs plain frappe-gantt ${round(plainSide.ms, 0)} ms (${plainSide.bars} bars): ${round(row.speedup, 1)}x; the chart alone, without the app, ${round(aloneSide.ms, 0)} ms (${round(row.aloneSpeedup, 1)}x plain)`,
        );
      }

      // The same 5,000-item chart without and with the baselines of version 1 (the plan as generated),
      // alternating which side goes first.
      const key = 'chartfivek-0001';
      const sides = {
        without: { url: `${appBase}/?partnership=${key}`, done: () => window.__wpGanttRenderedAt, runs: [] as ChartTiming[] },
        with: { url: `${appBase}/?partnership=${key}&baseline=1`, done: drawnWithBaseline, runs: [] as ChartTiming[] },
      };
      for (let r = 0; r < settings.LOADS; r++) {
        for (const side of r % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const)) {
          sides[side].runs.push(await timeChart(browser, sides[side].url, sides[side].done, true));
        }
      }
      const summary = ({ runs: loads }: { runs: ChartTiming[] }): BaselineSide => ({
        ms: medianOf(loads, 'ms'),
        bars: loads[0].bars,
        allItemsMs: medianOf(loads, 'expandedMs'),
        allItemsBars: loads[0].allBars,
        ghostBars: loads[0].ghosts,
      });
      const without = summary(sides.without);
      const withBaseline = summary(sides.with);
      if (without.ghostBars !== 0 || !(withBaseline.ghostBars! > 0)) {
        throw new Error(
          `baseline chart: ${without.ghostBars} ghost bars without ?baseline=1 and ${withBaseline.ghostBars} with it (is version 1 of ${key} approved?)`,
        );
      }
      const row: GanttBaselineRow = {
        plan: '5,000 items',
        version: 1,
        without,
        with: withBaseline,
        ratio: { firstRender: withBaseline.ms / without.ms, allItems: withBaseline.allItemsMs / without.allItemsMs },
      };
      bench.results.ganttBaseline = row;
      console.log(
        `  5,000 items with the baselines of version 1: ${round(row.with.ms, 0)} ms (${row.with.bars} bars; all ${row.with.allItemsBars} bars and ${row.with.ghostBars} ghost bars redrawn in ${round(row.with.allItemsMs, 0)} ms) vs without ${round(row.without.ms, 0)} ms (all ${row.without.allItemsBars} bars in ${round(row.without.allItemsMs, 0)} ms): ${round(row.ratio.firstRender, 2)}x and ${round(row.ratio.allItems, 2)}x the time`,
      );
    },
  };
}
