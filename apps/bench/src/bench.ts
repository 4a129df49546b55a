/**
 * `npm run bench`: measures the tracker side by side with its floors, in one run, on this machine
 * (docs/benchmark.md gives the method and the latest figures). Each measurement family is a module
 * of apps/bench/src/parts; what they share (the tracker started on an embedded Postgres, medians,
 * the machine's load, the results file) is in apps/bench/src/shared.
 *
 * Medians of BENCH_ROUNDS rounds (default 3), each round alternating the two sides; page figures are
 * medians of BENCH_LOADS loads (default 3). BENCH_ONLY (a comma list of part names) runs only those
 * parts. The web app's initial JavaScript and the API's memory are measured after every run.
 * Results, with a table of the goals, are printed and written to apps/bench/results/<time>.json.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { measureFootprint } from './parts/footprint';
import { benchParts } from './parts';
import { startPlainServer } from './parts/plain-server';
import { report } from './report';
import { launchChromium } from './shared/chromium';
import type { Bench } from './shared/part';
import { newResults, sayLoad, writeResults } from './shared/results';
import { root, selectedParts } from './shared/settings';
import { seedPlans, startTracker } from './shared/tracker';

/** What the build writes and the run needs (`npm run bench` builds them first). */
const BUILT = [
  'dist/api/main.js',
  'dist/api/embedded-postgres.js',
  'dist/api/seed-scale.js',
  'dist/bench/bare-server.js',
  'dist/bench/chart-alone.js',
  'dist/web/browser/index.html',
];

async function main(): Promise<void> {
  const parts = benchParts();
  const names = parts.map((part) => part.name);
  const only = selectedParts(names, process.env['BENCH_ONLY']);
  const chosen = parts.filter((part) => only.has(part.name));
  for (const file of BUILT) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run bench (it builds first)`);
  }
  const results = newResults(chosen.map((part) => part.name));
  console.log(`Load average at the start (1, 5, 15 min): ${sayLoad(results.machine.loadAverage.start)} on ${results.machine.cpus} cores`);
  if (chosen.length < parts.length) console.log(`Parts: ${results.settings.parts.join(', ')} (BENCH_ONLY)`);

  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const tracker = await startTracker();
    cleanups.push(tracker.stop);
    let browser: Promise<Browser> | null = null;
    let plainPages: Promise<string> | null = null;
    let defaultKey: Promise<string> | null = null;
    const bench: Bench = {
      appBase: tracker.appBase,
      app: tracker.app,
      databaseUrl: tracker.databaseUrl,
      results,
      browser() {
        if (!browser) {
          browser = launchChromium();
          cleanups.push(async () => (await browser)?.close());
        }
        return browser;
      },
      plainPages() {
        if (!plainPages) {
          const started = startPlainServer(tracker.appBase, join(root, 'dist/web/browser'));
          cleanups.push(async () => (await started).server.close());
          plainPages = started.then((plain) => plain.base);
        }
        return plainPages;
      },
      defaultPartnership() {
        defaultKey ??= fetch(`${tracker.appBase}/api/partnerships`)
          .then((r) => r.json() as Promise<{ key: string }[]>)
          .then(([first]) => first.key);
        return defaultKey;
      },
      onCleanup(cleanup) {
        cleanups.push(cleanup);
      },
    };
    for (const part of chosen) await part.beforeSeeding?.(bench);
    await seedPlans(tracker.databaseUrl, new Set(chosen.flatMap((part) => part.plans)));
    for (const part of chosen) await part.run(bench);
    measureFootprint(bench);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
  results.machine.loadAverage.end = loadavg();

  report(results);
  console.log(`Load average (1, 5, 15 min) at the start ${sayLoad(results.machine.loadAverage.start)}, at the end ${sayLoad(results.machine.loadAverage.end)}`);
  console.log(`Results: ${await writeResults(results)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
