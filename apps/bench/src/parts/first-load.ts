/**
 * First load (`BENCH_ONLY=firstload`): the compressed bytes the home page transfers until its chart
 * is drawn, by type, in a fresh browser context (empty cache). Medians of BENCH_LOADS loads.
 */
import type { Browser } from 'playwright-core';
import type { BenchPart } from '../shared/part';
import { settings } from '../shared/settings';
import { median } from '../shared/stats';
import '../shared/page-globals';

const RESOURCE_TYPES: Record<string, string> = {
  Document: 'document',
  Script: 'script',
  Stylesheet: 'style',
  Font: 'font',
  Fetch: 'fetch/xhr',
  XHR: 'fetch/xhr',
};

interface Response {
  url: string | undefined;
  type: string;
  status: number | null;
  encoding: string | null;
  bytes: number;
}

interface OneLoad {
  total: number;
  byType: Record<string, number>;
  requests: number;
  acceptEncoding: string | null;
  responses: Response[];
}

export interface FirstLoad extends OneLoad {
  url: string;
}

interface Seen {
  id: string;
  url?: string;
  type?: string;
  acceptEncoding?: string;
  status?: number;
  encoding?: string | null;
  bytes?: number;
  failed?: string;
  finished?: boolean;
}

/**
 * The home page's first load in a fresh browser context (empty cache): the bytes on the wire
 * (compressed as the server sent them, headers included: CDP's encodedDataLength) of every
 * response until the chart is drawn, in total and by type, with the Accept-Encoding the browser sent.
 */
async function measureFirstLoad(browser: Browser, url: string): Promise<OneLoad> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map<string, Seen>();
    const entry = (id: string): Seen => requests.get(id) ?? requests.set(id, { id }).get(id)!;
    cdp.on('Network.requestWillBeSent', (e) => Object.assign(entry(e.requestId), { url: e.request.url, type: e.type }));
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      const name = Object.keys(e.headers).find((h) => h.toLowerCase() === 'accept-encoding');
      if (name) entry(e.requestId).acceptEncoding = String(e.headers[name]);
    });
    cdp.on('Network.responseReceived', (e) => {
      const headers = e.response.headers;
      const name = Object.keys(headers).find((h) => h.toLowerCase() === 'content-encoding');
      Object.assign(entry(e.requestId), { type: e.type, status: e.response.status, encoding: name ? String(headers[name]) : null });
    });
    cdp.on('Network.loadingFinished', (e) => Object.assign(entry(e.requestId), { bytes: e.encodedDataLength, finished: true }));
    cdp.on('Network.loadingFailed', (e) => Object.assign(entry(e.requestId), { failed: e.errorText, finished: true }));
    await cdp.send('Network.enable');
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction(() => window.__wpFirstPaintAt, null, { timeout: 120_000 });
    // What was asked for before the chart was drawn, finished (ten seconds at most).
    const asked = [...requests.values()];
    for (let waited = 0; asked.some((r) => !r.finished) && waited < 10_000; waited += 100) await new Promise((ok) => setTimeout(ok, 100));
    const byType: Record<string, number> = {};
    let total = 0;
    for (const r of asked) {
      const type = RESOURCE_TYPES[r.type ?? ''] ?? 'other';
      const bytes = r.bytes ?? 0;
      byType[type] = (byType[type] ?? 0) + bytes;
      total += bytes;
    }
    const acceptEncoding = asked.find((r) => r.acceptEncoding)?.acceptEncoding ?? null;
    const responses = asked.map((r) => ({
      url: r.url?.replace(/^https?:\/\/[^/]+/, ''),
      type: RESOURCE_TYPES[r.type ?? ''] ?? 'other',
      status: r.status ?? null,
      encoding: r.encoding ?? null,
      bytes: r.bytes ?? 0,
    }));
    await page.close();
    return { total, byType, requests: asked.length, acceptEncoding, responses };
  } finally {
    await context.close();
  }
}

export function firstLoad(): BenchPart {
  return {
    name: 'firstload',
    plans: [],
    async run(bench) {
      console.log('First load of the home page (fresh cache), bytes on the wire until the chart is drawn:');
      const browser = await bench.browser();
      const loads: OneLoad[] = [];
      for (let r = 0; r < settings.LOADS; r++) loads.push(await measureFirstLoad(browser, `${bench.appBase}/`));
      const types = [...new Set(loads.flatMap((x) => Object.keys(x.byType)))];
      const figures: FirstLoad = {
        url: '/',
        total: median(loads.map((x) => x.total)),
        byType: Object.fromEntries(types.map((t) => [t, median(loads.map((x) => x.byType[t] ?? 0))])),
        requests: loads[0].requests,
        acceptEncoding: loads[0].acceptEncoding,
        responses: loads[0].responses,
      };
      bench.results.firstLoad = figures;
      console.log(
        `  ${figures.total} bytes in ${figures.requests} responses (${Object.entries(figures.byType)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}); the browser sent Accept-Encoding: ${figures.acceptEncoding}`,
      );
      for (const r of figures.responses) console.log(`    ${r.type.padEnd(9)} ${String(r.bytes).padStart(8)} ${r.encoding ?? 'identity'} ${r.status} ${r.url}`);
    },
  };
}
