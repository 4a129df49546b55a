import type { Action, Milestone, Organisation, Output, Partnership, RegisterRisk, RiskView } from '@tracker/contracts';
import { seedWorkPlan } from '../src/app/seed/seed-work-plan';
import type { SeedMilestone, SeedWorkPlan } from '../src/app/seed/seed.types';
import { WORK_PLAN } from '../src/app/seed/work-plan.data';
import { createAccount, DEMO_PASSWORD } from '../src/app/accounts/account-setup';
import { signedIn } from './client';
import { withClient } from './database';
import { getJson, startTestServer } from './server';
import { useDatabase, useTracker } from './harness';

const AS_OF = '2026-11-23';

/** The risk view's flags of one item, as "kind: reason". */
const flagsOf = (view: RiskView, id: string): string[] => view.items.filter((i) => i.id === id).map((i) => `${i.kind}: ${i.reason}`);

describe('the plan as the plan says it, on a fresh database', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  let milestones: Milestone[];
  let outputs: Output[];
  let view: RiskView;
  const milestone = (title: string): Milestone => {
    const found = milestones.filter((m) => m.title === title);
    expect(found).toHaveLength(1);
    return found[0];
  };

  beforeAll(async () => {
    milestones = (await getJson<Milestone[]>(tracker.url, '/api/milestones')).body;
    outputs = (await getJson<Output[]>(tracker.url, '/api/outputs')).body;
    view = (await secretariat.get<RiskView>(`/api/risks?asOf=${AS_OF}`)).body;
  });

  it(`flags nothing beyond the deadline as of ${AS_OF}, and no Action is red for it`, () => {
    expect(view.items.filter((i) => i.kind === 'beyond_deadline')).toEqual([]);
    // By the plan's own dates; what the forecast pushes past the deadline is said apart (dependencies.spec.ts).
    expect(view.actions.flatMap((a) => a.reasons).filter((r) => /^\d+ ends? after the /.test(r))).toEqual([]);
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
    expect(selfAssessment.notes).toEqual([{ kind: 'inconsistency', text: expect.stringContaining('"March — April 2026"'), source: '2.6.9' }]);
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
    const exchanges = outputs.find((o) => o.title === 'Virtual exchanges of best practices') as Output;
    expect(exchanges).toMatchObject({ dueText: null, start: '2025-06-01', end: '2025-12-31', precision: 'month' });
    expect(exchanges.notes).toEqual([{ kind: 'derived', text: expect.stringContaining('"October - December 2025"'), source: '2.4.9, 2.4.10' }]);
    expect(flagsOf(view, exchanges.id)).toEqual([expect.stringMatching(/^overdue: planned end 31 Dec 2025 passed 327 days ago/)]);
    // A report follows each exchange: the one after the exchange of October - December 2025 cannot be due by December.
    const reports = outputs.find((o) => o.title === 'Outcomes report following each virtual exchange') as Output;
    expect(reports).toMatchObject({ dueText: null, start: '2025-07-01', end: '2026-01-31', precision: 'month' });
    expect(reports.notes).toEqual([
      { kind: 'derived', text: expect.stringContaining('"each virtual exchange will be followed by an outcomes report"'), source: '2.4.5, 2.4.9, 2.4.10' },
    ]);
    expect(reports.notes[0].text).toContain('the tracker assumes within the next month');
    expect(flagsOf(view, reports.id)).toEqual([expect.stringMatching(/^overdue: planned end 31 Jan 2026 passed 296 days ago/)]);
    for (const output of [exchanges, reports]) expect(flagsOf(view, output.id).join()).not.toContain('tbc');
    const undated = view.items.filter((i) => i.kind === 'unscheduled' && i.end === null).map((i) => `${i.title}: ${i.reason}`);
    expect(undated).toContain('Study visit (TBC): the plan gives no date (it is marked "tbc") and no forecast end is set');
    expect(undated.filter((r) => r.includes('"tbc"'))).toEqual(['Study visit (TBC): the plan gives no date (it is marked "tbc") and no forecast end is set']);
  });

  it("names the Secretariat, types Flanders as Table 1 does, and keeps networks' members apart from the networks", async () => {
    const organisations = (await getJson<Organisation[]>(tracker.url, '/api/organisations')).body;
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
    const answer = await getJson<Partnership>(tracker.url, '/api/partnership');
    expect(answer.status).toBe(200);
    expect(answer.body.coordinators.map((c) => c.name)).toEqual(['Amsterdam', 'Directorate-General for Migration and Home Affairs (DG HOME)']);
    expect(answer.body.members).toHaveLength(35);
    expect(answer.body.notes.find((n) => n.kind === 'inconsistency')).toEqual({
      kind: 'inconsistency',
      text: expect.stringContaining('"The 36 members of the partnership"'),
      source: 'Executive summary, 1.2.3',
    });
    expect((await getJson(tracker.url, '/api/partnership?partnership=no-such-plan')).status).toBe(404);
    expect((await getJson<{ message: string }>(tracker.url, '/api/partnership?partnership=Bad_Key')).status).toBe(400);
  });

  it('says of every due window borrowed from a step that it is derived, naming the step, its section and its words, in the API and the files', async () => {
    const borrowed = outputs.filter((o) => o.dueText === null && o.end !== null && o.precision !== 'ongoing');
    expect(borrowed).toHaveLength(14);
    for (const output of borrowed) {
      const derived = output.notes.filter((n) => n.kind === 'derived');
      expect([output.title, derived.length]).toEqual([output.title, 1]);
      // The step by name and section, and the words as the step's ("which the plan words ...").
      expect([output.title, derived[0].text]).toEqual([output.title, expect.stringMatching(/(step|steps) "[^"]+".* \(2\.\d\.\d+\), which the plan words "/)]);
      expect([output.title, derived[0].source.split(', ')]).toEqual([output.title, expect.arrayContaining([output.source])]);
    }
    const recommendation = outputs.find((o) => o.title === 'Recommendation based on good practices') as Output;
    expect(recommendation).toMatchObject({ dueText: null, start: '2026-01-01', end: '2026-05-31', precision: 'month', source: '2.4.10' });
    expect(recommendation.notes[0]).toEqual({
      kind: 'derived',
      text: 'The plan gives no due date of its own (2.4.10). The window shown is borrowed from the step "Development of recommendations based on good practices" (2.4.9), which the plan words "January — May 2026".',
      source: '2.4.9, 2.4.10',
    });
    const guidelines = outputs.find((o) => o.title === 'Resulting guidelines') as Output;
    expect(guidelines).toMatchObject({ start: '2026-09-01', end: '2026-12-31', precision: 'month' });
    // The outputs file says it too: no plan wording of its own, the note beside it.
    const file = await fetch(`${tracker.url}/api/exports/outputs.csv?action=1`);
    const text = await file.text();
    const row = text.split('\r\n').find((line) => line.startsWith('1,Recommendation based on good practices,'));
    expect(row).toContain('1,Recommendation based on good practices,,2026-01-01,2026-05-31,month,');
    expect(row).toContain(
      'Derived reading (section 2.4.9, 2.4.10): The plan gives no due date of its own (2.4.10). The window shown is borrowed from the step ""Development',
    );
  });

  it('shows communication, which runs throughout, as ongoing to the deadline and never flags it for lack of a date', async () => {
    const communication = outputs.filter((o) => o.title.startsWith('Social media posts'));
    expect(communication.map((o) => [o.actionNumber, o.dueText, o.start, o.end, o.precision])).toEqual([
      [2, null, '2025-05-01', '2027-03-31', 'ongoing'],
      [4, null, '2025-06-01', '2027-03-31', 'ongoing'],
    ]);
    for (const o of communication) expect(o.notes.map((n) => [n.kind, n.text.includes('ongoing')])).toEqual([['derived', true]]);
    for (const asOf of ['2025-06-15', '2026-10-01', '2026-12-07', '2027-02-15']) {
      const day = (await secretariat.get<RiskView>(`/api/risks?asOf=${asOf}`)).body;
      for (const o of communication) expect([asOf, o.title, flagsOf(day, o.id)]).toEqual([asOf, o.title, []]);
      // Nothing the plan means as ongoing is flagged for lack of a date: only the study visit, marked "tbc", is undated.
      const undated = day.items.filter((i) => i.kind === 'unscheduled' && i.end === null).map((i) => i.title);
      expect([asOf, undated]).toEqual([asOf, ['Study visit (TBC)']]);
    }
  });

  it('keeps the window words exactly as the plan words them', () => {
    expect(milestone('Development of recommendations based on good practices').windowText).toBe('January — May 2026');
    expect(milestone('Dissemination of the survey')).toMatchObject({ windowText: 'November — February 2026', start: '2025-11-01', end: '2026-02-28' });
    expect(milestone('Preparation of the self-assessment').alternatives.map((a) => [a.text, a.source])).toEqual([['April —June 2025', 'Annex 1']]);
    expect(milestone('Tailored support from CEB').windowText).toBe('June 2025-December 2026');
  });

  it('shows potential stakeholders as potential and says where each role comes from', async () => {
    const actions = (await getJson<Action[]>(tracker.url, '/api/actions')).body;
    const names = (refs: { name: string }[]) => refs.map((r) => r.name);
    expect(actions.map((a) => [a.number, names(a.externalStakeholders), names(a.potentialStakeholders)])).toEqual([
      [1, [], ['Organisation for Economic Co-operation and Development']],
      [
        2,
        ['SIRIUS Network'],
        [
          'International Organization for Migration',
          'United Nations High Commissioner for Refugees',
          'United Nations Children’s Fund',
          'International Labour Organization',
        ],
      ],
      [3, ['Council of European Municipalities and Regions', 'Expert Group on the Views of Migrants'], []],
      [4, ['European Commission'], []],
    ]);
    const organisations = (await getJson<Organisation[]>(tracker.url, '/api/organisations')).body;
    const byName = (name: string) => organisations.find((o) => o.name === name) as Organisation;
    const oecd = byName('Organisation for Economic Co-operation and Development');
    expect(oecd.actions).toEqual([{ actionNumber: 1, shortName: 'Labour', role: 'potential_stakeholder' }]);
    expect(oecd.notes).toEqual([
      {
        kind: 'reading',
        text: expect.stringContaining('"Labour market integration experts from international organisations (e.g. OECD), others TBD"'),
        source: '2.4.8',
      },
    ]);
    // The European Integration Network only hosts a meeting: no part in the Action, and the meeting says so.
    expect(organisations.map((o) => o.name)).not.toContain('European Integration Network');
    expect(milestone('Presentation at European Integration Network meeting on employment').notes).toEqual([
      { kind: 'reading', text: expect.stringContaining('only as the host of this meeting'), source: '2.4.5, 2.4.9' },
    ]);
    for (const name of ['SIRIUS Network', 'European Commission', 'International Labour Organization']) {
      expect([name, byName(name).notes.filter((n) => n.kind === 'reading').length]).toEqual([name, 1]);
    }
  });

  it('turns every judgement on a name into a reading note with its section', async () => {
    const organisations = (await getJson<Organisation[]>(tracker.url, '/api/organisations')).body;
    const readings = (name: string) =>
      (organisations.find((o) => o.name === name) as Organisation).notes.filter((n) => n.kind === 'reading').map((n) => `${n.source}: ${n.text}`);
    expect(readings('Bologna')).toEqual([expect.stringMatching(/^2\.7\.8, 1\.2\.2: .*"ASP Bologna".*agency for personal services/)]);
    expect(readings('Council of European Municipalities and Regions')).toEqual([
      expect.stringMatching(/^2\.6\.8, 1\.2\.2: .*"Council of European local and regional authorities"/),
    ]);
    expect(readings('Italy')).toEqual([expect.stringMatching(/^2\.4\.8, 2\.7\.8, 1\.2\.2: .*"Italian Ministry of Labour"/)]);
    expect(readings('European Committee of the Regions')).toEqual([expect.stringMatching(/^2\.5\.8: .*both as co-leader of Action 2 and among its members/)]);
    expect(readings('Expert Group on the Views of Migrants')).toEqual([
      expect.stringMatching(/^2\.6\.8: .*both among the members of Action 3 and among its external stakeholders/),
    ]);
    for (const name of ['Basque Government', 'Catalonia', 'Sardinia Region']) {
      expect([name, readings(name)]).toEqual([
        name,
        [expect.stringMatching(/^1\.2\.2: Table 1 lists ".*" among the cities\. The tracker types it as a region/)],
      ]);
    }
  });

  it("says what is known and what is assumed of Table 1, and each smaller gap, in a Secretariat officer's words", async () => {
    const partnership = (await getJson<Partnership>(tracker.url, '/api/partnership')).body;
    const table1 = partnership.notes.find((n) => n.source === '1.2.2, 1.2.3') as Partnership['notes'][number];
    expect(table1.text).toMatch(/^The tracker could not tell which column of Table 1 each name is in/);
    expect(table1.text).toContain('What is known:');
    expect(table1.text).toContain('What the tracker assumed:');
    expect(table1.text).toContain('The Council of Europe, for one, may instead be a current member (a 36th).');
    expect(table1.text).toMatch(/Please check against the PDF\.$/);

    expect(milestone('Mapping of good practices & webinar').notes[0].text).toContain('its steps start in "May"');
    const analysis = outputs.find((o) => o.title === 'Analysis and recommendations') as Output;
    expect(analysis.notes.map((n) => [n.kind, n.source])).toEqual([
      ['derived', '2.6.9, 2.6.10'],
      ['inconsistency', '2.6 intermediary timeline, 2.6.9, Annex 1'],
    ]);
    const practices = outputs.find((o) => o.title === 'Report on collection of practices') as Output;
    expect(practices.notes.find((n) => n.kind === 'inconsistency')?.text).toContain('"Collection of practices: June 2025-April 2026"');
    const development = milestone('Development of a guidelines based on the self-assessment results and collection of good practices');
    expect(development.notes).toEqual([
      {
        kind: 'reading',
        text: expect.stringContaining('under "Capacity Building: 2026", not under a phase of guideline development'),
        source: 'Annex 1, 2.6.9',
      },
    ]);

    // Plain words, not the tracker's jargon.
    const every = [
      ...partnership.notes,
      ...milestones.flatMap((m) => m.notes),
      ...outputs.flatMap((o) => o.notes),
      ...(await getJson<Organisation[]>(tracker.url, '/api/organisations')).body.flatMap((o) => o.notes),
    ].map((n) => n.text);
    for (const jargon of ['risk view judges', 'span of its steps', 'never flagged on its own', 'a forecast end set here is judged', 'lost its column layout']) {
      expect([jargon, every.filter((t) => t.includes(jargon))]).toEqual([jargon, []]);
    }
    expect(milestone('Collection of practices').notes[0].text).toContain("for warnings the tracker uses its steps' dates, to December 2026");
    expect(milestone('Dissemination of guidance material').notes[0].text).toMatch(/Shown, but warned about only if someone sets an expected end date\.$/);
  });
});

