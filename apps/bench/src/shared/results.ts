/** The figures of one run, the machine's load around it, and the results file they are written to. */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { ApiRow } from '../parts/api-load';
import type { ArrowsFigures } from '../parts/arrows';
import type { EvidenceFigures } from '../parts/evidence';
import type { ExportRow } from '../parts/exports';
import type { FirstLoad } from '../parts/first-load';
import type { ForecastFigures } from '../parts/forecast';
import type { WebInitialJs } from '../parts/footprint';
import type { GanttBaselineRow, GanttRow } from '../parts/gantt';
import type { LighthouseFigures } from '../parts/lighthouse';
import type { ScrollFigures } from '../parts/scroll';
import type { BombFigures, StormFigures } from '../parts/storm';
import type { Goal } from '../report';
import { round } from './stats';
import { root, settings } from './settings';

export interface Results {
  when: string;
  machine: { node: string; cpus: number; loadAverage: { start: number[]; end: number[] | null } };
  settings: typeof settings & { parts: string[] };
  api: ApiRow[];
  gantt: GanttRow[];
  ganttBaseline?: GanttBaselineRow;
  storm?: StormFigures;
  bomb?: BombFigures;
  evidence?: EvidenceFigures;
  arrows?: ArrowsFigures;
  forecast?: ForecastFigures;
  exports?: ExportRow[];
  scroll?: ScrollFigures;
  firstLoad?: FirstLoad;
  lighthouse?: LighthouseFigures;
  webInitialJs?: WebInitialJs;
  apiRssKiB?: number;
  goals?: Goal[];
}

/** A run's results, started now with the machine's load average (1, 5 and 15 minutes). */
export function newResults(parts: string[]): Results {
  return {
    when: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, loadAverage: { start: loadavg(), end: null } },
    settings: { ...settings, parts },
    api: [],
    gantt: [],
  };
}

/** A load average as printed: "1.02, 0.87, 0.66". */
export const sayLoad = (load: number[]): string => load.map((n) => round(n, 2)).join(', ');

/** Writes the results to apps/bench/results/<time>.json and answers the file's path. */
export async function writeResults(results: Results): Promise<string> {
  const outDir = join(root, 'apps/bench/results');
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${results.when.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
  return file;
}
