import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { decoded, rawGet } from './raw';
import { startTestServer } from './server';
import { useTempDir, useTracker } from './harness';

const INDEX_HTML = `<!doctype html><html lang="en"><head><base href="/"><title>Work Plan tracker</title>${'<meta name="x" content="padding">'.repeat(40)}<link rel="stylesheet" href="styles-AB12CD34.css" media="print" onload="this.media='all'"></head><body><wp-root></wp-root><script src="main-EF56GH78.js" type="module"></script></body></html>`;
const MAIN_JS = `console.log(${JSON.stringify('the web app '.repeat(500))});\n`;

describe('delivery: compression, caching of the web app, robots.txt', () => {
  const web = useTempDir('tracker-web-');

  beforeAll(async () => {
    await writeFile(join(web.path, 'index.html'), INDEX_HTML);
    await writeFile(join(web.path, 'main-EF56GH78.js'), MAIN_JS);
    // A chunk as the chunk optimizer names it (a lazy page's).
    await writeFile(join(web.path, 'chunk-Cw2_Ry7-.js'), MAIN_JS);
    await writeFile(join(web.path, 'styles-AB12CD34.css'), `body { margin: 0 }\n${'.bar { fill: #336699 }\n'.repeat(100)}`);
    await writeFile(join(web.path, 'favicon.ico'), Buffer.alloc(300, 1));
    // The web build's own last step writes the .br and .gz copies.
    execFileSync(process.execPath, [resolve(__dirname, '../../web/scripts/precompress.mjs'), web.path]);
  });
  const tracker = useTracker({ config: () => ({ webDist: web.path }) });

  it('sends API JSON in Brotli or gzip as the client accepts, the same text once decoded', async () => {
    const plain = await rawGet(`${tracker.url}/api/gantt`);
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toMatch(/Accept-Encoding/);
    const text = plain.bytes.toString('utf8');
    expect(JSON.parse(text)).toHaveProperty('items');

    const br = await rawGet(`${tracker.url}/api/gantt`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/);
    expect(br.bytes.length).toBeLessThan(text.length / 4);
    expect(decoded(br)).toBe(text);

    const gzip = await rawGet(`${tracker.url}/api/gantt`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toBe(text);

    const refused = await rawGet(`${tracker.url}/api/gantt`, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.bytes.toString('utf8')).toBe(text);
  });

  it('keeps the ETag and the 304 of GET /api/gantt whatever the encoding', async () => {
    const br = await rawGet(`${tracker.url}/api/gantt`, { 'accept-encoding': 'br' });
    const etag = br.headers['etag'] as string;
    expect(etag).toBeTruthy();
    const again = await rawGet(`${tracker.url}/api/gantt`, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect([again.status, again.bytes.length]).toEqual([304, 0]);
    const plain = await rawGet(`${tracker.url}/api/gantt`, { 'if-none-match': etag });
    expect(plain.status).toBe(304);
  });

  it('compresses CSV, calendars and SVG too', async () => {
    for (const [path, type] of [
      ['/api/exports/plan.csv', 'text/csv'],
      ['/api/calendar/plan.ics', 'text/calendar'],
      ['/api/exports/chart.svg', 'image/svg+xml'],
    ]) {
      const plain = await rawGet(`${tracker.url}${path}`);
      const br = await rawGet(`${tracker.url}${path}`, { 'accept-encoding': 'br, gzip' });
      const gzip = await rawGet(`${tracker.url}${path}`, { 'accept-encoding': 'gzip' });
      expect([path, plain.status, br.status, gzip.status]).toEqual([path, 200, 200, 200]);
      expect(br.headers['content-type']).toContain(type);
      expect([path, br.headers['content-encoding'], gzip.headers['content-encoding']]).toEqual([path, 'br', 'gzip']);
      expect(br.headers['vary']).toMatch(/Accept-Encoding/);
      // A calendar carries the time it was made (DTSTAMP); compare without it.
      const stable = (s: string) => s.replace(/DTSTAMP:\S+/g, '');
      expect(stable(decoded(br))).toBe(stable(decoded(plain)));
      expect(stable(decoded(gzip))).toBe(stable(decoded(plain)));
    }
  });

  it('serves the precompressed copies of a content-hashed file, cached for a year', async () => {
    const path = `${tracker.url}/chunk-Cw2_Ry7-.js`;
    const br = await rawGet(path, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toBe('Accept-Encoding');
    expect(br.bytes.equals(await readFile(join(web.path, 'chunk-Cw2_Ry7-.js.br')))).toBe(true);
    expect(decoded(br)).toBe(MAIN_JS);

    const gzip = await rawGet(path, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.bytes.equals(await readFile(join(web.path, 'chunk-Cw2_Ry7-.js.gz')))).toBe(true);
    expect(decoded(gzip)).toBe(MAIN_JS);

    const plain = await rawGet(path);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-length']).toBe(String(Buffer.byteLength(MAIN_JS)));
    expect(plain.bytes.toString('utf8')).toBe(MAIN_JS);

    // Each form has its own ETag, and each revalidates.
    expect(new Set([br.headers['etag'], gzip.headers['etag'], plain.headers['etag']]).size).toBe(3);
    const again = await rawGet(path, { 'accept-encoding': 'br', 'if-none-match': br.headers['etag'] as string });
    expect(again.status).toBe(304);

    const css = await rawGet(`${tracker.url}/styles-AB12CD34.css`, { 'accept-encoding': 'br' });
    expect([css.headers['content-type'], css.headers['content-encoding'], css.headers['cache-control']]).toEqual([
      'text/css; charset=utf-8',
      'br',
      'public, max-age=31536000, immutable',
    ]);
    const head = await rawGet(path, { 'accept-encoding': 'br' }, 'HEAD');
    expect([head.status, head.headers['content-encoding'], head.bytes.length]).toEqual([200, 'br', 0]);
  });

  it("revalidates the index page's entry script (its name is not a hash of all it holds), compressed all the same", async () => {
    const main = await rawGet(`${tracker.url}/main-EF56GH78.js`, { 'accept-encoding': 'br' });
    expect([main.status, main.headers['content-encoding'], main.headers['cache-control']]).toEqual([200, 'br', 'no-cache']);
    expect(decoded(main)).toBe(MAIN_JS);
    const again = await rawGet(`${tracker.url}/main-EF56GH78.js`, { 'accept-encoding': 'br', 'if-none-match': main.headers['etag'] as string });
    expect(again.status).toBe(304);
  });

  it('serves the index page and every route of the web app as no-cache, compressed, with its stylesheet as a plain link', async () => {
    for (const path of ['/', '/index.html', '/risks', '/actions/2']) {
      const br = await rawGet(`${tracker.url}${path}`, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
      expect([path, br.status, br.headers['cache-control'], br.headers['content-encoding']]).toEqual([path, 200, 'no-cache', 'br']);
      expect(br.headers['content-type']).toBe('text/html; charset=utf-8');
      const html = decoded(br);
      expect(html).toContain('<link rel="stylesheet" href="styles-AB12CD34.css"></head>');
      expect(html).not.toContain('onload=');
    }
    const plain = await rawGet(`${tracker.url}/risks`, { accept: 'text/html' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.toString('utf8')).toContain('<wp-root>');
    const again = await rawGet(`${tracker.url}/risks`, { accept: 'text/html', 'if-none-match': plain.headers['etag'] as string });
    expect(again.status).toBe(304);
    // A file without a hash in its name is kept an hour.
    const icon = await rawGet(`${tracker.url}/favicon.ico`, { 'accept-encoding': 'br' });
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it("gives the chart page its stylesheet, its entry script and the three API answers its first paint reads (its partnership's) as preload hints, and no other page", async () => {
    const hints = (link: string | string[] | undefined) =>
      String(link ?? '')
        .split(', ')
        .filter(Boolean)
        .map((part) => /^<([^>]+)>; rel=preload; as=fetch; crossorigin=anonymous$/.exec(part)?.[1] ?? part);
    const page = ['</styles-AB12CD34.css>; rel=preload; as=style', '</main-EF56GH78.js>; rel=modulepreload'];
    const workPlan = [...page, '/api/gantt', '/api/auth/session', '/api/partnerships'];
    const home = await rawGet(`${tracker.url}/`, { accept: 'text/html' });
    expect(hints(home.headers['link'])).toEqual(workPlan);
    // The app names no partnership for the Work Plan: neither do the hints, or they would go unused.
    const named = await rawGet(`${tracker.url}/?partnership=${DEFAULT_PARTNERSHIP_KEY}`, { accept: 'text/html' });
    expect(hints(named.headers['link'])).toEqual(workPlan);
    const other = await rawGet(`${tracker.url}/?partnership=${encodeURIComponent('scale 0001&x')}`, { accept: 'text/html' });
    const query = '?partnership=scale%200001%26x';
    expect(hints(other.headers['link'])).toEqual([...page, `/api/gantt${query}`, `/api/auth/session${query}`, '/api/partnerships']);
    // Revalidated, the page keeps its hints.
    const again = await rawGet(`${tracker.url}/`, { accept: 'text/html', 'if-none-match': home.headers['etag'] as string });
    expect([again.status, hints(again.headers['link'])]).toEqual([304, workPlan]);
    for (const path of ['/risks', '/actions/2', '/index.html']) {
      expect([path, (await rawGet(`${tracker.url}${path}`, { accept: 'text/html' })).headers['link']]).toEqual([path, undefined]);
    }
  });

  it('reads the index page once, at start', async () => {
    await writeFile(join(web.path, 'index.html'), '<!doctype html><title>changed on disk</title>');
    const html = decoded(await rawGet(`${tracker.url}/organisations`, { accept: 'text/html' }));
    expect(html).toContain('<wp-root>');
    expect(html).not.toContain('changed on disk');
  });

  it('tells crawlers to keep to the public pages', async () => {
    const robots = await rawGet(`${tracker.url}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.headers['content-type']).toBe('text/plain; charset=utf-8');
    const text = robots.bytes.toString('utf8');
    expect(text).toMatch(/^User-agent: \*\nAllow: \/\n/);
    expect(text).toContain('Disallow: /api/\n');
    expect(text).toContain('Disallow: /settings\n');
    const closed = await startTestServer(tracker.db.url, { publicRead: false });
    try {
      expect((await rawGet(`${closed.url}/robots.txt`)).bytes.toString('utf8')).toBe('User-agent: *\nDisallow: /\n');
    } finally {
      await closed.close();
    }
  });
});

describe('the web build: module preloads', () => {
  it('adds a modulepreload for every module the entry imports statically, however deep, and none for the lazy pages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-web-preload-'));
    try {
      const files: Record<string, string> = {
        'main-AAAAAAAA.js': 'import{a}from"./chunk-AAAAAAA1.js";import"./chunk-AAAAAAA2.js";const p=()=>import("./chunk-LAZY0001.js");',
        'chunk-AAAAAAA1.js': 'import{b}from"./chunk-DEEP0001.js";export{b as a};',
        'chunk-AAAAAAA2.js': 'export * from "./chunk-DEEP0001.js";',
        'chunk-DEEP0001.js': 'export const b=1;',
        'chunk-LAZY0001.js': 'import{b}from"./chunk-LAZYDEP1.js";export const c=b;const page=()=>import(`./chunk-PAGE0001.js`);',
        'chunk-LAZYDEP1.js': 'export const b=2;',
        'chunk-PAGE0001.js': 'export const d=3;',
      };
      for (const [name, source] of Object.entries(files)) await writeFile(join(dir, name), source);
      await writeFile(
        join(dir, 'index.html'),
        '<!doctype html><html><head></head><body><wp-root></wp-root><link rel="modulepreload" href="chunk-AAAAAAA1.js"><script src="main-AAAAAAAA.js" type="module"></script></body></html>',
      );
      const run = () => execFileSync(process.execPath, [resolve(__dirname, '../../web/scripts/preload-modules.mjs'), dir], { encoding: 'utf8' });
      expect(run()).toContain('2 added');
      const preloads = (html: string) => [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
      const html = await readFile(join(dir, 'index.html'), 'utf8');
      const [page, app = ''] = html.split(/<template id="wp-app-modules">|<\/template>/);
      expect(preloads(page)).toEqual(['chunk-AAAAAAA1.js', 'chunk-AAAAAAA2.js', 'chunk-DEEP0001.js']);
      // What the entry imports dynamically (the app, started after the first paint) and its modules are
      // listed, inert, for the entry to ask for at once; the app's own lazy pages are not.
      expect(preloads(app)).toEqual(['chunk-LAZY0001.js', 'chunk-LAZYDEP1.js']);
      // The links come before the entry script; a second run changes nothing.
      expect(html.indexOf('chunk-DEEP0001.js')).toBeLessThan(html.indexOf('<script'));
      expect(run()).toContain('0 added (none); the app already listed');
      await expect(readFile(join(dir, 'index.html'), 'utf8')).resolves.toBe(html);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
