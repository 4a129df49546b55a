import type { Milestone, Organisation, Output, Partnership, RegisterRisk, RiskView } from '@tracker/contracts';
import { createDataSource } from '../src/app/database/data-source';
import { seedWorkPlan } from '../src/app/seed/seed-work-plan';
import type { SeedMilestone, SeedWorkPlan } from '../src/app/seed/seed.types';
import { WORK_PLAN } from '../src/app/seed/work-plan.data';
import type { RunningServer } from '../src/app/server';
import { createAccount, DEMO_PASSWORD } from '../src/app/users/accounts';
import { Client, signedIn } from './client';
import { createTestDatabase, type TestDatabase, withClient } from './database';
import { getJson, startTestServer } from './server';

const AS_OF = '2026-11-23';

/** The risk view's flags of one item, as "kind: reason". */
const flagsOf = (view: RiskView, id: string): string[] => view.items.filter((i) => i.id === id).map((i) => `${i.kind}: ${i.reason}`);

describe('the plan as the plan says it, on a fresh database', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let secretariat: Client;
  let milestones: Milestone[];
  let outputs: Output[];
  let view: RiskView;
  const milestone = (title: string): Milestone => {
    const found = milestones.filter((m) => m.title === title);
    expect(found).toHaveLength(1);
    return found[0];
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url);
    secretariat = await signedIn(server.url, 'secretariat@example.org');
    milestones = (await getJson<Milestone[]>(server.url, '/api/milestones')).body;
    outputs = (await getJson<Output[]>(server.url, '/api/outputs')).body;
    view = (await secretariat.get<RiskView>(`/api/risks?asOf=${AS_OF}`)).body;
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it(`flags nothing beyond the deadline as of ${AS_OF}, and no Action is red for it`, () => {
    expect(view.items.filter((i) => i.kind === 'beyond_deadline')).toEqual([]);
    expect(view.actions.flatMap((a) => a.reasons).filter((r) => r.includes('after the'))).toEqual([]);
    // Action 3 is red for what the plan does date: steps of 2025 and early 2026 not marked done.
    const action3 = view.actions.find((a) => a.number === 3);
    expect(action3?.reasons[0]).toMatch(/^\d+ overdue \(longest \d+ days late\)$/);
    const capacity = milestone('Capacity Building');
    expect(capacity).toMatchObject({ windowText: '2026 - 2027', start: '2026-01-01', end: '2027-03-31', precision: 'year' });
    expect(flagsOf(view, capacity.id)).toEqual([]);
  });

  it("judges a parent by the span of its steps and keeps the plan's words with a note", () => {
    const selfAssessment = milestone('Institutional Self Assessment');
    expect(selfAssessment).toMatchObject({ windowText: '2025', end: '2025-12-31' });
    expect(selfAssessment.notes).toEqual([{ kind: 'inconsistency', text: expect.stringContaining('"March - April 2026"'), source: '2.6.9' }]);
    expect(flagsOf(view, selfAssessment.id)).toEqual(['overdue: planned end of its steps 30 Apr 2026 passed 207 days ago; status not started']);
    // The risk view carries the note, so a monitoring call reads why.
    expect(view.items.find((i) => i.id === selfAssessment.id)?.notes).toEqual(selfAssessment.notes);
    // Its steps are late, so it is: but as of 1 February 2026 the steps were on time, and so was it.

    for (const title of ['Mapping of good practices & webinar', 'Collection of practices']) {
      const parent = milestone(title);
      expect([title, parent.notes.map((n) => n.kind)]).toEqual([title, ['inconsistency']]);
      expect([title, flagsOf(view, parent.id)]).toEqual([title, []]);
    }
  });

  it('judges the self assessment on time while its steps were', async () => {
    const early = (await secretariat.get<RiskView>('/api/risks?asOf=2026-02-01')).body;
    expect(flagsOf(early, milestone('Institutional Self Assessment').id)).toEqual([]);
  });

  it('shows the Annex 1-only steps as such and never flags them on their own', async () => {
    for (const title of ['Dissemination of guidance material', 'Evaluation and recommendations']) {
      const step = milestone(title);
      expect([title, step.source, step.notes.map((n) => [n.kind, n.source])]).toEqual([title, 'Annex 1', [['annex_only', 'Annex 1, 2.6.9']]]);
      expect(step.notes[0].text).toMatch(/^Annex 1 only: /);
      for (const asOf of ['2026-07-15', AS_OF, '2027-01-15']) {
        const day = (await secretariat.get<RiskView>(`/api/risks?asOf=${asOf}`)).body;
        expect([title, asOf, flagsOf(day, step.id)]).toEqual([title, asOf, []]);
      }
    }
  });

  it('derives the due window of the exchanges\' outputs, says so, and keeps "tbc" only for the study visit', () => {
    for (const title of ['Virtual exchanges of best practices', 'Outcomes report following each virtual exchange']) {
      const output = outputs.find((o) => o.title === title) as Output;
      expect(output).toMatchObject({ dueText: null, start: '2025-06-01', end: '2025-12-31', precision: 'month' });
      expect(output.notes).toEqual([{ kind: 'derived', text: expect.stringContaining('"October - December 2025"'), source: '2.4.9, 2.4.10' }]);
      expect(flagsOf(view, output.id).join()).not.toContain('tbc');
      expect(flagsOf(view, output.id)).toEqual([expect.stringMatching(/^overdue: planned end 31 Dec 2025 passed 327 days ago/)]);
    }
    const undated = view.items.filter((i) => i.kind === 'unscheduled' && i.end === null).map((i) => `${i.title}: ${i.reason}`);
    expect(undated).toContain('Study visit (TBC): the plan gives no date (it is marked "tbc") and no forecast end is set');
    expect(undated.filter((r) => r.includes('"tbc"'))).toEqual(['Study visit (TBC): the plan gives no date (it is marked "tbc") and no forecast end is set']);
  });

  it("names the Secretariat, types Flanders as Table 1 does, and keeps networks' members apart from the networks", async () => {
    const organisations = (await getJson<Organisation[]>(server.url, '/api/organisations')).body;
    const byName = (name: string) => organisations.find((o) => o.name === name) as Organisation;
    const secretariatOrg = byName('The Inclusion Partnership Secretariat');
    expect(secretariatOrg).toMatchObject({ type: 'other', partnershipMember: false, coordinator: false });
    expect(secretariatOrg.notes[0].text).toContain('HOME-AMIF-TF2-FW-MIGR-4009');
    expect((await secretariat.get<{ organisation: { name: string } }>('/api/auth/me')).body.organisation.name).toBe('The Inclusion Partnership Secretariat');
    expect(byName('Flanders Region')).toMatchObject({ type: 'national_government', notes: [{ kind: 'reading', source: '1.2.2' }] });
    expect(
      byName('Assembly of European Regions')
        .actions.filter((a) => a.actionNumber === 3)
        .map((a) => a.role),
    ).toEqual(['co_leader']);
    expect(byName('Eurocities').actions.filter((a) => a.actionNumber === 3)).toEqual([]);
    const aliases = organisations.flatMap((o) => o.aliases);
    expect(aliases.filter((a) => /francgaise|frangaise/.test(a) || a === 'Expert Group')).toEqual([]);
  });

  it("answers GET /api/partnership with the coordinators, the 35 members and the plan's disagreement on their number", async () => {
    const answer = await getJson<Partnership>(server.url, '/api/partnership');
    expect(answer.status).toBe(200);
    expect(answer.body.coordinators.map((c) => c.name)).toEqual(['Amsterdam', 'Directorate-General for Migration and Home Affairs (DG HOME)']);
    expect(answer.body.members).toHaveLength(35);
    expect(answer.body.notes.find((n) => n.kind === 'inconsistency')).toEqual({
      kind: 'inconsistency',
      text: expect.stringContaining('"The 36 members of the partnership"'),
      source: 'Executive summary, 1.2.3',
    });
    expect((await getJson(server.url, '/api/partnership?partnership=no-such-plan')).status).toBe(404);
    expect((await getJson<{ message: string }>(server.url, '/api/partnership?partnership=Bad_Key')).status).toBe(400);
  });
});

