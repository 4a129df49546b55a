/**
 * HTTP load (`BENCH_ONLY=api`): requests/s and p50/p99 latency of GET /api/gantt and GET
 * /api/milestones at 1x data (the seeded Work Plan) and 100x data, against a bare node:http + pg
 * server running the same SQL and sending the same JSON (apps/bench/src/bare-server.ts), each round
 * alternating the two sides; the 4,100-item plan's chart data, plain and in Brotli; GET /api/risks
 * signed in, where the build has it. The load is apps/bench/src/http-load.ts: keep-alive
 * connections that count the bytes of each answer and drop them.
 */
import { httpLoad } from '../http-load';
import type { Bench, BenchPart } from '../shared/part';
import { freePort, startProcess } from '../shared/processes';
import { settings } from '../shared/settings';
import { median, round } from '../shared/stats';
import { signInAsSecretariat } from '../shared/tracker';

export interface LoadFigures {
  rps: number;
  p50: number;
  p99: number;
}

export interface ApiRow {
  scale: '1x' | '100x';
  endpoint: string;
  app: LoadFigures;
  bare: LoadFigures | null;
  ratio: number | null;
}

/** One load of `url`: it fails on the first answer of 400 or more, or one that does not say its length. */
async function load(url: string, headers: Record<string, string> = {}): Promise<LoadFigures> {
  const { rps, p50, p99 } = await httpLoad(url, { connections: settings.CONNECTIONS, seconds: settings.SECONDS, headers });
  return { rps, p50: round(p50, 1), p99: round(p99, 1) };
}

const medians = (rounds: LoadFigures[]): LoadFigures => ({
  rps: median(rounds.map((x) => x.rps)),
  p50: median(rounds.map((x) => x.p50)),
  p99: median(rounds.map((x) => x.p99)),
});

type Endpoint = [name: string, path: string, headers?: Record<string, string>];

export function apiLoad(): BenchPart {
  let bareBase = '';

  const measure = async (bench: Bench, scale: ApiRow['scale'], endpoints: Endpoint[]) => {
    for (const [name, path, headers = {}] of endpoints) {
      const rounds = { app: [] as LoadFigures[], bare: [] as LoadFigures[] };
      for (let r = 0; r < settings.ROUNDS; r++) {
        rounds.app.push(await load(bench.appBase + path, headers));
        rounds.bare.push(await load(bareBase + path, headers));
      }
      const app = medians(rounds.app);
      const bare = medians(rounds.bare);
      const row: ApiRow = { scale, endpoint: name, app, bare, ratio: app.rps / bare.rps };
      bench.results.api.push(row);
      console.log(`  ${scale} ${name}: ${round(app.rps, 0)} req/s (p99 ${app.p99} ms) vs bare ${round(bare.rps, 0)} req/s: ${round(row.ratio! * 100, 0)}%`);
    }
  };

  return {
    name: 'api',
    plans: ['scale', 'big'],

    async beforeSeeding(bench) {
      const barePort = await freePort();
      const bare = await startProcess(['dist/bench/bare-server.js'], { DATABASE_URL: bench.databaseUrl, PORT: String(barePort) }, 'bare server ready');
      bench.onCleanup(async () => bare.kill('SIGTERM'));
      bareBase = `http://127.0.0.1:${barePort}`;

      // Same JSON from both, or the comparison means nothing.
      for (const path of ['/api/gantt', '/api/milestones']) {
        const [a, b] = await Promise.all([fetch(bench.appBase + path).then((r) => r.text()), fetch(bareBase + path).then((r) => r.text())]);
        if (a !== b) throw new Error(`${path}: the API and the bare server answer differently`);
      }

      console.log('API at 1x (the Work Plan):');
      await measure(bench, '1x', [
        ['GET /api/gantt', '/api/gantt'],
        ['GET /api/milestones', '/api/milestones'],
      ]);
    },

    async run(bench) {
      console.log('API at 100x:');
      await measure(bench, '100x', [
        ['GET /api/gantt', '/api/gantt'],
        ['GET /api/milestones', '/api/milestones'],
        ['GET /api/gantt (4,100-item plan)', '/api/gantt?partnership=big-0001'],
        // As a browser asks: the API answers from its cache in Brotli (the bare server ignores the header and sends plain JSON).
        ['GET /api/gantt (4,100-item plan, Accept-Encoding: br)', '/api/gantt?partnership=big-0001', { 'accept-encoding': 'br' }],
      ]);

      const { cookie } = await signInAsSecretariat(bench.appBase);
      const risks = await fetch(`${bench.appBase}/api/risks`, { headers: { cookie } });
      if (!risks.ok) {
        console.log('  GET /api/risks: not available in this build, not measured');
        return;
      }
      const rounds: LoadFigures[] = [];
      for (let r = 0; r < settings.ROUNDS; r++) rounds.push(await load(`${bench.appBase}/api/risks`, { cookie }));
      const row: ApiRow = { scale: '100x', endpoint: 'GET /api/risks (signed in; no bare equivalent)', app: medians(rounds), bare: null, ratio: null };
      bench.results.api.push(row);
      console.log(`  100x ${row.endpoint}: ${round(row.app.rps, 0)} req/s (p99 ${row.app.p99} ms)`);
    },
  };
}
