import { DEFAULT_PARTNERSHIP_KEY, GanttData, Milestone } from '@tracker/contracts';
import { z } from 'zod';
import { Pool } from 'pg';
import { PlanCache } from '../src/app/gantt/plan-cache';
import { ganttJson, milestonesJson } from '../src/app/gantt/plan-queries';
import type { RunningServer } from '../src/app/server';
import { type Client, signedIn } from './client';
import { withClient } from './database';
import { type Raw, decoded, rawGet as rawRequest } from './raw';
import { useTracker } from './harness';

interface Chart {
  status: number;
  etag: string;
  body: string;
}

/** GET /api/gantt as a plain client (fetch would add Cache-Control: no-cache to a conditional request). */
async function chart(server: RunningServer, ifNoneMatch?: string): Promise<Chart> {
  const answer = await rawRequest(`${server.url}/api/gantt`, ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {});
  return { status: answer.status, etag: String(answer.headers['etag']), body: answer.bytes.toString('utf8') };
}

const progressOf = (body: string, id: string) => GanttData.parse(JSON.parse(body)).items.find((m) => m.id === id)?.progress;

/** A GET of one instance with exactly these headers. */
function rawGet(server: RunningServer, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return rawRequest(`${server.url}${path}`, headers);
}

const listOf = (answer: Raw) => z.array(Milestone).parse(JSON.parse(decoded(answer)));

