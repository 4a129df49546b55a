// `npm run bench`: measures the tracker side by side with its floors, in one run, on this machine.
//
//  - API: requests/s and p50/p99 latency (autocannon) of GET /api/gantt and GET /api/milestones at 1x
//    data (the seeded Work Plan) and 100x data, against a bare node:http + pg server running the
//    same SQL and sending the same JSON (apps/bench/src/bare-server.ts); GET /api/risks where present;
//    the time to produce the chart files (Work Plan and 5,000-item PDF, Work Plan PNG).
//  - Gantt: time from navigation to the chart drawn, in headless Chromium, for the Work Plan and for
//    plans of 1,000 and 5,000 items, against plain frappe-gantt given the same tasks on an empty page;
//    and the 5,000-item chart drawn with the baselines of version 1 (`?baseline=1`, a ghost bar under
//    each bar) against the same chart without them.
//  - The web app's initial JavaScript (bytes, gzip) and the API's resident memory after the runs.
//
// Medians of BENCH_ROUNDS rounds (default 3), each round alternating the two sides. Results are
// printed and written to apps/bench/results/<time>.json.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const LOADS = Number(process.env.BENCH_LOADS ?? 3);

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
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
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

/** A page with plain frappe-gantt and nothing else, fed the same tasks as the tracker's chart. */
async function startPlainServer(appBase) {
  const frappe = await readFile(join(root, 'node_modules/frappe-gantt/dist/frappe-gantt.es.js'));
  const css = await readFile(join(root, 'node_modules/frappe-gantt/dist/frappe-gantt.css'));
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>plain frappe-gantt</title><link rel="stylesheet" href="/frappe-gantt.css"></head>
<body><div id="chart"></div><script type="module">
import Gantt from '/frappe-gantt.es.js';
const key = new URL(location.href).searchParams.get('partnership');
const data = await (await fetch('/gantt?partnership=' + key)).json();
const tasks = data.items.filter((m) => m.start && m.end).map((m) => ({ id: m.id, name: m.title, start: m.start, end: m.end, progress: m.progress }));
new Gantt('#chart', tasks, { view_mode: 'Month' });
requestAnimationFrame(() => { window.__plainRenderedAt = performance.now(); window.__plainBars = document.querySelectorAll('.bar-wrapper').length; });
</script></body></html>`;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname === '/frappe-gantt.es.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(frappe);
    if (url.pathname === '/frappe-gantt.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(css);
    if (url.pathname === '/gantt') {
      const answer = await fetch(`${appBase}/api/gantt${url.search}`);
      return res.writeHead(answer.status, { 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  const port = await freePort();
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  return { server, base: `http://127.0.0.1:${port}` };
}

/** When the chart was last drawn, once the page shows the version it compares with (`?baseline=N`). */
const drawnWithBaseline = () => document.querySelector('[data-testid=baseline-note]') && window.__wpGanttRenderedAt;

async function timeChart(browser, url, doneExpression, expandAll = false) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForFunction(doneExpression, null, { timeout: 120_000 });
  let ms = await page.evaluate(doneExpression);
  let bars = await page.evaluate(() => document.querySelectorAll('.bar-wrapper').length);
  let expandedMs = null;
  let ghosts = null;
  if (expandAll) {
    const before = await page.evaluate(() => performance.now());
    await page.evaluate(() => {
      window.__wpGanttRenderedAt = undefined;
      [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Show all items')?.click();
    });
    await page.waitForFunction(() => window.__wpGanttRenderedAt, null, { timeout: 120_000 });
    expandedMs = (await page.evaluate(() => window.__wpGanttRenderedAt)) - before;
    bars = [bars, await page.evaluate(() => document.querySelectorAll('.bar-wrapper').length)];
    ghosts = await page.evaluate(() => document.querySelectorAll('.bar-wrapper [data-testid=baseline-bar]').length);
  }
  await page.close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return { ms, bars, expandedMs, ghosts };
}

