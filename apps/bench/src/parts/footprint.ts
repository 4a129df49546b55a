/**
 * Memory and weight, after every other part: the web app's initial JavaScript (the scripts and
 * module preloads of its index.html, raw and gzip level 9) and the API's resident memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Bench } from '../shared/part';
import { rssKiB } from '../shared/processes';
import { root } from '../shared/settings';

export interface WebInitialJs {
  files: string[];
  raw: number;
  gzip: number;
}

export function initialJavaScript(): WebInitialJs {
  const dir = join(root, 'dist/web/browser');
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = new Set(
    [...html.matchAll(/<script[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1]),
  );
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const body = readFileSync(join(dir, file));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { files: [...files], raw, gzip };
}

/** The web app's initial JavaScript and the API's memory now, into the results. */
export function measureFootprint(bench: Bench): void {
  bench.results.webInitialJs = initialJavaScript();
  bench.results.apiRssKiB = bench.app.pid === undefined ? 0 : rssKiB(bench.app.pid);
}