describe('GET /api/gantt from the cache of the plan revision', () => {
  let pool: Pool;
  // jest runs afterAll hooks in the order they are declared: the pool ends before the fixture drops the database.
  afterAll(async () => {
    await pool?.end();
  });
  // Two instances on one database, as behind a load balancer.
  const tracker = useTracker({ instances: 2 });
  let a: RunningServer;
  let b: RunningServer;
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
    [a, b] = tracker.servers;
    pool = new Pool({ connectionString: tracker.db.url });
    onA = await signedIn(a.url, 'secretariat@example.org');
    onB = onA.on(b.url);
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
    await withClient(tracker.db.url, async (c) => {
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

  describe('GET /api/milestones from the same cache', () => {
    it('answers the JSON MILESTONES_SQL builds, of every Action or of one, built once per revision, with an ETag and 304', async () => {
      const cache = a.app.get(PlanCache);
      const build = jest.spyOn(cache as unknown as { build: () => Promise<unknown> }, 'build');
      try {
        const [first, ...others] = await Promise.all([rawGet(a, '/api/milestones'), rawGet(a, '/api/milestones'), rawGet(a, '/api/milestones')]);
        expect(first.status).toBe(200);
        expect(first.headers['content-type']).toMatch(/^application\/json/);
        expect(first.headers['content-encoding']).toBeUndefined();
        expect(first.headers['vary']).toMatch(/Accept-Encoding/);
        expect(Number(first.headers['content-length'])).toBe(first.bytes.length);
        const text = first.bytes.toString('utf8');
        expect(text).toBe(await milestonesJson(pool, DEFAULT_PARTNERSHIP_KEY, null));
        expect(listOf(first).length).toBeGreaterThan(20);
        expect(first.headers['etag']).toMatch(new RegExp(`^W/"${await revision()}-[A-Za-z0-9_-]{16}"$`));
        for (const other of others) expect([other.headers['etag'], other.bytes.toString('utf8')]).toEqual([first.headers['etag'], text]);
        // Three requests, one revision: one build.
        expect(build).toHaveBeenCalledTimes(1);

        const action2 = await rawGet(a, '/api/milestones?action=2');
        expect(action2.status).toBe(200);
        expect(action2.bytes.toString('utf8')).toBe(await milestonesJson(pool, DEFAULT_PARTNERSHIP_KEY, 2));
        const items = listOf(action2);
        expect(items.length).toBeGreaterThan(3);
        expect(new Set(items.map((m) => m.actionNumber))).toEqual(new Set([2]));
        expect(items).toEqual(listOf(first).filter((m) => m.actionNumber === 2));
        // Each view has its own ETag, though the revision is the same; the chart's is another still.
        expect(action2.headers['etag']).not.toBe(first.headers['etag']);
        expect((await rawGet(a, '/api/gantt')).headers['etag']).not.toBe(first.headers['etag']);
        // One build per view of the revision (the chart's may be kept already from the tests above).
        const built = (build.mock.calls as unknown as [string, { kind: string; variant: string }][]).map(([, view]) => `${view.kind}:${view.variant}`);
        expect(built.filter((view) => !view.startsWith('gantt:'))).toEqual(['milestones:', 'action-milestones:2']);
        expect(built.filter((view) => view.startsWith('gantt:')).length).toBeLessThanOrEqual(1);

        const again = await rawGet(a, '/api/milestones', { 'if-none-match': first.headers['etag'] as string });
        expect([again.status, again.bytes.length, again.headers['etag']]).toEqual([304, 0, first.headers['etag']]);
        expect((await rawGet(a, '/api/milestones?action=2', { 'if-none-match': action2.headers['etag'] as string })).status).toBe(304);
        // The list's ETag does not answer for the Action's list.
        expect((await rawGet(a, '/api/milestones?action=2', { 'if-none-match': first.headers['etag'] as string })).status).toBe(200);
        // Nothing more was built.
        expect(build).toHaveBeenCalledTimes(built.length);
      } finally {
        build.mockRestore();
      }
    });

    it('sends Brotli or gzip as the client accepts: the same JSON once decoded, the same ETag', async () => {
      const plain = await rawGet(a, '/api/milestones');
      for (const [accept, encoding] of [
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip;q=0', undefined],
      ]) {
        const answer = await rawGet(a, '/api/milestones', { 'accept-encoding': accept as string });
        expect([accept, answer.status, answer.headers['content-encoding'], answer.headers['etag']]).toEqual([accept, 200, encoding, plain.headers['etag']]);
        expect(answer.headers['vary']).toMatch(/Accept-Encoding/);
        expect(Number(answer.headers['content-length'])).toBe(answer.bytes.length);
        expect(decoded(answer)).toBe(plain.bytes.toString('utf8'));
      }
      const br = await rawGet(a, '/api/milestones?action=1', { 'accept-encoding': 'br' });
      expect(br.bytes.length).toBeLessThan(decoded(br).length / 3);
      expect(JSON.parse(decoded(br))).toEqual(JSON.parse((await milestonesJson(pool, DEFAULT_PARTNERSHIP_KEY, 1)) as string));
      const notModified = await rawGet(a, '/api/milestones', { 'accept-encoding': 'br', 'if-none-match': plain.headers['etag'] as string });
      expect([notModified.status, notModified.bytes.length]).toEqual([304, 0]);
    });

    it("shows a PATCH made through either instance in the next answer of both, the list and the Action's list", async () => {
      const [listA, listB, actionA] = await Promise.all([rawGet(a, '/api/milestones'), rawGet(b, '/api/milestones'), rawGet(a, '/api/milestones?action=3')]);
      expect(listA.headers['etag']).toBe(listB.headers['etag']);
      const target = listOf(actionA)[0];

      expect((await onB.patch(`/api/milestones/${target.id}`, { version: target.version, progress: 61 })).status).toBe(200);
      const seenOnA = await rawGet(a, '/api/milestones', { 'if-none-match': listA.headers['etag'] as string });
      expect(seenOnA.status).toBe(200);
      expect(listOf(seenOnA).find((m) => m.id === target.id)).toMatchObject({ progress: 61, version: target.version + 1 });
      const actionSeenOnA = await rawGet(a, '/api/milestones?action=3', { 'if-none-match': actionA.headers['etag'] as string });
      expect(actionSeenOnA.status).toBe(200);
      expect(listOf(actionSeenOnA)[0]).toMatchObject({ id: target.id, progress: 61 });

      expect((await onA.patch(`/api/milestones/${target.id}`, { version: target.version + 1, progress: 62 })).status).toBe(200);
      const seenOnB = await rawGet(b, '/api/milestones', { 'if-none-match': seenOnA.headers['etag'] as string });
      expect(seenOnB.status).toBe(200);
      expect(listOf(seenOnB).find((m) => m.id === target.id)?.progress).toBe(62);
      expect(seenOnB.bytes.toString('utf8')).toBe(await milestonesJson(pool, DEFAULT_PARTNERSHIP_KEY, null));
      expect((await rawGet(a, '/api/milestones')).headers['etag']).toBe(seenOnB.headers['etag']);
      // What the Action's page reads (MilestonesService.list) follows too.
      const page = await onA.get<{ milestones: Milestone[] }>('/api/actions/3');
      expect(page.body.milestones.find((m) => m.id === target.id)?.progress).toBe(62);
    });

    it('shows a milestone added through POST /api/milestones in the next answer', async () => {
      const [before, beforeAction] = await Promise.all([rawGet(b, '/api/milestones'), rawGet(b, '/api/milestones?action=4')]);
      const created = await onA.post<Milestone>('/api/milestones', { actionNumber: 4, title: 'Closing conference', windowText: 'March 2027' });
      expect(created.status).toBe(201);
      const after = await rawGet(b, '/api/milestones', { 'if-none-match': before.headers['etag'] as string });
      expect(after.status).toBe(200);
      expect(listOf(after)).toHaveLength(listOf(before).length + 1);
      expect(listOf(after).find((m) => m.id === created.body.id)).toMatchObject({ title: 'Closing conference', actionNumber: 4 });
      const afterAction = await rawGet(b, '/api/milestones?action=4', { 'if-none-match': beforeAction.headers['etag'] as string });
      expect(afterAction.status).toBe(200);
      expect(listOf(afterAction).map((m) => m.id)).toContain(created.body.id);
      // Another Action's list shows the same items as before (a new revision, the same JSON).
      expect(decoded(await rawGet(b, '/api/milestones?action=1'))).toBe(await milestonesJson(pool, DEFAULT_PARTNERSHIP_KEY, 1));
    });

    it('answers as before when a write rolls back', async () => {
      const [before, beforeAction] = await Promise.all([rawGet(a, '/api/milestones'), rawGet(a, '/api/milestones?action=2')]);
      await withClient(tracker.db.url, async (c) => {
        await c.query('BEGIN');
        await c.query(`UPDATE milestone SET title = title || ' (draft)'`);
        await c.query(
          `INSERT INTO milestone_alternative (milestone_id, window_text, precision, source) SELECT id, 'Q3 2026', 'unknown', 'test' FROM milestone LIMIT 1`,
        );
        await c.query('ROLLBACK');
      });
      for (const [server, path, etag] of [
        [a, '/api/milestones', before.headers['etag']],
        [b, '/api/milestones', before.headers['etag']],
        [a, '/api/milestones?action=2', beforeAction.headers['etag']],
      ] as [RunningServer, string, string][]) {
        expect([path, (await rawGet(server, path, { 'if-none-match': etag })).status]).toEqual([path, 304]);
        const answer = await rawGet(server, path);
        expect([path, answer.headers['etag']]).toEqual([path, etag]);
        expect(answer.bytes.toString('utf8')).not.toContain('(draft)');
      }
    });

    it('answers 404 for an unknown partnership and 400 for a bad Action number', async () => {
      const unknown = await rawGet(a, '/api/milestones?partnership=nowhere');
      expect(unknown.status).toBe(404);
      expect(JSON.parse(unknown.bytes.toString('utf8')).message).toBe('partnership "nowhere" not found');
      expect((await rawGet(a, '/api/milestones?partnership=nowhere&action=1')).status).toBe(404);
      const bad = await rawGet(a, '/api/milestones?action=two');
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.bytes.toString('utf8')).message).toEqual(['action must be a whole Action number, e.g. ?action=1']);
    });
  });
});
