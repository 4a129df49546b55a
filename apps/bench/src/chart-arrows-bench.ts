/**
 * The chart with arrows against plain frappe-gantt given the same links: a plan's milestones linked
 * (`linkPlan`: each to an earlier one, as many links as items), then, median of 3 loads each in
 * Chromium, the time to the tracker's chart (`/?partnership=<key>`, until the app says it drew,
 * `window.__wpGanttRenderedAt`) and to plain frappe-gantt on an empty page given every dated item
 * with its `dependencies` (until the frame after it drew). Also the arrows each drew, and the load.
 *
 * To wire it into the benchmark: after seeding the 5,000-item plan (`chartfivek`), call
 * `linkPlan(DATABASE_URL, 'chartfivek-0001')`, then `measureChartArrows(browser, appBase,
 * 'chartfivek-0001')` and `measureForecast({ items: await trackerPlan(appBase, 'chartfivek-0001') })`.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import type { Browser } from 'playwright-core';

const ROOT = resolve(__dirname, '../..');

export interface ChartArrowsFigures {
  partnership: string;
  tracker: { runsMs: number[]; medianMs: number; arrows: number };
  plain: { runsMs: number[]; medianMs: number; arrows: number; bars: number };
  /** Plain frappe-gantt's median over the tracker's: the goal is at least 10. */
  speedup: number;
  loadBefore: number[];
  loadAfter: number[];
}

/**
 * Links the milestones of a partnership in plan order, each to the one at half its place (a tree
 * of finish-to-start links, lag 0 to 2 months), plus one more: as many links as milestones. Written
 * directly, with the plan's revision moved so the tracker reads the plan again. Answers the links added.
 */
export async function linkPlan(databaseUrl: string, partnership: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; partnership_id: string }>(
      `SELECT m.id, a.partnership_id FROM milestone m JOIN action a ON a.id = m.action_id JOIN partnership p ON p.id = a.partnership_id
        WHERE p.seed_key = $1 ORDER BY a.number, m.sort_order`,
      [partnership],
    );
    if (rows.length < 3) throw new Error(`partnership "${partnership}" has ${rows.length} milestones: seed it first`);
    const pairs: [number, number][] = rows.slice(1).map((_, k) => [Math.floor((k + 1) / 2), k + 1]);
    pairs.push([Math.floor((rows.length - 1) / 3), rows.length - 1]);
    await client.query(
      `INSERT INTO dependency (partnership_id, predecessor_id, predecessor_type, successor_id, successor_type, lag_months, source, notes)
       SELECT $1, p, 'milestone', s, 'milestone', lag, NULL, '[]'::jsonb FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS t(p, s, lag)`,
      [rows[0].partnership_id, pairs.map(([p]) => rows[p].id), pairs.map(([, s]) => rows[s].id), pairs.map(([, s]) => s % 3)],
    );
    await client.query(`UPDATE plan_revision SET revision = nextval('plan_revision_seq') WHERE partnership_id = $1`, [rows[0].partnership_id]);
    await client.query('COMMIT');
    return pairs.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** Plain frappe-gantt on an empty page, given every dated item of `/api/gantt` with its predecessors as `dependencies`. */
async function startPlainArrows(appBase: string): Promise<{ server: Server; base: string }> {
  const frappe = await readFile(join(ROOT, 'node_modules/frappe-gantt/dist/frappe-gantt.es.js'));
  const css = await readFile(join(ROOT, 'node_modules/frappe-gantt/dist/frappe-gantt.css'));
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>plain frappe-gantt with arrows</title><link rel="stylesheet" href="/frappe-gantt.css"></head>
<body><div id="chart"></div><script type="module">
import Gantt from '/frappe-gantt.es.js';
const key = new URL(location.href).searchParams.get('partnership');
const data = await (await fetch('/gantt?partnership=' + key)).json();
const dated = new Set(data.items.filter((m) => m.start && m.end).map((m) => m.id));
const tasks = data.items.filter((m) => dated.has(m.id)).map((m) => ({ id: m.id, name: m.title, start: m.start, end: m.end, progress: m.progress, dependencies: m.predecessorIds.filter((p) => dated.has(p)).join(',') }));
new Gantt('#chart', tasks, { view_mode: 'Month' });
requestAnimationFrame(() => { window.__plainRenderedAt = performance.now(); window.__plainBars = document.querySelectorAll('.bar-wrapper').length; });
</script></body></html>`;
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/frappe-gantt.es.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(frappe);
      if (url.pathname === '/frappe-gantt.css') return res.writeHead(200, { 'content-type': 'text/css' }).end(css);
      if (url.pathname === '/gantt') {
        const answer = await fetch(`${appBase}/api/gantt${url.search}`);
        return res.writeHead(answer.status, { 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
      }
      return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The page's global `name` (the bench runs no string as script: the tracker's CSP forbids it). */
const globalOf = (name: string): unknown => (globalThis as unknown as Record<string, unknown>)[name];
/** How many elements of the page match `selector`. */
const countOf = (selector: string): number =>
  (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll(selector).length;

/** One load of `url`, timed until the page's global `done` holds a number (ms since the navigation began); and the arrows drawn then. */
async function timeLoad(browser: Browser, url: string, done: string): Promise<{ ms: number; arrows: number; bars: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(url, { timeout: 180_000 });
    await page.waitForFunction(globalOf, done, { timeout: 180_000 });
    const ms = (await page.evaluate(globalOf, done)) as number;
    const arrows = await page.evaluate(countOf, '.gantt .arrow path');
    const bars = await page.evaluate(countOf, '.bar-wrapper');
    if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
    return { ms, arrows, bars };
  } finally {
    await page.close();
  }
}

/** The tracker's chart against plain frappe-gantt, both given the links of `partnership`, median of 3 loads each. */
export async function measureChartArrows(browser: Browser, appBase: string, partnership: string): Promise<ChartArrowsFigures> {
  const loadBefore = loadavg();
  const plain = await startPlainArrows(appBase);
  try {
    const trackerRuns: { ms: number; arrows: number }[] = [];
    const plainRuns: { ms: number; arrows: number; bars: number }[] = [];
    for (let run = 0; run < 3; run++) {
      trackerRuns.push(await timeLoad(browser, `${appBase}/?partnership=${partnership}`, '__wpGanttRenderedAt'));
      plainRuns.push(await timeLoad(browser, `${plain.base}/?partnership=${partnership}`, '__plainRenderedAt'));
    }
    const tracker = { runsMs: trackerRuns.map((r) => r.ms), medianMs: median(trackerRuns.map((r) => r.ms)), arrows: trackerRuns[0].arrows };
    const plainFigures = {
      runsMs: plainRuns.map((r) => r.ms),
      medianMs: median(plainRuns.map((r) => r.ms)),
      arrows: plainRuns[0].arrows,
      bars: plainRuns[0].bars,
    };
    return { partnership, tracker, plain: plainFigures, speedup: plainFigures.medianMs / tracker.medianMs, loadBefore, loadAfter: loadavg() };
  } finally {
    await new Promise((ok) => plain.server.close(ok));
  }
}
