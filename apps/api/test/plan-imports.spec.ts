import type { Action, GanttData, Organisation, Output, Partnership, PlanImportPreview, PlanImportProblem, PlanImportResult } from '@tracker/contracts';
import { PLAN_IMPORT_COLUMNS } from '@tracker/contracts';
import { readWindowText } from '@tracker/schedule';
import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { PlanImportRepository } from '../src/app/imports/plan-import.repository';
import { BAD_SAMPLE_ROW, SAMPLE_PLAN } from '../src/app/imports/sample/sample-plans';
import { Client } from './client';
import { useTracker } from './harness';

const SAMPLES = resolve(__dirname, '../src/app/imports/sample');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sample = (name: string): Buffer => readFileSync(resolve(SAMPLES, name));

/**
 * Starting a partnership from a spreadsheet: the template, the preview (every window read by
 * readWindowText, every problem by row and column), and the import in one transaction, checked
 * through the API that reads the plan back.
 */
describe('plan import', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');

  /** POSTs a file as the raw body, with the client's cookies and XSRF token. */
  const upload = async <T>(client: Client | null, path: string, bytes: Buffer, type: string) => {
    const headers: Record<string, string> = { 'content-type': type };
    if (client) {
      headers['cookie'] = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const xsrf = client.cookies.get('XSRF-TOKEN');
      if (xsrf) {
        headers['x-xsrf-token'] = decodeURIComponent(xsrf);
      }
    }
    const response = await fetch(`${tracker.url}${path}`, { method: 'POST', headers, body: new Uint8Array(bytes) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const query = (key: string, name = 'Partnership on Sustainable Tourism', deadline = '2027-12-31') =>
    `?key=${encodeURIComponent(key)}&name=${encodeURIComponent(name)}&deadline=${deadline}`;
  const count = async (table: string): Promise<number> => Number((await tracker.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('serves the template as XLSX (a "Plan" sheet with the header and example rows, and a "How to fill" sheet) and as CSV', async () => {
    const xlsx = await fetch(`${tracker.url}/api/plan-imports/template.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="plan-template.xlsx"');
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    const sheets = await readXlsxFile(bytes);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Plan', 'How to fill']);
    const [plan, { data: help }] = sheets;
    expect(plan.data[0]).toEqual([...PLAN_IMPORT_COLUMNS]);
    expect(plan.data.length).toBeGreaterThanOrEqual(3);
    expect(help.map((row) => row[0])).toEqual(expect.arrayContaining([...PLAN_IMPORT_COLUMNS]));
    expect(JSON.stringify(help)).toContain('October - December 2025');

    const csv = await fetch(`${tracker.url}/api/plan-imports/template.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const csvBytes = Buffer.from(await csv.arrayBuffer());
    expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csvBytes.toString('utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([...PLAN_IMPORT_COLUMNS]);
    expect(rows.some((row) => row['Type'] === 'step' && row['Parent'] !== '')).toBe(true);

    // The template as served previews without a problem.
    const preview = await upload<PlanImportPreview>(secretariat, `/api/plan-imports/preview${query('template-check')}`, bytes, XLSX);
    expect(preview.status).toBe(200);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body.ok).toBe(true);
  });

  it('previews the sample: every row, every window read as readWindowText reads it; nothing is written', async () => {
    const before = await count('organisation');
    const answer = await upload<PlanImportPreview>(secretariat, `/api/plan-imports/preview${query('tourism-preview')}`, sample('sample-plan.xlsx'), XLSX);
    expect(answer.status).toBe(200);
    const preview = answer.body;
    expect(preview.ok).toBe(true);
    expect(preview.format).toBe('xlsx');
    expect(preview.problems).toEqual([]);
    expect(preview.rows).toHaveLength(SAMPLE_PLAN.length);
    expect(preview.rows.map((row) => row.row)).toEqual(SAMPLE_PLAN.map((_, index) => index + 2));
    for (const [index, source] of SAMPLE_PLAN.entries()) {
      const row = preview.rows[index];
      expect(row.title).toBe(source.Title ?? null);
      expect(row.type).toBe(source.Type);
      if (source.Window === undefined) {
        expect(row.window).toBeNull();
        continue;
      }
      const expected = readWindowText(String(source.Window));
      if (!expected.ok) throw new Error(`the sample's window "${source.Window}" is unreadable`);
      const { words, start, end, precision, tentative } = expected.reading;
      expect(row.window).toEqual({ words, start, end, precision, tentative });
    }
    // "November - February 2026" starts in November 2025; "2026 (tbd)" is the year.
    expect(preview.rows.find((r) => r.window?.words === 'November - February 2026')?.window).toMatchObject({
      start: '2025-11-01',
      end: '2026-02-28',
      precision: 'month',
    });
    expect(preview.rows.find((r) => r.window?.words === '2026 (tbd)')?.window).toMatchObject({ start: '2026-01-01', end: '2026-12-31', precision: 'year' });
    expect(preview.rows.find((r) => r.window?.words === 'tbd')?.window).toMatchObject({ start: null, end: null, precision: 'unknown' });
    expect(preview.rows.find((r) => r.title === 'Webinar on funding calls')?.tentative).toBe(true);
    expect(preview.summary).toEqual({
      actions: 3,
      activities: 7,
      steps: 4,
      outputs: 3,
      coLeaders: 4,
      members: 4,
      // Croix-Rouge française is a member of the Work Plan already: it is found, not created.
      newOrganisations: ['City of Seville', 'Région Sud', 'Città di Venezia', 'Province of Noord-Holland', 'City of Lisbon'],
    });
    expect(preview.rows.find((r) => r.organisation === 'City of Seville')?.organisationExists).toBe(false);
    expect(preview.rows.find((r) => r.organisation === 'Croix-Rouge française')?.organisationExists).toBe(true);
    expect(await count('organisation')).toBe(before);
    expect((await secretariat.get('/api/partnership?partnership=tourism-preview')).status).toBe(404);
  });

  it('reads every character of an XLSX sheet whose text is far longer than a piece the reader decodes at once', async () => {
    // About 300 kB of shared strings, two bytes a letter: wherever the workbook is cut to be read, a cut could fall inside a letter.
    const titles = Array.from({ length: 3000 }, (_, index) => `Картографирование заинтересованных сторон — этап ${index + 1}`);
    const book = new Workbook();
    const sheet = book.addWorksheet('Plan');
    sheet.addRow(['Action', 'Action title', 'Type', 'Parent', 'Title', 'Window']);
    titles.forEach((title) => sheet.addRow([1, 'Мобильность', 'activity', '', title, 'June 2025']));
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const answer = await upload<PlanImportPreview>(secretariat, `/api/plan-imports/preview${query('long-text')}`, bytes, XLSX);
    expect(answer.status).toBe(200);
    expect(answer.body.rows.map((row) => row.title)).toEqual(titles);
  });

  it('imports the sample into a new partnership: the chart serves its items, the partnership its deadline', async () => {
    const answer = await upload<PlanImportResult>(secretariat, `/api/plan-imports${query('sustainable-tourism')}`, sample('sample-plan.xlsx'), XLSX);
    expect(answer.status).toBe(201);
    expect(answer.body.chartPath).toBe('/?partnership=sustainable-tourism');
    expect(answer.body.partnership).toEqual({ key: 'sustainable-tourism', name: 'Partnership on Sustainable Tourism', deadline: '2027-12-31' });

    const partnership = await secretariat.get<Partnership>('/api/partnership?partnership=sustainable-tourism');
    expect(partnership.status).toBe(200);
    expect(partnership.body.deadline).toBe('2027-12-31');

    const gantt = await secretariat.get<GanttData>('/api/gantt?partnership=sustainable-tourism');
    expect(gantt.status).toBe(200);
    expect(gantt.body.actions.map((a) => [a.number, a.title])).toEqual([
      [1, 'Data on visitor flows'],
      [2, 'Funding for sustainable destinations'],
      [3, 'Housing and short-term rentals'],
    ]);
    const milestones = SAMPLE_PLAN.filter((row) => row.Type === 'activity' || row.Type === 'step');
    const items = gantt.body.items;
    expect(items.map((i) => i.title).sort()).toEqual(milestones.map((m) => m.Title).sort());
    for (const source of milestones) {
      const item = items.find((i) => i.title === source.Title)!;
      const reading = readWindowText(String(source.Window));
      if (!reading.ok) throw new Error('unreadable sample');
      expect({ windowText: item.windowText, start: item.start, end: item.end, precision: item.precision, actionNumber: item.actionNumber }).toEqual({
        windowText: source.Window,
        start: reading.reading.start,
        end: reading.reading.end,
        precision: reading.reading.precision,
        actionNumber: source.Action,
      });
      const parent = source.Parent === undefined ? null : items.find((i) => i.title === source.Parent)!.id;
      expect(item.parentId).toBe(parent);
    }
    const survey = items.find((i) => i.title === 'Survey of partner cities')!;
    expect(survey.source).toBe('row 7');
    const webinar = items.find((i) => i.title === 'Webinar on funding calls')!;
    expect(webinar.tentative).toBe(true);

    const outputs = (await secretariat.get<Output[]>('/api/outputs?partnership=sustainable-tourism')).body;
    expect(outputs.map((o) => o.title).sort()).toEqual(['Funding guide', 'Policy recommendations', 'Report on visitor flow data']);
    // An output without a window of its own is due over its activity's ("2026-2027").
    expect(outputs.find((o) => o.title === 'Policy recommendations')).toMatchObject({ start: '2026-01-01', end: '2027-12-31' });

    const actions = await secretariat.get<Action[]>('/api/actions?partnership=sustainable-tourism');
    expect(actions.body[0].coLeaders.map((o) => o.name)).toEqual(['City of Seville', 'Région Sud']);
    expect(actions.body[0].members.map((o) => o.name)).toEqual(['Croix-Rouge française', 'Città di Venezia']);
    expect(actions.body[1].members.map((o) => o.name)).toEqual(['City of Seville']);

    // The Secretariat that imported it runs it: it may change its items.
    const edit = await secretariat.patch(`/api/milestones/${survey.id}`, { version: survey.version, progress: 20 });
    expect(edit.status).toBe(200);

    // The plan as imported is its version 1, the first baseline.
    const versions = (await secretariat.get<{ number: number; name: string; itemCount: number }[]>('/api/plan-versions?partnership=sustainable-tourism')).body;
    expect(versions).toEqual([expect.objectContaining({ number: 1, name: 'Plan as imported', itemCount: items.length + outputs.length })]);
  });

  it('refuses the sample with an unreadable window, naming row and column, and writes nothing', async () => {
    const before = await Promise.all(['partnership', 'organisation', 'action', 'milestone', 'output'].map(count));
    const bytes = sample('sample-plan-bad-date.xlsx');
    const preview = await upload<PlanImportPreview>(secretariat, `/api/plan-imports/preview${query('tourism-bad')}`, bytes, XLSX);
    expect(preview.status).toBe(200);
    expect(preview.body.ok).toBe(false);
    const expected: Partial<PlanImportProblem> = { row: BAD_SAMPLE_ROW, column: 'Window' };
    expect(preview.body.problems).toEqual([expect.objectContaining(expected)]);
    expect(preview.body.problems[0].message).toMatch(new RegExp(`^row ${BAD_SAMPLE_ROW}, column "Window": cannot read "Q5 2026" \\(`));
    expect(preview.body.rows.find((r) => r.row === BAD_SAMPLE_ROW)?.problems).toEqual([preview.body.problems[0].message]);

    const refused = await upload<{ message: string; problems: PlanImportProblem[] }>(secretariat, `/api/plan-imports${query('tourism-bad')}`, bytes, XLSX);
    expect(refused.status).toBe(400);
    expect(refused.body.problems).toEqual(preview.body.problems);
    expect(refused.body.message).toContain(`row ${BAD_SAMPLE_ROW}, column "Window": cannot read "Q5 2026"`);
    expect(await Promise.all(['partnership', 'organisation', 'action', 'milestone', 'output'].map(count))).toEqual(before);
    expect((await secretariat.get('/api/partnership?partnership=tourism-bad')).status).toBe(404);
  });

  it('reads CSV (UTF-8 with BOM, semicolons too) with accents intact, and finds organisations already in the tracker by name', async () => {
    const organisations = await count('organisation');
    const csv = sample('sample-plan.csv');
    expect(csv.toString('utf8')).toContain('Croix-Rouge française');
    const answer = await upload<PlanImportResult>(
      secretariat,
      `/api/plan-imports${query('tourism-csv', 'Tourism (CSV)', '2028-06-30')}`,
      csv,
      'text/csv; charset=utf-8',
    );
    expect(answer.status).toBe(201);
    // The organisations of the first import are found again by name, not created twice.
    expect(answer.body.summary.newOrganisations).toEqual([]);
    expect(await count('organisation')).toBe(organisations);
    const listed = await secretariat.get<Organisation[]>('/api/organisations?partnership=tourism-csv');
    expect(listed.body.map((o) => o.name)).toEqual(expect.arrayContaining(['Croix-Rouge française', 'Città di Venezia', 'Région Sud']));

    // A semicolon-separated CSV with new accented names, as Excel saves it in many European locales.
    const text =
      '\ufeffAction;Action title;Type;Title;Window;Organisation;Country\r\n1;Accès;activity;Réunion à Liège;"mars 2026";;\r\n1;;co-leader;;;Ville de Liège;be\r\n';
    const preview = await upload<PlanImportPreview>(
      secretariat,
      `/api/plan-imports/preview${query('tourism-semicolon')}`,
      Buffer.from(text, 'utf8'),
      'text/csv',
    );
    expect(preview.body.problems).toEqual([expect.objectContaining({ row: 2, column: 'Window' })]);
    const fixed = text.replace('"mars 2026"', 'March 2026');
    const imported = await upload<PlanImportResult>(secretariat, `/api/plan-imports${query('tourism-semicolon')}`, Buffer.from(fixed, 'utf8'), 'text/csv');
    expect(imported.status).toBe(201);
    const gantt = await secretariat.get<GanttData>('/api/gantt?partnership=tourism-semicolon');
    expect(gantt.body.items.map((i) => i.title)).toEqual(['Réunion à Liège']);
    const orgs = await secretariat.get<Organisation[]>('/api/organisations?partnership=tourism-semicolon');
    expect(orgs.body.find((o) => o.name === 'Ville de Liège')).toMatchObject({ country: 'BE' });
  });

  it('lists every problem of a sheet by row and column', async () => {
    const text = [
      'Action,Action title,Type,Parent,Title,Window,Tentative,Organisation,Country',
      '1,Mobility,activity,,Mapping,October - December 2025,,,',
      '1,,step,Mapping,Survey,June,,,', // no year: takes the activity's (2025)
      '1,,step,Mapping,Analysis,late 2025,,,',
      '1,,step,Missing activity,Orphan,2026,,,',
      'x,,activity,,No number,2026,,,',
      '2,,task,,Wrong type,2026,maybe,,',
      '2,,member,,,,,Somewhere,Belgium',
    ].join('\n');
    const answer = await upload<PlanImportPreview>(secretariat, `/api/plan-imports/preview${query('problems')}`, Buffer.from(text), 'text/csv');
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect(answer.body.rows.find((r) => r.title === 'Survey')?.window).toMatchObject({ start: '2025-06-01', end: '2025-06-30' });
    expect(answer.body.problems.map((p) => [p.row, p.column])).toEqual([
      [4, 'Window'],
      [5, 'Parent'],
      [6, 'Action'],
      [7, 'Type'],
      [7, 'Tentative'],
      [7, 'Action title'],
      [8, 'Country'],
    ]);
    expect(answer.body.problems[0].message).toBe(
      'row 4, column "Window": cannot read "late 2025" ("late" does not say which months: write them, e.g. "October - December 2025")',
    );
  });

  it('refuses others than the Secretariat (403), and anonymous uploads (401)', async () => {
    for (const email of ['member@example.org', 'colead.labour@example.org', 'coordinator@example.org']) {
      const client = await tracker.signIn(email);
      const preview = await upload(client, `/api/plan-imports/preview${query('not-allowed')}`, sample('sample-plan.csv'), 'text/csv');
      expect(preview.status).toBe(403);
      const created = await upload<{ message: string }>(client, `/api/plan-imports${query('not-allowed')}`, sample('sample-plan.csv'), 'text/csv');
      expect(created.status).toBe(403);
    }
    const anonymous = new Client(tracker.url);
    await anonymous.get('/api/auth/me');
    expect((await upload(anonymous, `/api/plan-imports${query('not-allowed')}`, sample('sample-plan.csv'), 'text/csv')).status).toBe(401);
    expect((await secretariat.get('/api/partnership?partnership=not-allowed')).status).toBe(404);
  });

  it('answers 409 for a key that exists (the preview says so too), 400 for bad parameters or a body that is not a sheet, 413 above 2 MB', async () => {
    const partnerships = await count('partnership');
    const again = await upload<{ message: string }>(secretariat, `/api/plan-imports${query('sustainable-tourism')}`, sample('sample-plan.xlsx'), XLSX);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('a partnership with the key "sustainable-tourism" already exists');
    const seeded = await upload(secretariat, `/api/plan-imports${query('inclusion-of-migrants-and-refugees')}`, sample('sample-plan.xlsx'), XLSX);
    expect(seeded.status).toBe(409);
    const preview = await upload<PlanImportPreview>(secretariat, `/api/plan-imports/preview${query('sustainable-tourism')}`, sample('sample-plan.xlsx'), XLSX);
    expect(preview.body.ok).toBe(false);
    expect(preview.body.problems).toEqual([{ row: null, column: null, message: 'the partnership key "sustainable-tourism" is already taken: choose another' }]);

    const badKey = await upload<{ message: string }>(secretariat, `/api/plan-imports${query('Bad Key')}`, sample('sample-plan.csv'), 'text/csv');
    expect(badKey.status).toBe(400);
    expect(badKey.body.message).toEqual([expect.stringMatching(/^key must be 2 to 60 lower-case letters/)]);
    const badDeadline = await upload<{ message: string }>(
      secretariat,
      `/api/plan-imports${query('fine-key', 'Name', '2027-02-30')}`,
      sample('sample-plan.csv'),
      'text/csv',
    );
    expect(badDeadline.status).toBe(400);
    expect(badDeadline.body.message).toEqual([expect.stringMatching(/^deadline must be a calendar date/)]);
    const json = await secretariat.post<{ message: string }>(`/api/plan-imports${query('fine-key')}`, { rows: [] });
    expect(json.status).toBe(400);
    expect(json.body.message).toContain('Content-Type text/csv');
    const notXlsx = await upload<PlanImportPreview>(secretariat, `/api/plan-imports/preview${query('fine-key')}`, Buffer.from('not a workbook'), XLSX);
    expect(notXlsx.body.problems).toEqual([{ row: null, column: null, message: 'the file is not an XLSX workbook' }]);
    const latin1 = await upload<PlanImportPreview>(
      secretariat,
      `/api/plan-imports/preview${query('fine-key')}`,
      Buffer.from('Action,Title\n1,Liège\n', 'latin1'),
      'text/csv',
    );
    expect(latin1.body.problems[0].message).toBe('the file is not UTF-8 text: save it as "CSV UTF-8"');
    const large = await upload<{ message: string }>(
      secretariat,
      `/api/plan-imports/preview${query('fine-key')}`,
      Buffer.alloc(2 * 1024 * 1024 + 10, 0x41),
      'text/csv',
    );
    expect(large.status).toBe(413);
    // Other routes keep the 100 kB JSON limit and take no raw bodies.
    const elsewhere = await upload<{ message: string }>(secretariat, '/api/monitoring-calls', Buffer.from('a,b\n'), 'text/csv');
    expect(elsewhere.status).toBe(400);
    expect(await count('partnership')).toBe(partnerships);
  });

  it('describes the routes in the OpenAPI document: the file as the raw body, CSV or XLSX', async () => {
    const docs = await secretariat.get<{
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> }; parameters?: { name: string }[] }>>;
    }>('/api/docs/openapi.json');
    const preview = docs.body.paths['/api/plan-imports/preview']['post'];
    expect(Object.keys(preview.requestBody!.content)).toEqual(['text/csv', XLSX]);
    expect(preview.parameters!.map((p) => p.name)).toEqual(['key', 'name', 'deadline']);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/plan-imports', '/api/plan-imports/template.xlsx', '/api/plan-imports/template.csv']),
    );
  });

  it('rolls everything back when a write fails half-way', async () => {
    const tables = ['partnership', 'organisation', 'action', 'milestone', 'output', 'partnership_member', 'action_participant'];
    const before = await Promise.all(tables.map(count));
    const repository = tracker.server.app.get(PlanImportRepository);
    const plan = {
      partnership: { key: 'half-way', name: 'Half way', deadline: '2027-12-31', source: 'test', notes: [] },
      organisations: new Map([['brand new body', { name: 'Brand new body', country: null }]]),
      actions: [
        {
          number: 1,
          shortName: 'One',
          title: 'One',
          objective: '',
          pillar: null,
          governanceLevels: [],
          deadline: '2027-12-31',
          source: 'row 2',
          coLeaders: ['brand new body'],
          members: [],
          externalStakeholders: [],
          stakeholderNotes: [],
          milestones: [
            {
              key: 'half-way/row-2',
              title: 'Written',
              window: { text: '2026', start: '2026-01-01', end: '2026-12-31', precision: 'year' as const },
              tentative: false,
              source: 'row 2',
              alternatives: [],
              children: [],
            },
          ],
          // The output names a milestone that is not there: the writer throws after the partnership, the body and the milestone are in.
          outputs: [{ key: 'half-way/row-3', title: 'Broken', due: null, tentative: false, source: 'row 3', milestoneKeys: ['half-way/row-99'] }],
          targets: [],
          risks: [],
        },
      ],
      links: [],
    };
    const user = (
      await tracker.dataSource.query<{ organisation_id: string }[]>(`SELECT organisation_id FROM user_account WHERE email = 'secretariat@example.org'`)
    )[0];
    await expect(repository.create(plan, user.organisation_id)).rejects.toThrow('refers to unknown milestone');
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
