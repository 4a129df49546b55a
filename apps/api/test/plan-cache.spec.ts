import type { GanttData, Milestone } from '@tracker/contracts';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { request } from 'node:http';
import { Pool } from 'pg';
import { PlanCache } from '../src/app/gantt/plan-cache';
import { ganttJson } from '../src/app/gantt/plan-queries';
import type { RunningServer } from '../src/app/server';
import { type Client, signedIn } from './client';
import { createTestDatabase, type TestDatabase, withClient } from './database';
import { startTestServer } from './server';

interface Chart {
  status: number;
  etag: string;
  body: string;
}

/** GET /api/gantt as a plain client (fetch would add Cache-Control: no-cache to a conditional request). */
function chart(server: RunningServer, ifNoneMatch?: string): Promise<Chart> {
  return new Promise((ok, fail) => {
    request(`${server.url}/api/gantt`, { headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {} }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => ok({ status: res.statusCode ?? 0, etag: String(res.headers.etag), body }));
    })
      .on('error', fail)
      .end();
  });
}

const progressOf = (body: string, id: string) => (JSON.parse(body) as GanttData).items.find((m) => m.id === id)?.progress;

describe('GET /api/gantt from the cache of the plan revision', () => {
  let db: TestDatabase;
  let a: RunningServer;
  let b: RunningServer;
  let pool: Pool;
  let onA: Client;
  let onB: Client;

  const revision = async (): Promise<string> => {
    const { rows } = await pool.query<{ revision: string }>(
      `SELECT r.revision::text AS revision FROM plan_revision r JOIN partnership p ON p.id = r.partnership_id WHERE p.seed_key = $1`,
      [DEFAULT_PARTNERSHIP_KEY],
    );
    return rows[0].revision;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    // Two instances on one database, as behind a load balancer.
    [a, b] = await Promise.all([startTestServer(db.url), startTestServer(db.url)]);
    pool = new Pool({ connectionString: db.url });
    onA = await signedIn(a.url, 'secretariat@example.org');
    onB = onA.on(b.url);
  });

  afterAll(async () => {
    await pool?.end();
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('answers the JSON Postgres builds, with an ETag naming the revision, and builds it once per revision', async () => {
    const cache = a.app.get(PlanCache);
    const build = jest.spyOn(cache as unknown as { build: () => Promise<unknown> }, 'build');
    try {
      const [first, ...others] = await Promise.all([chart(a), chart(a), chart(a), chart(a)]);
      expect(first.status).toBe(200);
      expect(JSON.parse(first.body)).toEqual(JSON.parse((await ganttJson(pool, DEFAULT_PARTNERSHIP_KEY)) as string));
      expect(first.etag).toMatch(new RegExp(`^W/"${await revision()}-[A-Za-z0-9_-]{16}"$`));
      for (const other of others) expect(other).toEqual(first);
      const again = await chart(a);
      expect(again).toEqual(first);
      // Five requests, one revision: one build (the concurrent ones waited for it).
      expect(build).toHaveBeenCalledTimes(1);
      expect((await chart(a, first.etag)).status).toBe(304);
      expect(build).toHaveBeenCalledTimes(1);
    } finally {
      build.mockRestore();
    }
  });

  it('shows a write through PATCH /api/milestones/:id in the next answer, with a new ETag', async () => {
    const before = await chart(a);
    const revisionBefore = await revision();
    const target = (await onA.get<Milestone[]>('/api/milestones?action=2')).body[0];
    const patched = await onA.patch<Milestone>(`/api/milestones/${target.id}`, { version: target.version, progress: target.progress + 7 });
    expect(patched.status).toBe(200);
    expect(BigInt(await revision())).toBeGreaterThan(BigInt(revisionBefore));
    const after = await chart(a, before.etag);
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before.etag);
    expect(progressOf(after.body, target.id)).toBe(target.progress + 7);
    expect((await chart(a, after.etag)).status).toBe(304);
  });

  it('keeps two instances on one database right: each sees a write made through the other', async () => {
    const target = (await onA.get<Milestone[]>('/api/milestones?action=3')).body[0];
    // Both instances have the chart in memory.
    const [onABefore, onBBefore] = await Promise.all([chart(a), chart(b)]);
    expect(onABefore.etag).toBe(onBBefore.etag);

    expect((await onB.patch(`/api/milestones/${target.id}`, { version: target.version, progress: 41 })).status).toBe(200);
    const seenOnA = await chart(a, onABefore.etag);
    expect(seenOnA.status).toBe(200);
    expect(progressOf(seenOnA.body, target.id)).toBe(41);

    expect((await onA.patch(`/api/milestones/${target.id}`, { version: target.version + 1, progress: 42 })).status).toBe(200);
    const seenOnB = await chart(b, seenOnA.etag);
    expect(seenOnB.status).toBe(200);
    expect(progressOf(seenOnB.body, target.id)).toBe(42);
    expect((await chart(a)).etag).toBe(seenOnB.etag);
  });

  it('leaves the revision as it was when a write rolls back', async () => {
    const before = await chart(b);
    const revisionBefore = await revision();
    await withClient(db.url, async (c) => {
      await c.query('BEGIN');
      await c.query(`UPDATE milestone SET progress = 77 WHERE id = (SELECT id FROM milestone ORDER BY sort_order, id LIMIT 1)`);
      const inside = await c.query<{ revision: string }>(
        `SELECT r.revision::text AS revision FROM plan_revision r JOIN partnership p ON p.id = r.partnership_id WHERE p.seed_key = $1`,
        [DEFAULT_PARTNERSHIP_KEY],
      );
      expect(BigInt(inside.rows[0].revision)).toBeGreaterThan(BigInt(revisionBefore));
      // Others do not see the uncommitted revision.
      expect(await revision()).toBe(revisionBefore);
      await c.query('ROLLBACK');
    });
    expect(await revision()).toBe(revisionBefore);
    expect((await chart(b, before.etag)).status).toBe(304);
    // A failed PATCH (stale version) rolls back too.
    const target = (await onA.get<Milestone[]>('/api/milestones?action=3')).body[0];
    expect(target.version).toBeGreaterThan(2);
    expect((await onA.patch(`/api/milestones/${target.id}`, { version: target.version - 1, progress: 5 })).status).toBe(409);
    expect(await revision()).toBe(revisionBefore);
  });

  it('moves on every change the chart shows, and only those of its own partnership', async () => {
    const steps: [string, string][] = [
      [
        'a date alternative',
        `INSERT INTO milestone_alternative (milestone_id, window_text, precision, source) SELECT id, 'Q3 2026', 'unknown', 'test' FROM milestone LIMIT 1`,
      ],
      ['an Action title', `UPDATE action SET title = title || ' (renamed)' WHERE number = 1`],
      ['the partnership name', `UPDATE partnership SET name = name || ' ' WHERE seed_key = '${DEFAULT_PARTNERSHIP_KEY}'`],
      [
        'a milestone removed',
        `DELETE FROM milestone WHERE id = (SELECT id FROM milestone m WHERE NOT EXISTS (SELECT 1 FROM milestone c WHERE c.parent_id = m.id) AND NOT EXISTS (SELECT 1 FROM output_milestone om WHERE om.milestone_id = m.id) ORDER BY sort_order DESC LIMIT 1)`,
      ],
    ];
    for (const [what, sql] of steps) {
      const before = await chart(a);
      await pool.query(sql);
      const after = await chart(a, before.etag);
      expect([what, after.status]).toEqual([what, 200]);
      expect(after.body).not.toBe(before.body);
    }
    const unchanged = await revision();
    // An update that changes nothing, a field the chart does not show, another partnership's plan.
    await pool.query(`UPDATE milestone SET progress = progress`);
    await pool.query(`UPDATE partnership SET source = source || '' WHERE seed_key = $1`, [DEFAULT_PARTNERSHIP_KEY]);
    const other = await pool.query<{ id: string }>(
      `INSERT INTO partnership (seed_key, name, deadline, source) VALUES ('other-plan', 'Other', '2027-12-31', 'test') RETURNING id`,
    );
    await pool.query(
      `INSERT INTO action (partnership_id, number, short_name, title, objective, deadline, source) VALUES ($1, 1, 'One', 'One', 'One', '2027-12-31', 'test')`,
      [other.rows[0].id],
    );
    expect(await revision()).toBe(unchanged);
  });
});
