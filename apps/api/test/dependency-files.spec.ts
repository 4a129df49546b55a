import type {
  Dependency,
  GanttData,
  Milestone,
  Output,
  PlanComparison,
  PlanImportPreview,
  PlanImportResult,
  PlanVersion,
  PlanVersionSummary,
} from '@tracker/contracts';
import { forecastPlan } from '@tracker/schedule';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import { useTracker } from './harness';

/** The links between plan items in the files: the exports write them, the import reads them back, approved versions keep them. */
describe('dependencies in files and versions', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');

  const download = async (path: string): Promise<Buffer> => {
    const response = await fetch(`${tracker.url}${path}`, { headers: { cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const csv = (bytes: Buffer): Record<string, string>[] => parse(bytes.toString('utf8'), { bom: true, columns: true });
  /** POSTs a sheet as the raw body, as the import page does. */
  const upload = async <T>(path: string, body: string) => {
    const xsrf = secretariat.cookies.get('XSRF-TOKEN') ?? '';
    const response = await fetch(`${tracker.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'text/csv',
        cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-xsrf-token': decodeURIComponent(xsrf),
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as T };
  };
  const query = (key: string) => `?key=${key}&name=${encodeURIComponent('Partnership on Housing')}&deadline=2027-03-31`;
  /** A plan sheet as CSV: the header, then rows of cells (quoted where they hold a comma, a quote or a line break). */
  const sheet = (rows: string[][]): string =>
    [['Action', 'Action title', 'Type', 'Parent', 'Title', 'Window', 'Depends on'], ...rows]
      .map((cells) => cells.map((cell) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(','))
      .join('\r\n');
  const PLAN = [
    ['1', 'Housing data', 'activity', '', 'Mapping of housing data', 'Q3 2025', ''],
    ['1', '', 'step', 'Mapping of housing data', 'Survey of cities', 'July 2025', ''],
    ['1', '', 'output', 'Mapping of housing data', 'Report on housing data', 'Q4 2025', 'Survey of cities (+1 month)'],
    ['2', 'Housing finance', 'activity', '', 'Guidance on finance', 'Q1 2026', 'Action 1: report on housing data\nAction 1: Mapping of housing data'],
  ];

  describe('exports', () => {
    it('writes each item\'s predecessors in a "Depends on" column, by title, another Action\'s named, with the lag', async () => {
      const gantt = (await secretariat.get<GanttData>('/api/gantt')).body;
      const byTitle = (title: string) => gantt.items.find((i) => i.title === title)!;
      const draft = byTitle('Document to be drafted to present resources in a practical way');
      const review = byTitle('Action group members to review and validate collection of resources');
      const rows = csv(await download('/api/exports/plan.csv'));
      const reviewRow = rows.find((r) => r['Title'] === review.title)!;
      expect(reviewRow['Depends on']).toBe(draft.title);
      expect(rows.find((r) => r['Title'] === draft.title)!['Depends on']).toBe('');

      // A link from another Action, with a lag: "Action N: title (+2 months)", one predecessor a line.
      const other = gantt.items.find((i) => i.actionNumber === 1 && i.parentId === null)!;
      const added = await secretariat.post('/api/dependencies', { predecessorId: other.id, successorId: review.id, lagMonths: 2 });
      expect(added.status).toBe(201);
      const again = csv(await download('/api/exports/plan.csv')).find((r) => r['Title'] === review.title)!;
      expect(again['Depends on']).toBe(`${draft.title}\nAction 1: ${other.title} (+2 months)`);
      const [sheet] = await readXlsxFile(await download('/api/exports/plan.xlsx'));
      const header = sheet.data[0] as string[];
      const row = sheet.data.find((r) => r[header.indexOf('Title')] === review.title)!;
      expect(row[header.indexOf('Depends on')]).toBe(`${draft.title}\nAction 1: ${other.title} (+2 months)`);

      // Outputs too: an output follows its step.
      const outputs = (await secretariat.get<Output[]>('/api/outputs')).body;
      const outputRows = csv(await download('/api/exports/outputs.csv'));
      const linked = outputRows.filter((r) => r['Depends on'] !== '');
      expect(linked.length).toBeGreaterThan(0);
      expect(outputs.map((o) => o.title)).toEqual(expect.arrayContaining(linked.map((r) => r['Title'])));
    });
  });

  describe('expected ends', () => {
    it("writes each item's expected end as a range, as the forecast pushes it through its links", async () => {
      const create = async (title: string, windowText: string) =>
        (await secretariat.post<Milestone>('/api/milestones', { actionNumber: 3, title, windowText })).body;
      const first = await create('Study visit to be organised', 'July 2030');
      const second = await create('Study visit report to be written', 'August 2030');
      expect((await secretariat.post('/api/dependencies', { predecessorId: first.id, successorId: second.id, lagMonths: 2 })).status).toBe(201);
      const forecasts = forecastPlan([first, second], [{ predecessorId: first.id, successorId: second.id, lagMonths: 2 }], '2026-12-07');
      const rows = csv(await download('/api/exports/plan.csv?asOf=2026-12-07'));
      for (const item of [first, second]) {
        const row = rows.find((r) => r['Title'] === item.title)!;
        expect([row['Expected end, earliest'], row['Expected end, latest']]).toEqual([forecasts.get(item.id)!.earliestEnd, forecasts.get(item.id)!.latestEnd]);
      }
      // The report waits for the visit and two months: it is expected after its planned August.
      expect(rows.find((r) => r['Title'] === second.title)!['Expected end, earliest'] > '2030-08-31').toBe(true);
      expect(rows.find((r) => r['Title'] === first.title)!['Expected end, latest']).toBe('2030-07-31');
    });
  });

  describe('import', () => {
    it('reads the "Depends on" column: the preview shows each row\'s references, the import creates the links', async () => {
      const body = sheet(PLAN);
      const preview = await upload<PlanImportPreview>(`/api/plan-imports/preview${query('housing')}`, body);
      expect(preview.status).toBe(200);
      expect(preview.body.problems).toEqual([]);
      expect(preview.body.rows.map((r) => r.dependsOn)).toEqual([
        [],
        [],
        ['Survey of cities (+1 month)'],
        ['Action 1: report on housing data', 'Action 1: Mapping of housing data'],
      ]);

      const imported = await upload<PlanImportResult>(`/api/plan-imports${query('housing')}`, body);
      expect(imported.status).toBe(201);
      const gantt = (await secretariat.get<GanttData>('/api/gantt?partnership=housing')).body;
      const outputs = (await secretariat.get<Output[]>('/api/outputs?partnership=housing')).body;
      const id = (title: string) => [...gantt.items, ...outputs].find((i) => i.title === title)!.id;
      const links = (await secretariat.get<Dependency[]>('/api/dependencies?partnership=housing')).body;
      expect(links.map((l) => [l.predecessorId, l.successorId, l.lagMonths]).sort()).toEqual(
        [
          [id('Survey of cities'), id('Report on housing data'), 1],
          [id('Report on housing data'), id('Guidance on finance'), 0],
          [id('Mapping of housing data'), id('Guidance on finance'), 0],
        ].sort(),
      );
      expect(links.every((l) => l.source !== null && l.notes.length === 1)).toBe(true);
      expect(gantt.items.find((i) => i.title === 'Guidance on finance')!.predecessorIds.sort()).toEqual(
        [id('Report on housing data'), id('Mapping of housing data')].sort(),
      );

      // The export writes the column back as the import reads it.
      const exported = csv(await download('/api/exports/plan.csv?partnership=housing')).find((r) => r['Title'] === 'Guidance on finance')!;
      expect(exported['Depends on']).toBe('Action 1: Mapping of housing data\nAction 1: Report on housing data');
    });

    it('names an unknown reference, an ambiguous one and a cycle by row and column, and imports nothing', async () => {
      const rows = [
        ...PLAN.slice(0, 3),
        ['1', '', 'step', 'Mapping of housing data', 'Draft the survey', 'August 2025', 'Report on housing data; Survey of towns'],
        ['1', '', 'activity', '', 'Guidance on finance', 'Q2 2026', 'Action 2: Guidance on finance'],
        ['2', 'Housing finance', 'activity', '', 'Guidance on finance', 'Q1 2026', 'Action 1: Draft the survey'],
        ['2', '', 'step', 'Guidance on finance', 'Step of itself', 'March 2026', 'Step of itself'],
        ['2', '', 'output', '', 'Guidance on finance', 'June 2026', ''],
      ];
      rows[1] = ['1', '', 'step', 'Mapping of housing data', 'Survey of cities', 'July 2025', 'Draft the survey'];
      const preview = await upload<PlanImportPreview>(`/api/plan-imports/preview${query('housing-bad')}`, sheet(rows));
      expect(preview.status).toBe(200);
      expect(preview.body.ok).toBe(false);
      const messages = preview.body.problems.filter((p) => p.column === 'Depends on').map((p) => p.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          'row 5, column "Depends on": Action 1 has no activity, step or output called "Survey of towns"',
          'row 8, column "Depends on": "Step of itself" is this row\'s own item: an item cannot come after itself',
          'row 6, column "Depends on": Action 2 has more than one item called "Guidance on finance" (rows 7, 9): rename one',
        ]),
      );
      expect(
        messages.some(
          (m) =>
            /^row \d+, column "Depends on": the links go round in a circle/.test(m) &&
            m.includes('"Survey of cities" (row 3)') &&
            m.includes('"Draft the survey" (row 5)'),
        ),
      ).toBe(true);
      expect(preview.body.rows.find((r) => r.row === 5)!.problems.join(' ')).toContain('Survey of towns');
      const refused = await upload<{ message: string }>(`/api/plan-imports${query('housing-bad')}`, sheet(rows));
      expect(refused.status).toBe(400);
      expect((await secretariat.get('/api/gantt?partnership=housing-bad')).status).toBe(404);
    });

    it('offers the column in the template, with an example and its explanation', async () => {
      const template = csv(Buffer.from(await (await fetch(`${tracker.url}/api/plan-imports/template.csv`)).arrayBuffer()));
      expect(template.find((r) => r['Title'] === 'Report on visitor flow data')!['Depends on']).toBe('Survey of partner cities');
      const [, help] = await readXlsxFile(Buffer.from(await (await fetch(`${tracker.url}/api/plan-imports/template.xlsx`)).arrayBuffer()));
      expect(help.data.find((r) => r[0] === 'Depends on')?.[1]).toMatch(/one a line.*"Action 2: its title".*\(\+2 months\)/);
    });
  });

  describe('approved versions', () => {
    const versionNumbered = async (number: number): Promise<PlanVersion> => {
      const summary = (await secretariat.get<PlanVersionSummary[]>('/api/plan-versions')).body.find((v) => v.number === number)!;
      return (await secretariat.get<PlanVersion>(`/api/plan-versions/${summary.id}`)).body;
    };

    it('hold the links and the forecast ends, and the comparison lists links added and removed and forecast moves', async () => {
      const gantt = (await secretariat.get<GanttData>('/api/gantt')).body;
      const byTitle = (title: string) => gantt.items.find((i) => i.title === title)!;
      const draft = byTitle('Document to be drafted to present resources in a practical way');
      const review = byTitle('Action group members to review and validate collection of resources');
      const seeded = (await secretariat.get<Dependency[]>('/api/dependencies')).body.find((l) => l.predecessorId === draft.id && l.successorId === review.id)!;

      // Version 1, the plan as approved, holds the links the plan states.
      const first = await versionNumbered(1);
      expect(first.items.find((i) => i.id === review.id)?.predecessors).toEqual([{ id: draft.id, lagMonths: 0 }]);

      // A forecast set by a person, a link removed (the one added by the export test stays added).
      const mapping: Milestone = byTitle('Mapping to be drafted');
      const patched = await secretariat.patch<Milestone>(`/api/milestones/${mapping.id}`, { version: mapping.version, forecastEnd: '2027-01-31' });
      expect(patched.status).toBe(200);
      expect((await secretariat.request('DELETE', `/api/dependencies/${seeded.id}`)).status).toBe(204);

      const diff = (await secretariat.get<PlanComparison>('/api/plan-versions/compare?from=1&to=current')).body;
      expect(diff.forecastMoved.map((m) => [m.item.title, m.from, m.to, m.words])).toEqual([
        ['Mapping to be drafted', null, '2027-01-31', 'forecast 31 Jan 2027, 16 months after its planned end'],
      ]);
      expect(diff.linksRemoved.map((l) => [l.predecessor.id, l.successor.id, l.lagMonths])).toEqual([[draft.id, review.id, 0]]);
      // The link added to a version 1 item, and the one between two items added since (the expected-ends test).
      const inFirst = new Set(first.items.map((i) => i.id));
      expect(diff.linksAdded.filter((l) => inFirst.has(l.successor.id)).map((l) => [l.successor.id, l.lagMonths])).toEqual([[review.id, 2]]);
      expect(diff.linksAdded.filter((l) => !inFirst.has(l.successor.id)).map((l) => l.successor.title)).toEqual(['Study visit report to be written']);

      // Approved as version 2, it holds them: nothing left to list against the current plan.
      expect((await secretariat.post('/api/plan-versions', { name: 'With the re-planned mapping' })).status).toBe(201);
      const second = await versionNumbered(2);
      expect(second.items.find((i) => i.id === mapping.id)?.forecastEnd).toBe('2027-01-31');
      const now = (await secretariat.get<PlanComparison>('/api/plan-versions/compare?from=2&to=current')).body;
      expect([now.forecastMoved, now.linksAdded, now.linksRemoved]).toEqual([[], [], []]);
      const back = (await secretariat.get<PlanComparison>('/api/plan-versions/compare?from=2&to=1')).body;
      expect(back.forecastMoved.map((m) => m.words)).toEqual(['forecast 31 Jan 2027 cleared']);
      expect(back.linksAdded.map((l) => [l.predecessor.id, l.successor.id])).toEqual([[draft.id, review.id]]);
    });

    it('say nothing about links when a version was approved before the tracker kept them', async () => {
      // A version as the tracker wrote it before: its items without links or forecast ends.
      await tracker.dataSource.query(
        `UPDATE plan_version SET items = (SELECT jsonb_agg(i - 'predecessors' - 'forecastEnd') FROM jsonb_array_elements(items) i) WHERE number = 1
            AND partnership_id = (SELECT id FROM partnership WHERE seed_key = 'inclusion-of-migrants-and-refugees')`,
      );
      const diff = (await secretariat.get<PlanComparison>('/api/plan-versions/compare?from=1&to=current')).body;
      expect(diff.linksAdded).toEqual([]);
      expect(diff.linksRemoved).toEqual([]);
      expect(diff.forecastMoved.map((m) => m.item.title)).toEqual(['Mapping to be drafted']);
    });
  });
});
