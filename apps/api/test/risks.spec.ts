import type { ApiError, AuditEntry, ConflictError, Milestone, Output, RegisterRisk, RiskView } from '@tracker/contracts';
import { Client } from './client';
import { planItems } from './fixtures';
import { useTracker } from './harness';

describe('the risk view and the risk register', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  const colead = tracker.as('co_leader');
  const readers = [tracker.as('member'), tracker.as('coordinator'), colead];
  let milestones: Milestone[];
  let outputs: Output[];

  beforeAll(async () => ({ milestones, outputs } = await planItems(secretariat)));

  const risks = async (query: string, client = secretariat) => {
    const answer = await client.get<RiskView>(`/api/risks${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  const flagged = (view: RiskView, kind: string) => new Set(view.items.filter((i) => i.kind === kind).map((i) => i.id));

  describe('GET /api/risks', () => {
    it('finds every piece of 2025 work not marked done overdue as of 22 November 2026, with 129 days to go', async () => {
      const view = await risks('?asOf=2026-11-22');
      expect(view).toMatchObject({ asOf: '2026-11-22', deadline: '2027-03-31', daysToDeadline: 129, dueSoonDays: 30, stalledDays: 45 });
      // A parent is judged by its steps: one with a step still running in 2026 is not 2025 work.
      const stepsRunLater = (id: string) => milestones.some((m) => m.parentId === id && m.end !== null && m.end > '2026-11-22');
      const of2025 = [...milestones, ...outputs].filter((item) => item.end !== null && item.end <= '2025-12-31' && !stepsRunLater(item.id));
      expect(of2025.length).toBeGreaterThan(10);
      const overdue = flagged(view, 'overdue');
      expect(of2025.filter((item) => !overdue.has(item.id)).map((i) => i.title)).toEqual([]);
      const first = view.items[0];
      expect(first).toMatchObject({ kind: 'overdue', severity: 'high', itemType: expect.stringMatching(/milestone|output/) });
      expect(first.daysLate).toBe(Math.max(...view.items.map((i) => i.daysLate)));
      expect(first.reason).toMatch(/^planned end \d+ \w{3} 2025 passed \d+ days ago; status not started$/);
      expect(view.actions.map((a) => [a.number, a.shortName, a.rag])).toEqual([
        [1, 'Labour', 'red'],
        [2, 'Education', 'red'],
        [3, 'Disinformation', 'red'],
        [4, 'Funds', 'red'],
      ]);
      expect(view.actions[0].reasons.at(-1)).toBe('129 days to the deadline');
      expect(view.actions[0].reasons[0]).toMatch(/^\d+ overdue \(longest \d+ days late\)$/);
    });

    it('finds nothing overdue as of 1 April 2025', async () => {
      const view = await risks('?asOf=2025-04-01');
      expect(view.items.filter((i) => i.kind === 'overdue')).toEqual([]);
      expect(view.daysToDeadline).toBe(729);
      expect(view.actions.flatMap((a) => a.reasons).filter((r) => r.includes('overdue ('))).toEqual([]);
      // Action 3's "Capacity Building: 2026 - 2027" names years only: nothing in the plan puts it past March 2027.
      expect(view.items.filter((i) => i.kind === 'beyond_deadline')).toEqual([]);
      expect(view.actions.filter((a) => a.rag === 'red').map((a) => a.number)).toEqual([]);
    });

    it('flags an item whose forecast moves past March 2027, and drops it from overdue once done', async () => {
      const target = milestones.find((m) => m.actionNumber === 2 && m.end !== null && m.end <= '2025-12-31')!;
      expect(flagged(await risks('?asOf=2026-11-22'), 'beyond_deadline').has(target.id)).toBe(false);
      const moved = await secretariat.patch<Milestone>(`/api/milestones/${target.id}`, {
        version: target.version,
        forecastEnd: '2027-05-31',
        status: 'in_progress',
      });
      expect(moved.status).toBe(200);
      const view = await risks('?asOf=2026-11-22');
      const item = view.items.find((i) => i.id === target.id && i.kind === 'beyond_deadline');
      expect(item).toMatchObject({
        severity: 'high',
        actionNumber: 2,
        itemType: 'milestone',
        forecastEnd: '2027-05-31',
        reason: 'forecast end 31 May 2027 is after the phase deadline 31 Mar 2027',
      });
      expect(flagged(view, 'overdue').has(target.id)).toBe(false);
      expect(view.actions[1].reasons).toContain('1 ends after the 31 Mar 2027 deadline');

      const done = await secretariat.patch<Milestone>(`/api/milestones/${target.id}`, {
        version: moved.body.version,
        status: 'done',
        actualEnd: '2026-11-20',
        forecastEnd: null,
      });
      expect(done.status).toBe(200);
      const after = await risks('?asOf=2026-11-22');
      expect(after.items.filter((i) => i.id === target.id)).toEqual([]);
    });

    it('takes the due-soon window from the query', async () => {
      const narrow = await risks('?asOf=2025-06-20&dueSoonDays=5');
      const wide = await risks('?asOf=2025-06-20&dueSoonDays=60');
      expect(flagged(wide, 'due_soon').size).toBeGreaterThan(flagged(narrow, 'due_soon').size);
      expect(wide.dueSoonDays).toBe(60);
    });

    it('answers 400 naming the field for a bad asOf or window', async () => {
      for (const [query, field] of [
        ['?asOf=2026-02-30', 'asOf'],
        ['?asOf=22/11/2026', 'asOf'],
        ['?dueSoonDays=0', 'dueSoonDays'],
        ['?stalledDays=abc', 'stalledDays'],
        ['?color=red', 'color'],
      ]) {
        const answer = await secretariat.get<ApiError>(`/api/risks${query}`);
        expect([query, answer.status]).toEqual([query, 400]);
        expect(String(answer.body.message)).toContain(field);
      }
    });

    it('needs sign-in, and every role may read it', async () => {
      const anonymous = new Client(tracker.url);
      expect((await anonymous.get('/api/risks')).status).toBe(401);
      for (const reader of readers) {
        const view = await risks('?asOf=2026-11-22', reader);
        expect(view.daysToDeadline).toBe(129);
      }
      const today = await risks('');
      expect(today.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  describe('the risk register', () => {
    it('is seeded with the one risk, its two causes and the mitigation the Work Plan names for every Action, not yet scored', async () => {
      const answer = await secretariat.get<RegisterRisk[]>('/api/risk-register');
      expect(answer.status).toBe(200);
      const causes = ['inactive participation in the group', 'a delay in the implementation of activities'];
      expect(answer.body.map((r) => [r.actionNumber, r.title, r.causes, r.source])).toEqual([
        [1, 'Members do not meet the objectives', causes, '2.4.7'],
        [2, 'Members do not meet the objectives', causes, '2.5.7'],
        [3, 'Members do not meet the objectives', causes, '2.6.7'],
        [4, 'Members do not meet the objectives', causes, '2.7.7'],
      ]);
      expect(answer.body[0]).toMatchObject({ likelihood: null, impact: null, owner: null, status: 'open', nextReview: null, version: 1 });
      expect(answer.body[0].mitigation).toMatch(/monitoring calls with co-leaders/);
      expect((await secretariat.get<RegisterRisk[]>('/api/risk-register?action=3')).body).toHaveLength(1);
      expect((await new Client(tracker.url).get('/api/risk-register')).status).toBe(401);
    });

    it('takes a co-leader assessment of their own Action, refuses a stale version with 409 and bad values with 400', async () => {
      const [risk] = (await colead.get<RegisterRisk[]>('/api/risk-register?action=1')).body;
      const organisations = (await colead.get<{ id: string; name: string }[]>('/api/organisations')).body;
      const owner = organisations[0];
      const updated = await colead.patch<RegisterRisk>(`/api/risk-register/${risk.id}`, {
        version: 1,
        likelihood: 3,
        impact: 4,
        ownerOrganisationId: owner.id,
        nextReview: '2026-12-15',
        mitigation: 'Monthly check-in with each member',
      });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ likelihood: 3, impact: 4, owner: { id: owner.id, name: owner.name }, nextReview: '2026-12-15', version: 2 });

      const stale = await secretariat.patch<ConflictError>(`/api/risk-register/${risk.id}`, { version: 1, status: 'closed' });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ version: 2, status: 'open', likelihood: 3 });

      for (const [body, field] of [
        [{ version: 2, likelihood: 6 }, 'likelihood'],
        [{ version: 2, impact: 0 }, 'impact'],
        [{ version: 2, status: 'gone' }, 'status'],
        [{ version: 2, nextReview: '2026-13-01' }, 'nextReview'],
        [{ version: 2, title: '' }, 'title'],
        [{ version: 2, ownerOrganisationId: '00000000-0000-4000-8000-000000000000' }, 'ownerOrganisationId'],
        [{ version: 2, colour: 'red' }, 'colour'],
        [{ likelihood: 2 }, 'version'],
      ] as const) {
        const answer = await secretariat.patch<ApiError>(`/api/risk-register/${risk.id}`, body);
        expect([field, answer.status]).toEqual([field, 400]);
        expect(String(answer.body.message)).toContain(field);
      }
      expect((await secretariat.get<RegisterRisk>(`/api/risk-register/${risk.id}`)).body.version).toBe(2);

      const cleared = await secretariat.patch<RegisterRisk>(`/api/risk-register/${risk.id}`, { version: 2, likelihood: null, status: 'closed' });
      expect(cleared.body).toMatchObject({ likelihood: null, impact: 4, status: 'closed', version: 3 });
    });

    it("keeps a risk's history: a co-leader's rewrite of the mitigation shows who, when, from, to and why", async () => {
      const [risk] = (await colead.get<RegisterRisk[]>('/api/risk-register?action=1')).body;
      const before = risk.mitigation;
      const earlier = (await secretariat.get<AuditEntry[]>(`/api/risk-register/${risk.id}/history`)).body.length;
      const rewritten = await colead.patch<RegisterRisk>(`/api/risk-register/${risk.id}`, {
        version: risk.version,
        mitigation: 'Nothing more to do',
        note: 'Risk judged over',
      });
      expect(rewritten.status).toBe(200);
      expect(rewritten.body.version).toBe(risk.version + 1);

      const history = await secretariat.get<AuditEntry[]>(`/api/risk-register/${risk.id}/history`);
      expect(history.status).toBe(200);
      expect(history.body).toHaveLength(earlier + 1);
      expect(history.body[0]).toMatchObject({
        itemType: 'risk',
        itemId: risk.id,
        itemTitle: risk.title,
        actionNumber: 1,
        version: risk.version + 1,
        field: 'mitigation',
        from: before,
        to: 'Nothing more to do',
        note: 'Risk judged over',
        by: { role: 'co_leader' },
      });
      expect(Date.now() - Date.parse(history.body[0].at)).toBeLessThan(60_000);

      // The same values again change nothing: no new version, no new entry.
      const again = await colead.patch<RegisterRisk>(`/api/risk-register/${risk.id}`, { version: risk.version + 1, mitigation: 'Nothing more to do' });
      expect(again.body.version).toBe(risk.version + 1);
      expect((await secretariat.get<AuditEntry[]>(`/api/risk-register/${risk.id}/history`)).body).toHaveLength(earlier + 1);

      // Risk changes are the register's, not the plan's: the activity feed lists milestones and outputs only.
      const activity = await secretariat.get<AuditEntry[]>('/api/activity');
      expect(activity.body.some((entry) => entry.itemId === risk.id)).toBe(false);
      expect((await secretariat.get('/api/risk-register/00000000-0000-4000-8000-000000000000/history')).status).toBe(404);
      expect((await new Client(tracker.url).get(`/api/risk-register/${risk.id}/history`)).status).toBe(401);
    });
  });
});
