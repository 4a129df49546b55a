/**
 * `node dist/bench/forecast-bench-run.js [tracker-url partnership-key]`: the forecast's benchmark
 * alone (forecast-bench.ts), on a generated plan of 5,000 items and 5,000 links, or on a running
 * tracker's partnership. Prints the figures as JSON; exits 1 when the median misses the goal.
 */
import { measureForecast, trackerPlan } from './forecast-bench';

async function main(): Promise<void> {
  const [base, key] = process.argv.slice(2);
  const figures = base && key ? await measureForecast({ items: await trackerPlan(base, key), source: `${base} ${key}` }) : await measureForecast();
  console.log(JSON.stringify(figures, null, 2));
  if (!figures.underGoal) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
