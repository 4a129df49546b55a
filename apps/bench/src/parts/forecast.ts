/**
 * The forecast (`BENCH_ONLY=forecast`): how long the server's forecast (libs/schedule
 * `forecastLinkedItems`, the code the risk view, the what-if and the chart's files run on the plan
 * they read) takes on the 5,000-item plan with 5,000 finish-to-start links (linkedfivek-0001), given
 * that plan as GET /api/gantt serves it. One warm-up, then the median of BENCH_ROUNDS runs, wall and
 * CPU time (on a shared machine, the CPU time says what the work itself cost).
 */
import { forecastLinkedItems, type LinkedPlanItem } from '@tracker/schedule';
import { performance } from 'node:perf_hooks';
import type { BenchPart } from '../shared/part';
import { settings } from '../shared/settings';
import { median, round } from '../shared/stats';

const PLAN = 'linkedfivek-0001';
/** The day the plan is forecast as of: fixed, so that runs compare. */
const AS_OF = '2026-12-07';

export interface ForecastFigures {
  plan: string;
  asOf: string;
  items: number;
  links: number;
  /** Milliseconds of each run, and their median. */
  runsMs: number[];
  ms: number;
  /** CPU time of the bench's process in each run (user + system), and their median. */
  cpuRunsMs: number[];
  cpuMs: number;
}

/** Forecasts `items` as of `asOf` once untimed, then `rounds` times: wall and CPU time of each run. */
async function timeForecast(items: LinkedPlanItem[], asOf: string, rounds: number): Promise<{ runsMs: number[]; cpuRunsMs: number[] }> {
  forecastLinkedItems(items, asOf);
  const runsMs: number[] = [];
  const cpuRunsMs: number[] = [];
  for (let run = 0; run < rounds; run++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    const forecasts = forecastLinkedItems(items, asOf);
    runsMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuRunsMs.push((used.user + used.system) / 1000);
    if (forecasts.size !== items.length) throw new Error(`the forecast covered ${forecasts.size} of ${items.length} items`);
    // Let the event loop turn between runs, as a server's would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { runsMs, cpuRunsMs };
}

export function forecast(): BenchPart {
  return {
    name: 'forecast',
    plans: ['linkedfivek'],
    async run(bench) {
      console.log('The forecast of the 5,000-item plan with 5,000 links (libs/schedule, as the server runs it):');
      const response = await fetch(`${bench.appBase}/api/gantt?partnership=${PLAN}`);
      if (!response.ok) throw new Error(`GET /api/gantt?partnership=${PLAN} answered ${response.status}`);
      const { items } = (await response.json()) as { items: LinkedPlanItem[] };
      const links = items.reduce((sum, item) => sum + item.predecessorIds.length, 0);
      if (!links) throw new Error(`${PLAN} has no links (is the plan linked?)`);
      const { runsMs, cpuRunsMs } = await timeForecast(items, AS_OF, settings.ROUNDS);
      const figures: ForecastFigures = { plan: PLAN, asOf: AS_OF, items: items.length, links, runsMs, ms: median(runsMs), cpuRunsMs, cpuMs: median(cpuRunsMs) };
      bench.results.forecast = figures;
      console.log(
        `  ${figures.items} items, ${links} links: ${round(figures.ms, 0)} ms (CPU ${round(figures.cpuMs, 0)} ms), runs ${runsMs.map((ms) => round(ms, 0)).join(', ')} ms`,
      );
    },
  };
}
