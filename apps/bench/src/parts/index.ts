/**
 * Every measurement family, in the order a full run takes them: `BENCH_ONLY=<name>,<name>` runs
 * those alone. A new family is a module beside these exporting a BenchPart (apps/bench/src/shared/part.ts),
 * added here.
 */
import type { BenchPart } from '../shared/part';
import { apiLoad } from './api-load';
import { arrows } from './arrows';
import { evidence } from './evidence';
import { chartFiles } from './exports';
import { firstLoad } from './first-load';
import { forecast } from './forecast';
import { gantt } from './gantt';
import { lighthouse } from './lighthouse';
import { scroll } from './scroll';
import { storm } from './storm';

export function benchParts(): BenchPart[] {
  // The storm first, on an API that no other part has warmed (as the latest baseline was measured);
  // the evidence files next, the API's memory still close to its start; the chart with arrows right
  // after the chart, on the same plain frappe-gantt page.
  return [storm(), evidence(), apiLoad(), chartFiles(), gantt(), arrows(), forecast(), scroll(), firstLoad(), lighthouse()];
}
