import { type ApiError, DEFAULT_PARTNERSHIP_KEY, GanttData, type Milestone } from '@tracker/contracts';
import { request } from 'node:http';
import { Pool } from 'pg';
import { ganttJson, milestonesJson } from '../src/app/gantt/plan-queries';
import { getJson } from './server';
import { useTracker } from './harness';

/** A plain GET (fetch adds Cache-Control: no-cache to conditional requests, as browsers' fetch does). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; etag: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('GET /api/gantt and read caching', () => {
  const tracker = useTracker();

  it('serves the chart in one response: the partnership, its Actions and every item as GET /api/milestones has it', async () => {
    const gantt = await getJson<GanttData>(tracker.url, '/api/gantt');
    const milestones = await getJson<Milestone[]>(tracker.url, '/api/milestones');
    expect(gantt.status).toBe(200);
    expect(gantt.body.partnership).toMatchObject({ key: DEFAULT_PARTNERSHIP_KEY, deadline: '2027-03-31' });
    expect(gantt.body.actions.map((a) => a.shortName)).toEqual(['Labour', 'Education', 'Disinformation', 'Funds']);
    expect(gantt.body.items).toEqual(milestones.body);
    const second = gantt.body.items.find((m) => m.title === 'Second Virtual Exchange');
    expect(second).toMatchObject({ start: '2025-10-01', end: '2025-12-31', precision: 'month', status: 'not_started', version: 1 });
    expect(second?.alternatives).toEqual([expect.objectContaining({ source: 'Annex 1' })]);
    expect(second?.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('answers 404 for an unknown partnership and 400 for a malformed key', async () => {
    const unknown = await getJson<ApiError>(tracker.url, '/api/gantt?partnership=no-such-plan');
    expect(unknown).toMatchObject({ status: 404, body: { message: 'partnership "no-such-plan" not found' } });
    const milestones = await getJson<ApiError>(tracker.url, '/api/milestones?partnership=no-such-plan');
    expect(milestones.status).toBe(404);
    const bad = await getJson<ApiError>(tracker.url, '/api/gantt?partnership=DROP%20TABLE');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['partnership must be a partnership key such as inclusion-of-migrants-and-refugees']);
  });

  it('sends an ETag and answers 304 to a request that already has the current version', async () => {
    for (const path of ['/api/gantt', '/api/milestones', '/api/actions', '/api/outputs']) {
      const first = await rawGet(`${tracker.url}${path}`);
      expect(first.etag).toBeTruthy();
      const again = await rawGet(`${tracker.url}${path}`, { 'If-None-Match': first.etag as string });
      expect([path, again.status, again.body]).toEqual([path, 304, '']);
    }
  });

  it('changes the ETag when the plan changes', async () => {
    const before = (await rawGet(`${tracker.url}/api/gantt`)).etag as string;
    await tracker.dataSource.query(
      `UPDATE milestone SET progress = 10, version = version + 1 WHERE id = (SELECT id FROM milestone ORDER BY sort_order LIMIT 1)`,
    );
    const after = await rawGet(`${tracker.url}/api/gantt`, { 'If-None-Match': before });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before);
  });

  it('runs the same statements on a bare pg pool (what the benchmark compares against)', async () => {
    const pool = new Pool({ connectionString: tracker.db.url });
    try {
      const viaPool = GanttData.parse(JSON.parse((await ganttJson(pool, DEFAULT_PARTNERSHIP_KEY)) as string));
      const viaApi = await getJson<GanttData>(tracker.url, '/api/gantt');
      expect(viaPool).toEqual(viaApi.body);
      expect(await milestonesJson(pool, 'nope', null)).toBeNull();
    } finally {
      await pool.end();
    }
  });
});
