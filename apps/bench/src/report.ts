/** The run's figures as printed: tables of each part, then each goal against what was measured. */
import type { Results } from './shared/results';
import { settings } from './shared/settings';
import { round } from './shared/stats';

export interface Goal {
  figure: string;
  goal: string;
  measured: string;
  /** Null where the part did not run, or where the figure has no goal. */
  met: boolean | null;
}

/** Each figure of the goals, as measured in this run (null where its part did not run). */
export function goals(results: Results): Goal[] {
  const rows: Goal[] = [];
  const add = (figure: string, goal: string, measured: string | false | undefined | null, met: boolean | null | undefined) =>
    rows.push({ figure, goal, measured: measured || 'not measured in this run', met: measured ? (met === undefined ? false : met) : null });
  const chart = (plan: string) => results.gantt.find((g) => g.plan === plan);
  const api = (scale: string, endpoint: string) => results.api.find((r) => r.scale === scale && r.endpoint === endpoint);
  const ms = (n: number | null) => `${round(n ?? Number.NaN, 0)} ms`;

  const workPlan = chart('Work Plan (41 items)');
  add(
    'Work Plan (41 items), navigation to chart drawn',
    '>= 5x faster than plain frappe-gantt',
    workPlan &&
      `${ms(workPlan.tracker.ms)} vs plain frappe-gantt ${ms(workPlan.plain.ms)}: ${round(workPlan.speedup, 1)}x (the app ready at ${ms(workPlan.tracker.appReadyMs)})`,
    workPlan && workPlan.speedup >= 5,
  );
  const big = chart('5,000 items');
  const everyRow = big !== undefined && big.tracker.rows >= (big.tracker.allRows ?? Infinity);
  add(
    '5,000 items, first render',
    '>= 10x faster than plain frappe-gantt, every bar available without a redraw',
    big &&
      `${ms(big.tracker.ms)} vs plain frappe-gantt ${ms(big.plain.ms)}: ${round(big.speedup, 1)}x (the app ready at ${ms(big.tracker.appReadyMs)}); ${big.tracker.rows} of ${big.tracker.allRows} rows available without a redraw`,
    big && big.speedup >= 10 && everyRow,
  );
  const arrows = results.arrows;
  add(
    'The chart with arrows: 5,000 items and 5,000 links, first render',
    '>= 10x faster than plain frappe-gantt given the same links',
    arrows &&
      `${ms(arrows.tracker.ms)} (${arrows.tracker.arrows} arrows among the rows on screen; the app ready at ${ms(arrows.tracker.appReadyMs)}) vs plain frappe-gantt ${ms(arrows.plain.ms)} (${arrows.plain.arrows} arrows): ${round(arrows.speedup, 1)}x`,
    arrows && arrows.speedup >= 10,
  );
  const forecast = results.forecast;
  add(
    'The forecast of 5,000 items and 5,000 links (libs/schedule)',
    '< 200 ms',
    forecast && `${ms(forecast.ms)} (CPU ${ms(forecast.cpuMs)}; ${forecast.items} items, ${forecast.links} links)`,
    forecast && forecast.ms < 200,
  );
  const scroll = results.scroll?.allRowsPass;
  add(
    '5,000 items, scrolling through all rows',
    'no long task over 50 ms',
    scroll &&
      (scroll.longTaskObserved
        ? `${scroll.longTasks} long tasks, the longest ${ms(scroll.longestTaskMs)}; at most ${scroll.maxBars} bars in the page for ${results.scroll?.allRows} rows (${scroll.after === 'first render' ? 'as opened' : 'after "Show all items"'})`
        : 'long tasks not observable in this browser'),
    scroll && scroll.longTaskObserved && scroll.longTasks === 0,
  );
  add(
    '5,000 items, expanding everything',
    '<= 100 ms',
    big && `${ms(big.tracker.allItemsMs)} ("Show all items" after "Show Actions only", ${big.tracker.allItemsBars} bars)`,
    big && big.tracker.allItemsMs <= 100,
  );
  for (const [label, endpoint] of [
    ['GET /api/gantt of the 4,100-item plan', 'GET /api/gantt (4,100-item plan)'],
    ['the same, Accept-Encoding: br', 'GET /api/gantt (4,100-item plan, Accept-Encoding: br)'],
  ]) {
    const r = api('100x', endpoint);
    add(
      label,
      ">= 20x the bare server's req/s; p99 < 100 ms",
      r && r.bare && r.ratio !== null && `${round(r.app.rps, 0)} req/s, ${round(r.ratio, 1)}x bare (${round(r.bare.rps, 0)} req/s); p99 ${r.app.p99} ms`,
      r && r.ratio !== null && r.ratio >= 20 && r.app.p99 < 100,
    );
  }
  const at100 = api('100x', 'GET /api/gantt');
  add(
    'GET /api/gantt at 100x',
    '>= 80% of bare; p99 < 50 ms',
    at100 &&
      at100.bare &&
      at100.ratio !== null &&
      `${round(at100.app.rps, 0)} req/s, ${round(at100.ratio * 100, 0)}% of bare (${round(at100.bare.rps, 0)} req/s); p99 ${at100.app.p99} ms`,
    at100 && at100.ratio !== null && at100.ratio >= 0.8 && at100.app.p99 < 50,
  );
  const lh = results.lighthouse;
  add(
    'Home page, Lighthouse performance (mobile)',
    '>= 90',
    lh &&
      `${lh.performance} (FCP ${ms(lh.fcpMs)}, LCP ${ms(lh.lcpMs)}, TBT ${ms(lh.tbtMs)}, CLS ${round(lh.cls ?? Number.NaN, 3)}); calibrated to this machine, ${lh.calibrated.cpuSlowdownMultiplier}x: ${lh.calibrated.performance} (TBT ${ms(lh.calibrated.tbtMs)})`,
    lh && lh.performance !== null && lh.performance >= 90,
  );
  add('Home page, Lighthouse accessibility', '100', lh && `${lh.accessibility}`, lh?.accessibility === 100);
  const storm = results.storm;
  add(
    'The storm: /api/health p99 while 10 anonymous clients ask for chart PDFs, PNGs and calendars of 5,000 items',
    '< 200 ms',
    storm && `${storm.health.p99} ms (${storm.health.requests} requests, max ${storm.health.max} ms)`,
    storm && storm.health.p99 < 200,
  );
  add(
    'The storm: the exports answered',
    'each served or refused (503 with Retry-After, or 4xx), none a 500',
    storm &&
      `${storm.served} served, ${storm.refused503} refused with 503 (${storm.refused503WithRetryAfter} with Retry-After), ${storm.refused4xx} refused with 4xx, ${storm.failed5xx} failed with 5xx, ${storm.unanswered} unanswered`,
    storm && storm.failed5xx === 0 && storm.unanswered === 0 && storm.refused503 === storm.refused503WithRetryAfter,
  );
  const bomb = results.bomb;
  add(
    'XLSX bomb import (100 MB of sheet XML): API memory',
    '< idle + 100 MB',
    bomb && `peak ${bomb.peakMiB} MiB against ${bomb.idleMiB} MiB idle (+${bomb.growthMiB} MiB); answered ${bomb.status} in ${bomb.ms} ms`,
    bomb && bomb.growthMiB < 100,
  );
  const evidence = results.evidence;
  add(
    `Evidence files (${evidence?.totalMiB ?? 100} MB uploaded and downloaded): API memory`,
    '< idle + 50 MB',
    evidence && `peak ${evidence.peakMiB} MiB against ${evidence.idleMiB} MiB idle (+${evidence.growthMiB} MiB)`,
    evidence && evidence.growthMiB < 50,
  );
  const first = results.firstLoad;
  add(
    'Home page, first load, compressed bytes',
    'none (the figure)',
    first &&
      `${first.total} bytes (${Object.entries(first.byType)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')})`,
    null,
  );
  return rows;
}

