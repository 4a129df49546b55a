import type { ApiError, GanttData, Output, RiskView, WhatIf } from '@tracker/contracts';
import { seedScalePlans } from '../src/app/seed/scale-plan';
import { useTracker } from './harness';

/** What if an item were expected to end on another day: computed on the risk view, never saved. */
describe('the what-if of a forecast end', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  const others = { coordinator: tracker.as('coordinator'), co_leader: tracker.as('co_leader'), member: tracker.as('member') };
  let items: GanttData['items'];

  beforeAll(async () => {
    items = (await secretariat.get<GanttData>('/api/gantt')).body.items;
  });

  const idOf = (title: string) => items.find((i) => i.title === title)!.id;
  const whatIf = (body: object, client = secretariat) => client.post<WhatIf & ApiError>('/api/risks/what-if', body);
  /** Every row the plan's items, links, history and revision are kept in, as one digest. */
  const snapshot = async () => {
    const digest = async (table: string) =>
      (await tracker.query<{ digest: string | null }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${table} t`))[0].digest;
    const digests: Record<string, string | null> = {};
    for (const table of ['milestone', 'output', 'dependency', 'audit_entry', 'plan_revision']) {
      digests[table] = await digest(table);
    }
    return digests;
  };

  it('says which items and Actions would pass the deadline with a later forecast end, with the chain in words, and saves nothing', async () => {
    const before = await snapshot();
    const risksBefore = (await secretariat.get<RiskView>('/api/risks?asOf=2026-12-07')).body;
    const mapping = idOf('Mapping to be drafted');
    const answer = await whatIf({ itemId: mapping, forecastEnd: '2027-06-30', asOf: '2026-12-07' });
    expect(answer.status).toBe(200);
    expect(answer.body.item).toEqual({
      id: mapping,
      itemType: 'milestone',
      actionNumber: 2,
      title: 'Mapping to be drafted',
      forecastEnd: null,
      triedForecastEnd: '2027-06-30',
    });
    const passing = new Map(answer.body.wouldPass.map((i) => [i.title, i]));
    expect(passing.get('Mapping to be drafted')).toMatchObject({ kind: 'beyond_deadline', kindNow: null });
    const review = passing.get('Mapping to be reviewed and validated by Action group members');
    expect(review).toMatchObject({ kind: 'forecast_beyond_deadline', kindNow: null, forecast: { drivenBy: mapping } });
    expect(review?.reason).toMatch(
      /^expected to end .*, after the 31 Mar 2027 deadline, because 'Mapping to be drafted' \(Action 2\), forecast to end 30 Jun 2027, comes before it$/,
    );
    expect(answer.body.noLongerPass).toEqual([]);
    const action2 = answer.body.actions.find((a) => a.number === 2)!;
    expect(action2.then.fitsDeadline).toBe('no');
    expect(action2.now).toEqual(risksBefore.actions.find((a) => a.number === 2)!.finish);
    expect(answer.body.actions.map((a) => a.number)).toEqual([1, 2, 3, 4]);

    // Nothing written: the same rows, the same history, the same revision, the same risk view.
    expect(await snapshot()).toEqual(before);
    expect((await secretariat.get<RiskView>('/api/risks?asOf=2026-12-07')).body).toEqual(risksBefore);
  });

  it('says which items would no longer pass the deadline with an earlier forecast end', async () => {
    const review = 'Recommendations to be reviewed and validated by expert and Action group members';
    const now = (await secretariat.get<RiskView>('/api/risks?asOf=2027-01-15')).body;
    expect(now.items.some((i) => i.title === review && i.kind === 'forecast_beyond_deadline')).toBe(true);
    const answer = await whatIf({
      itemId: idOf('Recommendations to be developed based on the mapping exercise'),
      forecastEnd: '2027-01-31',
      asOf: '2027-01-15',
    });
    expect(answer.status).toBe(200);
    const freed = answer.body.noLongerPass.find((i) => i.title === review);
    expect(freed).toMatchObject({ kind: null, kindNow: 'forecast_beyond_deadline' });
    expect(freed?.reason).toMatch(/^expected to end by \d{1,2} \w{3} 2027, within the 31 Mar 2027 deadline$/);
    expect(answer.body.wouldPass.map((i) => i.title)).not.toContain(review);
  });

  it('works for an output too', async () => {
    const output = (await secretariat.get<Output[]>('/api/outputs?action=1')).body[0];
    const answer = await whatIf({ itemId: output.id, forecastEnd: '2027-05-31', asOf: '2026-12-07' });
    expect(answer.status).toBe(200);
    expect(answer.body.item).toMatchObject({ id: output.id, itemType: 'output', actionNumber: 1 });
    expect(answer.body.wouldPass.find((i) => i.id === output.id)).toMatchObject({ kind: 'beyond_deadline', itemType: 'output' });
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const mapping = idOf('Mapping to be drafted');
    const cases: [object, string][] = [
      [{ forecastEnd: '2027-01-31' }, 'itemId must be the id of a milestone or output'],
      [{ itemId: 'mapping', forecastEnd: '2027-01-31' }, 'itemId must be the id of a milestone or output'],
      [{ itemId: mapping }, 'forecastEnd must be a calendar date written yyyy-MM-dd'],
      [{ itemId: mapping, forecastEnd: '2027-02-30' }, 'forecastEnd must be a calendar date written yyyy-MM-dd'],
      [{ itemId: mapping, forecastEnd: '31/01/2027' }, 'forecastEnd must be a calendar date written yyyy-MM-dd'],
      [{ itemId: mapping, forecastEnd: '2027-01-31', asOf: 'today' }, 'asOf must be a calendar date written yyyy-MM-dd'],
      [{ itemId: '00000000-0000-4000-8000-000000000000', forecastEnd: '2027-01-31' }, 'itemId: the partnership has no milestone or output with the id'],
      [{ itemId: mapping, forecastEnd: '2027-01-31', save: true }, 'save'],
    ];
    for (const [body, message] of cases) {
      const answer = await whatIf(body);
      expect([JSON.stringify(body), answer.status]).toEqual([JSON.stringify(body), 400]);
      expect(JSON.stringify(answer.body.message)).toContain(message);
    }
  });

  it("is the Secretariat's only", async () => {
    const body = { itemId: idOf('Mapping to be drafted'), forecastEnd: '2027-01-31' };
    for (const [role, client] of Object.entries(others)) {
      const answer = await whatIf(body, client);
      expect([role, answer.status]).toEqual([role, 403]);
    }
    const anonymous = await fetch(`${tracker.url}/api/risks/what-if`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect([401, 403]).toContain(anonymous.status);
  });
  it("answers only for a partnership the Secretariat's organisation has a seat in", async () => {
    await tracker.dataSource.transaction((manager) => seedScalePlans(manager, { partnerships: 1, items: 5 }));
    const other = (await secretariat.get<GanttData>('/api/gantt?partnership=scale-0001')).body.items[0];
    const answer = await secretariat.post<ApiError>('/api/risks/what-if?partnership=scale-0001', { itemId: other.id, forecastEnd: '2027-06-30' });
    expect(answer.status).toBe(403);
    expect(answer.body.message).toMatch(/no seat in this partnership/);
    // An item of another partnership is not one of the Work Plan's.
    const mixed = await whatIf({ itemId: other.id, forecastEnd: '2027-06-30' });
    expect(mixed.status).toBe(400);
    expect(mixed.body.message).toMatch(/^itemId: /);
  });
});
