// `npm run bench`: measures the tracker side by side with its floors, in one run, on this machine.
//
//  - API: requests/s and p50/p99 latency (apps/bench/src/http-load.ts: keep-alive connections that
//    count the bytes of each answer and drop them) of GET /api/gantt and GET /api/milestones at 1x
//    data (the seeded Work Plan) and 100x data, against a bare node:http + pg server running the
//    same SQL and sending the same JSON (apps/bench/src/bare-server.ts); GET /api/risks where present;
//    the time to produce the chart files (Work Plan and 5,000-item PDF, Work Plan PNG).
//  - Gantt: time from navigation to the chart drawn, in headless Chromium, for the Work Plan and for
//    plans of 1,000 and 5,000 items, against plain frappe-gantt given the same tasks on an empty page,
//    and beside the tracker's chart alone (apps/web/src/chart-alone.ts: the same renderer, options,
//    items and rows, without the page or the app). The tracker's home page comes with its chart drawn
//    by the server (its first paint, apps/web/src/server-paint.ts): the time is that chart's first
//    frame; the time the app is ready (it has shown itself in the first paint's place with its own
//    chart: its buttons work) is measured beside it;
//    and the 5,000-item chart drawn with the baselines of version 1 (`?baseline=1`, a ghost bar under
//    each bar) against the same chart without them.
//    "Show all items" is timed after "Show Actions only" (the time to expand every Action).
//  - Scrolling: the 5,000-item chart scrolled from top to bottom a screen at a time, with the long
//    tasks (over 50 ms) counted and the bars in the page at most.
//  - First load: the compressed bytes the home page transfers until its chart is drawn, by type.
//  - Lighthouse (mobile, its default): the home page's performance and accessibility scores, then
//    the same with the CPU slowdown calibrated to this machine's benchmark index (Lighthouse's
//    default 4x makes a mid-tier phone of a machine of index 1533 only).
//  - The web app's initial JavaScript (bytes, gzip) and the API's resident memory after the runs.
//
// Medians of BENCH_ROUNDS rounds (default 3), each round alternating the two sides; page figures are
// medians of BENCH_LOADS loads (default 3). BENCH_ONLY=api,gantt,scroll,firstload,lighthouse,exports,storm
// (a comma list) runs only those parts.
//  - The storm (apps/bench/src/storm.mjs): ten anonymous clients asking for chart files and
//    calendars of the 5,000-item plan at once while /api/health is timed, and the API's memory
//    during an XLSX decompression-bomb import. Results, with a table of the goals, are printed and written
// to apps/bench/results/<time>.json.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { bombMemory, exportStorm, signInForWrites } from './storm.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** Requires a part the build wrote under dist/ (checked to be there before the run starts). */
const requireBuilt = (file) => createRequire(import.meta.url)(join(root, file));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const PARTS = ['api', 'exports', 'gantt', 'scroll', 'firstload', 'lighthouse', 'storm'];
const CHROMIUM = '/usr/bin/chromium';
/**
 * Browser features off in every Chromium the bench starts. Headless Chromium builds its address
 * bar's popups (omnibox, composebox: WebUI pages, each in a renderer of its own) for every new
 * window, while the page in it loads: on two cores that took about 130 ms from each first paint
 * measured (the Work Plan's 437 and 452 ms against 267 and 296 ms without them, the chart alone 245
 * and 283 against 135 and 159), on both sides of every comparison, as noise. Chromium reads one --disable-features switch, the
 * last: the list repeats the features Playwright and chrome-launcher switch off by default.
 */
