import type { Milestone, Output } from '@tracker/contracts';
import { ExportRenderer } from '../src/app/exports/render/export-renderer';
import { seedScalePlans } from '../src/app/seed/scale-plan';
import { startTestServer, testExports } from './server';
import { useTracker } from './harness';

interface Download {
  status: number;
  type: string | null;
  cache: string | null;
  retryAfter: string | null;
  bytes: Buffer;
}

async function download(base: string, path: string, headers: Record<string, string> = {}): Promise<Download> {
  const response = await fetch(`${base}${path}`, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    cache: response.headers.get('x-cache'),
    retryAfter: response.headers.get('retry-after'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const message = (answer: Download) => (JSON.parse(answer.bytes.toString('utf8')) as { message: string }).message;

/** Waits for a condition, checking every few milliseconds, for at most `ms`. */
async function until(condition: () => boolean, ms = 30_000): Promise<void> {
  const ends = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > ends) throw new Error('condition not met in time');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Chart files and calendars under load: drawn off the request loop in a pool of one thread with a
 * queue of one, refused with 503 and Retry-After beyond it, kept by plan revision and parameters,
 * bounded in their parameters and in the size of one PNG, and limited per client without a session.
 */
describe('exports under load', () => {
  const tracker = useTracker({ config: { exports: testExports({ threads: 1, queue: 1 }) } });
  const secretariat = tracker.as('secretariat');
  const big = 'load-0001';

  beforeAll(async () => {
    await tracker.dataSource.transaction((manager) => seedScalePlans(manager, { partnerships: 1, items: 2000, prefix: 'load' }));
  });

  it('answers /api/health while a large chart is drawn', async () => {
    const renderer = tracker.server.app.get(ExportRenderer);
    let exported = false;
    const file = download(tracker.url, `/api/exports/chart.pdf?partnership=${big}&paper=a3`).then((answer) => {
      exported = true;
      return answer;
    });
    await until(() => renderer.stats().admitted === 1);
    const health = await fetch(`${tracker.url}/api/health`);
    expect(health.status).toBe(200);
    // The health check was answered while the file was still being drawn (drawn on the request
    // loop, the file would be finished, and the client never sees it under way).
    expect(renderer.stats().admitted).toBe(1);
    expect(exported).toBe(false);
    expect((await file).status).toBe(200);
  });

  it('refuses files beyond the pool and its queue with 503 and Retry-After, and draws the rest', async () => {
    // Four different files of the 2,000-item plan at once: one drawn, one waiting, two refused.
    const answers = await Promise.all(
      ['not_started', 'in_progress', 'done', 'on_hold'].map((status) => download(tracker.url, `/api/exports/chart.pdf?partnership=${big}&status=${status}`)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 503, 503]);
    for (const refused of answers.filter((a) => a.status === 503)) {
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
      expect(message(refused)).toMatch(/^the server is drawing as many files as it can .*: try again in \d+ seconds?$/);
    }
    for (const served of answers.filter((a) => a.status === 200)) {
      expect(served.type).toBe('application/pdf');
      expect(served.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    }
  });

  it('refuses an asOf far outside the plan with a 400 naming asOf', async () => {
    for (const path of ['/api/exports/chart.pdf?asOf=2100-12-31', '/api/exports/chart.png?asOf=2005-01-01', '/api/exports/chart.svg?asOf=2029-04-01']) {
      const answer = await download(tracker.url, path);
      expect(answer.status).toBe(400);
      expect(message(answer)).toMatch(
        /^asOf must lie within 2 years of the plan, from \d{4}-\d\d-\d\d .* to 2029-03-31 \(after its deadline\), got \d{4}-\d\d-\d\d$/,
      );
    }
    expect((await download(tracker.url, '/api/exports/chart.svg?asOf=2029-03-31')).status).toBe(200);
  });

  it('serves a second identical chart from the cache, and draws it again after a change to the plan', async () => {
    const renderer = tracker.server.app.get(ExportRenderer);
    const path = '/api/exports/chart.svg?action=1&asOf=2026-11-22';
    const first = await download(tracker.url, path);
    const drawn = renderer.stats().rendered;
    const second = await download(tracker.url, path);
    expect([first.status, first.cache, second.status, second.cache]).toEqual([200, 'miss', 200, 'hit']);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(renderer.stats().rendered).toBe(drawn);

    const [item] = (await secretariat.get<Milestone[]>('/api/milestones?action=1')).body;
    const renamed = await secretariat.patch<Milestone>(`/api/milestones/${item.id}`, { version: item.version, title: 'Renamed while cached' });
    expect(renamed.status).toBe(200);
    const third = await download(tracker.url, path);
    expect([third.status, third.cache]).toEqual([200, 'miss']);
    expect(third.bytes.toString('utf8')).toContain('Renamed while cached');
    expect(renderer.stats().rendered).toBe(drawn + 1);
  });

  it('draws a calendar again after a change to an output, which the plan revision does not cover', async () => {
    const first = await download(tracker.url, '/api/calendar/actions/1.ics');
    const second = await download(tracker.url, '/api/calendar/actions/1.ics');
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    const [output] = (await secretariat.get<Output[]>('/api/outputs?action=1')).body;
    expect((await secretariat.patch<Output>(`/api/outputs/${output.id}`, { version: output.version, title: 'Outcomes report, renamed' })).status).toBe(200);
    const third = await download(tracker.url, '/api/calendar/actions/1.ics');
    expect(third.cache).toBe('miss');
    expect(third.bytes.toString('utf8')).toContain('Outcomes report\\, renamed');
  });

  it('draws the PNG of a 2,000-row plan within the rasteriser limits or refuses it with a 422 that says why, never a 500', async () => {
    const whole = await download(tracker.url, `/api/exports/chart.png?partnership=${big}`);
    expect(whole.status).toBe(422);
    expect(message(whole)).toMatch(
      /^chart\.png of 2\d{3} rows over \d+ months would be \d+ x \d+ pixels even at 0\.75x, beyond what one image can hold .*download chart\.pdf/,
    );
    // One Action of it fits: drawn smaller than 2x if need be.
    const part = await download(tracker.url, `/api/exports/chart.png?partnership=${big}&actions=1`);
    expect(part.status).toBe(200);
    expect(part.type).toBe('image/png');
    expect(part.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(part.bytes.readUInt32BE(16) * part.bytes.readUInt32BE(20)).toBeLessThanOrEqual(24_000_000);
  });
});

describe('exports asked without a session', () => {
  const tracker = useTracker({ config: { exports: testExports({ anonymousPerMinute: 3 }) } });

  it('are limited per client with 429 and Retry-After; signed-in people are not counted', async () => {
    const statuses: number[] = [];
    for (const path of ['/api/calendar/plan.ics', '/api/exports/chart.svg', '/api/calendar/actions/2.ics']) {
      statuses.push((await download(tracker.url, path)).status);
    }
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await download(tracker.url, '/api/exports/chart.pdf');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60);
    expect(message(refused)).toMatch(/^too many files asked from this address without signing in \(3 a minute\): try again in \d+ seconds?, or sign in$/);

    const member = await tracker.signIn('secretariat@example.org');
    const cookie = [...member.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    expect((await download(tracker.url, '/api/calendar/plan.ics', { cookie })).status).toBe(200);
    expect((await download(tracker.url, '/api/exports/chart.svg', { cookie })).status).toBe(200);
  });
});

describe('the export worker', () => {
  it('must be built: without it the server does not start, and says what to do', async () => {
    await expect(startTestServer('postgres://nobody@127.0.0.1:1/none', { exports: testExports({ worker: '/nowhere/export-worker.js' }) })).rejects.toThrow(
      'the export worker /nowhere/export-worker.js is missing: build the API first (npm run build), or set EXPORT_WORKER to the built export-worker.js',
    );
  });
});