/** The Work Plan as the tracker first read it, before the corrections: what older databases hold. */
function earlierReading(): SeedWorkPlan {
  const plan: SeedWorkPlan = structuredClone(WORK_PLAN);
  const strip = (m: SeedMilestone): void => {
    delete m.notes;
    m.children.forEach(strip);
  };
  for (const action of plan.actions) {
    action.milestones.forEach(strip);
    for (const output of action.outputs) {
      delete output.notes;
      delete output.deriveDueFromMilestones;
    }
    const [risk] = action.risks;
    action.risks = [
      { ...risk, key: `a${action.number}-risk-inactive-participation`, title: 'Inactive participation in the group', causes: [] },
      { ...risk, key: `a${action.number}-risk-delay`, title: 'Delay in the implementation of activities', causes: [] },
    ];
  }
  const capacity = plan.actions[2].milestones.find((m) => m.key === 'a3-capacity-building') as SeedMilestone;
  capacity.window = { ...capacity.window, end: '2027-12-31' };
  plan.actions[2].externalStakeholders = ['aer', 'eurocities', 'cemr', 'expert-group-views-of-migrants'];
  plan.partnership.notes = [];
  plan.organisations = plan.organisations.filter((o) => o.key !== plan.partnership.secretariat);
  for (const org of plan.organisations) delete org.notes;
  const flanders = plan.organisations.find((o) => o.key === 'flanders');
  if (flanders) flanders.type = 'region';
  const croixRouge = plan.organisations.find((o) => o.key === 'croix-rouge-francaise');
  croixRouge?.aliases.push('Croix-Rouge francgaise', 'Croix-Rouge frangaise');
  return plan;
}