const BROWSER_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup'];
/** Those playwright-core switches off itself (its chromiumSwitches), which a --disable-features of ours replaces. */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];
const disableFeatures = (...lists) => `--disable-features=${[...new Set(lists.flat())].join(',')}`;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The parts BENCH_ONLY names (all when unset). */
function selectedParts(value = '') {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !PARTS.includes(name));
  if (unknown.length) throw new Error(`BENCH_ONLY: no part named ${unknown.join(', ')} (parts: ${PARTS.join(', ')})`);
  return new Set(names.length ? names : PARTS);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function freePort() {
  return new Promise((ok, fail) => {
    const s = createNetServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

function startProcess(args, env, readyText) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => fail(new Error(`${args[0]} did not start:\n${output}`)), 120_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes(readyText)) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stderr.removeAllListeners('data');
        child.stdout.resume();
        child.stderr.resume();
        ok(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${args[0]} exited with ${code}:\n${output}`));
    });
  });
}

function run(args, env) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => (code === 0 ? ok(output.trim()) : fail(new Error(output))));
  });
}

async function load(url, headers = {}) {
  // Built from apps/bench/src/http-load.ts with the bare server. It fails on the first answer of 400
  // or more, or one that does not say its length.
  const { httpLoad } = requireBuilt('dist/bench/http-load.js');
  const { rps, p50, p99 } = await httpLoad(url, { connections: CONNECTIONS, seconds: SECONDS, headers });
  return { rps, p50: round(p50, 1), p99: round(p99, 1) };
}

function rssKiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function signIn(base) {
  const me = await fetch(`${base}/api/auth/me`);
  const xsrf = /XSRF-TOKEN=([^;]+)/.exec(me.headers.get('set-cookie') ?? '')?.[1];
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrf ?? '', cookie: `XSRF-TOKEN=${xsrf}` },
    body: JSON.stringify({ email: 'secretariat@example.org', password: 'demo-password' }),
  });
  const session = /tracker_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
  return session ? `tracker_session=${session}` : null;
}

function initialJavaScript() {
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

/**
 * Two pages beside the tracker, each fed the tracker's own API answer through this server: plain
 * frappe-gantt given the same tasks on an empty page (`/`), and the tracker's chart alone (`/alone`,
 * `apps/web/src/chart-alone.ts` as built by the bench's build: the page's renderer, options, items and
 * rows, without the app). The chart alone gets the hints the home page gets (stylesheet, script, the
 * plan), and the tracker's stylesheet with its chart's own styles.
 */
async function startPlainServer(appBase, webDist) {
  const frappe = await readFile(join(root, 'node_modules/frappe-gantt/dist/frappe-gantt.es.js'));
  const css = await readFile(join(root, 'node_modules/frappe-gantt/dist/frappe-gantt.css'));
  const alone = await readFile(join(root, 'dist/bench/chart-alone.js'));
  const stylesheet = readdirSync(webDist).find((f) => /^styles-[A-Z0-9]{8}\.css$/.test(f));
  // The chart's own styles are in the app's stylesheet (apps/web/src/app/gantt/gantt-chart.css).
  const aloneCss = await readFile(join(webDist, stylesheet));
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>plain frappe-gantt</title><link rel="stylesheet" href="/frappe-gantt.css"></head>
<body><div id="chart"></div><script type="module">
import Gantt from '/frappe-gantt.es.js';
const key = new URL(location.href).searchParams.get('partnership');
const data = await (await fetch('/gantt?partnership=' + key)).json();
const tasks = data.items.filter((m) => m.start && m.end).map((m) => ({ id: m.id, name: m.title, start: m.start, end: m.end, progress: m.progress }));
new Gantt('#chart', tasks, { view_mode: 'Month' });
requestAnimationFrame(() => { window.__plainRenderedAt = performance.now(); window.__plainBars = document.querySelectorAll('.bar-wrapper').length; });
</script></body></html>`;
  const alonePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>the tracker's chart alone</title><link rel="stylesheet" href="/alone.css"></head>
<body><wp-gantt-chart><div class="gantt-host"></div></wp-gantt-chart><script type="module" src="/chart-alone.js"></script></body></html>`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/frappe-gantt.es.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(frappe);
    if (url.pathname === '/frappe-gantt.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(css);
    if (url.pathname === '/chart-alone.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(alone);
    if (url.pathname === '/alone.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(aloneCss);
    if (url.pathname === '/gantt' || url.pathname === '/api/gantt') {
      const answer = await fetch(`${appBase}/api/gantt${url.search}`);
      return res.writeHead(answer.status, { 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    }
    if (url.pathname === '/alone') {
      const hints = [
        '</alone.css>; rel=preload; as=style',
        '</chart-alone.js>; rel=modulepreload',
        `</api/gantt${url.search}>; rel=preload; as=fetch; crossorigin=anonymous`,
      ];
      return res.writeHead(200, { 'content-type': 'text/html', link: hints.join(', ') }).end(alonePage);
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  const port = await freePort();
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { server, base: `http://127.0.0.1:${port}` };
}

/** When the chart was last drawn, once the page shows the version it compares with (`?baseline=N`). */
const drawnWithBaseline = () => document.querySelector('[data-testid=baseline-note]') && window.__wpGanttRenderedAt;

/** The rows the chart holds without a redraw: what it says (`data-chart-rows`), or else the bars it drew. */
const chartRows = () => {
  const host = document.querySelector('wp-gantt-chart .gantt-host');
  const said = host?.getAttribute('data-chart-rows');
  return said !== null && said !== undefined && said !== '' ? Number(said) : document.querySelectorAll('wp-gantt-chart .bar-wrapper').length;
};

/**
 * Clicks the button named `label` above the chart and answers how long the chart took to be drawn
 * again, in ms from the click, or null when it was not redrawn within `timeout` ms.
 */
async function redrawAfter(page, label, timeout = 120_000) {
  const clickedAt = await page.evaluate((text) => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
    if (!button) return null;
    window.__wpGanttRenderedAt = undefined;
    const at = performance.now();
    button.click();
    return at;
  }, label);
  if (clickedAt === null) throw new Error(`${page.url()}: no button "${label}"`);
  try {
    await page.waitForFunction(() => window.__wpGanttRenderedAt !== undefined, null, { timeout });
  } catch (error) {
    if (error?.name === 'TimeoutError') return null;
    throw error;
  }
  return (await page.evaluate(() => window.__wpGanttRenderedAt)) - clickedAt;
}

/**
 * Navigation to the chart drawn (ms from the start of navigation), the bars and rows it then holds,
 * and with `expandAll` the time "Show all items" takes after "Show Actions only" (every Action
 * expanded in one click) with the bars, rows and ghost bars it then holds.
 */
async function timeChart(browser, url, doneExpression, expandAll = false) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { timeout: 120_000 });
  await page.waitForFunction(doneExpression, null, { timeout: 120_000 });
  const ms = await page.evaluate(doneExpression);
  // The bars of the chart on the screen (the first on the page: the server's, until the app shows its own).
  const bars = await page.evaluate(
    () => document.querySelector('.gantt-host')?.querySelectorAll('.bar-wrapper').length ?? document.querySelectorAll('.bar-wrapper').length,
  );
  const rows = await page.evaluate(chartRows);
  const result = { ms, bars, rows, appReadyMs: null, expandedMs: null, allBars: null, allRows: null, ghosts: null };
  if (expandAll) {
    // The tracker's page: its chart may be the first paint, drawn before the app started; the app is
    // ready (its buttons work, the chart is its own) once it has shown itself in the first paint's place.
    await page.waitForFunction(() => window.__wpAppReadyAt !== undefined, null, { timeout: 120_000 });
    result.appReadyMs = await page.evaluate(() => window.__wpAppReadyAt);
    // Collapsed first (it may already be), then timed from the click on "Show all items".
    await redrawAfter(page, 'Show Actions only', 60_000);
    result.expandedMs = await redrawAfter(page, 'Show all items');
    if (result.expandedMs === null) throw new Error(`${url}: the chart was not drawn again after "Show all items"`);
    result.allBars = await page.evaluate(() => document.querySelectorAll('.bar-wrapper').length);
    result.allRows = await page.evaluate(chartRows);
    result.ghosts = await page.evaluate(() => document.querySelectorAll('.bar-wrapper [data-testid=baseline-bar]').length);
  }
  await page.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return result;
}

/**
 * Scrolls the chart from top to bottom, one screen at a time, two animation frames after each step,
 * and counts the long tasks (over 50 ms) meanwhile and the bars in the page at most. The chart's
 * scroll box is `.gantt-container`: it is scrolled through its own height first, then the page
 * through what of the box lies below the window (a chart as tall as all its rows is scrolled with
 * the page alone).
 */
function scrollThroughChart() {
  return new Promise((done, fail) => {
    const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const barsNow = () => document.querySelectorAll('wp-gantt-chart .bar-wrapper').length;
    const box = document.querySelector('wp-gantt-chart .gantt-container');
    if (!box) return fail(new Error('no chart (wp-gantt-chart .gantt-container) on the page'));
    const supported = PerformanceObserver.supportedEntryTypes.includes('longtask');
    const longTasks = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration)));
    (async () => {
      box.scrollTop = 0;
      window.scrollTo(0, box.getBoundingClientRect().top + window.scrollY);
      await frames();
      // The page settled first: half a second without a long task (ten seconds at most), so the
      // work of its first render is not counted as the scroll's.
      let settleMs = 0;
      if (supported) {
        let lastLong = performance.now();
        const settle = new PerformanceObserver(() => (lastLong = performance.now()));
        settle.observe({ type: 'longtask' });
        const since = performance.now();
        while (performance.now() - lastLong < 500 && performance.now() - since < 10_000) await new Promise((ok) => setTimeout(ok, 50));
        settle.disconnect();
        settleMs = performance.now() - since;
      }
      if (supported) observer.observe({ type: 'longtask' });
      const started = performance.now();
      let maxBars = barsNow();
      const steps = { chart: 0, page: 0 };
      const step = Math.min(box.clientHeight, window.innerHeight);
      const lastTop = () => box.scrollHeight - box.clientHeight;
      while (box.scrollTop < lastTop() - 1 && steps.chart < 100_000) {
        box.scrollTop = Math.min(box.scrollTop + step, lastTop());
        await frames();
        maxBars = Math.max(maxBars, barsNow());
        steps.chart++;
      }
      const lastY = () => box.getBoundingClientRect().bottom + window.scrollY - window.innerHeight;
      while (window.scrollY < lastY() - 1 && steps.page < 100_000) {
        const before = window.scrollY;
        window.scrollTo(0, Math.min(window.scrollY + window.innerHeight, lastY()));
        await frames();
        maxBars = Math.max(maxBars, barsNow());
        steps.page++;
        if (window.scrollY === before) break;
      }
      const ms = performance.now() - started;
      await new Promise((ok) => setTimeout(ok, 200));
      observer.takeRecords().forEach((entry) => longTasks.push(entry.duration));
      observer.disconnect();
      return {
        scroller: [steps.chart > 0 ? 'chart' : null, steps.page > 0 ? 'page' : null].filter(Boolean).join(' and ') || 'nothing',
        height: box.scrollHeight,
        settleMs,
        steps: steps.chart + steps.page,
        ms,
        longTaskObserved: supported,
        longTasks: longTasks.length,
        longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
        maxBars,
      };
    })().then(done, fail);
  });
}

