import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { withClient } from './database';
import { decoded, rawGet } from './raw';
import { startTestServer } from './server';
import { useTempDir, useTracker } from './harness';

/** The web build's server-side first paint (apps/web/src/server-paint.ts), built before the tests by `npm test`. */
const PAINT = resolve(__dirname, '../../../dist/web/server/paint.cjs');
const INDEX_HTML = `<!doctype html><html lang="en"><head><base href="/"><title>Work Plan tracker</title></head><body><wp-root><header class="site-header"></header></wp-root><script src="main-EF56GH78.js" type="module"></script></body></html>`;

/** The first paint's block, the script after it, and the app's element, as the page has them. */
function painted(html: string): { block: string; script: string; root: string } | null {
  const match = /(<div[^>]*class="first-paint"[\s\S]*)<script>([^<]*)<\/script>(<wp-root[^>]*><\/wp-root>)/.exec(html);
  return match ? { block: match[1], script: match[2], root: match[3] } : null;
}

describe("the home page's first paint, drawn by the server", () => {
  const web = useTempDir('tracker-web-');
  const dir = () => web.path;

  beforeAll(async () => {
    if (!existsSync(PAINT)) throw new Error(`${PAINT} is missing: build the web app first (npx nx run web:build)`);
    const dir = web.path;
    // The web build's layout: the browser's files, and the server's first paint beside them.
    await mkdir(join(dir, 'browser'));
    await mkdir(join(dir, 'server'));
    await writeFile(join(dir, 'browser', 'index.html'), INDEX_HTML);
    await copyFile(PAINT, join(dir, 'server', 'paint.cjs'));
  });
  const tracker = useTracker({ config: () => ({ webDist: join(web.path, 'browser') }) });

  it('sends the chart page drawn: the header, the heading, and a bar for every row of the Work Plan, opened on its start', async () => {
    const answer = await rawGet(`${tracker.url}/`, { accept: 'text/html', 'accept-encoding': 'br' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['cache-control']).toBe('private, no-cache');
    const page = painted(decoded(answer));
    expect(page).not.toBeNull();
    const { block, script, root } = page as NonNullable<typeof page>;
    expect(block).toMatch(/^<div inert="" class="first-paint">/);
    expect(block).toContain('<h1>Work Plan timeline</h1>');
    // The chart is titled for what it is, and its windows carry no qualifier the plan does not give.
    expect(block).toContain('<h2>Gantt chart: Work Plan timeline, from sections 2.4.9 - 2.7.9</h2>');
    expect(block).toMatch(/Institutional Self Assessment[^<"]*\. Action 3, 2025\. /);
    expect(block).not.toContain('to be fixed');
    expect(block).toContain('aria-current="page"');
    expect(root).toBe('<wp-root data-first-paint></wp-root>');
    // One bar per row, each with its words, as the API's plan has them.
    const rows = Number(/data-chart-rows="(\d+)"/.exec(block)?.[1]);
    expect(rows).toBeGreaterThan(40);
    expect(block.match(/<g [^>]*class="bar-wrapper/g)).toHaveLength(rows);
    expect(block).toMatch(/aria-label="Gantt chart of the Work Plan/);
    expect(Number(/data-scroll-left="(\d+)"/.exec(block)?.[1])).toBeGreaterThan(0);
    // The page's own script is allowed by its hash, and no other inline script is.
    const hash = createHash('sha256').update(script).digest('base64');
    expect(answer.headers['content-security-policy']).toContain(`'sha256-${hash}'`);
  });

  it("writes an item's title as it is, in its bar's words and in its label: no markup, no character reference read as another character", async () => {
    const title = 'Skills &copy "quoted" <b>not bold</b> R&amp;D';
    await withClient(tracker.db.url, async (client) => {
      const { rows } = await client.query<{ id: string }>('SELECT id FROM milestone WHERE start_date IS NOT NULL ORDER BY id LIMIT 1');
      await client.query('UPDATE milestone SET title = $1 WHERE id = $2', [title, rows[0].id]);
    });
    const block = painted(decoded(await rawGet(`${tracker.url}/`, { accept: 'text/html' })))?.block ?? '';
    // The bar of that item (its words begin with its title).
    const start = block.lastIndexOf('<g role="button"', block.indexOf('not bold'));
    const group = block.slice(start, block.indexOf('<g class="handle-group"', start));
    const label = /aria-label="([^"]*)"/.exec(group)?.[1] ?? '';
    const text = /<text [^>]*class="bar-label[^"]*"[^>]*>([^<]*)<\/text>/.exec(group)?.[1] ?? '';
    // As a browser reads them: every ampersand starts a reference of its own, and no markup comes in.
    for (const written of [label, text]) {
      expect(written.match(/&(?!amp;|quot;|lt;|gt;)/g)).toBeNull();
      expect(written.replace(/&(amp|quot|lt|gt);/g, (_, name: string) => ({ amp: '&', quot: '"', lt: '<', gt: '>' })[name] ?? '')).toContain(title);
    }
    // Text, never markup: the title's tags are characters of the label's words.
    expect(text).toContain('&lt;b&gt;');
  });

  it('is the same page, by its ETag, while the plan is the same (304 when the browser has it)', async () => {
    const first = await rawGet(`${tracker.url}/`, { accept: 'text/html' });
    const etag = first.headers['etag'] as string;
    expect(etag).toMatch(/^"/);
    const again = await rawGet(`${tracker.url}/`, { accept: 'text/html', 'if-none-match': etag });
    expect(again.status).toBe(304);
  });

  it.each(['/?action=1', '/?partnership=no-such-partnership', '/risks'])('leaves %s to the app: the page without a first paint', async (path) => {
    const answer = await rawGet(`${tracker.url}${path}`, { accept: 'text/html' });
    expect(answer.status).toBe(200);
    const html = decoded(answer);
    expect(html).not.toContain('first-paint');
    expect(html).toContain('<wp-root><header class="site-header"></header></wp-root>');
  });

  it('sends the page without its first paint when drawing it fails: the app draws it', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'tracker-web-'));
    await mkdir(join(broken, 'browser'));
    await mkdir(join(broken, 'server'));
    await writeFile(join(broken, 'browser', 'index.html'), INDEX_HTML);
    await writeFile(join(broken, 'server', 'paint.cjs'), "exports.paintChartPage = () => { throw new Error('no drawing today'); };\n");
    const failing = await startTestServer(tracker.db.url, { webDist: join(broken, 'browser') });
    try {
      const answer = await rawGet(`${failing.url}/`, { accept: 'text/html' });
      expect(answer.status).toBe(200);
      expect(decoded(answer)).toBe(INDEX_HTML);
    } finally {
      await failing.close();
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('draws nothing of a plan the visitor may not read: a closed tracker sends a signed-out visitor the page without it', async () => {
    const closed = await startTestServer(tracker.db.url, { webDist: join(dir(), 'browser'), publicRead: false });
    try {
      const answer = await rawGet(`${closed.url}/`, { accept: 'text/html' });
      expect(answer.status).toBe(200);
      const html = decoded(answer);
      expect(html).not.toContain('first-paint');
      expect(html).not.toContain('Work Plan timeline');
    } finally {
      await closed.close();
    }
  });
});
