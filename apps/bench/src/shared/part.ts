/** What a measurement family is to the runner (apps/bench/src/bench.ts), and what it is given. */
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import type { Results } from './results';
import type { GeneratedPlan } from './tracker';

/** The running tracker and the run's results, as each part sees them. */
export interface Bench {
  /** The API (and web app) under measure, e.g. http://127.0.0.1:41234. */
  readonly appBase: string;
  /** Its process (for its memory). */
  readonly app: ChildProcess;
  readonly databaseUrl: string;
  /** The run's figures: each part adds its own. */
  readonly results: Results;
  /** One headless Chromium for every page figure, started on first use. */
  browser(): Promise<Browser>;
  /** The base address of the plain frappe-gantt page and the chart alone (parts/plain-server.ts), started on first use. */
  plainPages(): Promise<string>;
  /** The default partnership's key (the Work Plan): the first GET /api/partnerships lists. */
  defaultPartnership(): Promise<string>;
  /** Run when the bench ends, last registered first. */
  onCleanup(cleanup: () => Promise<unknown>): void;
}

/** One measurement family: `BENCH_ONLY=<name>` runs it alone. */
export interface BenchPart {
  readonly name: string;
  /** The generated plans it measures (added once, after every part's `beforeSeeding`). */
  readonly plans: readonly GeneratedPlan[];
  /** What it measures on the Work Plan alone, before the generated plans are added. */
  beforeSeeding?(bench: Bench): Promise<void>;
  run(bench: Bench): Promise<void>;
}
