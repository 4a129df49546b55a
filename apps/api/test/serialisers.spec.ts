import type {
  Action,
  ActionDetail,
  ConflictError,
  FollowUp,
  Milestone,
  MonitoringCall,
  MonitoringCallSummary,
  Output,
  RegisterRisk,
  Target,
} from '@tracker/contracts';
import { useTracker } from './harness';

/**
 * Every contract type has one serialiser: a record read alone (`GET /:id`), as an element of its list,
 * inside its Action, as a PATCH answer and as a 409 body is the same JSON. A second mapper that drifts
 * from the first (a renamed field, an upper-cased source, a date as an instant) turns this red.
 */
describe('one serialiser per contract type', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');

  const get = async <T>(path: string): Promise<T> => {
    const answer = await secretariat.get<T>(path);
    expect([path, answer.status]).toEqual([path, 200]);
    return answer.body;
  };

  /** GET /:id of every element equals the element; the PATCH answer and the 409 body equal GET /:id. */
  async function checkEveryElement<T extends { id: string; version: number }>(base: string, list: T[], change: Record<string, unknown>): Promise<void> {
    expect(list.length).toBeGreaterThan(0);
    for (const element of list) {
      expect(await get<T>(`${base}/${element.id}`)).toEqual(element);
    }
    const target = list[0];
    const patched = await secretariat.patch<T>(`${base}/${target.id}`, { version: target.version, ...change });
    expect(patched.status).toBe(200);
    expect(patched.body.version).toBe(target.version + 1);
    const after = await get<T>(`${base}/${target.id}`);
    expect(patched.body).toEqual(after);
    const stale = await secretariat.patch<ConflictError<T>>(`${base}/${target.id}`, { version: target.version, ...change });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toEqual(after);
  }

  it('milestones: the list, the chart, the Action page, one milestone, the PATCH answer and the 409 body agree', async () => {
    const milestones = await get<Milestone[]>('/api/milestones');
    const gantt = await get<{ items: Milestone[] }>('/api/gantt');
    expect(gantt.items).toEqual(milestones);
    const action = await get<ActionDetail>('/api/actions/2');
    expect(action.milestones).toEqual(milestones.filter((m) => m.actionNumber === 2));
    await checkEveryElement('/api/milestones', milestones, { progress: 35, forecastEnd: '2026-12-01' });
  });

  it('outputs: the list, the Action page, one output, the PATCH answer and the 409 body agree', async () => {
    const outputs = await get<Output[]>('/api/outputs');
    const action = await get<ActionDetail>('/api/actions/3');
    expect(action.outputs).toEqual(outputs.filter((o) => o.actionNumber === 3));
    await checkEveryElement('/api/outputs', outputs, { status: 'in_progress' });
  });

  it('targets: the list, the Action page, one target, the PATCH answer and the 409 body agree', async () => {
    const targets = await get<Target[]>('/api/targets');
    const action = await get<ActionDetail>('/api/actions/3');
    expect(action.targets).toEqual(targets.filter((t) => t.actionNumber === 3));
    expect(action.targets[0]).toMatchObject({ description: '10 regions - 3 departments per region', status: 'active', version: 1, source: '2.6.9' });
    await checkEveryElement('/api/targets', targets, { description: '10 regions, 3 departments in each' });
  });

  it('Actions: the list and each Action page agree, and carry every field of the contract', async () => {
    const actions = await get<Action[]>('/api/actions');
    expect(actions.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    for (const action of actions) {
      const { milestones, outputs, targets, ...page } = await get<ActionDetail>(`/api/actions/${action.number}`);
      expect(page).toEqual(action);
      expect([milestones.length > 0, Array.isArray(outputs), targets.every((t) => t.actionNumber === action.number)]).toEqual([true, true, true]);
      expect(Object.keys(action).sort()).toEqual(
        [
          'coLeaders',
          'deadline',
          'externalStakeholders',
          'governanceLevels',
          'id',
          'members',
          'number',
          'objective',
          'pillar',
          'potentialStakeholders',
          'shortName',
          'source',
          'stakeholderNotes',
          'title',
        ].sort(),
      );
      expect(action.coLeaders).toHaveLength(2);
    }
  });

  it('risks: the register, one risk, the PATCH answer and the 409 body agree', async () => {
    const risks = await get<RegisterRisk[]>('/api/risk-register');
    expect(await get<RegisterRisk[]>('/api/risk-register?action=4')).toEqual(risks.filter((r) => r.actionNumber === 4));
    await checkEveryElement('/api/risk-register', risks, { likelihood: 2, nextReview: '2027-01-10' });
  });

  it('monitoring calls and follow-ups: the call list, the call, its follow-ups and one follow-up agree', async () => {
    const call = (await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: '2026-11-20', actionNumbers: [1, 3], attendees: ['Anna'] })).body;
    for (const what of ['Send the minutes', 'Book the room']) {
      expect((await secretariat.post(`/api/monitoring-calls/${call.id}/follow-ups`, { what, dueDate: '2026-12-01' })).status).toBe(201);
    }
    const opened = await get<MonitoringCall>(`/api/monitoring-calls/${call.id}`);
    const [summary] = await get<MonitoringCallSummary[]>('/api/monitoring-calls');
    expect(summary).toEqual({ id: opened.id, heldOn: opened.heldOn, actionNumbers: opened.actionNumbers, attendees: opened.attendees, openFollowUps: 2 });
    await checkEveryElement<FollowUp>('/api/follow-ups', opened.followUps, { done: true });

    const patched = await secretariat.patch<MonitoringCall>(`/api/monitoring-calls/${call.id}`, { version: opened.version, notes: 'Short call' });
    expect(patched.body).toEqual(await get<MonitoringCall>(`/api/monitoring-calls/${call.id}`));
    const stale = await secretariat.patch<ConflictError<MonitoringCall>>(`/api/monitoring-calls/${call.id}`, { version: opened.version, notes: 'Lost' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toEqual(patched.body);
  });
});
