import type { ApiError, AuditEntry, Dependency, GanttData, Milestone, Output, RiskItem, RiskView } from '@tracker/contracts';
import { workPlanDependencies } from '../src/app/seed/work-plan-dependencies.data';
import { WORK_PLAN } from '../src/app/seed/work-plan.data';
import { useTracker, withServer } from './harness';

/** Links between plan items, the forecast they feed, and the seeded plan's own links. */
describe('dependencies and the forecast', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  const colead = tracker.as('co_leader');
  const readers = [tracker.as('coordinator'), tracker.as('member')];

  /** A new activity of an Action (the Secretariat adds it), with its window in the plan's words. */
  const newMilestone = async (title: string, windowText: string, actionNumber = 1): Promise<Milestone> => {
    const answer = await secretariat.post<Milestone>('/api/milestones', { actionNumber, title, windowText });
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const link = async (predecessorId: string, successorId: string, lagMonths?: number, client = secretariat) =>
    client.post<Dependency & ApiError>('/api/dependencies', { predecessorId, successorId, ...(lagMonths === undefined ? {} : { lagMonths }) });

  describe('the links', () => {
    it('adds a link, lists it, and the chart and the milestones carry it as predecessorIds', async () => {
      const first = await newMilestone('Survey to be drafted', 'July - September 2026');
      const second = await newMilestone('Survey results to be published', 'October 2026');
      const chart = await secretariat.get<GanttData>('/api/gantt');
      const created = await link(first.id, second.id, 1);
      expect(created.status).toBe(201);
      expect(created.body).toEqual({ id: expect.any(String), predecessorId: first.id, successorId: second.id, lagMonths: 1, source: null, notes: [] });
      const listed = await secretariat.get<Dependency[]>('/api/dependencies');
      expect(listed.body).toContainEqual(created.body);
      // The chart's ETag names the plan's revision: a new link moves it.
      const again = await secretariat.request<GanttData>('GET', '/api/gantt', undefined, { headers: { 'if-none-match': chart.headers.get('etag') ?? '' } });
      expect(again.status).toBe(200);
      expect(again.body.items.find((i) => i.id === second.id)?.predecessorIds).toEqual([first.id]);
      expect(again.body.items.find((i) => i.id === first.id)?.predecessorIds).toEqual([]);
      const list = await secretariat.get<Milestone[]>('/api/milestones?action=1');
      expect(list.body.find((i) => i.id === second.id)?.predecessorIds).toEqual([first.id]);
      // In the successor's history, by title.
      const history = await secretariat.get<AuditEntry[]>(`/api/milestones/${second.id}/history`);
      expect(history.body[0]).toMatchObject({ field: 'predecessors', from: [], to: ['Survey to be drafted'] });

      const removed = await secretariat.request('DELETE', `/api/dependencies/${created.body.id}`);
      expect(removed.status).toBe(204);
      expect((await secretariat.get<Milestone>(`/api/milestones/${second.id}`)).body.predecessorIds).toEqual([]);
      expect((await secretariat.request<ApiError>('DELETE', `/api/dependencies/${created.body.id}`)).status).toBe(404);
      const after = await secretariat.get<AuditEntry[]>(`/api/milestones/${second.id}/history`);
      expect(after.body[0]).toMatchObject({ field: 'predecessors', from: ['Survey to be drafted'], to: [] });
    });

    it('refuses a cycle, naming its items by title, and writes nothing', async () => {
      const a = await newMilestone('Cycle step A', 'January 2026');
      const b = await newMilestone('Cycle step B', 'February 2026');
      const c = await newMilestone('Cycle step C', 'March 2026');
      expect((await link(a.id, b.id)).status).toBe(201);
      expect((await link(b.id, c.id)).status).toBe(201);
      const before = (await secretariat.get<Dependency[]>('/api/dependencies')).body.length;
      const cycle = await link(c.id, a.id);
      expect(cycle.status).toBe(400);
      expect(cycle.body.message).toMatch(/cycle/);
      for (const title of ['Cycle step A', 'Cycle step B', 'Cycle step C']) {
        expect(cycle.body.message).toContain(`"${title}"`);
      }
      expect((await secretariat.get<Dependency[]>('/api/dependencies')).body).toHaveLength(before);
      expect((await link(a.id, a.id)).status).toBe(400);
    });

    it('names the field of a bad or unknown id, refuses a bad lag and a second copy of a link', async () => {
      const a = await newMilestone('Checked step A', 'January 2026');
      const b = await newMilestone('Checked step B', 'February 2026');
      const unknown = '00000000-0000-4000-8000-000000000000';
      const badPredecessor = await link('not-an-id', b.id);
      expect(badPredecessor.status).toBe(400);
      expect(JSON.stringify(badPredecessor.body.message)).toMatch(/predecessorId/);
      const unknownSuccessor = await link(a.id, unknown);
      expect(unknownSuccessor.status).toBe(400);
      expect(unknownSuccessor.body.message).toMatch(/^successorId: no milestone or output has the id/);
      for (const lagMonths of [-1, 1.5, 'two']) {
        const answer = await secretariat.post<ApiError>('/api/dependencies', { predecessorId: a.id, successorId: b.id, lagMonths });
        expect(answer.status).toBe(400);
        expect(JSON.stringify(answer.body.message)).toMatch(/lagMonths/);
      }
      expect((await link(a.id, b.id)).status).toBe(201);
      const twice = await link(a.id, b.id, 2);
      expect(twice.status).toBe(409);
      expect(twice.body.message).toBe('"Checked step A" already comes before "Checked step B"');
    });

    it('lets the Secretariat link anything, a co-leader only into their own Action, and nobody else', async () => {
      const own = await newMilestone('Own Action step', 'April 2026', 1);
      const other = await newMilestone('Other Action step', 'May 2026', 2);
      const ownLater = await newMilestone('Own Action later step', 'June 2026', 1);
      // A co-leader of Action 1 may make Action 1's step follow anything, not Action 2's.
      const mine = await link(other.id, own.id, 0, colead);
      expect(mine.status).toBe(201);
      const theirs = await link(own.id, other.id, 0, colead);
      expect(theirs.status).toBe(403);
      expect(theirs.body.message).toMatch(/co-leaders may change only/);
      for (const reader of readers) {
        const refused = await link(own.id, ownLater.id, 0, reader);
        expect(refused.status).toBe(403);
        expect((await reader.request('DELETE', `/api/dependencies/${mine.body.id}`)).status).toBe(403);
        expect((await reader.get<Dependency[]>('/api/dependencies')).status).toBe(200);
      }
      const byTheSecretariat = await link(ownLater.id, other.id);
      expect(byTheSecretariat.status).toBe(201);
      expect((await colead.request<ApiError>('DELETE', `/api/dependencies/${byTheSecretariat.body.id}`)).status).toBe(403);
      expect((await colead.request('DELETE', `/api/dependencies/${mine.body.id}`)).status).toBe(204);
    });
  });

  describe('the forecast in the risk view', () => {
    const view = async (asOf: string) => {
      const answer = await secretariat.get<RiskView>(`/api/risks?asOf=${asOf}`);
      expect(answer.status).toBe(200);
      return answer.body;
    };
    const flagsOf = (risks: RiskView, id: string): RiskItem[] => risks.items.filter((item) => item.id === id);
    const patch = async (item: Milestone, values: Record<string, unknown>) => {
      const answer = await secretariat.patch<Milestone>(`/api/milestones/${item.id}`, { version: item.version, ...values });
      expect(answer.status).toBe(200);
      return answer.body;
    };

    it('propagates a slip through three levels with lags, and says the chain in words', async () => {
      const a = await newMilestone('Slip level one', 'June 2026', 3);
      const b = await newMilestone('Slip level two', 'August - September 2026', 3);
      const c = await newMilestone('Slip level three', 'December 2026 - January 2027', 3);
      expect((await link(a.id, b.id, 1)).status).toBe(201);
      expect((await link(b.id, c.id, 1)).status).toBe(201);
      // On plan: nothing passes the deadline.
      const before = await view('2026-05-01');
      expect(flagsOf(before, c.id)).toEqual([]);
      // Level one slips to the end of the year: level two may start a month after and needs its two
      // months (to 31 Mar 2027); level three a month after that, with its two months (30 Jun 2027).
      await patch(a, { forecastEnd: '2026-12-31' });
      const risks = await view('2026-12-07');
      // Level two is overdue by its plan, and its forecast (31 Mar 2027) still makes the deadline.
      expect(flagsOf(risks, b.id).map((f) => f.kind)).toEqual(['overdue']);
      expect(flagsOf(risks, b.id)[0].forecast).toEqual({ earliestEnd: '2027-03-31', latestEnd: '2027-03-31', drivenBy: a.id });
      const [flag] = flagsOf(risks, c.id);
      expect(flag).toMatchObject({
        kind: 'forecast_beyond_deadline',
        severity: 'high',
        forecast: { earliestEnd: '2027-06-30', latestEnd: '2027-06-30', drivenBy: b.id },
      });
      expect(flag.reason).toBe(
        "expected to end 30 Jun 2027, after the 31 Mar 2027 deadline, because 'Slip level one' (Action 3), forecast to end 31 Dec 2026, comes before 'Slip level two' (Action 3), which comes before it",
      );
      const action = risks.actions.find((x) => x.number === 3);
      // The Action finishes no earlier than its last item: not by the deadline.
      expect(action?.finish.fitsDeadline).toBe('no');
      expect((action?.finish.latestEnd ?? '') >= '2027-06-30').toBe(true);
      expect(action?.rag).toBe('red');
      expect(action?.reasons.some((r) => /expected to end after the deadline/.test(r))).toBe(true);
    });

    it('pushes an item in progress by its pace', async () => {
      const slow = await newMilestone('Slow survey', 'September 2026 - March 2027', 4);
      const patched = await patch(slow, { status: 'in_progress', progress: 20 });
      // 98 days from 1 Sep to 7 Dec 2026 for 20%: 490 days in all, to 3 Jan 2028.
      const risks = await view('2026-12-07');
      const [flag] = flagsOf(risks, slow.id).filter((f) => f.kind === 'forecast_beyond_deadline');
      expect(flag.forecast).toEqual({ earliestEnd: '2028-01-03', latestEnd: '2028-01-03', drivenBy: 'pace' });
      expect(flag.reason).toBe(
        'expected to end 3 Jan 2028, after the 31 Mar 2027 deadline, because at the pace of its progress so far it would end 3 Jan 2028',
      );
      // At 60% the window holds.
      await patch(patched, { progress: 60 });
      expect(flagsOf(await view('2026-12-07'), slow.id).filter((f) => f.kind === 'forecast_beyond_deadline')).toEqual([]);
    });

    it('gives a year window the whole year and a month window the whole month as the range', async () => {
      const year = await newMilestone('Follow-up conference', '2027', 4);
      const month = await newMilestone('Closing report', 'April 2027', 4);
      const risks = await view('2026-12-07');
      const [mayPass] = flagsOf(risks, year.id);
      expect(mayPass).toMatchObject({
        kind: 'may_pass_deadline',
        severity: 'medium',
        forecast: { earliestEnd: '2027-01-01', latestEnd: '2027-12-31', drivenBy: 'self' },
      });
      expect(mayPass.reason).toBe(
        'expected to end between 1 Jan 2027 and 31 Dec 2027, so it may pass the 31 Mar 2027 deadline, because it is planned to end 31 Dec 2027',
      );
      // A month after the deadline is beyond it by its own dates, said once; the item carries its range.
      const monthFlags = flagsOf(risks, month.id);
      expect(monthFlags.map((f) => f.kind)).toEqual(['beyond_deadline']);
      expect(monthFlags[0].forecast).toEqual({ earliestEnd: '2027-04-01', latestEnd: '2027-04-30', drivenBy: 'self' });
      expect(risks.actions.find((x) => x.number === 4)?.finish).toMatchObject({ fitsDeadline: 'no' });
    });

    it("names the plan's own chain: an overdue mapping pushes the recommendations past the deadline", async () => {
      const risks = await view('2027-01-15');
      const review = risks.items.find(
        (i) => i.title === 'Recommendations to be reviewed and validated by expert and Action group members' && i.kind === 'forecast_beyond_deadline',
      );
      expect(review?.reason).toBe(
        "expected to end 15 Apr 2027, after the 31 Mar 2027 deadline, because 'Mapping to be drafted' (Action 2), overdue since 30 Sep 2025, comes before 'Recommendations to be developed based on the mapping exercise' (Action 2), which comes before it",
      );
      const may = risks.items.filter((i) => i.kind === 'may_pass_deadline');
      expect(
        may.every((i) => i.forecast.earliestEnd !== null && i.forecast.earliestEnd <= risks.deadline && (i.forecast.latestEnd ?? '') > risks.deadline),
      ).toBe(true);
      const beyond = risks.items.filter((i) => i.kind === 'forecast_beyond_deadline');
      expect(beyond.every((i) => (i.forecast.earliestEnd ?? '') > risks.deadline)).toBe(true);
      expect(risks.actions.find((x) => x.number === 2)?.finish.fitsDeadline).toBe('no');
    });
  });

  describe("the seeded plan's links", () => {
    const seeded = async () => (await secretariat.get<Dependency[]>('/api/dependencies')).body.filter((d) => d.source !== null);
    const titles = async () => {
      const milestones = (await secretariat.get<Milestone[]>('/api/milestones')).body;
      const outputs = (await secretariat.get<Output[]>('/api/outputs')).body;
      return new Map([...milestones, ...outputs].map((item) => [item.id, { title: item.title, action: item.actionNumber }]));
    };

    it('are the links the plan states, each citing its section with a derived note quoting it', async () => {
      const links = await seeded();
      expect(links).toHaveLength(workPlanDependencies(WORK_PLAN).length);
      const items = await titles();
      for (const link of links) {
        const successor = items.get(link.successorId);
        const predecessor = items.get(link.predecessorId);
        expect(successor).toBeDefined();
        expect(predecessor?.action).toBe(successor?.action);
        // Action N's sections are 2.(N+3).x.
        expect(link.source).toMatch(new RegExp(`^2\\.${(successor?.action ?? 0) + 3}\\.\\d+(, 2\\.${(successor?.action ?? 0) + 3}\\.\\d+)*$`));
        expect(link.notes).toEqual([{ kind: 'derived', text: expect.stringMatching(/"[^"]+"/), source: link.source }]);
        expect(link.lagMonths).toBe(0);
      }
      const said = links.map((l) => `${items.get(l.predecessorId)?.title} -> ${items.get(l.successorId)?.title}`);
      expect(said).toEqual(
        expect.arrayContaining([
          'First Virtual Exchange -> Outcomes report following each virtual exchange',
          'Mapping to be drafted -> Recommendations to be developed based on the mapping exercise',
          'Mapping to be drafted -> Mapping to be reviewed and validated by Action group members',
          'Mapping to be drafted -> Webinar to be organised to disseminate the results of the mapping',
          'Study visit -> Report to be updated with outcomes of the study visit',
          'Extraction of the information and analysis -> Development of a guidelines based on the self-assessment results and collection of good practices',
        ]),
      );
      const mapping = links.find((l) => items.get(l.successorId)?.title === 'Recommendations to be developed based on the mapping exercise');
      expect(mapping?.notes[0].text).toContain('"Recommendations to be developed based on the mapping exercise"');
      // Where the plan is silent there is no link: the survey's dissemination follows nothing it names.
      const survey = [...items].find(([, item]) => item.title === 'Dissemination of the survey')?.[0];
      expect(survey).toBeDefined();
      expect(links.filter((l) => l.successorId === survey)).toEqual([]);
    });

    it('reach an existing database on its next start, and a link someone removed stays removed', async () => {
      const links = await seeded();
      const items = await titles();
      const removed = links.find((l) => items.get(l.successorId)?.title === 'Study visit (TBC)') ?? links[0];
      expect((await secretariat.request('DELETE', `/api/dependencies/${removed.id}`)).status).toBe(204);
      await tracker.query(`DELETE FROM dependency WHERE source IS NOT NULL`);
      await withServer(tracker.db.url, {}, async (again) => {
        // Every link comes back but those into the item whose links someone changed.
        const expected = links.filter((l) => l.successorId !== removed.successorId);
        expect(expected.length).toBeLessThan(links.length);
        expect(again.seeded.dependencies).toBe(expected.length);
        const back = await seeded();
        expect(back.map((l) => `${l.predecessorId}>${l.successorId}`).sort()).toEqual(expected.map((l) => `${l.predecessorId}>${l.successorId}`).sort());
        expect(back.some((l) => l.predecessorId === removed.predecessorId && l.successorId === removed.successorId)).toBe(false);
      });
    });
  });
});