async function main() {
  for (const file of [
    'dist/api/main.js',
    'dist/api/embedded-postgres.js',
    'dist/bench/bare-server.js',
    'dist/api/seed-scale.js',
    'dist/web/browser/index.html',
  ]) {
    if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run npm run bench (it builds first)`);
  }
  const cleanups = [];
  const results = {
    when: new Date().toISOString(),
    machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
    settings: { ROUNDS, SECONDS, CONNECTIONS, LOADS },
    api: [],
    gantt: [],
  };
  try {
    // One Postgres for both servers.
    const dir = await mkdtemp(join(tmpdir(), 'tracker-bench-'));
    await chmod(dir, 0o755);
    // Started as the tracker starts its own (dist/api/embedded-postgres.js is built from the API).
    const { launchPostgres } = createRequire(import.meta.url)(join(root, 'dist/api/embedded-postgres.js'));
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
      { DATABASE_URL, PORT: String(appPort), HOST: '127.0.0.1', NODE_ENV: 'development' },
      'Work Plan tracker ready',
    );
    cleanups.push(async () => app.kill('SIGINT'));
    const barePort = await freePort();
    const bare = await startProcess(['dist/bench/bare-server.js'], { DATABASE_URL, PORT: String(barePort) }, 'bare server ready');
    cleanups.push(async () => bare.kill('SIGTERM'));
    const appBase = `http://127.0.0.1:${appPort}`;
    const bareBase = `http://127.0.0.1:${barePort}`;

    // Same JSON from both, or the comparison means nothing.
    for (const path of ['/api/gantt', '/api/milestones']) {
      const [a, b] = await Promise.all([fetch(appBase + path).then((r) => r.text()), fetch(bareBase + path).then((r) => r.text())]);
      if (a !== b) throw new Error(`${path}: the API and the bare server answer differently`);
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

    console.log('API at 1x (the Work Plan):');
    await measureApi('1x', [
      ['GET /api/gantt', '/api/gantt'],
      ['GET /api/milestones', '/api/milestones'],
    ]);

    console.log('Adding 100x data (99 more partnerships of the same size, a 4,100-item plan, and 1,000- and 5,000-item plans for the chart)...');
    const env = { DATABASE_URL };
    console.log('  ' + (await run(['dist/api/seed-scale.js', '--partnerships', '99', '--items', '41'], env)));
    console.log('  ' + (await run(['dist/api/seed-scale.js', '--prefix', 'big', '--partnerships', '1', '--items', '4100'], env)));
    console.log('  ' + (await run(['dist/api/seed-scale.js', '--prefix', 'chartk', '--partnerships', '1', '--items', '1000'], env)));
    console.log('  ' + (await run(['dist/api/seed-scale.js', '--prefix', 'chartfivek', '--partnerships', '1', '--items', '5000'], env)));

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

    console.log('Gantt chart in headless Chromium:');
    // The default partnership (the Work Plan) is the first GET /api/partnerships lists.
    const [{ key: DEFAULT_KEY }] = await fetch(`${appBase}/api/partnerships`).then((r) => r.json());
    const plain = await startPlainServer(appBase);
    cleanups.push(async () => plain.server.close());
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    cleanups.push(async () => browser.close());
    for (const [label, key] of [
      ['Work Plan (41 items)', DEFAULT_KEY],
      ['1,000 items', 'chartk-0001'],
      ['5,000 items', 'chartfivek-0001'],
    ]) {
      const ours = [];
      const theirs = [];
      for (let r = 0; r < LOADS; r++) {
        ours.push(await timeChart(browser, `${appBase}/?partnership=${key}`, () => window.__wpGanttRenderedAt, true));
        theirs.push(await timeChart(browser, `${plain.base}/?partnership=${key}`, () => window.__plainRenderedAt));
      }
      const row = {
        plan: label,
        tracker: { ms: median(ours.map((x) => x.ms)), bars: ours[0].bars[0], allItemsMs: median(ours.map((x) => x.expandedMs)), allItemsBars: ours[0].bars[1] },
        plain: { ms: median(theirs.map((x) => x.ms)), bars: theirs[0].bars },
      };
      row.speedup = row.plain.ms / row.tracker.ms;
      results.gantt.push(row);
      console.log(
        `  ${label}: tracker ${round(row.tracker.ms, 0)} ms (${row.tracker.bars} bars; all ${row.tracker.allItemsBars} bars redrawn in ${round(row.tracker.allItemsMs, 0)} ms) vs plain frappe-gantt ${round(row.plain.ms, 0)} ms (${row.plain.bars} bars): ${round(row.speedup, 1)}x`,
      );
    }

    // The same 5,000-item chart without and with the baselines of version 1 (the plan as generated),
    // alternating which side goes first.
    {
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
      const summary = ({ runs }) => ({
        ms: median(runs.map((x) => x.ms)),
        bars: runs[0].bars[0],
        allItemsMs: median(runs.map((x) => x.expandedMs)),
        allItemsBars: runs[0].bars[1],
        ghostBars: runs[0].ghosts,
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

    results.webInitialJs = initialJavaScript();
    results.apiRssKiB = rssKiB(app.pid);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }

  // The report.
  const pad = (s, n) => String(s).padEnd(n);
  console.log(
    '\n' + pad('scale', 6) + pad('endpoint', 42) + pad('tracker req/s', 15) + pad('p50/p99 ms', 12) + pad('bare req/s', 12) + pad('bare p50/p99', 14) + 'ratio',
  );
  for (const r of results.api) {
    console.log(
      pad(r.scale, 6) +
        pad(r.endpoint, 42) +
        pad(round(r.app.rps, 0), 15) +
        pad(`${r.app.p50}/${r.app.p99}`, 12) +
        pad(r.bare ? round(r.bare.rps, 0) : '-', 12) +
        pad(r.bare ? `${r.bare.p50}/${r.bare.p99}` : '-', 14) +
        (r.ratio ? `${round(r.ratio * 100, 0)}%` : '-'),
    );
  }
  console.log('\n' + pad('plan', 22) + pad('tracker ms (bars)', 20) + pad('all items ms (bars)', 22) + pad('plain frappe ms (bars)', 24) + 'speed-up');
  for (const g of results.gantt) {
    console.log(
      pad(g.plan, 22) +
        pad(`${round(g.tracker.ms, 0)} (${g.tracker.bars})`, 20) +
        pad(`${round(g.tracker.allItemsMs, 0)} (${g.tracker.allItemsBars})`, 22) +
        pad(`${round(g.plain.ms, 0)} (${g.plain.bars})`, 24) +
        `${round(g.speedup, 1)}x`,
    );
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
      console.log(`API ${r.endpoint} at 100x: ${round(r.ratio * 100, 0)}% of the bare server's requests/s (goal >= 50%), p99 ${r.app.p99} ms (goal < 50 ms)`);
    }
  }
  const big = results.gantt.find((g) => g.plan.startsWith('5,000'));
  if (big)
    console.log(
      `Gantt 5,000 items: ${round(big.tracker.ms, 0)} ms to first render (goal < 1000 ms), ${round(big.speedup, 1)}x faster than plain frappe-gantt (goal >= 5x)`,
    );
  if (b)
    console.log(
      `Gantt 5,000 items with the baselines of version 1: ${round(b.with.ms, 0)} ms to first render vs ${round(b.without.ms, 0)} ms without (${round(b.ratio.firstRender, 2)}x), all items ${round(b.with.allItemsMs, 0)} ms vs ${round(b.without.allItemsMs, 0)} ms (${round(b.ratio.allItems, 2)}x), ${b.with.ghostBars} ghost bars`,
    );
  for (const e of results.exports ?? []) console.log(`Export ${e.file}: ${round(e.ms, 0)} ms to produce (${round(e.bytes / 1024, 0)} KiB)`);
  console.log(`Web initial JavaScript: ${results.webInitialJs.gzip} bytes gzip (${results.webInitialJs.raw} raw) (goal < 250 kB gzip)`);
  console.log(`API resident memory after the runs: ${round(results.apiRssKiB / 1024, 0)} MiB`);

  const outDir = join(root, 'apps/bench/results');
  await mkdir(outDir, { recursive: true });
  const file = join(outDir, `${results.when.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, JSON.stringify(results, null, 2) + '\n');
  console.log(`Results: ${file}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