/**
 * The 5,000-item chart as a person meets it: the rows it holds when first drawn, then scrolled
 * through; then "Show all items", and when that gave more rows, scrolled through again.
 */
async function measureScroll(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url, { timeout: 120_000 });
  await page.waitForFunction(() => window.__wpGanttRenderedAt, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => window.__wpGanttRenderedAt);
  const rows = await page.evaluate(chartRows);
  const asOpened = await page.evaluate(scrollThroughChart);
  await redrawAfter(page, 'Show all items', 60_000);
  const allRows = await page.evaluate(chartRows);
  const afterShowAll = allRows > rows ? await page.evaluate(scrollThroughChart) : null;
  await page.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return { ms, rows, allRows, asOpened, afterShowAll };
}

const RESOURCE_TYPES = { Document: 'document', Script: 'script', Stylesheet: 'style', Font: 'font', Fetch: 'fetch/xhr', XHR: 'fetch/xhr' };

/**
 * The home page's first load in a fresh browser context (empty cache): the bytes on the wire
 * (compressed as the server sent them, headers included: CDP's encodedDataLength) of every
 * response until the chart is drawn, in total and by type, with the Accept-Encoding the browser sent.
 */
async function measureFirstLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    const entry = (id) => requests.get(id) ?? requests.set(id, { id }).get(id);
    cdp.on('Network.requestWillBeSent', (e) => Object.assign(entry(e.requestId), { url: e.request.url, type: e.type }));
    cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
      const name = Object.keys(e.headers).find((h) => h.toLowerCase() === 'accept-encoding');
      if (name) entry(e.requestId).acceptEncoding = e.headers[name];
    });
    cdp.on('Network.responseReceived', (e) => {
      const headers = e.response.headers;
      const name = Object.keys(headers).find((h) => h.toLowerCase() === 'content-encoding');
      Object.assign(entry(e.requestId), { type: e.type, status: e.response.status, encoding: name ? headers[name] : null });
    });
    cdp.on('Network.loadingFinished', (e) => Object.assign(entry(e.requestId), { bytes: e.encodedDataLength, finished: true }));
    cdp.on('Network.loadingFailed', (e) => Object.assign(entry(e.requestId), { failed: e.errorText, finished: true }));
    await cdp.send('Network.enable');
    await page.goto(url, { timeout: 120_000 });
    await page.waitForFunction(() => window.__wpFirstPaintAt, null, { timeout: 120_000 });
    // What was asked for before the chart was drawn, finished (ten seconds at most).
    const asked = [...requests.values()];
    for (let waited = 0; asked.some((r) => !r.finished) && waited < 10_000; waited += 100) await new Promise((ok) => setTimeout(ok, 100));
    const byType = {};
    let total = 0;
    for (const r of asked) {
      const type = RESOURCE_TYPES[r.type] ?? 'other';
      const bytes = r.bytes ?? 0;
      byType[type] = (byType[type] ?? 0) + bytes;
      total += bytes;
    }
    const acceptEncoding = asked.find((r) => r.acceptEncoding)?.acceptEncoding ?? null;
    const responses = asked.map((r) => ({
      url: r.url?.replace(/^https?:\/\/[^/]+/, ''),
      type: RESOURCE_TYPES[r.type] ?? 'other',
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

/** Up to five words on where a Lighthouse audit points (a file, an element, a reason), from its details. */
function auditItems(audit) {
  const details = audit.details ?? {};
  const items = details.type === 'list' ? (details.items ?? []).flatMap((part) => part.items ?? []) : (details.items ?? []);
  const path = (url) => (typeof url === 'string' ? url.replace(/^https?:\/\/[^/]+/, '') || '/' : null);
  return items
    .slice(0, 5)
    .map((item) => {
      const what = path(item.url) ?? path(item.source?.url) ?? item.node?.snippet ?? item.node?.nodeLabel ?? item.reason ?? item.label ?? item.failureType;
      const key = ['wastedMs', 'total', 'duration', 'reflowTime', 'wastedBytes', 'transferSize'].find((k) => typeof item[k] === 'number');
      if (typeof what !== 'string') return null;
      return key ? `${what}: ${key} ${round(item[key], 0)}` : what;
    })
    .filter(Boolean);
}

/**
 * Lighthouse (its default: a mobile device, simulated throttling) on `url`, LOADS times in a
 * Chromium of its own (started by chrome-launcher) that it drives through a DevTools port: the median performance and
 * accessibility scores (0-100) and metrics, and the audits that failed (score under 0.9) in how
 * many runs.
 */
async function measureLighthouse(url) {
  const { default: lighthouse } = await import('lighthouse');
  const { launch, Launcher } = await import('chrome-launcher');
  // chrome-launcher's own flags, with its --disable-features joined to the bench's (one switch).
  const defaults = Launcher.defaultFlags();
  const itsFeatures =
    defaults
      .find((flag) => flag.startsWith('--disable-features='))
      ?.slice('--disable-features='.length)
      .split(',') ?? [];
  const chrome = await launch({
    chromePath: CHROMIUM,
    ignoreDefaultFlags: true,
    chromeFlags: [
      ...defaults.filter((flag) => !flag.startsWith('--disable-features=')),
      disableFeatures(itsFeatures, BROWSER_UI_FEATURES),
      '--headless=new',
      ...CHROMIUM_ARGS,
    ],
    handleSIGINT: false,
    logLevel: 'silent',
    maxConnectionRetries: 240,
  });
  try {
    const standard = await lighthouseRuns(lighthouse, chrome.port, url);
    // The same page again, with the CPU slowed down as much as this machine needs to be a mid-tier phone.
    const index = median(standard.runs.map((run) => run.benchmarkIndex).filter((v) => v !== null));
    const { calibratedSlowdown } = requireBuilt('dist/bench/lighthouse-calibration.js');
    const slowdown = Math.round(calibratedSlowdown(index) * 100) / 100;
    const calibrated = await lighthouseRuns(lighthouse, chrome.port, url, { throttling: { cpuSlowdownMultiplier: slowdown } });
    return { ...summarise(url, standard), calibrated: { cpuSlowdownMultiplier: slowdown, ...summarise(url, calibrated) } };
  } finally {
    chrome.kill();
  }
}

/** LOADS Lighthouse runs of `url` with these flags (on top of the bench's), and how many ran again for want of a first paint. */
async function lighthouseRuns(lighthouse, port, url, extraFlags = {}) {
  const runs = [];
  let retried = 0;
  for (let r = 0; r < LOADS; r++) {
    const result = await lighthouse(url, {
      port,
      ...extraFlags,
      output: 'json',
      onlyCategories: ['performance', 'accessibility'],
      logLevel: 'error',
      maxWaitForFcp: 90_000,
      maxWaitForLoad: 180_000,
    });
    // On a busy machine a load now and then ends without a first paint, or its trace without the
    // navigation's start (Lighthouse: "Please run Lighthouse again"): that one is run again (twice at most).
    const error = result?.lhr?.runtimeError?.code;
    if ((error === 'NO_FCP' || error === 'NO_NAVSTART') && retried < 2) {
      retried++;
      r--;
      console.log(`  (a run ${error === 'NO_FCP' ? 'without a first paint' : 'whose trace has no navigation start'}, run again)`);
      continue;
    }
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const failed = (category) =>
      lhr.categories[category].auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && typeof a.score === 'number' && a.score < 0.9 && !['notApplicable', 'manual', 'informative', 'error'].includes(a.scoreDisplayMode))
        .map((a) => ({ id: a.id, title: a.title, displayValue: a.displayValue ?? null, items: auditItems(a) }));
    const metric = (id) => lhr.audits[id]?.numericValue ?? null;
    runs.push({
      performance: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
      accessibility: lhr.categories.accessibility.score === null ? null : Math.round(lhr.categories.accessibility.score * 100),
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      speedIndexMs: metric('speed-index'),
      failedPerformance: failed('performance'),
      failedAccessibility: failed('accessibility'),
      warnings: lhr.runWarnings ?? [],
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      lighthouseVersion: lhr.lighthouseVersion,
    });
  }
  return { runs, retried };
}

/** The median figures of Lighthouse runs, and the audits that failed in how many of them. */
function summarise(url, { runs, retried }) {
  const mid = (key) => {
    const values = runs.map((run) => run[key]).filter((v) => v !== null);
    return values.length ? median(values) : null;
  };
  const tally = (key) => {
    const byTitle = new Map();
    for (const run of runs) {
      for (const audit of run[key]) {
        const seen = byTitle.get(audit.id) ?? { id: audit.id, title: audit.title, runs: 0, displayValues: [], items: audit.items };
        seen.runs++;
        if (audit.displayValue) seen.displayValues.push(audit.displayValue);
        byTitle.set(audit.id, seen);
      }
    }
    return [...byTitle.values()].sort((a, b) => b.runs - a.runs);
  };
  return {
    url,
    version: runs[0]?.lighthouseVersion ?? null,
    formFactor: 'mobile',
    performance: mid('performance'),
    accessibility: mid('accessibility'),
    fcpMs: mid('fcpMs'),
    lcpMs: mid('lcpMs'),
    tbtMs: mid('tbtMs'),
    cls: mid('cls'),
    speedIndexMs: mid('speedIndexMs'),
    benchmarkIndex: mid('benchmarkIndex'),
    failedPerformance: tally('failedPerformance'),
    failedAccessibility: tally('failedAccessibility'),
    warnings: [...new Set(runs.flatMap((run) => run.warnings))],
    runsWithoutFirstPaint: retried,
    runs: runs.map(({ performance, accessibility, fcpMs, lcpMs, tbtMs, cls }) => ({ performance, accessibility, fcpMs, lcpMs, tbtMs, cls })),
  };
}

async function main() {
  const only = selectedParts(process.env.BENCH_ONLY);
  const runs = (part) => only.has(part);
  for (const file of [
    'dist/api/main.js',
    'dist/api/embedded-postgres.js',
    'dist/bench/bare-server.js',
    'dist/bench/http-load.js',
    'dist/bench/lighthouse-calibration.js',
    'dist/bench/chart-alone.js',
    'dist/api/seed-scale.js',
    'dist/web/browser/index.html',
  ]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run bench (it builds first)`);
  }
  const cleanups = [];
  const results = {
    when: new Date().toISOString(),
    machine: { node: process.version, cpus: cpus().length, loadAverage: { start: loadavg(), end: null } },
    settings: { ROUNDS, SECONDS, CONNECTIONS, LOADS, parts: PARTS.filter(runs) },
    api: [],
    gantt: [],
  };
  const load1 = (l) => l.map((n) => round(n, 2)).join(', ');
  console.log(`Load average at the start (1, 5, 15 min): ${load1(results.machine.loadAverage.start)} on ${results.machine.cpus} cores`);
  if (only.size < PARTS.length) console.log(`Parts: ${results.settings.parts.join(', ')} (BENCH_ONLY)`);
  try {
    // One Postgres for both servers.
    const dir = await mkdtemp(join(tmpdir(), 'tracker-bench-'));
    await chmod(dir, 0o755);
    // Started as the tracker starts its own (dist/api/embedded-postgres.js is built from the API).
    const { launchPostgres } = requireBuilt('dist/api/embedded-postgres.js');
    const pg = await launchPostgres({ clusterDir: join(dir, 'pg'), user: 'postgres', password: 'bench', persistent: false });
    cleanups.push(async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    });
    await pg.createDatabase('tracker');
    const DATABASE_URL = pg.url('tracker');

    const appPort = await freePort();
    const app = await startProcess(
      ['dist/api/main.js'],
      // Every client of the bench is 127.0.0.1: without the per-client limit of anonymous exports, the
      // export parts and the storm measure the pool and its queue, not the limit.
      { DATABASE_URL, PORT: String(appPort), HOST: '127.0.0.1', NODE_ENV: 'development', EXPORT_RATE_LIMIT: '0' },
      'Work Plan tracker ready',
    );
    cleanups.push(async () => app.kill('SIGINT'));
    const appBase = `http://127.0.0.1:${appPort}`;
    let bareBase = null;
    if (runs('api')) {
      const barePort = await freePort();
      const bare = await startProcess(['dist/bench/bare-server.js'], { DATABASE_URL, PORT: String(barePort) }, 'bare server ready');
      cleanups.push(async () => bare.kill('SIGTERM'));
      bareBase = `http://127.0.0.1:${barePort}`;

      // Same JSON from both, or the comparison means nothing.
      for (const path of ['/api/gantt', '/api/milestones']) {
        const [a, b] = await Promise.all([fetch(appBase + path).then((r) => r.text()), fetch(bareBase + path).then((r) => r.text())]);
        if (a !== b) throw new Error(`${path}: the API and the bare server answer differently`);
      }
    }

    const measureApi = async (scale, endpoints) => {
      for (const [name, path, headers = {}] of endpoints) {
        const rounds = { app: [], bare: [] };
        for (let r = 0; r < ROUNDS; r++) {
          rounds.app.push(await load(appBase + path, headers));
          rounds.bare.push(await load(bareBase + path, headers));
        }
        const pick = (side, key) => median(rounds[side].map((x) => x[key]));
        const row = {
          scale,
          endpoint: name,
          app: { rps: pick('app', 'rps'), p50: pick('app', 'p50'), p99: pick('app', 'p99') },
          bare: { rps: pick('bare', 'rps'), p50: pick('bare', 'p50'), p99: pick('bare', 'p99') },
        };
        row.ratio = row.app.rps / row.bare.rps;
        results.api.push(row);
        console.log(
          `  ${scale} ${name}: ${round(row.app.rps, 0)} req/s (p99 ${row.app.p99} ms) vs bare ${round(row.bare.rps, 0)} req/s: ${round(row.ratio * 100, 0)}%`,
        );
      }
    };

    if (runs('api')) {
      console.log('API at 1x (the Work Plan):');
      await measureApi('1x', [
        ['GET /api/gantt', '/api/gantt'],
        ['GET /api/milestones', '/api/milestones'],
      ]);
    }

    if (['api', 'exports', 'gantt', 'scroll'].some(runs)) {
      console.log('Adding 100x data (99 more partnerships of the same size, a 4,100-item plan, and 1,000- and 5,000-item plans for the chart)...');
      const env = { DATABASE_URL };
      console.log('  ' + (await run(['dist/api/seed-scale.js', '--partnerships', '99', '--items', '41'], env)));
      console.log('  ' + (await run(['dist/api/seed-scale.js', '--prefix', 'big', '--partnerships', '1', '--items', '4100'], env)));
      console.log('  ' + (await run(['dist/api/seed-scale.js', '--prefix', 'chartk', '--partnerships', '1', '--items', '1000'], env)));
      console.log('  ' + (await run(['dist/api/seed-scale.js', '--prefix', 'chartfivek', '--partnerships', '1', '--items', '5000'], env)));
    } else if (runs('storm')) {
      console.log('Adding a 5,000-item plan for the storm...');
      console.log('  ' + (await run(['dist/api/seed-scale.js', '--prefix', 'chartfivek', '--partnerships', '1', '--items', '5000'], { DATABASE_URL })));
    }

    if (runs('storm')) {
      console.log('The storm: ten anonymous clients asking for chart PDFs, PNGs and calendars of the 5,000-item plan at once, /api/health timed meanwhile...');
      results.storm = await exportStorm(appBase, 'chartfivek-0001');
      const s = results.storm;
      console.log(
        `  /api/health: p50 ${s.health.p50} ms, p99 ${s.health.p99} ms, max ${s.health.max} ms (${s.health.requests} requests); exports: ${s.served} served, ${s.refused503} refused with 503 (${s.refused503WithRetryAfter} with Retry-After), ${s.refused4xx} refused otherwise (4xx), ${s.failed5xx} failed (5xx), in ${s.seconds} s`,
      );
      for (const example of s.examples) console.log(`    ${example}`);
      console.log("The API's memory during an XLSX decompression-bomb import...");
      const { cookie, xsrf } = await signInForWrites(appBase);
      results.bomb = await bombMemory(appBase, app.pid, cookie, xsrf);
      const b = results.bomb;
      console.log(
        `  ${b.fileKiB} KiB file inflating to ${b.inflatedMiB} MiB: answered ${b.status} in ${b.ms} ms; RSS idle ${b.idleMiB} MiB, peak ${b.peakMiB} MiB (+${b.growthMiB} MiB), after ${b.afterMiB} MiB`,
      );
    }

    if (runs('api')) {
      console.log('API at 100x:');
      await measureApi('100x', [
        ['GET /api/gantt', '/api/gantt'],
        ['GET /api/milestones', '/api/milestones'],
        ['GET /api/gantt (4,100-item plan)', '/api/gantt?partnership=big-0001'],
        // As a browser asks: the API answers from its cache in Brotli (the bare server ignores the header and sends plain JSON).
        ['GET /api/gantt (4,100-item plan, Accept-Encoding: br)', '/api/gantt?partnership=big-0001', { 'accept-encoding': 'br' }],
      ]);

      const cookie = await signIn(appBase);
      const risks = cookie ? await fetch(`${appBase}/api/risks`, { headers: { cookie } }) : null;
      if (risks?.ok) {
        const rounds = [];
        for (let r = 0; r < ROUNDS; r++) rounds.push(await load(`${appBase}/api/risks`, { cookie }));
        const row = {
          scale: '100x',
          endpoint: 'GET /api/risks (signed in; no bare equivalent)',
          app: { rps: median(rounds.map((x) => x.rps)), p50: median(rounds.map((x) => x.p50)), p99: median(rounds.map((x) => x.p99)) },
          bare: null,
          ratio: null,
        };
        results.api.push(row);
        console.log(`  100x ${row.endpoint}: ${round(row.app.rps, 0)} req/s (p99 ${row.app.p99} ms)`);
      } else {
        console.log('  GET /api/risks: not available in this build, not measured');
      }
    }

    if (runs('exports')) {
      console.log('Chart files (time to produce one file, one request at a time):');
      results.exports = [];
      for (const [label, path] of [
        ['Work Plan chart PDF (A4)', '/api/exports/chart.pdf'],
        ['Work Plan chart PNG (2x)', '/api/exports/chart.png'],
        ['5,000-item chart PDF (A4)', '/api/exports/chart.pdf?partnership=chartfivek-0001'],
        ['5,000-item chart PDF (A3)', '/api/exports/chart.pdf?partnership=chartfivek-0001&paper=a3'],
      ]) {
        const times = [];
        let bytes = 0;
        for (let r = 0; r < ROUNDS; r++) {
          const started = performance.now();
          const response = await fetch(appBase + path);
          if (!response.ok) throw new Error(`${path} answered ${response.status}`);
          bytes = (await response.arrayBuffer()).byteLength;
          times.push(performance.now() - started);
        }
        const row = { file: label, path, ms: median(times), bytes };
        results.exports.push(row);
        console.log(`  ${label}: ${round(row.ms, 0)} ms (${round(bytes / 1024, 0)} KiB)`);
      }
    }

    // The default partnership (the Work Plan) is the first GET /api/partnerships lists.
    const [{ key: DEFAULT_KEY }] = await fetch(`${appBase}/api/partnerships`).then((r) => r.json());
    let browser = null;
    if (['gantt', 'scroll', 'firstload'].some(runs)) {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [...CHROMIUM_ARGS, disableFeatures(PLAYWRIGHT_DISABLED_FEATURES, BROWSER_UI_FEATURES)],
        timeout: 120_000,
      });
      cleanups.push(async () => browser.close());
    }

    if (runs('gantt')) {
      console.log('Gantt chart in headless Chromium:');
      const plain = await startPlainServer(appBase, join(root, 'dist/web/browser'));
      cleanups.push(async () => plain.server.close());
      // One load of each page first, not timed: the first pages a new browser opens pay for its own
      // start (its network service, fonts, spare renderers), which belongs to neither side.
      await timeChart(browser, `${appBase}/?partnership=${DEFAULT_KEY}`, () => window.__wpFirstPaintAt);
      await timeChart(browser, `${plain.base}/?partnership=${DEFAULT_KEY}`, () => window.__plainRenderedAt);
      await timeChart(browser, `${plain.base}/alone?partnership=${DEFAULT_KEY}`, () => window.__wpGanttRenderedAt);
      for (const [label, key] of [
        ['Work Plan (41 items)', DEFAULT_KEY],
        ['1,000 items', 'chartk-0001'],
        ['5,000 items', 'chartfivek-0001'],
      ]) {
        const ours = [];
        const theirs = [];
        const alone = [];
        for (let r = 0; r < LOADS; r++) {
          ours.push(await timeChart(browser, `${appBase}/?partnership=${key}`, () => window.__wpFirstPaintAt, true));
          theirs.push(await timeChart(browser, `${plain.base}/?partnership=${key}`, () => window.__plainRenderedAt));
          alone.push(await timeChart(browser, `${plain.base}/alone?partnership=${key}`, () => window.__wpGanttRenderedAt));
        }
        // The same rows; the server draws the bars of a window at least as tall as the bench's (server-paint.ts).
        if (alone[0].rows !== ours[0].rows || ours[0].bars < alone[0].bars) {
          throw new Error(`${label}: the chart alone drew ${alone[0].bars} bars of ${alone[0].rows} rows, the tracker ${ours[0].bars} of ${ours[0].rows}`);
        }
        const row = {
          plan: label,
          tracker: {
            ms: median(ours.map((x) => x.ms)),
            bars: ours[0].bars,
            rows: ours[0].rows,
            appReadyMs: median(ours.map((x) => x.appReadyMs)),
            allItemsMs: median(ours.map((x) => x.expandedMs)),
            allItemsBars: ours[0].allBars,
            allRows: ours[0].allRows,
          },
          plain: { ms: median(theirs.map((x) => x.ms)), bars: theirs[0].bars },
          alone: { ms: median(alone.map((x) => x.ms)), bars: alone[0].bars },
        };
        row.speedup = row.plain.ms / row.tracker.ms;
        row.aloneSpeedup = row.plain.ms / row.alone.ms;
        results.gantt.push(row);
        console.log(
          `  ${label}: tracker ${round(row.tracker.ms, 0)} ms (${row.tracker.bars} bars, ${row.tracker.rows} of ${row.tracker.allRows} rows; the app ready at ${round(row.tracker.appReadyMs, 0)} ms; "Show all items" ${round(row.tracker.allItemsMs, 0)} ms, ${row.tracker.allItemsBars} bars) vs plain frappe-gantt ${round(row.plain.ms, 0)} ms (${row.plain.bars} bars): ${round(row.speedup, 1)}x; the chart alone, without the app, ${round(row.alone.ms, 0)} ms (${round(row.aloneSpeedup, 1)}x plain)`,
        );
      }

      // The same 5,000-item chart without and with the baselines of version 1 (the plan as generated),
      // alternating which side goes first.
      const key = 'chartfivek-0001';
      const sides = {
        without: { url: `${appBase}/?partnership=${key}`, done: () => window.__wpGanttRenderedAt, runs: [] },
        with: { url: `${appBase}/?partnership=${key}&baseline=1`, done: drawnWithBaseline, runs: [] },
      };
      for (let r = 0; r < LOADS; r++) {
        for (const side of r % 2 ? ['with', 'without'] : ['without', 'with']) {
          sides[side].runs.push(await timeChart(browser, sides[side].url, sides[side].done, true));
        }
      }
      const summary = ({ runs: loads }) => ({
        ms: median(loads.map((x) => x.ms)),
        bars: loads[0].bars,
        allItemsMs: median(loads.map((x) => x.expandedMs)),
        allItemsBars: loads[0].allBars,
        ghostBars: loads[0].ghosts,
      });
      const row = { plan: '5,000 items', version: 1, without: summary(sides.without), with: summary(sides.with) };
      if (row.without.ghostBars !== 0 || !(row.with.ghostBars > 0)) {
        throw new Error(
          `baseline chart: ${row.without.ghostBars} ghost bars without ?baseline=1 and ${row.with.ghostBars} with it (is version 1 of ${key} approved?)`,
        );
      }
      row.ratio = { firstRender: row.with.ms / row.without.ms, allItems: row.with.allItemsMs / row.without.allItemsMs };
      results.ganttBaseline = row;
      console.log(
        `  5,000 items with the baselines of version 1: ${round(row.with.ms, 0)} ms (${row.with.bars} bars; all ${row.with.allItemsBars} bars and ${row.with.ghostBars} ghost bars redrawn in ${round(row.with.allItemsMs, 0)} ms) vs without ${round(row.without.ms, 0)} ms (all ${row.without.allItemsBars} bars in ${round(row.without.allItemsMs, 0)} ms): ${round(row.ratio.firstRender, 2)}x and ${round(row.ratio.allItems, 2)}x the time`,
      );
    }

    if (runs('scroll')) {
      console.log('Scrolling the 5,000-item chart from top to bottom:');
      const loads = [];
      for (let r = 0; r < LOADS; r++) loads.push(await measureScroll(browser, `${appBase}/?partnership=chartfivek-0001`));
      const pass = (list) => ({
        scroller: list[0].scroller,
        height: list[0].height,
        steps: list[0].steps,
        ms: median(list.map((x) => x.ms)),
        longTaskObserved: list[0].longTaskObserved,
        longTasks: median(list.map((x) => x.longTasks)),
        longestTaskMs: median(list.map((x) => x.longestTaskMs)),
        maxBars: median(list.map((x) => x.maxBars)),
      });
      const afterShowAll = loads.every((x) => x.afterShowAll) ? pass(loads.map((x) => x.afterShowAll)) : null;
      results.scroll = {
        plan: '5,000 items',
        firstRenderMs: median(loads.map((x) => x.ms)),
        rows: loads[0].rows,
        allRows: loads[0].allRows,
        asOpened: pass(loads.map((x) => x.asOpened)),
        afterShowAll,
        loads,
      };
      // Scrolled through every row: as opened when it opens with every row, else after "Show all items".
      results.scroll.allRowsPass = afterShowAll ? { after: 'Show all items', ...afterShowAll } : { after: 'first render', ...results.scroll.asOpened };
      const say = (p) =>
        `${p.steps} steps (${p.scroller} scrolled, ${p.height} px) in ${round(p.ms, 0)} ms, ${p.longTaskObserved ? `${p.longTasks} long tasks, the longest ${round(p.longestTaskMs, 0)} ms` : 'long tasks not observable in this browser'}, at most ${p.maxBars} bars in the page`;
      console.log(`  as opened (${results.scroll.rows} of ${results.scroll.allRows} rows): ${say(results.scroll.asOpened)}`);
      if (afterShowAll) console.log(`  after "Show all items" (${results.scroll.allRows} rows): ${say(afterShowAll)}`);
    }

    if (runs('firstload')) {
      console.log('First load of the home page (fresh cache), bytes on the wire until the chart is drawn:');
      const loads = [];
      for (let r = 0; r < LOADS; r++) loads.push(await measureFirstLoad(browser, `${appBase}/`));
      const types = [...new Set(loads.flatMap((x) => Object.keys(x.byType)))];
      results.firstLoad = {
        url: '/',
        total: median(loads.map((x) => x.total)),
        byType: Object.fromEntries(types.map((t) => [t, median(loads.map((x) => x.byType[t] ?? 0))])),
        requests: loads[0].requests,
        acceptEncoding: loads[0].acceptEncoding,
        responses: loads[0].responses,
      };
      console.log(
        `  ${results.firstLoad.total} bytes in ${results.firstLoad.requests} responses (${Object.entries(results.firstLoad.byType)
          .map(([t, n]) => `${t} ${n}`)
          .join(', ')}); the browser sent Accept-Encoding: ${results.firstLoad.acceptEncoding}`,
      );
      for (const r of results.firstLoad.responses)
        console.log(`    ${r.type.padEnd(9)} ${String(r.bytes).padStart(8)} ${r.encoding ?? 'identity'} ${r.status} ${r.url}`);
    }

    if (runs('lighthouse')) {
      console.log(`Lighthouse on the home page (${LOADS} runs, mobile):`);
      results.lighthouse = await measureLighthouse(`${appBase}/`);
      const lh = results.lighthouse;
      console.log(
        `  performance ${lh.performance}, accessibility ${lh.accessibility}; FCP ${round(lh.fcpMs, 0)} ms, LCP ${round(lh.lcpMs, 0)} ms, TBT ${round(lh.tbtMs, 0)} ms, CLS ${round(lh.cls, 3)} (Lighthouse ${lh.version}, its default CPU slowdown of 4x)`,
      );
      const cal = lh.calibrated;
      console.log(
        `  calibrated to this machine (benchmark index ${lh.benchmarkIndex}: a ${cal.cpuSlowdownMultiplier}x CPU slowdown makes it a mid-tier phone): performance ${cal.performance}; FCP ${round(cal.fcpMs, 0)} ms, LCP ${round(cal.lcpMs, 0)} ms, TBT ${round(cal.tbtMs, 0)} ms, CLS ${round(cal.cls, 3)}`,
      );
    }

    results.webInitialJs = initialJavaScript();
    results.apiRssKiB = rssKiB(app.pid);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
  results.machine.loadAverage.end = loadavg();

  report(results);
  console.log(`Load average (1, 5, 15 min) at the start ${load1(results.machine.loadAverage.start)}, at the end ${load1(results.machine.loadAverage.end)}`);

  const outDir = join(root, 'apps/bench/results');
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${results.when.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`Results: ${file}`);
}

/** Each figure of the goals, as measured in this run (null where its part did not run). */
function goals(results) {
  const rows = [];
  const add = (figure, goal, measured, met) => rows.push({ figure, goal, measured: measured ?? 'not measured in this run', met: measured ? met : null });
  const chart = (plan) => results.gantt.find((g) => g.plan === plan);
  const api = (scale, endpoint) => results.api.find((r) => r.scale === scale && r.endpoint === endpoint);
  const ms = (n) => `${round(n, 0)} ms`;

  const workPlan = chart('Work Plan (41 items)');
  add(
    'Work Plan (41 items), navigation to chart drawn',
    '>= 5x faster than plain frappe-gantt',
    workPlan &&
      `${ms(workPlan.tracker.ms)} vs plain frappe-gantt ${ms(workPlan.plain.ms)}: ${round(workPlan.speedup, 1)}x (the app ready at ${ms(workPlan.tracker.appReadyMs)})`,
    workPlan?.speedup >= 5,
  );
  const big = chart('5,000 items');
  const everyRow = big?.tracker.rows >= big?.tracker.allRows;
  add(
    '5,000 items, first render',
    '>= 10x faster than plain frappe-gantt, every bar available without a redraw',
    big &&
      `${ms(big.tracker.ms)} vs plain frappe-gantt ${ms(big.plain.ms)}: ${round(big.speedup, 1)}x (the app ready at ${ms(big.tracker.appReadyMs)}); ${big.tracker.rows} of ${big.tracker.allRows} rows available without a redraw`,
    big?.speedup >= 10 && everyRow,
  );
  const scroll = results.scroll?.allRowsPass;
  add(
    '5,000 items, scrolling through all rows',
    'no long task over 50 ms',
    scroll &&
      (scroll.longTaskObserved
        ? `${scroll.longTasks} long tasks, the longest ${ms(scroll.longestTaskMs)}; at most ${scroll.maxBars} bars in the page for ${results.scroll.allRows} rows (${scroll.after === 'first render' ? 'as opened' : 'after "Show all items"'})`
        : 'long tasks not observable in this browser'),
    scroll?.longTaskObserved && scroll.longTasks === 0,
  );
  add(
    '5,000 items, expanding everything',
    '<= 100 ms',
    big && `${ms(big.tracker.allItemsMs)} ("Show all items" after "Show Actions only", ${big.tracker.allItemsBars} bars)`,
    big?.tracker.allItemsMs <= 100,
  );
  for (const [label, endpoint] of [
    ['GET /api/gantt of the 4,100-item plan', 'GET /api/gantt (4,100-item plan)'],
    ['the same, Accept-Encoding: br', 'GET /api/gantt (4,100-item plan, Accept-Encoding: br)'],
  ]) {
    const r = api('100x', endpoint);
    add(
      label,
      ">= 20x the bare server's req/s; p99 < 100 ms",
      r && `${round(r.app.rps, 0)} req/s, ${round(r.ratio, 1)}x bare (${round(r.bare.rps, 0)} req/s); p99 ${r.app.p99} ms`,
      r?.ratio >= 20 && r.app.p99 < 100,
    );
  }
  const at100 = api('100x', 'GET /api/gantt');
  add(
    'GET /api/gantt at 100x',
    '>= 80% of bare; p99 < 50 ms',
    at100 && `${round(at100.app.rps, 0)} req/s, ${round(at100.ratio * 100, 0)}% of bare (${round(at100.bare.rps, 0)} req/s); p99 ${at100.app.p99} ms`,
    at100?.ratio >= 0.8 && at100.app.p99 < 50,
  );
  const lh = results.lighthouse;
  add(
    'Home page, Lighthouse performance (mobile)',
    '>= 90',
    lh &&
      `${lh.performance} (FCP ${ms(lh.fcpMs)}, LCP ${ms(lh.lcpMs)}, TBT ${ms(lh.tbtMs)}, CLS ${round(lh.cls, 3)}); calibrated to this machine, ${lh.calibrated.cpuSlowdownMultiplier}x: ${lh.calibrated.performance} (TBT ${ms(lh.calibrated.tbtMs)})`,
    lh?.performance >= 90,
  );
  add('Home page, Lighthouse accessibility', '100', lh && `${lh.accessibility}`, lh?.accessibility === 100);
  const storm = results.storm;
  add(
    'The storm: /api/health p99 while 10 anonymous clients ask for chart PDFs, PNGs and calendars of 5,000 items',
    '< 200 ms',
    storm && `${storm.health.p99} ms (${storm.health.requests} requests, max ${storm.health.max} ms)`,
    storm?.health.p99 < 200,
  );
  add(
    'The storm: the exports answered',
    'each served or refused (503 with Retry-After, or 4xx), none a 500',
    storm &&
      `${storm.served} served, ${storm.refused503} refused with 503 (${storm.refused503WithRetryAfter} with Retry-After), ${storm.refused4xx} refused with 4xx, ${storm.failed5xx} failed with 5xx, ${storm.unanswered} unanswered`,
    storm?.failed5xx === 0 && storm.unanswered === 0 && storm.refused503 === storm.refused503WithRetryAfter,
  );
  const bomb = results.bomb;
  add(
    'XLSX bomb import (100 MB of sheet XML): API memory',
    '< idle + 100 MB',
    bomb && `peak ${bomb.peakMiB} MiB against ${bomb.idleMiB} MiB idle (+${bomb.growthMiB} MiB); answered ${bomb.status} in ${bomb.ms} ms`,
    bomb?.growthMiB < 100,
  );
  const first = results.firstLoad;
  add(
    'Home page, first load, compressed bytes',
    'none (the figure)',
    first &&
      `${first.total} bytes (${Object.entries(first.byType)
        .map(([t, n]) => `${t} ${n}`)
        .join(', ')})`,
    null,
  );
  return rows;
}

function report(results) {
  const pad = (s, n) => String(s).padEnd(n);
  if (results.api.length) {
    console.log(
      '\n' +
        pad('scale', 6) +
        pad('endpoint', 56) +
        pad('tracker req/s', 15) +
        pad('p50/p99 ms', 12) +
        pad('bare req/s', 12) +
        pad('bare p50/p99', 14) +
        'ratio',
    );
    for (const r of results.api) {
      console.log(
        pad(r.scale, 6) +
          pad(r.endpoint, 56) +
          pad(round(r.app.rps, 0), 15) +
          pad(`${r.app.p50}/${r.app.p99}`, 12) +
          pad(r.bare ? round(r.bare.rps, 0) : '-', 12) +
          pad(r.bare ? `${r.bare.p50}/${r.bare.p99}` : '-', 14) +
          (r.ratio ? `${round(r.ratio * 100, 0)}%` : '-'),
      );
    }
  }
  if (results.gantt.length) {
    console.log(
      '\n' +
        pad('plan', 22) +
        pad('tracker ms (bars, rows)', 26) +
        pad('app ready ms', 14) +
        pad('all items ms (bars)', 22) +
        pad('plain frappe ms (bars)', 24) +
        pad('speed-up', 10) +
        'the chart alone ms (speed-up)',
    );
    for (const g of results.gantt) {
      console.log(
        pad(g.plan, 22) +
          pad(`${round(g.tracker.ms, 0)} (${g.tracker.bars}, ${g.tracker.rows} of ${g.tracker.allRows})`, 26) +
          pad(`${round(g.tracker.appReadyMs, 0)}`, 14) +
          pad(`${round(g.tracker.allItemsMs, 0)} (${g.tracker.allItemsBars})`, 22) +
          pad(`${round(g.plain.ms, 0)} (${g.plain.bars})`, 24) +
          pad(`${round(g.speedup, 1)}x`, 10) +
          `${round(g.alone.ms, 0)} (${round(g.aloneSpeedup, 1)}x)`,
      );
    }
  }
  const b = results.ganttBaseline;
  if (b) {
    console.log('\n' + pad('5,000 items, baselines of version 1', 38) + pad('first render ms (bars)', 24) + pad('all items ms (bars)', 22) + 'ghost bars');
    for (const [label, side] of [
      ['without ?baseline=1', b.without],
      ['with ?baseline=1', b.with],
    ]) {
      console.log(
        pad(label, 38) + pad(`${round(side.ms, 0)} (${side.bars})`, 24) + pad(`${round(side.allItemsMs, 0)} (${side.allItemsBars})`, 22) + side.ghostBars,
      );
    }
    console.log(pad('with / without', 38) + pad(`${round(b.ratio.firstRender, 2)}x`, 24) + `${round(b.ratio.allItems, 2)}x`);
  }
  console.log('');
  for (const r of results.api) {
    if (r.scale === '100x' && r.ratio !== null) {
      console.log(`API ${r.endpoint} at 100x: ${round(r.ratio * 100, 0)}% of the bare server's requests/s, p99 ${r.app.p99} ms`);
    }
  }
  const big = results.gantt.find((g) => g.plan.startsWith('5,000'));
  if (big)
    console.log(`Gantt 5,000 items: ${round(big.tracker.ms, 0)} ms to first render (goal < 1000 ms), ${round(big.speedup, 1)}x faster than plain frappe-gantt`);
  if (b)
    console.log(
      `Gantt 5,000 items with the baselines of version 1: ${round(b.with.ms, 0)} ms to first render vs ${round(b.without.ms, 0)} ms without (${round(b.ratio.firstRender, 2)}x), all items ${round(b.with.allItemsMs, 0)} ms vs ${round(b.without.allItemsMs, 0)} ms (${round(b.ratio.allItems, 2)}x), ${b.with.ghostBars} ghost bars`,
    );
  for (const e of results.exports ?? []) console.log(`Export ${e.file}: ${round(e.ms, 0)} ms to produce (${round(e.bytes / 1024, 0)} KiB)`);
  console.log(`Web initial JavaScript: ${results.webInitialJs.gzip} bytes gzip (${results.webInitialJs.raw} raw) (goal < 250 kB gzip)`);
  console.log(`API resident memory after the runs: ${round(results.apiRssKiB / 1024, 0)} MiB`);
  const lh = results.lighthouse;
  if (lh) {
    const list = (audits) =>
      audits
        .map((a) => {
          const values = a.displayValues.length ? ` (${a.displayValues.join(' / ')})` : '';
          const where = a.items.map((item) => `\n      ${item}`).join('');
          return `    ${a.title}${values}, in ${a.runs} of ${LOADS} runs${where}`;
        })
        .join('\n');
    console.log(
      `Lighthouse ${lh.version} on the home page; this machine's benchmark index ${lh.benchmarkIndex} (Lighthouse's CPU figure, the median of the runs)`,
    );
    console.log(`Lighthouse: what holds the performance score down (audits under 0.9):\n${list(lh.failedPerformance) || '    nothing'}`);
    console.log(`Lighthouse accessibility audits that failed:\n${list(lh.failedAccessibility) || '    none'}`);
    if (lh.warnings.length) console.log(`Lighthouse warnings: ${lh.warnings.join('; ')}`);
  }

  results.goals = goals(results);
  const width = (key) => Math.max(key.length, ...results.goals.map((g) => g[key].length)) + 2;
  const [figure, measured, goal] = [width('figure'), width('measured'), width('goal')];
  console.log('\nGoals\n' + pad('figure', figure) + pad('measured', measured) + pad('goal', goal) + 'met');
  for (const g of results.goals) {
    console.log(pad(g.figure, figure) + pad(g.measured, measured) + pad(g.goal, goal) + (g.met === null ? '-' : g.met ? 'yes' : 'no'));
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
