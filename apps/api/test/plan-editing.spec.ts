import type {
  ActionDetail,
  AuditEntry,
  ConflictError,
  Milestone,
  MonitoringCall,
  Output,
  PlanComparison,
  PlanVersion,
  PlanVersionSummary,
  RegisterRisk,
  RiskView,
  Target,
} from '@tracker/contracts';
import { FIRST_VERSION_NAME } from '@tracker/contracts';
import { fromLocalDate, toLocalDate } from '@tracker/schedule';
import { addMonths, endOfMonth, format } from 'date-fns';
import { type Client } from './client';
import { withClient } from './database';
import { newUser, TEST_PASSWORD } from './fixtures';
import { useTracker } from './harness';

/**
 * Amending the plan: adding, editing, moving and cancelling items, adding risks, approving versions
 * and comparing them. Every test user of a co-leader belongs to Ashoka Hello Europe, which co-leads
 * Action 1 and not Action 2.
 */
describe('plan editing and approved versions', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  let coLeader: Client;
  let member: Client;
  let action2: Milestone[];
  /** The words of the step moved two months later. */
  let movedWords = '';

  beforeAll(async () => {
    coLeader = await tracker.signIn(await newUser(tracker, { role: 'co_leader' }), TEST_PASSWORD);
    member = await tracker.signIn(await newUser(tracker, { role: 'member' }), TEST_PASSWORD);
    action2 = (await secretariat.get<Milestone[]>('/api/milestones?action=2')).body;
  });

  const count = (table: string) => withClient(tracker.db.url, async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
  const activityWithSteps = () => action2.find((m) => m.parentId === null && action2.some((s) => s.parentId === m.id)) as Milestone;

  it('seeds version 1, the plan as approved, with every milestone and output', async () => {
    const versions = await member.get<PlanVersionSummary[]>('/api/plan-versions');
    expect(versions.status).toBe(200);
    expect(versions.body).toHaveLength(1);
    const [first] = versions.body;
    expect(first).toMatchObject({ number: 1, name: FIRST_VERSION_NAME, approvedBy: null });
    const milestones = await count('milestone');
    const outputs = await count('output');
    expect(first.itemCount).toBe(milestones + outputs);
    const full = await member.get<PlanVersion>(`/api/plan-versions/${first.id}`);
    const seeded = full.body.items.find((i) => i.id === action2[0].id);
    expect(seeded).toMatchObject({ kind: 'milestone', actionNumber: 2, title: action2[0].title, windowText: action2[0].windowText, start: action2[0].start });
  });

  it('adds a step at the end of its activity, reading its window from the words, with its history', async () => {
    const parent = activityWithSteps();
    const answer = await secretariat.post<Milestone>('/api/milestones', {
      actionNumber: 2,
      parentId: parent.id,
      title: '  Peer review of the draft toolkit ',
      windowText: 'March - April 2026 (tbc)',
      note: 'Agreed at the monitoring call',
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      actionNumber: 2,
      parentId: parent.id,
      title: 'Peer review of the draft toolkit',
      windowText: 'March - April 2026 (tbc)',
      start: '2026-03-01',
      end: '2026-04-30',
      precision: 'month',
      tentative: true,
      status: 'not_started',
      version: 1,
      source: 'Added in the tracker',
    });
    const after = (await secretariat.get<Milestone[]>('/api/milestones?action=2')).body;
    const position = after.findIndex((m) => m.id === answer.body.id);
    const lastStep = after.map((m, i) => ({ m, i })).filter(({ m }) => m.parentId === parent.id && m.id !== answer.body.id);
    expect(position).toBe(lastStep[lastStep.length - 1].i + 1);
    expect(after.map((m) => m.sortOrder)).toEqual(after.map((_, i) => after[0].sortOrder + i));

    const history = (await secretariat.get<AuditEntry[]>(`/api/milestones/${answer.body.id}/history`)).body;
    expect(history.map((e) => [e.field, e.from, e.to, e.version])).toEqual([
      ['title', null, 'Peer review of the draft toolkit', 1],
      ['windowText', null, 'March - April 2026 (tbc)', 1],
      ['start', null, '2026-03-01', 1],
      ['end', null, '2026-04-30', 1],
      ['precision', null, 'month', 1],
      ['tentative', null, true, 1],
      ['parentId', null, parent.id, 1],
    ]);
    expect(history[0].note).toBe('Agreed at the monitoring call');
  });

  it('refuses what it cannot place or read, naming the field, and writes nothing', async () => {
    const before = await count('milestone');
    const audit = await count('audit_entry');
    const step = action2.find((m) => m.parentId !== null) as Milestone;
    const action1 = (await secretariat.get<Milestone[]>('/api/milestones?action=1')).body[0];
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ actionNumber: 2, title: 'x', windowText: 'Q5 2026' }, /^windowText "Q5 2026" cannot be read/],
      [{ actionNumber: 2, title: 'x', windowText: '' }, /^windowText/],
      [{ actionNumber: 2, title: '   ', windowText: 'June 2026' }, /^title must be non-empty/],
      [{ actionNumber: 9, title: 'x', windowText: 'June 2026' }, /^actionNumber .*no Action 9/],
      [{ actionNumber: 2, parentId: action1.id, title: 'x', windowText: 'June 2026' }, /^parentId must be an activity of the same Action/],
      [{ actionNumber: 2, parentId: step.id, title: 'x', windowText: 'June 2026' }, /^parentId must be an activity, not a step/],
      [{ actionNumber: 2, title: 'x', windowText: 'June 2026', colour: 'red' }, /colour/],
    ];
    for (const [body, message] of cases) {
      const answer = await secretariat.post<{ message: string | string[] }>('/api/milestones', body);
      expect(answer.status).toBe(400);
      expect([answer.body.message].flat().join('; ')).toMatch(message);
    }
    expect(await secretariat.post('/api/milestones', { partnership: 'nowhere', actionNumber: 1, title: 'x', windowText: 'June 2026' })).toMatchObject({
      status: 404,
    });
    const output = await secretariat.post<{ message: string }>('/api/outputs', {
      actionNumber: 2,
      title: 'x',
      dueText: 'June 2026',
      milestoneIds: [action1.id],
    });
    expect(output.status).toBe(400);
    expect(output.body.message).toMatch(/^milestoneIds must be milestones of the same Action/);
    expect(await count('milestone')).toBe(before);
    expect(await count('audit_entry')).toBe(audit);
  });

  it('moves a step by two months through its words, with a history entry per changed field and a 409 for the second editor', async () => {
    const target = action2.find((m) => m.parentId !== null && m.precision === 'month') as Milestone;
    expect(target).toBeDefined();
    const later = (day: string) => format(addMonths(toLocalDate(day), 2), 'MMMM yyyy');
    movedWords = `${later(target.start as string)} - ${later(target.end as string)}`;
    const newEnd = fromLocalDate(endOfMonth(addMonths(toLocalDate(target.end as string), 2)));
    const newStart = fromLocalDate(addMonths(toLocalDate(target.start as string), 2));
    const seen = (await secretariat.get<Milestone>(`/api/milestones/${target.id}`)).body;
    const other = await tracker.signIn('secretariat@example.org');
    const moved = await secretariat.patch<Milestone>(`/api/milestones/${target.id}`, { version: seen.version, windowText: movedWords, note: 'Venue moved' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ windowText: movedWords, start: newStart, end: newEnd, precision: 'month', version: seen.version + 1 });
    const history = (await secretariat.get<AuditEntry[]>(`/api/milestones/${target.id}/history`)).body.filter((e) => e.version === seen.version + 1);
    expect(history.map((e) => e.field)).toEqual(expect.arrayContaining(['windowText', 'end']));
    expect(history.find((e) => e.field === 'windowText')).toMatchObject({ from: seen.windowText, to: movedWords, note: 'Venue moved' });

    const late = await other.patch<ConflictError<Milestone>>(`/api/milestones/${target.id}`, { version: seen.version, title: 'Another title' });
    expect(late.status).toBe(409);
    expect(late.body.current).toMatchObject({ id: target.id, windowText: movedWords, title: seen.title });

    const unreadable = await secretariat.patch<{ message: string }>(`/api/milestones/${target.id}`, { version: seen.version + 1, windowText: 'soonish' });
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.message).toMatch(/^windowText "soonish" cannot be read/);
  });

  it('lets a co-leader amend their own Action only, and a member nothing', async () => {
    const own = await coLeader.post<Milestone>('/api/milestones', { actionNumber: 1, title: 'Extra virtual exchange', windowText: 'September 2026' });
    expect(own.status).toBe(201);
    const other = await coLeader.post<{ message: string }>('/api/milestones', { actionNumber: 2, title: 'Not mine', windowText: 'September 2026' });
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/co-leaders may change only/);
    const patch = await coLeader.patch(`/api/milestones/${action2[0].id}`, { version: 1, title: 'Not mine' });
    expect(patch.status).toBe(403);
    expect((await member.post('/api/milestones', { actionNumber: 1, title: 'x', windowText: 'June 2026' })).status).toBe(403);
    expect((await member.post('/api/plan-versions', { name: 'Mine' })).status).toBe(403);
    expect((await coLeader.post('/api/plan-versions', { name: 'Mine' })).status).toBe(403);
  });

  it('puts a step under another activity and keeps each activity followed by its steps', async () => {
    const activities = (await secretariat.get<Milestone[]>('/api/milestones?action=1')).body.filter((m) => m.parentId === null);
    const [first, second] = activities;
    const step = (await secretariat.post<Milestone>('/api/milestones', { actionNumber: 1, parentId: first.id, title: 'Step to move', windowText: 'June 2026' }))
      .body;
    const moved = await secretariat.patch<Milestone>(`/api/milestones/${step.id}`, { version: 1, parentId: second.id });
    expect(moved.status).toBe(200);
    expect(moved.body.parentId).toBe(second.id);
    const list = (await secretariat.get<Milestone[]>('/api/milestones?action=1')).body;
    for (const [i, m] of list.entries()) {
      if (m.parentId !== null) {
        const parentIndex = list.findIndex((p) => p.id === m.parentId);
        expect(list.slice(parentIndex + 1, i).every((between) => between.parentId === m.parentId)).toBe(true);
      }
    }
    const toStep = await secretariat.patch<{ message: string }>(`/api/milestones/${second.id}`, { version: second.version, parentId: first.id });
    expect(toStep.status).toBe(400);
    expect(toStep.body.message).toMatch(/^parentId must stay null: this activity has steps/);
  });

  it('moves an activity one place earlier with its steps, and refuses to move the first one further', async () => {
    const list = (await secretariat.get<Milestone[]>('/api/milestones?action=3')).body;
    const activities = list.filter((m) => m.parentId === null);
    const second = activities[1];
    const stepsOfSecond = list.filter((m) => m.parentId === second.id).map((m) => m.id);
    const moved = await secretariat.post<Milestone>(`/api/milestones/${second.id}/move`, { version: second.version, direction: 'earlier' });
    expect(moved.status).toBe(200);
    expect(moved.body.version).toBe(second.version + 1);
    const after = (await secretariat.get<Milestone[]>('/api/milestones?action=3')).body;
    expect(after[0].id).toBe(second.id);
    expect(after.slice(1, 1 + stepsOfSecond.length).map((m) => m.id)).toEqual(stepsOfSecond);
    expect(after.filter((m) => m.parentId === null)[1].id).toBe(activities[0].id);
    const again = await secretariat.post<{ message: string }>(`/api/milestones/${second.id}/move`, { version: second.version + 1, direction: 'earlier' });
    expect(again.status).toBe(400);
    expect(again.body.message).toMatch(/already the first/);
    const stale = await secretariat.post(`/api/milestones/${second.id}/move`, { version: second.version, direction: 'later' });
    expect(stale.status).toBe(409);
    const history = (await secretariat.get<AuditEntry[]>(`/api/milestones/${second.id}/history`)).body;
    expect(history[0]).toMatchObject({ field: 'position', version: second.version + 1 });
  });

  it('adds and cancels outputs, and adds a risk to an Action register', async () => {
    const step = action2.find((m) => m.parentId !== null) as Milestone;
    const added = await secretariat.post<Output>('/api/outputs', { actionNumber: 2, title: 'Toolkit summary', dueText: 'Q2 2026', milestoneIds: [step.id] });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      title: 'Toolkit summary',
      dueText: 'Q2 2026',
      start: '2026-04-01',
      end: '2026-06-30',
      status: 'planned',
      milestoneIds: [step.id],
      version: 1,
    });
    const outputs = (await secretariat.get<Output[]>('/api/outputs?action=2')).body;
    const cancelled = await secretariat.patch<Output>(`/api/outputs/${outputs[0].id}`, {
      version: outputs[0].version,
      status: 'cancelled',
      note: 'Merged into the toolkit',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const renamed = await secretariat.patch<Output>(`/api/outputs/${added.body.id}`, { version: 1, title: 'Toolkit summary (2 pages)', dueText: 'June 2026' });
    expect(renamed.body).toMatchObject({ title: 'Toolkit summary (2 pages)', start: '2026-06-01', end: '2026-06-30', version: 2 });

    const risk = await secretariat.post<RegisterRisk>('/api/risk-register', {
      actionNumber: 2,
      title: 'Schools close for the summer before the pilot ends',
      causes: ['pilot starts late'],
      likelihood: 3,
      impact: 4,
      mitigation: 'Run the pilot in two rounds',
      nextReview: '2026-03-12',
    });
    expect(risk.status).toBe(201);
    expect(risk.body).toMatchObject({
      actionNumber: 2,
      causes: ['pilot starts late'],
      likelihood: 3,
      impact: 4,
      status: 'open',
      version: 1,
      nextReview: '2026-03-12',
    });
    const register = (await secretariat.get<RegisterRisk[]>('/api/risk-register?action=2')).body;
    expect(register[register.length - 1].id).toBe(risk.body.id);
    const bad = await secretariat.post<{ message: string[] }>('/api/risk-register', { actionNumber: 2, title: 'x', likelihood: 9 });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/likelihood must be a whole number from 1 to 5/);
    expect((await coLeader.post('/api/risk-register', { actionNumber: 2, title: 'Not mine' })).status).toBe(403);
    const riskHistory = (await secretariat.get<AuditEntry[]>(`/api/risk-register/${risk.body.id}/history`)).body;
    expect(riskHistory.map((e) => e.field)).toEqual(expect.arrayContaining(['title', 'likelihood', 'impact', 'mitigation', 'status', 'nextReview']));
  });

  it('approves the plan as version 2 and compares it with version 1: exactly the changes made', async () => {
    const before = await secretariat.get<PlanComparison>('/api/plan-versions/compare?from=1&to=current');
    expect(before.status).toBe(200);
    const approved = await secretariat.post<PlanVersion>('/api/plan-versions', { name: 'After the monitoring call of 2026-03-12' });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ number: 2, name: 'After the monitoring call of 2026-03-12', approvedBy: { name: 'Demo Secretariat' } });

    const diff = (await member.get<PlanComparison>('/api/plan-versions/compare?from=1&to=2')).body;
    expect(diff).toEqual({ ...before.body, to: { number: 2, name: 'After the monitoring call of 2026-03-12' } });
    expect(diff.added.map((i) => i.title).sort()).toEqual([
      'Extra virtual exchange',
      'Peer review of the draft toolkit',
      'Step to move',
      'Toolkit summary (2 pages)',
    ]);
    expect(diff.removed).toEqual([]);
    expect(diff.cancelled.map((i) => i.kind)).toEqual(['output']);
    const moved = diff.moved.find((m) => m.item.windowText === movedWords);
    expect(moved?.slip).toEqual({ months: 2, words: '2 months later than approved' });
    expect(diff.moved).toHaveLength(1);
    expect(diff.renamed).toEqual([]);

    // A version never changes: later edits show against it, not in it.
    const [item] = approved.body.items.filter((i) => i.title === 'Extra virtual exchange');
    const current = (await secretariat.get<Milestone>(`/api/milestones/${item.id}`)).body;
    await secretariat.patch(`/api/milestones/${item.id}`, { version: current.version, title: 'Third virtual exchange' });
    expect((await member.get<PlanVersion>(`/api/plan-versions/${approved.body.id}`)).body.items.find((i) => i.id === item.id)?.title).toBe(
      'Extra virtual exchange',
    );
    const now = (await member.get<PlanComparison>('/api/plan-versions/compare?from=2')).body;
    expect(now.renamed).toEqual([
      expect.objectContaining({ fromTitle: 'Extra virtual exchange', item: expect.objectContaining({ title: 'Third virtual exchange' }) }),
    ]);
    expect((await member.get<PlanVersionSummary[]>('/api/plan-versions')).body.map((v) => v.number)).toEqual([2, 1]);
  });

  it('answers bad version requests with the parameter named', async () => {
    const noName = await secretariat.post<{ message: string[] }>('/api/plan-versions', { name: ' ' });
    expect(noName.status).toBe(400);
    expect(String(noName.body.message)).toMatch(/^name must be non-empty/);
    const missing = await member.get<{ message: string }>('/api/plan-versions/compare?from=1&to=99');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toMatch(/^to: the partnership has no plan version 99/);
    expect((await member.get<{ message: string[] }>('/api/plan-versions/compare?from=x')).status).toBe(400);
    expect((await member.get('/api/plan-versions?partnership=nowhere')).status).toBe(404);
    expect((await member.get('/api/plan-versions/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('the risk view and monitoring calls compared with an approved version', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');

  it('flags what slipped more than the threshold against the baseline, and a call records the version it compared with', async () => {
    const step = (await secretariat.get<Milestone[]>('/api/milestones?action=4')).body.find(
      (m) => m.parentId !== null && m.precision === 'month' && m.status !== 'done',
    ) as Milestone;
    const threeLater = `${format(addMonths(toLocalDate(step.start as string), 3), 'MMMM yyyy')} - ${format(addMonths(toLocalDate(step.end as string), 3), 'MMMM yyyy')}`;
    expect((await secretariat.patch(`/api/milestones/${step.id}`, { version: step.version, windowText: threeLater })).status).toBe(200);
    const asOf = step.start as string;

    const plain = (await secretariat.get<RiskView>(`/api/risks?asOf=${asOf}`)).body;
    expect(plain.baseline).toBeNull();
    expect(plain.items.some((i) => i.kind === 'slipped')).toBe(false);

    const compared = (await secretariat.get<RiskView>(`/api/risks?asOf=${asOf}&baseline=1`)).body;
    expect(compared.baseline).toEqual({ number: 1, name: FIRST_VERSION_NAME, slipMonths: 1 });
    const slipped = compared.items.filter((i) => i.kind === 'slipped');
    expect(slipped.map((i) => [i.id, i.reason])).toEqual([[step.id, `3 months later than approved (version 1, ${FIRST_VERSION_NAME})`]]);
    expect(compared.actions.find((a) => a.number === 4)?.reasons.join(' ')).toMatch(/1 slipped more than 1 month/);
    const tolerant = (await secretariat.get<RiskView>(`/api/risks?asOf=${asOf}&baseline=1&slipMonths=3`)).body;
    expect(tolerant.items.some((i) => i.kind === 'slipped')).toBe(false);
    expect((await secretariat.get<{ message: string }>(`/api/risks?baseline=7`)).body.message).toMatch(/^baseline: the partnership has no plan version 7/);

    const call = await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: asOf, actionNumbers: [4], comparedVersion: 1 });
    expect(call.status).toBe(201);
    expect(call.body.comparedVersion).toEqual({ number: 1, name: FIRST_VERSION_NAME });
    expect(call.body.risks.items.filter((i) => i.kind === 'slipped').map((i) => i.id)).toEqual([step.id]);
    const none = await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: asOf, actionNumbers: [4] });
    expect(none.body.comparedVersion).toBeNull();
    const bad = await secretariat.post<{ message: string }>('/api/monitoring-calls', { heldOn: asOf, actionNumbers: [4], comparedVersion: 5 });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^comparedVersion must be the number of an approved version/);
  });
});