/** The Work Plan as the tracker first read it, before the corrections: what older databases hold. */
function earlierReading(): SeedWorkPlan {
  const plan: SeedWorkPlan = structuredClone(WORK_PLAN);
  // It wrote the plan's dashes as hyphens.
  const hyphens = (text: string): string => text.replace(/\s*—\s*/g, ' - ');
  const strip = (m: SeedMilestone): void => {
    delete m.notes;
    m.window.text = hyphens(m.window.text);
    m.alternatives = m.alternatives.map((alt) => ({ ...alt, text: hyphens(alt.text) }));
    m.children.forEach(strip);
  };
  for (const action of plan.actions) {
    action.milestones.forEach(strip);
    for (const output of action.outputs) {
      delete output.notes;
      delete output.deriveDueFromMilestones;
      delete output.ongoing;
    }
    delete action.potentialStakeholders;
    const [risk] = action.risks;
    action.risks = [
      { ...risk, key: `a${action.number}-risk-inactive-participation`, title: 'Inactive participation in the group', causes: [] },
      { ...risk, key: `a${action.number}-risk-delay`, title: 'Delay in the implementation of activities', causes: [] },
    ];
  }
  const capacity = plan.actions[2].milestones.find((m) => m.key === 'a3-capacity-building') as SeedMilestone;
  capacity.window = { ...capacity.window, end: '2027-12-31' };
  plan.actions[2].externalStakeholders = ['aer', 'eurocities', 'cemr', 'expert-group-views-of-migrants'];
  plan.actions[0].externalStakeholders = ['oecd', 'european-integration-network'];
  plan.organisations.push({
    key: 'european-integration-network',
    name: 'European Integration Network',
    type: 'other',
    country: null,
    aliases: ['EIN'],
    source: '2.4.5, 2.4.9',
  });
  plan.actions[1].externalStakeholders = ['iom', 'unhcr', 'unicef', 'ilo', 'sirius-network'];
  // Other readings and links it had then: an alternative since dropped, outputs tied to other steps.
  const recommendations = plan.actions[0].milestones.find((m) => m.key === 'a1-recommendations') as SeedMilestone;
  recommendations.alternatives = [{ text: '2026', start: '2026-01-01', end: '2026-12-31', precision: 'year', source: 'Annex 1' }];
  const outputOf = (key: string) => plan.actions.flatMap((a) => a.outputs).find((o) => o.key === key) as SeedWorkPlan['actions'][number]['outputs'][number];
  outputOf('a3-out-guidelines').milestoneKeys = ['a3-guidelines-development'];
  outputOf('a2-out-recommendations').milestoneKeys = ['a2-recommendations-develop'];
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
  const db = useDatabase();

  it('is brought to the corrected reading at start, leaving alone what users changed', async () => {
    // The database as an earlier version left it, with the demo Secretariat in DG HOME.
    await db.withDataSource(async (dataSource) => {
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
      // A step and an output users changed: their other readings and links stay as they are.
      await dataSource.query(`UPDATE milestone SET progress = 10, version = 2 WHERE seed_key = 'a3-self-assessment-preparation'`);
      await dataSource.query(`UPDATE output SET status = 'in_progress', version = 2 WHERE seed_key = 'a2-out-recommendations'`);
      const capacity = await dataSource.query(`SELECT end_date FROM milestone WHERE seed_key = 'a3-capacity-building'`);
      expect(capacity).toEqual([{ end_date: '2027-12-31' }]);
    });

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

      // Other readings and output-milestone links follow the plan where nobody changed the item.
      const a3 = (await getJson<Milestone[]>(server.url, '/api/milestones?action=3')).body;
      const alternativesOf = (list: Milestone[], title: string) => (list.find((m) => m.title === title) as Milestone).alternatives.map((a) => a.text);
      expect(alternativesOf(a3, 'Dissemination of the survey')).toEqual(['July — October 2025']);
      expect(alternativesOf(a3, 'Preparation of the self-assessment')).toEqual(['April - June 2025']);
      const a1 = (await getJson<Milestone[]>(server.url, '/api/milestones?action=1')).body;
      expect(alternativesOf(a1, 'Development of recommendations based on good practices')).toEqual([]);
      const linked = async (action: number, title: string): Promise<string[]> => {
        const items = (await getJson<Milestone[]>(server.url, `/api/milestones?action=${action}`)).body;
        const output = (await getJson<Output[]>(server.url, `/api/outputs?action=${action}`)).body.find((o) => o.title === title) as Output;
        return output.milestoneIds.map((id) => (items.find((m) => m.id === id) as Milestone).title).sort();
      };
      expect(await linked(3, 'Resulting guidelines')).toEqual([
        'Development of a guidelines based on the self-assessment results and collection of good practices',
        'Utilisation of the findings and analysis from the previous step to produce a set of guidelines',
      ]);
      expect(await linked(2, 'List of recommendations')).toEqual(['Recommendations to be developed based on the mapping exercise']);
      const actions = (await getJson<Action[]>(server.url, '/api/actions')).body;
      expect(actions.map((a) => [a.externalStakeholders.length, a.potentialStakeholders.length])).toEqual([
        [0, 1],
        [1, 4],
        [2, 0],
        [1, 0],
      ]);
      const communication = (await getJson<Output[]>(server.url, '/api/outputs?action=4')).body.find((o) => o.title.startsWith('Social media'));
      expect(communication).toMatchObject({ precision: 'ongoing', end: '2027-03-31' });

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
      expect(organisations.map((o) => o.name)).not.toContain('European Integration Network');
      expect((await secretariat.get<{ organisation: { name: string } }>('/api/auth/me')).body.organisation.name).toBe('The Inclusion Partnership Secretariat');
    } finally {
      await server.close();
    }

    // A second start corrects nothing more.
    const again = await startTestServer(db.url);
    try {
      expect(again.seeded).toEqual({ organisations: 0, actions: 0, milestones: 0, outputs: 0, targets: 0, risks: 0, dependencies: 0, corrected: 0 });
    } finally {
      await again.close();
    }
    await withClient(db.url, async (client) => {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM risk`);
      expect(rows[0].n).toBe(5);
    });
  });
});
