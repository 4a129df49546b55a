/**
 * The forecast's benchmark: how long the server takes to forecast a plan of 5,000 items with 5,000
 * finish-to-start links (libs/schedule `forecastLinkedItems`, the code the risk view, the what-if
 * and the chart exports run on the plan they read), median of 3 runs after one warm-up, with the
 * machine's load. The plan is either generated here (the shape of forecast.scale.spec.ts: 24 months
 * of month windows, each item linked to an earlier one with a lag of 0 to 2 months, every third in
 * progress) or read from a running tracker's `GET /api/gantt?partnership=<key>`.
 */
import { forecastLinkedItems, type LinkedPlanItem } from '@tracker/schedule';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

export interface ForecastFigures {
  items: number;
  links: number;
  /** Milliseconds of each run, and their median. */
  runsMs: number[];
  medianMs: number;
  /** CPU time of the process in each run (user + system), and their median: on a shared machine, what the work itself cost. */
  cpuRunsMs: number[];
  cpuMedianMs: number;
  /** The goal: under 200 ms. */
  underGoal: boolean;
  /** os.loadavg() before and after the runs (1, 5 and 15 minutes). */
  loadBefore: number[];
  loadAfter: number[];
  source: 'generated' | string;
}

export const FORECAST_GOAL_MS = 200;

/** A plan of `count` items, each but the first linked to an earlier one, plus one more link (count links in all). */
export function generatedPlan(count = 5000): LinkedPlanItem[] {
  const items: LinkedPlanItem[] = [];
  for (let i = 0; i < count; i++) {
    const month = (i % 24) + 1;
    const year = 2025 + Math.floor((month - 1) / 12);
    const m = String(((month - 1) % 12) + 1).padStart(2, '0');
    const predecessorIds = i === 0 ? [] : i === count - 1 ? [`i${Math.floor(i / 2)}`, `i${Math.floor(i / 3)}`] : [`i${Math.floor(i / 2)}`];
    items.push({
      id: `i${i}`,
      start: `${year}-${m}-01`,
      end: `${year}-${m}-28`,
      precision: 'month',
      status: i % 3 === 0 ? 'in_progress' : 'not_started',
      progress: i % 7 === 0 ? 20 : null,
      predecessorIds,
      predecessorLags: predecessorIds.map((_, k) => (i + k) % 3),
    });
  }
  return items;
}

/** The plan of a running tracker's partnership, as GET /api/gantt serves it. */
export async function trackerPlan(base: string, partnership: string): Promise<LinkedPlanItem[]> {
  const response = await fetch(`${base}/api/gantt?partnership=${encodeURIComponent(partnership)}`);
  if (!response.ok) throw new Error(`GET /api/gantt?partnership=${partnership} answered ${response.status}`);
  const data = (await response.json()) as { items: LinkedPlanItem[] };
  return data.items;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Forecasts `items` as of `asOf` three times (after one warm-up) and answers the figures. */
export async function measureForecast(options: { items?: LinkedPlanItem[]; source?: string; asOf?: string } = {}): Promise<ForecastFigures> {
  const items = options.items ?? generatedPlan();
  const asOf = options.asOf ?? '2026-12-07';
  const links = items.reduce((sum, item) => sum + item.predecessorIds.length, 0);
  const loadBefore = loadavg();
  forecastLinkedItems(items, asOf);
  const runsMs: number[] = [];
  const cpuRunsMs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const forecasts = forecastLinkedItems(items, asOf);
    runsMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuRunsMs.push((used.user + used.system) / 1000);
    if (forecasts.size !== items.length) throw new Error(`forecast ${forecasts.size} of ${items.length} items`);
    // Let the event loop turn between runs, as a server's would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const medianMs = median(runsMs);
  return {
    items: items.length,
    links,
    runsMs,
    medianMs,
    cpuRunsMs,
    cpuMedianMs: median(cpuRunsMs),
    underGoal: medianMs < FORECAST_GOAL_MS,
    loadBefore,
    loadAfter: loadavg(),
    source: options.source ?? 'generated',
  };
}