/** Prints the run's tables and goals, and adds the goals to `results`. */
export function report(results: Results): void {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  if (results.api.length) {
    console.log(
      '\n' +
        pad('scale', 6) +
        pad('endpoint', 56) +
        pad('tracker req/s', 15) +
        pad('p50/p99 ms', 12) +
        pad('bare req/s', 12) +
        pad('bare p50/p99', 14) +
        'ratio',
    );
    for (const r of results.api) {
      console.log(
        pad(r.scale, 6) +
          pad(r.endpoint, 56) +
          pad(round(r.app.rps, 0), 15) +
          pad(`${r.app.p50}/${r.app.p99}`, 12) +
          pad(r.bare ? round(r.bare.rps, 0) : '-', 12) +
          pad(r.bare ? `${r.bare.p50}/${r.bare.p99}` : '-', 14) +
          (r.ratio ? `${round(r.ratio * 100, 0)}%` : '-'),
      );
    }
  }
  if (results.gantt.length) {
    console.log(
      '\n' +
        pad('plan', 22) +
        pad('tracker ms (bars, rows)', 26) +
        pad('app ready ms', 14) +
        pad('all items ms (bars)', 22) +
        pad('plain frappe ms (bars)', 24) +
        pad('speed-up', 10) +
        'the chart alone ms (speed-up)',
    );
    for (const g of results.gantt) {
      console.log(
        pad(g.plan, 22) +
          pad(`${round(g.tracker.ms, 0)} (${g.tracker.bars}, ${g.tracker.rows} of ${g.tracker.allRows})`, 26) +
          pad(`${round(g.tracker.appReadyMs, 0)}`, 14) +
          pad(`${round(g.tracker.allItemsMs, 0)} (${g.tracker.allItemsBars})`, 22) +
          pad(`${round(g.plain.ms, 0)} (${g.plain.bars})`, 24) +
          pad(`${round(g.speedup, 1)}x`, 10) +
          `${round(g.alone.ms, 0)} (${round(g.aloneSpeedup, 1)}x)`,
      );
    }
  }
  const b = results.ganttBaseline;
  if (b) {
    console.log('\n' + pad('5,000 items, baselines of version 1', 38) + pad('first render ms (bars)', 24) + pad('all items ms (bars)', 22) + 'ghost bars');
    for (const [label, side] of [
      ['without ?baseline=1', b.without],
      ['with ?baseline=1', b.with],
    ] as const) {
      console.log(
        pad(label, 38) + pad(`${round(side.ms, 0)} (${side.bars})`, 24) + pad(`${round(side.allItemsMs, 0)} (${side.allItemsBars})`, 22) + side.ghostBars,
      );
    }
    console.log(pad('with / without', 38) + pad(`${round(b.ratio.firstRender, 2)}x`, 24) + `${round(b.ratio.allItems, 2)}x`);
  }
  console.log('');
  for (const r of results.api) {
    if (r.scale === '100x' && r.ratio !== null) {
      console.log(`API ${r.endpoint} at 100x: ${round(r.ratio * 100, 0)}% of the bare server's requests/s, p99 ${r.app.p99} ms`);
    }
  }
  const big = results.gantt.find((g) => g.plan.startsWith('5,000'));
  if (big)
    console.log(`Gantt 5,000 items: ${round(big.tracker.ms, 0)} ms to first render (goal < 1000 ms), ${round(big.speedup, 1)}x faster than plain frappe-gantt`);
  if (b)
    console.log(
      `Gantt 5,000 items with the baselines of version 1: ${round(b.with.ms, 0)} ms to first render vs ${round(b.without.ms, 0)} ms without (${round(b.ratio.firstRender, 2)}x), all items ${round(b.with.allItemsMs, 0)} ms vs ${round(b.without.allItemsMs, 0)} ms (${round(b.ratio.allItems, 2)}x), ${b.with.ghostBars} ghost bars`,
    );
  const arrows = results.arrows;
  if (arrows)
    console.log(
      `Gantt 5,000 items with ${arrows.links} links: ${round(arrows.tracker.ms, 0)} ms to first render (${arrows.tracker.arrows} arrows), ${round(arrows.speedup, 1)}x faster than plain frappe-gantt (${round(arrows.plain.ms, 0)} ms, ${arrows.plain.arrows} arrows)`,
    );
  const forecast = results.forecast;
  if (forecast)
    console.log(
      `Forecast of ${forecast.items} items and ${forecast.links} links: ${round(forecast.ms, 0)} ms (CPU ${round(forecast.cpuMs, 0)} ms; goal < 200 ms)`,
    );
  const evidence = results.evidence;
  if (evidence)
    console.log(
      `Evidence, ${evidence.totalMiB} MB up and down: API memory idle ${evidence.idleMiB} MiB, peak ${evidence.peakMiB} MiB (+${evidence.growthMiB} MiB; goal < +50 MB), upload ${evidence.uploadMiBps} MiB/s, download ${evidence.downloadMiBps} MiB/s`,
    );
  for (const e of results.exports ?? []) console.log(`Export ${e.file}: ${round(e.ms, 0)} ms to produce (${round(e.bytes / 1024, 0)} KiB)`);
  if (results.webInitialJs)
    console.log(`Web initial JavaScript: ${results.webInitialJs.gzip} bytes gzip (${results.webInitialJs.raw} raw) (goal < 250 kB gzip)`);
  if (results.apiRssKiB !== undefined) console.log(`API resident memory after the runs: ${round(results.apiRssKiB / 1024, 0)} MiB`);
  const lh = results.lighthouse;
  if (lh) {
    const list = (audits: typeof lh.failedPerformance) =>
      audits
        .map((a) => {
          const values = a.displayValues.length ? ` (${a.displayValues.join(' / ')})` : '';
          const where = a.items.map((item) => `\n      ${item}`).join('');
          return `    ${a.title}${values}, in ${a.runs} of ${settings.LOADS} runs${where}`;
        })
        .join('\n');
    console.log(
      `Lighthouse ${lh.version} on the home page; this machine's benchmark index ${lh.benchmarkIndex} (Lighthouse's CPU figure, the median of the runs)`,
    );
    console.log(`Lighthouse: what holds the performance score down (audits under 0.9):\n${list(lh.failedPerformance) || '    nothing'}`);
    console.log(`Lighthouse accessibility audits that failed:\n${list(lh.failedAccessibility) || '    none'}`);
    if (lh.warnings.length) console.log(`Lighthouse warnings: ${lh.warnings.join('; ')}`);
  }

  results.goals = goals(results);
  const width = (key: 'figure' | 'measured' | 'goal') => Math.max(key.length, ...results.goals!.map((g) => g[key].length)) + 2;
  const [figure, measured, goal] = [width('figure'), width('measured'), width('goal')];
  console.log('\nGoals\n' + pad('figure', figure) + pad('measured', measured) + pad('goal', goal) + 'met');
  for (const g of results.goals) {
    console.log(pad(g.figure, figure) + pad(g.measured, measured) + pad(g.goal, goal) + (g.met === null ? '-' : g.met ? 'yes' : 'no'));
  }
}
