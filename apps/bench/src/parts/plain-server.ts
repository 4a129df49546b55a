/**
 * Two pages beside the tracker, each fed the tracker's own API answer through this server: plain
 * frappe-gantt given the same tasks on an empty page (`/`; with `&links=1`, each task's predecessors
 * among the dated items as its `dependencies`, which the library draws as arrows), and the tracker's
 * chart alone (`/alone`, `apps/web/src/chart-alone.ts` as built by the bench's build: the page's
 * renderer, options, items and rows, without the app). The chart alone gets the hints the home page gets (stylesheet, script, the
 * plan), and the tracker's stylesheet with its chart's own styles.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { freePort } from '../shared/processes';
import { root } from '../shared/settings';

export async function startPlainServer(appBase: string, webDist: string): Promise<{ server: Server; base: string }> {
  const frappe = await readFile(join(root, 'node_modules/frappe-gantt/dist/frappe-gantt.es.js'));
  const css = await readFile(join(root, 'node_modules/frappe-gantt/dist/frappe-gantt.css'));
  const alone = await readFile(join(root, 'dist/bench/chart-alone.js'));
  const stylesheet = readdirSync(webDist).find((f) => /^styles-[A-Z0-9]{8}\.css$/.test(f));
  if (!stylesheet) throw new Error(`${webDist}: no styles-*.css (build the web app)`);
  // The chart's own styles are in the app's stylesheet (apps/web/src/app/gantt/gantt-chart.css).
  const aloneCss = await readFile(join(webDist, stylesheet));
  const page = `<!doctype html><html><head><meta charset="utf-8"><title>plain frappe-gantt</title><link rel="stylesheet" href="/frappe-gantt.css"></head>
<body><div id="chart"></div><script type="module">
import Gantt from '/frappe-gantt.es.js';
const key = new URL(location.href).searchParams.get('partnership');
const links = new URL(location.href).searchParams.get('links') === '1';
const data = await (await fetch('/gantt?partnership=' + key)).json();
const dated = new Set(data.items.filter((m) => m.start && m.end).map((m) => m.id));
const dependencies = (m) => (links ? m.predecessorIds.filter((p) => dated.has(p)).join(',') : '');
const tasks = data.items.filter((m) => dated.has(m.id)).map((m) => ({ id: m.id, name: m.title, start: m.start, end: m.end, progress: m.progress, dependencies: dependencies(m) }));
new Gantt('#chart', tasks, { view_mode: 'Month' });
requestAnimationFrame(() => { window.__plainRenderedAt = performance.now(); window.__plainBars = document.querySelectorAll('.bar-wrapper').length; });
</script></body></html>`;
  const alonePage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>the tracker's chart alone</title><link rel="stylesheet" href="/alone.css"></head>
<body><wp-gantt-chart><div class="gantt-host"></div></wp-gantt-chart><script type="module" src="/chart-alone.js"></script></body></html>`;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/frappe-gantt.es.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(frappe);
    if (url.pathname === '/frappe-gantt.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(css);
    if (url.pathname === '/chart-alone.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(alone);
    if (url.pathname === '/alone.css') return void res.writeHead(200, { 'content-type': 'text/css' }).end(aloneCss);
    if (url.pathname === '/gantt' || url.pathname === '/api/gantt') {
      fetch(`${appBase}/api/gantt${url.search}`)
        .then(async (answer) => res.writeHead(answer.status, { 'content-type': 'application/json' }).end(Buffer.from(await answer.arrayBuffer())))
        .catch(() => res.writeHead(502).end());
      return;
    }
    if (url.pathname === '/alone') {
      const hints = [
        '</alone.css>; rel=preload; as=style',
        '</chart-alone.js>; rel=modulepreload',
        `</api/gantt${url.search}>; rel=preload; as=fetch; crossorigin=anonymous`,
      ];
      return void res.writeHead(200, { 'content-type': 'text/html', link: hints.join(', ') }).end(alonePage);
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  });
  const port = await freePort();
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return { server, base: `http://127.0.0.1:${port}` };
}