describe('amending the targets of an Action', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  let coLeader: Client;

  beforeAll(async () => {
    coLeader = await tracker.signIn(await newUser(tracker, { role: 'co_leader' }), TEST_PASSWORD);
  });

  it('adds, rewords and cancels a target with its history; a co-leader amends only their own Action', async () => {
    const added = await coLeader.post<Target>('/api/targets', { actionNumber: 1, description: '  12 cities in the exchanges ', note: 'Agreed at the call' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      actionNumber: 1,
      description: '12 cities in the exchanges',
      status: 'active',
      version: 1,
      source: 'Added in the tracker',
    });
    expect((await coLeader.post('/api/targets', { actionNumber: 2, description: 'Not mine' })).status).toBe(403);
    const bad = await secretariat.post<{ message: string[] }>('/api/targets', { actionNumber: 1, description: ' ' });
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/^description must be non-empty/);

    const reworded = await secretariat.patch<Target>(`/api/targets/${added.body.id}`, { version: 1, description: '15 cities in the exchanges' });
    expect(reworded.body).toMatchObject({ description: '15 cities in the exchanges', version: 2 });
    const stale = await coLeader.patch<ConflictError<Target>>(`/api/targets/${added.body.id}`, { version: 1, status: 'cancelled' });
    expect(stale.status).toBe(409);
    expect(stale.body.current.description).toBe('15 cities in the exchanges');
    const cancelled = await coLeader.patch<Target>(`/api/targets/${added.body.id}`, { version: 2, status: 'cancelled', note: 'Dropped' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', version: 3 });
    expect((await secretariat.get<ActionDetail>('/api/actions/1')).body.targets.map((t) => [t.description, t.status])).toEqual([
      ['15 cities in the exchanges', 'cancelled'],
    ]);

    const history = (await secretariat.get<AuditEntry[]>(`/api/targets/${added.body.id}/history`)).body;
    expect(history.map((e) => [e.field, e.from, e.to, e.version])).toEqual([
      ['status', 'active', 'cancelled', 3],
      ['description', '12 cities in the exchanges', '15 cities in the exchanges', 2],
      ['status', null, 'active', 1],
      ['description', null, '12 cities in the exchanges', 1],
    ]);
    expect(history[0]).toMatchObject({ itemType: 'target', itemTitle: 'Target: 15 cities in the exchanges', actionNumber: 1, note: 'Dropped' });
  });
});