describe('an existing database', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('is brought to the corrected reading at start, leaving alone what users changed', async () => {
    // The database as an earlier version left it, with the demo Secretariat in DG HOME.
    const dataSource = createDataSource(db.url);
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      await dataSource.transaction((manager) => seedWorkPlan(manager, earlierReading()));
      await dataSource.transaction(async (manager) => {
        await createAccount(
          manager,
          { email: 'secretariat@example.org', name: 'Demo Secretariat', role: 'secretariat', organisation: 'dg-home' },
          DEMO_PASSWORD,
        );
      });
      // Users' changes: a forecast on one item (version 2), a note alone on another (a history entry, version 1),
      // a scored risk. The untouched ones must be corrected, these must not.
      await dataSource.query(`UPDATE milestone SET forecast_end = '2027-05-31', version = 2 WHERE seed_key = 'a2-mapping-capacity-building'`);
      const [user] = await dataSource.query<{ id: string }[]>(`SELECT id FROM user_account WHERE email = 'secretariat@example.org'`);
      await dataSource.query(
        `INSERT INTO audit_entry (user_id, item_type, item_id, version, field, from_value, to_value, note)
         SELECT $1, 'output', id, 1, NULL, NULL, NULL, 'discussed at the call' FROM output WHERE seed_key = 'a1-out-outcomes-reports'`,
        [user.id],
      );
      await dataSource.query(`UPDATE risk SET likelihood = 4, version = 2 WHERE seed_key = 'a3-risk-delay'`);
      const capacity = await dataSource.query(`SELECT end_date FROM milestone WHERE seed_key = 'a3-capacity-building'`);
      expect(capacity).toEqual([{ end_date: '2027-12-31' }]);
    } finally {
      await dataSource.destroy();
    }

    const server = await startTestServer(db.url);
    try {
      expect(server.seeded).toMatchObject({ organisations: 1, milestones: 0, outputs: 0, risks: 4 });
      expect(server.seeded.corrected).toBeGreaterThan(20);
      const secretariat = await signedIn(server.url, 'secretariat@example.org');
      const milestones = (await getJson<Milestone[]>(server.url, '/api/milestones?action=3')).body;
      const capacity = milestones.find((m) => m.title === 'Capacity Building') as Milestone;
      expect(capacity).toMatchObject({ end: '2027-03-31', version: 1, notes: [{ kind: 'derived' }] });
      const view = (await secretariat.get<RiskView>(`/api/risks?asOf=${AS_OF}`)).body;
      // Only the user's forecast puts anything past the deadline: the step, and its parent judged by it.
      expect(
        view.items
          .filter((i) => i.kind === 'beyond_deadline')
          .map((i) => i.title)
          .sort(),
      ).toEqual(['Capacity building elements to be developed', 'Mapping of good practices & webinar']);

      // The touched items keep what users did (the forecast puts one past the deadline: true), and get the notes.
      const outputs = (await getJson<Output[]>(server.url, '/api/outputs?action=1')).body;
      const reports = outputs.find((o) => o.title === 'Outcomes report following each virtual exchange') as Output;
      expect(reports).toMatchObject({ start: null, end: null, precision: 'unknown', notes: [{ kind: 'derived' }] });
      const exchanges = outputs.find((o) => o.title === 'Virtual exchanges of best practices') as Output;
      expect(exchanges).toMatchObject({ start: '2025-06-01', end: '2025-12-31', precision: 'month', version: 1 });

      const risks = (await secretariat.get<RegisterRisk[]>('/api/risk-register')).body;
      expect(risks.map((r) => [r.actionNumber, r.title, r.causes.length, r.likelihood])).toEqual([
        [1, 'Members do not meet the objectives', 2, null],
        [2, 'Members do not meet the objectives', 2, null],
        [3, 'Members do not meet the objectives', 2, null],
        [3, 'Delay in the implementation of activities', 0, 4],
        [4, 'Members do not meet the objectives', 2, null],
      ]);

      const organisations = (await getJson<Organisation[]>(server.url, '/api/organisations')).body;
      expect(organisations.find((o) => o.name === 'Flanders Region')?.type).toBe('national_government');
      expect(organisations.flatMap((o) => o.aliases).filter((a) => /francgaise|frangaise/.test(a))).toEqual([]);
      expect(organisations.find((o) => o.name === 'Eurocities')?.actions.filter((a) => a.actionNumber === 3)).toEqual([]);
      expect((await secretariat.get<{ organisation: { name: string } }>('/api/auth/me')).body.organisation.name).toBe('The Inclusion Partnership Secretariat');
    } finally {
      await server.close();
    }

    // A second start corrects nothing more.
    const again = await startTestServer(db.url);
    try {
      expect(again.seeded).toEqual({ organisations: 0, actions: 0, milestones: 0, outputs: 0, targets: 0, risks: 0, corrected: 0 });
    } finally {
      await again.close();
    }
    await withClient(db.url, async (client) => {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM risk`);
      expect(rows[0].n).toBe(5);
    });
  });
});
