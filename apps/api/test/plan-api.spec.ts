import type { Action, ActionDetail, ApiError, Milestone, Organisation, Output } from '@tracker/contracts';
import { WORK_PLAN } from '../src/app/seed/work-plan.data';
import type { SeedMilestone } from '../src/app/seed/seed.types';
import { getJson } from './server';
import { useTracker } from './harness';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function flatten(milestones: SeedMilestone[]): SeedMilestone[] {
  return milestones.flatMap((m) => [m, ...flatten(m.children)]);
}

describe('read API on the seeded Work Plan', () => {
  const tracker = useTracker();
  let base: string;

  beforeAll(async () => {
    base = tracker.url;
  });

  it('answers the health check once the database answers', async () => {
    await expect(getJson(base, '/api/health')).resolves.toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('lists the four Actions with their deadline, co-leaders and members', async () => {
    const { status, body } = await getJson<Action[]>(base, '/api/actions');
    expect(status).toBe(200);
    expect(body.map((a) => [a.number, a.shortName])).toEqual([
      [1, 'Labour'],
      [2, 'Education'],
      [3, 'Disinformation'],
      [4, 'Funds'],
    ]);
    for (const action of body) {
      expect(action.deadline).toBe('2027-03-31');
      expect(action.coLeaders).toHaveLength(2);
      expect(action.members.length).toBeGreaterThan(3);
      const memberIds = action.members.map((m) => m.id);
      expect(new Set(memberIds).size).toBe(memberIds.length);
      expect(Object.keys(action).sort()).toEqual(
        expect.arrayContaining(['id', 'number', 'shortName', 'title', 'objective', 'pillar', 'governanceLevels', 'deadline', 'coLeaders', 'members']),
      );
    }
    const labour = body[0];
    expect(labour.coLeaders.map((o) => o.name)).toContain('Ashoka Hello Europe');
    expect(labour.objective).toMatch(/^Improved awareness of existing practices/);
    expect(labour.governanceLevels).toEqual(['Local']);
    expect(labour.pillar).toBe('Better Knowledge');
  });

  it('serves one Action with its milestones and outputs, and 404 for an unknown number', async () => {
    const { status, body } = await getJson<ActionDetail>(base, '/api/actions/2');
    expect(status).toBe(200);
    expect(body.number).toBe(2);
    expect(body.milestones.length).toBeGreaterThan(5);
    expect(body.milestones.every((m) => m.actionNumber === 2)).toBe(true);
    expect(body.outputs.length).toBeGreaterThan(0);
    expect(body.outputs.every((o) => o.actionNumber === 2)).toBe(true);

    const missing = await getJson<ApiError>(base, '/api/actions/9');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Action 9 not found');
  });

  it('rejects a malformed Action number with a 400 that names the parameter', async () => {
    const bad = await getJson<ApiError>(base, '/api/actions/abc');
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(/^number must be a whole Action number/);
  });

  it('serves every seeded milestone, in plan order, with calendar dates and no progress recorded', async () => {
    const { status, body } = await getJson<Milestone[]>(base, '/api/milestones');
    expect(status).toBe(200);
    const expectedTitles = WORK_PLAN.actions.flatMap((a) => flatten(a.milestones).map((m) => m.title));
    expect(body.map((m) => m.title)).toEqual(expectedTitles);
    for (const m of body) {
      expect(m.status).toBe('not_started');
      expect(m.progress).toBe(0);
      expect(m.version).toBe(1);
      expect(m.actualStart).toBeNull();
      expect(m.source).not.toBe('');
      if (m.precision === 'unknown') {
        expect([m.start, m.end]).toEqual([null, null]);
      } else {
        expect(m.start).toMatch(DATE);
        expect(m.end).toMatch(DATE);
      }
    }
    const parents = new Set(body.map((m) => m.id));
    expect(body.filter((m) => m.parentId !== null).every((m) => parents.has(m.parentId as string))).toBe(true);
  });

  it('reads month and year windows from their first to their last day', async () => {
    const { body } = await getJson<Milestone[]>(base, '/api/milestones?action=1');
    const second = body.find((m) => m.title === 'Second Virtual Exchange');
    expect(second).toMatchObject({ start: '2025-10-01', end: '2025-12-31', precision: 'month', source: '2.4.9' });
    const yearly = body.find((m) => m.windowText.startsWith('2026, precise timing TBD'));
    expect(yearly).toMatchObject({ start: '2026-01-01', end: '2026-12-31', precision: 'year' });
  });

  it('keeps the conflicting readings of the plan as alternatives with their sources', async () => {
    const { body } = await getJson<Milestone[]>(base, '/api/milestones?action=3');
    const preparation = body.find((m) => m.title.toLowerCase().includes('preparation'));
    expect(preparation).toMatchObject({ start: '2025-06-01', end: '2025-10-31', precision: 'month' });
    expect(preparation?.alternatives).toEqual(expect.arrayContaining([expect.objectContaining({ start: '2025-04-01', end: '2025-06-30', source: 'Annex 1' })]));
  });

  it('filters milestones and outputs by Action and names a bad parameter', async () => {
    const one = await getJson<Milestone[]>(base, '/api/milestones?action=4');
    expect(one.body.length).toBeGreaterThan(0);
    expect(one.body.every((m) => m.actionNumber === 4)).toBe(true);
    const none = await getJson<Milestone[]>(base, '/api/milestones?action=7');
    expect(none).toEqual({ status: 200, body: [] });

    const bad = await getJson<ApiError>(base, '/api/milestones?action=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(['action must be a whole Action number, e.g. ?action=1']);
    const badOutputs = await getJson<ApiError>(base, '/api/outputs?action=1.5');
    expect(badOutputs.status).toBe(400);
    expect(badOutputs.body.message).toEqual(['action must be a whole Action number, e.g. ?action=1']);
    const unknown = await getJson<ApiError>(base, '/api/milestones?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toEqual(['property colour should not exist']);
  });

  it('serves the outputs of sections 2.x.10 with their status', async () => {
    const { status, body } = await getJson<Output[]>(base, '/api/outputs');
    expect(status).toBe(200);
    const expected = WORK_PLAN.actions.flatMap((a) => a.outputs.map((o) => o.title));
    expect(body.map((o) => o.title)).toEqual(expected);
    expect(body.every((o) => o.status === 'planned' && /^2\.[4-7]\.10/.test(o.source))).toBe(true);
    const studyVisit = body.find((o) => o.actionNumber === 1 && /study visit/i.test(o.title));
    expect(studyVisit?.tentative).toBe(true);
  });

  it('lists organisations once each, with aliases and the Actions they take part in', async () => {
    const { status, body } = await getJson<Organisation[]>(base, '/api/organisations');
    expect(status).toBe(200);
    expect(body).toHaveLength(WORK_PLAN.organisations.length);
    const flanders = body.find((o) => o.aliases.includes('Region of Flanders') || o.name === 'Region of Flanders');
    expect(flanders).toBeDefined();
    expect([flanders?.name, ...(flanders?.aliases ?? [])]).toEqual(expect.arrayContaining(['Flanders Region']));
    expect(flanders?.actions).toEqual(expect.arrayContaining([{ actionNumber: 1, shortName: 'Labour', role: 'co_leader' }]));
    const amsterdam = body.find((o) => o.name.startsWith('Amsterdam') || o.name.includes('City of Amsterdam'));
    expect(amsterdam?.coordinator).toBe(true);
    const names = body.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('publishes an OpenAPI document', async () => {
    const { status, body } = await getJson<{ openapi: string; paths: Record<string, unknown> }>(base, '/api/docs/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/actions', '/api/actions/{number}', '/api/milestones', '/api/outputs', '/api/organisations']),
    );
    const page = await fetch(`${base}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('swagger');
  });
});
