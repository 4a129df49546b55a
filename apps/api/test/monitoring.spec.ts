import type { ApiError, AuditEntry, ConflictError, FollowUp, Milestone, MonitoringCall, MonitoringCallSummary } from '@tracker/contracts';
import { Client } from './client';
import { useTracker } from './harness';

/**
 * The monitoring-call log: calls and follow-ups recorded by the Secretariat, read by everyone, and
 * what each call walks through (changes since the previous call, open follow-ups, the risk view).
 */
describe('monitoring calls', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  const member = tracker.as('member');
  const readers = [tracker.as('co_leader'), member, tracker.as('coordinator')];
  let milestones: Milestone[];
  /** Today and earlier days in Brussels, as the server counts them. */
  let today: string;
  const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    milestones = (await secretariat.get<Milestone[]>('/api/milestones')).body;
    [{ d: today }] = await tracker.query<{ d: string }>(`SELECT to_char((now() AT TIME ZONE 'Europe/Brussels')::date, 'YYYY-MM-DD') AS d`);
  });

  /** Changes a milestone through the API, then moves its history back `days` days. */
  async function change(milestone: Milestone, progress: number, days: number): Promise<void> {
    const current = (await secretariat.get<Milestone>(`/api/milestones/${milestone.id}`)).body;
    const answer = await secretariat.patch(`/api/milestones/${milestone.id}`, { version: current.version, progress, status: 'in_progress' });
    expect(answer.status).toBe(200);
    if (days > 0) {
      await tracker.query(`UPDATE audit_entry SET at = at - make_interval(days => $2) WHERE item_id = $1`, [milestone.id, days]);
    }
  }

  const open = async (id: string, client = secretariat) => {
    const answer = await client.get<MonitoringCall>(`/api/monitoring-calls/${id}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const changedItems = (call: MonitoringCall) => new Set(call.changesSincePrevious.map((e) => e.itemId));

  let first: MonitoringCall;
  let second: MonitoringCall;
  let followUps: FollowUp[];

  it('shows on each call the changes since the previous call, the earlier ones on the first', async () => {
    const [long, onFirstDay, between, fresh] = milestones.slice(0, 4);
    await change(long, 10, 10); // before the first call
    await change(onFirstDay, 20, 3); // on the first call's day: belongs to both calls
    await change(between, 30, 1); // between the calls

    const created = await secretariat.post<MonitoringCall>('/api/monitoring-calls', {
      heldOn: daysAgo(3),
      actionNumbers: [2, 1],
      attendees: ['Secretariat (DG HOME)', ' Ashoka Hello Europe '],
      notes: 'Labour and Education',
      decisions: 'chase the 2025 work',
    });
    expect(created.status).toBe(201);
    first = created.body;
    expect(first).toMatchObject({
      heldOn: daysAgo(3),
      actionNumbers: [1, 2],
      attendees: ['Secretariat (DG HOME)', 'Ashoka Hello Europe'],
      version: 1,
      previousCall: null,
      followUps: [],
    });
    expect(first.risks.asOf).toBe(daysAgo(3));

    followUps = [];
    for (const body of [
      { what: 'Send the minutes', ownerText: 'Secretariat', dueDate: daysAgo(1) },
      { what: 'Confirm the survey dates', dueDate: null },
    ]) {
      const added = await secretariat.post<FollowUp>(`/api/monitoring-calls/${first.id}/follow-ups`, body);
      expect(added.status).toBe(201);
      expect(added.body).toMatchObject({ ...body, callId: first.id, callHeldOn: daysAgo(3), done: false, version: 1 });
      followUps.push(added.body);
    }

    await change(fresh, 40, 0); // today
    second = (await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: today, actionNumbers: [1, 2, 3, 4] })).body;

    second = await open(second.id);
    expect(second.previousCall).toEqual({ id: first.id, heldOn: daysAgo(3) });
    expect(second.risks.asOf).toBe(today);
    const sinceFirst = changedItems(second);
    expect([sinceFirst.has(long.id), sinceFirst.has(onFirstDay.id), sinceFirst.has(between.id), sinceFirst.has(fresh.id)]).toEqual([false, true, true, true]);
    const progress = second.changesSincePrevious.find((e) => e.itemId === fresh.id && e.field === 'progress');
    expect(progress).toMatchObject({ itemTitle: fresh.title, actionNumber: fresh.actionNumber, from: fresh.progress, to: 40, by: { role: 'secretariat' } });
    // Newest first.
    expect(second.changesSincePrevious[0].itemId).toBe(fresh.id);

    first = await open(first.id);
    const beforeFirst = changedItems(first);
    expect([beforeFirst.has(long.id), beforeFirst.has(onFirstDay.id), beforeFirst.has(between.id), beforeFirst.has(fresh.id)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(first.followUps.map((f) => f.what)).toEqual(['Send the minutes', 'Confirm the survey dates']);
    expect(first.openEarlierFollowUps).toEqual([]);
  });

  it('lists the calls, the latest first, with their open follow-ups', async () => {
    const list = await secretariat.get<MonitoringCallSummary[]>('/api/monitoring-calls');
    expect(list.status).toBe(200);
    expect(list.body.map((c) => [c.id, c.heldOn, c.openFollowUps])).toEqual([
      [second.id, today, 0],
      [first.id, daysAgo(3), 2],
    ]);
  });

  it('shows the follow-ups of earlier calls as open on the next call until they are done', async () => {
    expect(second.openEarlierFollowUps.map((f) => f.id)).toEqual(followUps.map((f) => f.id));
    const done = await secretariat.patch<FollowUp>(`/api/follow-ups/${followUps[0].id}`, { version: 1, done: true });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ done: true, version: 2 });
    expect((await open(second.id)).openEarlierFollowUps.map((f) => f.what)).toEqual(['Confirm the survey dates']);
    expect((await open(first.id)).followUps.map((f) => [f.what, f.done])).toEqual([
      ['Send the minutes', true],
      ['Confirm the survey dates', false],
    ]);
    const reopened = await secretariat.patch<FollowUp>(`/api/follow-ups/${followUps[0].id}`, { version: 2, done: false, what: 'Send the minutes again' });
    expect(reopened.body).toMatchObject({ done: false, version: 3, what: 'Send the minutes again' });
    expect((await open(second.id)).openEarlierFollowUps).toHaveLength(2);
  });

  it('lets a co-leader and a member read calls but not record or change them (403)', async () => {
    for (const client of readers) {
      expect((await client.get('/api/monitoring-calls')).status).toBe(200);
      expect((await open(second.id, client)).id).toBe(second.id);
      const refused = [
        await client.post<ApiError>('/api/monitoring-calls', { heldOn: today, actionNumbers: [1] }),
        await client.patch<ApiError>(`/api/monitoring-calls/${second.id}`, { version: second.version, notes: 'mine' }),
        await client.post<ApiError>(`/api/monitoring-calls/${second.id}/follow-ups`, { what: 'mine' }),
        await client.patch<ApiError>(`/api/follow-ups/${followUps[1].id}`, { version: 1, done: true }),
      ];
      expect(refused.map((a) => a.status)).toEqual([403, 403, 403, 403]);
      expect(refused[0].body.message).toMatch(/may not record monitoring calls/);
    }
    expect((await secretariat.get<MonitoringCallSummary[]>('/api/monitoring-calls')).body).toHaveLength(2);
    expect((await open(second.id)).notes).toBe('');
    expect((await secretariat.get<FollowUp>(`/api/follow-ups/${followUps[1].id}`)).body).toMatchObject({ done: false, version: 1 });
    const anonymous = new Client(tracker.url);
    expect((await anonymous.get('/api/monitoring-calls')).status).toBe(401);
  });

  it('edits a call with a version check: 409 with the current call when stale', async () => {
    const edited = await secretariat.patch<MonitoringCall>(`/api/monitoring-calls/${second.id}`, {
      version: 1,
      notes: 'All four Actions',
      attendees: ['Anna'],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, notes: 'All four Actions', attendees: ['Anna'], previousCall: { id: first.id } });
    const stale = await secretariat.patch<ConflictError<MonitoringCall>>(`/api/monitoring-calls/${second.id}`, { version: 1, notes: 'lost' });
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/someone else changed this call/);
    expect(stale.body.current).toMatchObject({ version: 2, notes: 'All four Actions' });
    const staleFollowUp = await secretariat.patch<ConflictError<FollowUp>>(`/api/follow-ups/${followUps[1].id}`, { version: 7, done: true });
    expect(staleFollowUp.status).toBe(409);
    expect(staleFollowUp.body.current).toMatchObject({ version: 1, done: false });
  });

  it('keeps the history of calls and follow-ups: who changed which field, from what to what, and why', async () => {
    const calls = await secretariat.get<AuditEntry[]>(`/api/monitoring-calls/${second.id}/history`);
    expect(calls.status).toBe(200);
    expect(calls.body.map((e) => [e.itemType, e.field, e.from, e.to, e.version, e.actionNumber, e.itemTitle])).toEqual([
      ['monitoring_call', 'attendees', [], ['Anna'], 2, null, `Monitoring call of ${today}`],
      ['monitoring_call', 'notes', '', 'All four Actions', 2, null, `Monitoring call of ${today}`],
    ]);
    expect(calls.body[0].by).toMatchObject({ role: 'secretariat', name: 'Demo Secretariat' });

    const noted = await secretariat.patch<FollowUp>(`/api/follow-ups/${followUps[0].id}`, {
      version: 3,
      dueDate: '2027-01-15',
      note: 'Moved after the holidays',
    });
    expect(noted.body).toMatchObject({ version: 4, dueDate: '2027-01-15' });
    const history = (await secretariat.get<AuditEntry[]>(`/api/follow-ups/${followUps[0].id}/history`)).body;
    expect(history.map((e) => [e.field, e.from, e.to, e.version, e.note])).toEqual([
      ['dueDate', daysAgo(1), '2027-01-15', 4, 'Moved after the holidays'],
      ['what', 'Send the minutes', 'Send the minutes again', 3, null],
      ['done', true, false, 3, null],
      ['done', false, true, 2, null],
    ]);
    expect(history[0]).toMatchObject({ itemType: 'follow_up', itemTitle: 'Send the minutes again', actionNumber: null });

    expect((await member.get(`/api/follow-ups/${followUps[0].id}/history`)).status).toBe(200);
    expect((await new Client(tracker.url).get(`/api/monitoring-calls/${second.id}/history`)).status).toBe(401);
    expect((await secretariat.get('/api/follow-ups/00000000-0000-4000-8000-000000000000/history')).status).toBe(404);
  });

  it('judges the risks as of the call day', async () => {
    const early = await secretariat.patch<MonitoringCall>(`/api/monitoring-calls/${first.id}`, { version: 1, heldOn: '2025-04-01' });
    expect(early.status).toBe(200);
    expect(early.body.risks).toMatchObject({ asOf: '2025-04-01', daysToDeadline: 729 });
    expect(early.body.risks.items.filter((i) => i.kind === 'overdue')).toEqual([]);
    expect((await open(second.id)).risks.items.some((i) => i.kind === 'overdue')).toBe(true);
  });

  it('answers 400 naming the field, and 404 for an unknown call', async () => {
    const bad: [string, string, unknown][] = [
      ['POST', '/api/monitoring-calls', { heldOn: '2026-02-30', actionNumbers: [1] }],
      ['POST', '/api/monitoring-calls', { actionNumbers: [1] }],
      ['POST', '/api/monitoring-calls', { heldOn: today, actionNumbers: [] }],
      ['POST', '/api/monitoring-calls', { heldOn: today, actionNumbers: [9] }],
      ['POST', '/api/monitoring-calls', { heldOn: today, actionNumbers: [1], attendees: [''] }],
      ['POST', '/api/monitoring-calls', { heldOn: today, actionNumbers: [1], notes: 5 }],
      ['POST', '/api/monitoring-calls', { heldOn: today, actionNumbers: [1], agenda: 'x' }],
      ['PATCH', `/api/monitoring-calls/${second.id}`, { notes: 'no version' }],
      ['PATCH', `/api/monitoring-calls/${second.id}`, { version: 2 }],
      ['POST', `/api/monitoring-calls/${second.id}/follow-ups`, { what: '' }],
      ['POST', `/api/monitoring-calls/${second.id}/follow-ups`, { what: 'x', dueDate: 'tomorrow' }],
      ['POST', `/api/monitoring-calls/${second.id}/follow-ups`, { what: 'x', ownerOrganisationId: '00000000-0000-4000-8000-000000000000' }],
      ['PATCH', `/api/follow-ups/${followUps[1].id}`, { version: 1, done: 'yes' }],
    ];
    const fields = [
      'heldOn',
      'heldOn',
      'actionNumbers',
      'actionNumbers',
      'attendees',
      'notes',
      'agenda',
      'version',
      'version',
      'what',
      'dueDate',
      'ownerOrganisationId',
      'done',
    ];
    for (const [i, [method, path, body]] of bad.entries()) {
      const answer = await secretariat.request<ApiError>(method, path, body);
      expect([path, body, answer.status]).toEqual([path, body, 400]);
      expect([fields[i], String(answer.body.message)]).toEqual([fields[i], expect.stringContaining(fields[i])]);
    }
    expect((await secretariat.get<MonitoringCallSummary[]>('/api/monitoring-calls')).body).toHaveLength(2);
    expect((await secretariat.get('/api/monitoring-calls/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await secretariat.post('/api/monitoring-calls/00000000-0000-4000-8000-000000000000/follow-ups', { what: 'x' })).status).toBe(404);
    expect((await secretariat.get('/api/monitoring-calls/not-an-id')).status).toBe(400);
  });
});
