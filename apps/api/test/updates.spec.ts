import type { ApiError, AuditEntry, ConflictError, Milestone, Output } from '@tracker/contracts';
import { Client } from './client';
import { withClient } from './database';
import { planItems } from './fixtures';
import { useTracker } from './harness';

describe('status updates with conflict detection and history', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  let milestones: Milestone[];
  let outputs: Output[];

  beforeAll(async () => ({ milestones, outputs } = await planItems(secretariat, '?action=3')));

  const auditCount = (itemId: string) =>
    withClient(
      tracker.db.url,
      async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_entry WHERE item_id = $1`, [itemId])).rows[0].n,
    );

  async function current(id: string): Promise<Milestone> {
    return (await secretariat.get<Milestone>(`/api/milestones/${id}`)).body;
  }

  it('updates a milestone, bumps its version, and records each changed field with who, when and the note', async () => {
    const target = milestones[0];
    const answer = await secretariat.patch<Milestone>(`/api/milestones/${target.id}`, {
      version: 1,
      status: 'in_progress',
      progress: 25,
      actualStart: '2025-06-03',
      note: 'Kick-off held',
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: target.id, status: 'in_progress', progress: 25, actualStart: '2025-06-03', actualEnd: null, version: 2 });
    expect(answer.body.title).toBe(target.title);
    expect(await current(target.id)).toMatchObject({ status: 'in_progress', progress: 25, version: 2 });

    const history = await secretariat.get<AuditEntry[]>(`/api/milestones/${target.id}/history`);
    expect(history.status).toBe(200);
    expect(history.body.map((e) => [e.field, e.from, e.to, e.note, e.version])).toEqual([
      ['status', 'not_started', 'in_progress', 'Kick-off held', 2],
      ['progress', 0, 25, 'Kick-off held', 2],
      ['actualStart', null, '2025-06-03', 'Kick-off held', 2],
    ]);
    const entry = history.body[0];
    expect(entry).toMatchObject({
      itemType: 'milestone',
      itemId: target.id,
      itemTitle: target.title,
      actionNumber: 3,
      by: { name: 'Demo Secretariat', role: 'secretariat', organisation: 'The Inclusion Partnership Secretariat' },
    });
    expect(Math.abs(Date.parse(entry.at) - Date.now())).toBeLessThan(60_000);
  });

  it('gives the second of two clients with the same version a 409 with the current values, and loses nothing', async () => {
    const target = milestones[1];
    const alice = await tracker.signIn('secretariat@example.org');
    const bob = await tracker.signIn('secretariat@example.org');
    const seen = (await alice.get<Milestone>(`/api/milestones/${target.id}`)).body.version;

    const first = await alice.patch<Milestone>(`/api/milestones/${target.id}`, { version: seen, progress: 30, note: 'Alice' });
    const second = await bob.patch<ConflictError<Milestone>>(`/api/milestones/${target.id}`, { version: seen, progress: 70, note: 'Bob' });
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/someone else changed this milestone/);
    expect(second.body.current).toMatchObject({ id: target.id, progress: 30, version: seen + 1 });

    // Bob retries on the version the conflict showed him.
    const retry = await bob.patch<Milestone>(`/api/milestones/${target.id}`, { version: second.body.current.version, progress: 70, note: 'Bob, again' });
    expect(retry.status).toBe(200);
    const history = (await bob.get<AuditEntry[]>(`/api/milestones/${target.id}/history`)).body;
    expect(history.map((e) => [e.from, e.to, e.note])).toEqual([
      [30, 70, 'Bob, again'],
      [0, 30, 'Alice'],
    ]);
  });

  it('lets exactly one of many simultaneous writers on one version win', async () => {
    const target = milestones[2];
    const version = (await current(target.id)).version;
    const answers = await Promise.all([10, 20, 30, 40, 50, 60].map((progress) => secretariat.patch(`/api/milestones/${target.id}`, { version, progress })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    expect(await current(target.id)).toMatchObject({ version: version + 1 });
    expect(await auditCount(target.id)).toBe(1);
  });

  it('writes no audit entry for a stale update', async () => {
    const target = milestones[3];
    await secretariat.patch(`/api/milestones/${target.id}`, { version: 1, progress: 5 });
    const before = await auditCount(target.id);
    const stale = await secretariat.patch(`/api/milestones/${target.id}`, { version: 1, progress: 6 });
    expect(stale.status).toBe(409);
    expect(await auditCount(target.id)).toBe(before);
  });

  it('rolls the update back when its audit entry cannot be written, with a generic 500', async () => {
    const target = milestones[4];
    const before = await current(target.id);
    await withClient(tracker.db.url, (c) =>
      c.query(`
        CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'audit disk full'; END $$;
        CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION refuse_audit();`),
    );
    try {
      const answer = await secretariat.patch<ApiError>(`/api/milestones/${target.id}`, { version: before.version, status: 'on_hold', note: 'paused' });
      expect(answer.status).toBe(500);
      expect(answer.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'something went wrong on the server; it has been logged' });
      expect(JSON.stringify(answer.body)).not.toMatch(/audit disk full|at .*\.ts/);
    } finally {
      await withClient(tracker.db.url, (c) => c.query(`DROP TRIGGER refuse_audit ON audit_entry; DROP FUNCTION refuse_audit();`));
    }
    expect(await current(target.id)).toEqual(before);
    expect(await auditCount(target.id)).toBe(0);
  });

  it('sets progress to 100 for done, and requires the actual end', async () => {
    const target = milestones[5];
    const noEnd = await secretariat.patch<ApiError>(`/api/milestones/${target.id}`, { version: 1, status: 'done' });
    expect(noEnd.status).toBe(400);
    expect(noEnd.body.message).toBe('actualEnd is required when status is done: give the day it was finished');
    const wrongProgress = await secretariat.patch<ApiError>(`/api/milestones/${target.id}`, {
      version: 1,
      status: 'done',
      progress: 80,
      actualEnd: '2025-10-31',
    });
    expect(wrongProgress.status).toBe(400);
    expect(wrongProgress.body.message).toBe('progress must be 100 when status is done, got 80');
    const done = await secretariat.patch<Milestone>(`/api/milestones/${target.id}`, { version: 1, status: 'done', actualEnd: '2025-10-31' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', progress: 100, actualEnd: '2025-10-31', version: 2 });
    const backwards = await secretariat.patch<ApiError>(`/api/milestones/${target.id}`, { version: 2, actualStart: '2025-11-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toBe('actualEnd (2025-10-31) must not be before actualStart (2025-11-01)');
    expect(await auditCount(target.id)).toBe(3);
  });

  it('answers a stale update that would also break a rule with 409, not 400', async () => {
    const target = milestones[5];
    const answer = await secretariat.patch(`/api/milestones/${target.id}`, { version: 1, progress: 10 });
    expect(answer.status).toBe(409);
  });

  it('accepts a note on its own, and answers an update that changes nothing without a new version', async () => {
    const target = milestones[6];
    const note = await secretariat.patch<Milestone>(`/api/milestones/${target.id}`, { version: 1, note: 'Waiting for the venue' });
    expect(note.body).toMatchObject({ version: 2 });
    const history = (await secretariat.get<AuditEntry[]>(`/api/milestones/${target.id}/history`)).body;
    expect(history.map((e) => [e.field, e.from, e.to, e.note])).toEqual([[null, null, null, 'Waiting for the venue']]);
    const same = await secretariat.patch<Milestone>(`/api/milestones/${target.id}`, { version: 2, status: 'not_started' });
    expect(same).toMatchObject({ status: 200, body: { version: 2 } });
    const staleSame = await secretariat.patch(`/api/milestones/${target.id}`, { version: 1, status: 'not_started' });
    expect(staleSame.status).toBe(409);
  });

  const id = () => milestones[7].id;
  it.each(
    [
      [{ progress: 5 }, 'version must be a whole number: the version of the item you last read'],
      [{ version: '1', progress: 5 }, 'version must be a whole number: the version of the item you last read'],
      [{ version: 0, progress: 5 }, 'version must be a whole number: the version of the item you last read'],
      [{ version: 1, status: 'finished' }, 'status must be one of not_started, in_progress, done, on_hold, cancelled'],
      [{ version: 1, status: null }, 'status must be one of not_started, in_progress, done, on_hold, cancelled'],
      [{ version: 1, progress: 101 }, 'progress must be a whole number from 0 to 100'],
      [{ version: 1, progress: -1 }, 'progress must be a whole number from 0 to 100'],
      [{ version: 1, progress: 12.5 }, 'progress must be a whole number from 0 to 100'],
      [{ version: 1, progress: '50' }, 'progress must be a whole number from 0 to 100'],
      [{ version: 1, progress: null }, 'progress must be a whole number from 0 to 100'],
      [{ version: 1, actualStart: '2026-02-30' }, 'actualStart must be a calendar date written yyyy-MM-dd, e.g. 2026-03-31'],
      [{ version: 1, actualEnd: '2026-3-1' }, 'actualEnd must be a calendar date written yyyy-MM-dd, e.g. 2026-03-31'],
      [{ version: 1, forecastEnd: '2026-03-01T00:00:00Z' }, 'forecastEnd must be a calendar date written yyyy-MM-dd, e.g. 2026-03-31'],
      [{ version: 1, forecastEnd: 20260301 }, 'forecastEnd must be a calendar date written yyyy-MM-dd, e.g. 2026-03-31'],
      [{ version: 1, note: 42 }, 'note must be text'],
      [{ version: 1, note: 'x'.repeat(2001) }, 'note must be at most 2000 characters'],
      [{ version: 1, title: ' ' }, 'title must be non-empty text of at most 500 characters'],
      [{ version: 1, start: '2026-01-01' }, 'property start should not exist'],
      [{ version: 1, progress: 5, colour: 'red' }, 'property colour should not exist'],
    ].map(([body, message]) => [JSON.stringify(body).slice(0, 70), body, message] as const),
  )('refuses %s with a 400 naming the field', async (_label, body, message) => {
    const answer = await secretariat.patch<ApiError>(`/api/milestones/${id()}`, body);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual([message]);
    expect(await current(id())).toMatchObject({ version: 1, progress: 0 });
  });

  it('refuses an update that gives nothing to change', async () => {
    const answer = await secretariat.patch<ApiError>(`/api/milestones/${id()}`, { version: 1 });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe(
      'give at least one of status, progress, actualStart, actualEnd, forecastEnd, title, windowText, tentative, parentId, note besides version',
    );
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await secretariat.patch<ApiError>('/api/milestones/00000000-0000-4000-8000-000000000000', { version: 1, progress: 5 });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('milestone 00000000-0000-4000-8000-000000000000 not found');
    const malformed = await secretariat.patch<ApiError>('/api/milestones/42', { version: 1, progress: 5 });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toBe('id must be a UUID, got "42"');
    expect((await secretariat.get('/api/milestones/00000000-0000-4000-8000-000000000000/history')).status).toBe(404);
    expect((await secretariat.get('/api/outputs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('updates an output: delivered needs its delivery date, and progress is not a field of outputs', async () => {
    const target = outputs[0];
    const noDate = await secretariat.patch<ApiError>(`/api/outputs/${target.id}`, { version: 1, status: 'delivered' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.message).toBe('actualEnd is required when status is delivered: give the day it was delivered');
    const progress = await secretariat.patch<ApiError>(`/api/outputs/${target.id}`, { version: 1, progress: 50 });
    expect(progress.status).toBe(400);
    expect(progress.body.message).toEqual(['property progress should not exist']);
    const badStatus = await secretariat.patch<ApiError>(`/api/outputs/${target.id}`, { version: 1, status: 'done' });
    expect(badStatus.body.message).toEqual(['status must be one of planned, in_progress, delivered, cancelled']);

    const delivered = await secretariat.patch<Output>(`/api/outputs/${target.id}`, {
      version: 1,
      status: 'delivered',
      actualEnd: '2026-02-27',
      note: 'Sent to members',
      evidenceNote: 'Sent to members by mail; no copy kept',
    });
    expect(delivered.status).toBe(200);
    expect(delivered.body).toMatchObject({ id: target.id, status: 'delivered', actualEnd: '2026-02-27', version: 2, milestoneIds: target.milestoneIds });
    const stale = await secretariat.patch<ConflictError<Output>>(`/api/outputs/${target.id}`, { version: 1, status: 'cancelled' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ status: 'delivered', version: 2 });

    const history = (await secretariat.get<AuditEntry[]>(`/api/outputs/${target.id}/history`)).body;
    expect(history.map((e) => [e.itemType, e.field, e.from, e.to])).toEqual([
      ['output', 'status', 'planned', 'delivered'],
      ['output', 'actualEnd', null, '2026-02-27'],
      ['output', 'evidence', null, 'Sent to members by mail; no copy kept'],
    ]);
  });

  it('serves the latest changes across the plan, newest first, to signed-in users only', async () => {
    const member = await tracker.signIn('member@example.org');
    const activity = await member.get<AuditEntry[]>('/api/activity?limit=3');
    expect(activity.status).toBe(200);
    expect(activity.body).toHaveLength(3);
    expect(activity.body[0]).toMatchObject({ itemType: 'output', field: 'status', to: 'delivered' });
    const times = activity.body.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const all = await member.get<AuditEntry[]>('/api/activity');
    expect(all.body.length).toBeGreaterThan(10);

    expect((await member.get<ApiError>('/api/activity?limit=0')).body.message).toEqual(['limit must be a whole number from 1 to 200']);
    expect((await member.get<ApiError>('/api/activity?limit=201')).status).toBe(400);
    const anonymous = new Client(tracker.url);
    expect((await anonymous.get('/api/activity')).status).toBe(401);
    expect((await anonymous.get(`/api/milestones/${milestones[0].id}/history`)).status).toBe(401);
    // Reading the plan itself stays open.
    expect((await anonymous.get(`/api/milestones/${milestones[0].id}`)).status).toBe(200);
  });
});
