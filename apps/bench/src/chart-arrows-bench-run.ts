/**
 * `node dist/bench/chart-arrows-bench-run.js <tracker-url> <partnership-key> [database-url]`: the
 * chart with arrows against plain frappe-gantt (chart-arrows-bench.ts) on a running tracker, linking
 * the partnership's milestones first when a database address is given; then the forecast of that
 * plan (forecast-bench.ts). Prints the figures as JSON.
 */
import { chromium } from 'playwright-core';
import { linkPlan, measureChartArrows } from './chart-arrows-bench';
import { measureForecast, trackerPlan } from './forecast-bench';

async function main(): Promise<void> {
  const [base, key, databaseUrl] = process.argv.slice(2);
  if (!base || !key) throw new Error('usage: chart-arrows-bench-run.js <tracker-url> <partnership-key> [database-url]');
  const linked = databaseUrl ? await linkPlan(databaseUrl, key) : null;
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const chart = await measureChartArrows(browser, base, key);
    const forecast = await measureForecast({ items: await trackerPlan(base, key), source: `${base} ${key}` });
    console.log(JSON.stringify({ linked, chart, forecast }, null, 2));
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
