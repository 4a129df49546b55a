import { brotliCompressSync } from 'node:zlib';
import type { Browser, Page, Response } from 'playwright-core';
import { BASE_URL, launchBrowser, settled, watchErrors } from './support/browser';

interface Visit {
  page: Page;
  /** Console errors, page errors, failed requests and answers of 400 or more, in words. */
  problems: string[];
  /** Each script and stylesheet the page loaded, by its path. */
  encodings: Map<string, Response>;
}

/** Opens `path` signed out, recording every problem a visitor's browser would show or log, and every layout shift. */
async function visit(browser: Browser, path: string, viewport = { width: 1440, height: 900 }): Promise<Visit> {
  const page = await browser.newPage({ viewport });
  const problems = watchErrors(page, { console: true, prefix: true });
  const encodings = new Map<string, Response>();
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
    if (/\.(js|css)$/.test(response.url())) encodings.set(new URL(response.url()).pathname, response);
  });
  // Through the debugging protocol, before any script of the page: the app's Content-Security-Policy stays on.
  await page.addInitScript(() => {
    const record = { shifts: [] as { value: number; sources: string[] }[] };
    (window as unknown as { __layoutShifts: typeof record }).__layoutShifts = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue;
        const sources = (entry.sources ?? []).map((s) => {
          const node = s.node as Element | undefined;
          return node
            ? `${node.nodeName.toLowerCase()}${node.id ? '#' + node.id : ''}${node.className && typeof node.className === 'string' ? '.' + node.className.split(' ').join('.') : ''}`
            : '?';
        });
        record.shifts.push({ value: entry.value, sources });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${BASE_URL}${path}`, { waitUntil: 'networkidle' });
  return { page, problems, encodings };
}

/** Every layout shift so far, summed (an upper bound of the page's Cumulative Layout Shift), and what moved. */
async function layoutShift(page: Page): Promise<{ total: number; shifts: { value: number; sources: string[] }[] }> {
  const shifts = await page.evaluate(() => (window as unknown as { __layoutShifts: { shifts: { value: number; sources: string[] }[] } }).__layoutShifts.shifts);
  return { total: shifts.reduce((sum, s) => sum + s.value, 0), shifts };
}

describe('a signed-out visit', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('of the chart (the home page) logs no error, fails no request, loads compressed files, and the page does not jump while the chart draws', async () => {
    const { page, problems, encodings } = await visit(browser, '/');
    await page.waitForSelector('[data-rendered-bars]');
    await page.getByTestId('gantt-table').waitFor();
    // Whatever settles after the chart (the table drawn when idle) is counted too.
    await settled(page);
    const { total, shifts } = await layoutShift(page);
    expect({ total: total < 0.05, shifts: total < 0.05 ? [] : shifts }).toEqual({ total: true, shifts: [] });
    expect(problems).toEqual([]);
    const scripts = [...encodings.entries()].filter(([path]) => path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const [path, response] of scripts) {
      const encoding = response.headers()['content-encoding'];
      if (encoding === undefined) {
        // Sent as it is only when no compressed copy would be smaller (the build keeps none then, e.g. a 100-byte chunk).
        const body = await response.body();
        expect([path, brotliCompressSync(body).length >= body.length]).toEqual([path, true]);
      } else {
        expect([path, encoding]).toEqual([path, expect.stringMatching(/^(br|gzip)$/)]);
      }
    }
    await page.close();
  });

  it('of the chart on a phone does not jump either', async () => {
    const { page, problems } = await visit(browser, '/', { width: 390, height: 844 });
    await page.waitForSelector('[data-rendered-bars]');
    await page.getByTestId('gantt-table').waitFor();
    await settled(page);
    const { total, shifts } = await layoutShift(page);
    expect({ total: total < 0.05, shifts: total < 0.05 ? [] : shifts }).toEqual({ total: true, shifts: [] });
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([
    ['/', ''],
    ['/?partnership=scale-0001', '?partnership=scale-0001'],
  ])(
    'of %s asks for its API answers once each, those of the first paint as preload hints before the app starts, and the app uses them',
    async (path, query) => {
      const { page, problems } = await visit(browser, path);
      // Everything of the first visit loaded (the table comes when idle), then the visit again, watched.
      await page.getByTestId('gantt-table').waitFor();
      await page.waitForLoadState('networkidle');
      const asked: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/')) asked.push(new URL(request.url()).pathname);
      });
      await page.reload({ waitUntil: 'networkidle' });
      await page.waitForSelector('[data-rendered-bars]');
      await settled(page);
      const entries = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.name.includes('/api/'))
          .map((entry) => ({ url: entry.name.replace(location.origin, ''), by: (entry as PerformanceResourceTiming).initiatorType })),
      );
      // The three answers the first paint draws from are hinted; those only the app reads (the filters'
      // organisations and versions) are not, and the app asks for them when it starts.
      const hinted = ['/api/gantt', '/api/auth/session', '/api/partnerships'].map((p) => (p === '/api/partnerships' ? p : `${p}${query}`));
      const byApp = ['/api/organisations', '/api/plan-versions'].map((p) => `${p}${query}`);
      const initiators = (urls: string[]) =>
        entries
          .filter((entry) => urls.includes(entry.url))
          .map((entry) => [entry.url, entry.by])
          .sort();
      expect(initiators(hinted)).toEqual(hinted.map((url) => [url, 'link']).sort());
      expect(initiators(byApp)).toEqual(byApp.map((url) => [url, 'fetch']).sort());
      // The chart is drawn once, when the plan is here: the answers that come after it draw nothing again.
      await expect(page.evaluate(() => (window as unknown as { __wpGanttDraws?: number }).__wpGanttDraws)).resolves.toBe(1);
      // Each once: the app's own requests for the hinted answers were answered from the hints.
      expect([...asked].sort()).toEqual([...hinted, ...byApp].map((url) => url.split('?')[0]).sort());
      expect(problems).toEqual([]);
      await page.close();
    },
  );

  it.each(['/actions/1', '/organisations', '/risks'])('of %s logs no error and fails no request', async (path) => {
    const { page, problems } = await visit(browser, path);
    await page.locator('h1').first().waitFor();
    await settled(page);
    expect(problems).toEqual([]);
    await page.close();
  });
});
