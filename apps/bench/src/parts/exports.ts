/**
 * Chart files (`BENCH_ONLY=exports`): the time to produce one file, one request at a time, the
 * median of BENCH_ROUNDS: the Work Plan's chart as PDF and PNG, the 5,000-item plan's as PDF on A4
 * and A3.
 */
import type { BenchPart } from '../shared/part';
import { settings } from '../shared/settings';
import { median, round } from '../shared/stats';

export interface ExportRow {
  file: string;
  path: string;
  ms: number;
  bytes: number;
}

export function chartFiles(): BenchPart {
  return {
    name: 'exports',
    plans: ['chartfivek'],
    async run(bench) {
      console.log('Chart files (time to produce one file, one request at a time):');
      const rows: ExportRow[] = [];
      bench.results.exports = rows;
      for (const [label, path] of [
        ['Work Plan chart PDF (A4)', '/api/exports/chart.pdf'],
        ['Work Plan chart PNG (2x)', '/api/exports/chart.png'],
        ['5,000-item chart PDF (A4)', '/api/exports/chart.pdf?partnership=chartfivek-0001'],
        ['5,000-item chart PDF (A3)', '/api/exports/chart.pdf?partnership=chartfivek-0001&paper=a3'],
      ]) {
        const times: number[] = [];
        let bytes = 0;
        for (let r = 0; r < settings.ROUNDS; r++) {
          const started = performance.now();
          const response = await fetch(bench.appBase + path);
          if (!response.ok) throw new Error(`${path} answered ${response.status}`);
          bytes = (await response.arrayBuffer()).byteLength;
          times.push(performance.now() - started);
        }
        const row: ExportRow = { file: label, path, ms: median(times), bytes };
        rows.push(row);
        console.log(`  ${label}: ${round(row.ms, 0)} ms (${round(bytes / 1024, 0)} KiB)`);
      }
    },
  };
}
