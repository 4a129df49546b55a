import {
  type ApiError,
  type AuditEntry,
  type CurrentUser,
  DEFAULT_PARTNERSHIP_KEY,
  type Milestone,
  type MonitoringCall,
  type MonitoringCallSummary,
  type Organisation,
  type Partnership,
  type PartnershipSummary,
  type PlanVersionSummary,
  type RegisterRisk,
  type RiskView,
} from '@tracker/contracts';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { seedScalePlans } from '../src/app/seed/scale-plan';
import { Client } from './client';
import { useTracker } from './harness';

/**
 * A second partnership (as `npm run seed:scale` adds it) is its own world: its risk view judged on its
 * own deadline, its own register and calls, its own permissions; nothing of one partnership shows
 * through another's key, and an unknown key is a 404 everywhere.
 */
describe('every partnership end to end', () => {
  const SCALE = 'scale-0001';
  /** A partnership in which the Work Plan's Secretariat never gets a seat. */
  const OTHER = 'scale-0002';
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');

  beforeAll(async () => {
    await tracker.dataSource.transaction((manager) => seedScalePlans(manager, { partnerships: 2, items: 60 }));
  });

  /** Gives the Secretariat's organisation a seat in a partnership. */
  const giveSeat = (key: string) =>
    tracker.dataSource.query(
      `INSERT INTO partnership_member (partnership_id, organisation_id, coordinator)
       SELECT p.id, u.organisation_id, true FROM partnership p, user_account u WHERE p.seed_key = $1 AND u.email = 'secretariat@example.org'`,
      [key],
    );

  const ok = async <T>(path: string, client = secretariat): Promise<T> => {
    const answer = await client.get<T>(path);
    expect([path, answer.status]).toEqual([path, 200]);
    return answer.body;
  };

  it('lists the partnerships with their own deadline and Actions, the Work Plan first', async () => {
    const partnerships = await ok<PartnershipSummary[]>('/api/partnerships');
    expect(partnerships.map((p) => [p.key, p.deadline])).toEqual([
      [DEFAULT_PARTNERSHIP_KEY, '2027-03-31'],
      [SCALE, '2027-12-31'],
      [OTHER, '2027-12-31'],
    ]);
    expect(partnerships[0].actions.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect(partnerships[1].actions.length).toBeGreaterThanOrEqual(4);
  });

  it('approves version 1 of each generated plan as it was generated, with every item', async () => {
    for (const key of [SCALE, OTHER]) {
      const items = await ok<Milestone[]>(`/api/milestones?partnership=${key}`);
      const versions = await ok<PlanVersionSummary[]>(`/api/plan-versions?partnership=${key}`);
      expect(versions.map((v) => [v.number, v.name, v.itemCount, v.approvedBy])).toEqual([[1, 'Plan as generated', items.length, null]]);
    }
  });

  it("judges each partnership's risks against its own deadline, on its own items only", async () => {
    await giveSeat(SCALE); // a partnership's risks are its own people's
    const workPlan = await ok<RiskView>('/api/risks?asOf=2026-11-22');
    const scale = await ok<RiskView>(`/api/risks?partnership=${SCALE}&asOf=2026-11-22`);
    expect([workPlan.deadline, workPlan.daysToDeadline]).toEqual(['2027-03-31', 129]);
    expect([scale.deadline, scale.daysToDeadline]).toEqual(['2027-12-31', 404]);
    const scaleActions = (await ok<PartnershipSummary[]>('/api/partnerships'))[1].actions;
    expect(scale.actions.map((a) => a.number)).toEqual(scaleActions.map((a) => a.number));
    const scaleItems = new Set((await ok<Milestone[]>(`/api/milestones?partnership=${SCALE}`)).map((m) => m.id));
    const workPlanItems = new Set((await ok<Milestone[]>('/api/milestones')).map((m) => m.id));
    expect(scale.items.length).toBeGreaterThan(0);
    expect(scale.items.filter((i) => i.itemType === 'milestone').every((i) => scaleItems.has(i.id))).toBe(true);
    expect(workPlan.items.some((i) => scaleItems.has(i.id))).toBe(false);
    expect(scale.items.some((i) => workPlanItems.has(i.id))).toBe(false);
    // An item ending between the two deadlines is beyond one and not the other.
    for (const item of scale.items.filter((i) => i.kind === 'beyond_deadline')) {
      expect((item.forecastEnd ?? item.end ?? '') > '2027-12-31' || (item.end ?? '') > '2027-12-31').toBe(true);
    }
  });

  it("keeps each partnership's register and calls apart", async () => {
    expect((await ok<RegisterRisk[]>('/api/risk-register')).length).toBe(4);
    expect(await ok<RegisterRisk[]>(`/api/risk-register?partnership=${SCALE}`)).toEqual([]);

    // The Work Plan's Secretariat records calls only where its organisation has a seat (it has one in SCALE).
    const refused = await secretariat.post<ApiError>(`/api/monitoring-calls?partnership=${OTHER}`, { heldOn: '2026-11-20', actionNumbers: [1, 2] });
    expect([refused.status, refused.body.message]).toEqual([403, expect.stringMatching(/no seat in this partnership/)]);

    const call = await secretariat.post<MonitoringCall>(`/api/monitoring-calls?partnership=${SCALE}`, { heldOn: '2026-11-20', actionNumbers: [1, 2] });
    expect(call.status).toBe(201);
    expect(call.body.risks).toMatchObject({ deadline: '2027-12-31', asOf: '2026-11-20' });
    const workPlanCall = (await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: '2026-11-21', actionNumbers: [3] })).body;
    expect(workPlanCall.risks.deadline).toBe('2027-03-31');
    expect([call.body.partnership, workPlanCall.partnership]).toEqual([SCALE, 'inclusion-of-migrants-and-refugees']);
    // The call's pack draws the chart of its own partnership.
    const pack = await fetch(`${tracker.url}/api/exports/monitoring-calls/${call.body.id}/pack.pdf`, {
      headers: { cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(pack.status).toBe(200);
    const file = join(await mkdtemp(join(tmpdir(), 'pack-')), 'pack.pdf');
    await writeFile(file, Buffer.from(await pack.arrayBuffer()));
    const pages = JSON.parse(
      (await promisify(execFile)(process.execPath, [join(__dirname, 'support/pdf-text.mjs'), file], { maxBuffer: 64 * 1024 * 1024 })).stdout,
    ) as {
      text: string;
    }[];
    const scaleName = (await ok<PartnershipSummary[]>('/api/partnerships')).find((p) => p.key === SCALE)?.name as string;
    // Its items cite no section of a plan: the chart is titled as a timeline only, never as the plan's Annex 2.
    expect(pages.map((p) => p.text).join(' ')).toMatch(new RegExp(`Work Plan timeline\\W+${scaleName.replace(/[()]/g, '\\$&')} · `));
    expect(pages.map((p) => p.text).join(' ')).not.toContain('Annex 2');
    // Each call's "previous call" is one of its own partnership.
    expect(workPlanCall.previousCall).toBeNull();

    expect((await ok<MonitoringCallSummary[]>(`/api/monitoring-calls?partnership=${SCALE}`)).map((c) => c.id)).toEqual([call.body.id]);
    expect((await ok<MonitoringCallSummary[]>('/api/monitoring-calls')).map((c) => c.id)).toEqual([workPlanCall.id]);

    const scaleChanges = (await ok<MonitoringCall>(`/api/monitoring-calls/${call.body.id}`)).changesSincePrevious;
    const scaleItems = new Set((await ok<Milestone[]>(`/api/milestones?partnership=${SCALE}`)).map((m) => m.id));
    expect(scaleChanges.every((e) => scaleItems.has(e.itemId))).toBe(true);
    const activity = await ok<AuditEntry[]>(`/api/activity?partnership=${SCALE}&limit=200`);
    expect(activity.length).toBeGreaterThan(0);
    expect(activity.every((e) => scaleItems.has(e.itemId))).toBe(true);
    expect((await ok<AuditEntry[]>('/api/activity?limit=200')).some((e) => scaleItems.has(e.itemId))).toBe(false);
  });

  it("refuses a call's Actions that are not the partnership's", async () => {
    const partnerships = await ok<PartnershipSummary[]>('/api/partnerships');
    const beyond = partnerships[1].actions.length + 1;
    const refused = await secretariat.post<ApiError>(`/api/monitoring-calls?partnership=${SCALE}`, { heldOn: '2026-11-20', actionNumbers: [beyond] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('actionNumbers');
  });

  it("gives roles per partnership: the Work Plan's Secretariat has no rights in another until its organisation has a seat there", async () => {
    const [scaleMilestone] = await ok<Milestone[]>(`/api/milestones?partnership=${OTHER}`);
    expect((await ok<CurrentUser>('/api/auth/me')).editableActions).toEqual([1, 2, 3, 4]);
    expect((await ok<CurrentUser>(`/api/auth/me?partnership=${OTHER}`)).editableActions).toEqual([]);
    const refused = await secretariat.patch<ApiError>(`/api/milestones/${scaleMilestone.id}`, { version: scaleMilestone.version, progress: 5 });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toMatch(/no seat in this partnership/);

    // A co-leader may change the Actions their organisation co-leads in each partnership, and only those.
    const colead = await tracker.signIn('colead.labour@example.org');
    const [coLed] = await tracker.dataSource.query<{ numbers: number[] }[]>(
      `SELECT COALESCE(array_agg(a.number ORDER BY a.number), '{}') AS numbers FROM action a
         JOIN partnership p ON p.id = a.partnership_id JOIN action_participant ap ON ap.action_id = a.id AND ap.role = 'co_leader'
         JOIN user_account u ON u.organisation_id = ap.organisation_id WHERE p.seed_key = $1 AND u.email = 'colead.labour@example.org'`,
      [OTHER],
    );
    expect((await ok<CurrentUser>(`/api/auth/me?partnership=${OTHER}`, colead)).editableActions).toEqual(coLed.numbers);
    expect((await ok<CurrentUser>('/api/auth/me', colead)).editableActions).toEqual([1]);

    // A seat in the partnership gives the Secretariat its rights there, each Action once.
    const partnerships = await ok<PartnershipSummary[]>('/api/partnerships');
    await giveSeat(OTHER);
    expect((await ok<CurrentUser>(`/api/auth/me?partnership=${OTHER}`)).editableActions).toEqual(partnerships[2].actions.map((a) => a.number));
    const allowed = await secretariat.patch<Milestone>(`/api/milestones/${scaleMilestone.id}`, { version: scaleMilestone.version, progress: 5 });
    expect(allowed.status).toBe(200);
  });

  it("lists each partnership's organisations with their seat and Actions there, not another's", async () => {
    const expected = async (key: string) =>
      (
        await tracker.dataSource.query<{ id: string }[]>(
          `SELECT pm.organisation_id AS id FROM partnership_member pm JOIN partnership p ON p.id = pm.partnership_id WHERE p.seed_key = $1
           UNION SELECT p.secretariat_organisation_id FROM partnership p WHERE p.seed_key = $1 AND p.secretariat_organisation_id IS NOT NULL
           UNION SELECT ap.organisation_id FROM action_participant ap JOIN action a ON a.id = ap.action_id JOIN partnership p ON p.id = a.partnership_id
            WHERE p.seed_key = $1`,
          [key],
        )
      )
        .map((r) => r.id)
        .sort();
    const other = await ok<Organisation[]>(`/api/organisations?partnership=${OTHER}`);
    expect(other.length).toBeGreaterThan(0);
    expect(other.map((o) => o.id).sort()).toEqual(await expected(OTHER));
    const otherActions = (await ok<PartnershipSummary[]>('/api/partnerships')).find((p) => p.key === OTHER)?.actions.map((a) => a.number) ?? [];
    expect(other.flatMap((o) => o.actions.map((a) => a.actionNumber)).every((n) => otherActions.includes(n))).toBe(true);

    // The same body in two partnerships: in each list with that partnership's Actions only.
    const workPlan = await ok<Organisation[]>('/api/organisations');
    expect(workPlan.map((o) => o.id).sort()).toEqual(await expected(DEFAULT_PARTNERSHIP_KEY));
    const shared = workPlan.find((o) => other.some((x) => x.id === o.id && x.actions.length > 0) && o.actions.length > 0);
    expect(shared).toBeDefined();
    const there = other.find((o) => o.id === shared?.id);
    expect(shared?.actions).not.toEqual(there?.actions);
    const [seat] = await tracker.dataSource.query<{ member: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM partnership_member pm JOIN partnership p ON p.id = pm.partnership_id WHERE p.seed_key = $1 AND pm.organisation_id = $2) AS member`,
      [OTHER, shared?.id],
    );
    expect(there?.partnershipMember).toBe(seat.member);

    const view = await ok<Partnership>(`/api/partnership?partnership=${OTHER}`);
    expect(view.deadline).toBe('2027-12-31');
    expect(view.name).not.toBe((await ok<Partnership>('/api/partnership')).name);
  });

  it('answers 404 naming the key for an unknown partnership on every read and write that takes one', async () => {
    const reads = [
      '/api/gantt',
      '/api/actions',
      '/api/actions/1',
      '/api/milestones',
      '/api/outputs',
      '/api/risks',
      '/api/risk-register',
      '/api/monitoring-calls',
      '/api/activity',
      '/api/auth/me',
      '/api/organisations',
      '/api/partnership',
    ];
    for (const path of reads) {
      const answer = await secretariat.get<ApiError>(`${path}?partnership=nope`);
      expect([path, answer.status, answer.body.message]).toEqual([path, 404, 'partnership "nope" not found']);
    }
    const write = await secretariat.post<ApiError>('/api/monitoring-calls?partnership=nope', { heldOn: '2026-11-20', actionNumbers: [1] });
    expect([write.status, write.body.message]).toEqual([404, 'partnership "nope" not found']);
    expect((await new Client(tracker.url).get('/api/partnerships')).status).toBe(200);
  });
});
