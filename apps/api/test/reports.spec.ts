import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Action, ApiError, Milestone, MonitoringCall, MonitoringTableRow, Output } from '@tracker/contracts';
import { Workbook } from 'exceljs';
import mammoth from 'mammoth';
import { seedScalePlans } from '../src/app/seed/scale-plan';
import { Client } from './client';
import { itemsOf } from './fixtures';
import { useTempDir, useTracker } from './harness';

const PERIOD = 'from=2026-12-01&to=2027-01-15';

/** The progress report, the final report and the Monitoring Table of Actions. */
describe('the report upward', () => {
  /** "Today" of the server: standing still, moved by the tests. */
  let now = new Date('2027-01-15T10:00:00Z');
  const tracker = useTracker({ clock: { now: () => now } });
  const secretariat = tracker.as('secretariat');
  const readers = { coordinator: tracker.as('coordinator'), co_leader: tracker.as('co_leader'), member: tracker.as('member') };
  const scratch = useTempDir('reports-');
  let actions: Action[];
  let delivered: Output;
  let moved: Milestone;
  let fileId: string;

  /** A file's bytes, with the client's cookies. */
  const download = async (client: Client, path: string) => {
    const response = await fetch(`${tracker.url}${path}`, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      body: Buffer.from(await response.arrayBuffer()),
    };
  };

  /** The words of a PDF, as pdfjs-dist reads them (in a child process: it is an ES module), one space between words. */
  const pdfText = async (body: Buffer): Promise<string> => {
    const file = join(scratch.path, `report-${Date.now()}.pdf`);
    await writeFile(file, body);
    const { stdout } = await promisify(execFile)(process.execPath, [join(__dirname, 'support/pdf-text.mjs'), file], { maxBuffer: 64 * 1024 * 1024 });
    return (JSON.parse(stdout) as { text: string }[])
      .map((page) => page.text)
      .join(' ')
      .replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    actions = (await secretariat.get<Action[]>('/api/actions')).body;
    const items = await itemsOf(tracker.url);

    // An output of Action 1 delivered in the period, with a file, a link, and a removed link as evidence.
    delivered = items.outputs[1];
    const [{ partnership_id: partnershipId, user_id: userId }] = await tracker.dataSource.query<{ partnership_id: string; user_id: string }[]>(
      `SELECT a.partnership_id, (SELECT id FROM user_account WHERE email = 'secretariat@example.org') AS user_id FROM action a WHERE a.number = 1 AND a.partnership_id = (SELECT id FROM partnership ORDER BY created_at LIMIT 1)`,
    );
    const evidence = (kind: string, title: string, extra: Record<string, unknown>) =>
      tracker.dataSource.query<{ id: string }[]>(
        `INSERT INTO evidence (partnership_id, output_id, kind, title, url, file_name, media_type, size_bytes, sha256, created_by, removed_at, removed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
        [
          partnershipId,
          delivered.id,
          kind,
          title,
          extra['url'] ?? null,
          extra['fileName'] ?? null,
          extra['mediaType'] ?? null,
          extra['size'] ?? null,
          extra['sha256'] ?? null,
          userId,
          extra['removed'] ? new Date() : null,
          extra['removed'] ? userId : null,
        ],
      );
    [{ id: fileId }] = await evidence('file', 'Mapping report (final PDF)', {
      fileName: 'mapping.pdf',
      mediaType: 'application/pdf',
      size: 1234,
      sha256: 'a'.repeat(64),
    });
    await evidence('link', 'Mapping report on the Partnership page', { url: 'https://example.org/mapping-report' });
    await evidence('link', 'A link removed since', { url: 'https://example.org/removed', removed: true });
    const patched = await secretariat.patch<Output>(`/api/outputs/${delivered.id}`, {
      version: delivered.version,
      status: 'delivered',
      actualEnd: '2026-12-10',
    });
    expect(patched.status).toBe(200);

    // A step of Action 2 moved later than approved.
    moved = items.milestones[2];
    expect((await secretariat.patch(`/api/milestones/${moved.id}`, { version: moved.version, windowText: 'February 2027' })).status).toBe(200);

    // A call of the period on Action 1, with a decision and a follow-up.
    const call = await secretariat.post<MonitoringCall>('/api/monitoring-calls', {
      heldOn: '2026-12-12',
      actionNumbers: [1],
      decisions: 'Publish the mapping report in January',
    });
    expect(call.status).toBe(201);
    expect(
      (await secretariat.post(`/api/monitoring-calls/${call.body.id}/follow-ups`, { what: 'Send the mapping report to DG HOME', dueDate: '2027-01-10' }))
        .status,
    ).toBe(201);
  });

  /** What every reading of the report must hold, in its words. */
  const expectReport = (text: string) => {
    for (const action of actions) {
      expect(text).toContain(`Action ${action.number}: ${action.shortName}`);
    }
    expect(text).toContain('Period: 1 Dec 2026 to 15 Jan 2027');
    expect(text).toContain(`Output "${delivered.title}", delivered 10 Dec 2026`);
    expect(text).toContain('Mapping report (final PDF)');
    // A long address may wrap (after a slash or a hyphen): read without the line breaks.
    expect(text.replace(/\s+/g, '')).toContain(`(${tracker.url}/api/evidence/${fileId}/download)`);
    expect(text).toContain('Mapping report on the Partnership page');
    expect(text).not.toContain('A link removed since');
    expect(text).toMatch(new RegExp(`${moved.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: \\d+ months? later than approved`));
    expect(text).toContain('Call of 12 Dec 2026: decided Publish the mapping report in January');
    expect(text).toContain('Follow-up: Send the mapping report to DG HOME, due 10 Jan 2027');
    expect(text).toContain('Mitigation: ');
    expect(text).toContain('What remains before 31 Mar 2027');
    expect(text).toContain('Expected finish: ');
  };

  it('writes the progress report as a Word document that an independent reader reads back', async () => {
    const file = await download(secretariat, `/api/reports/progress.docx?${PERIOD}`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(file.disposition).toBe('attachment; filename="progress-report-2026-12-01-to-2027-01-15.docx"');
    const { value: text } = await mammoth.extractRawText({ buffer: file.body });
    expectReport(text.replace(/\s+/g, ' '));
    // The evidence is linked, not only named.
    const { value: html } = await mammoth.convertToHtml({ buffer: file.body });
    expect(html).toContain(`<a href="${tracker.url}/api/evidence/${fileId}/download">Mapping report (final PDF)</a>`);
    expect(html).toContain('<a href="https://example.org/mapping-report">Mapping report on the Partnership page</a>');
  });

  it('writes the same report as PDF, read back by pdfjs', async () => {
    const file = await download(secretariat, `/api/reports/progress.pdf?${PERIOD}`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expectReport(await pdfText(file.body));
  });

  it('refuses a bad period naming from or to', async () => {
    for (const [query, field] of [
      ['from=2026-13-01&to=2027-01-15', 'from'],
      ['from=2026-12-01&to=15/01/2027', 'to'],
      ['to=2027-01-15', 'from'],
      ['from=2027-01-16&to=2027-01-15', 'from'],
    ] as const) {
      const answer = await secretariat.get<ApiError>(`/api/reports/progress.docx?${query}`);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(JSON.stringify(answer.body.message)).toContain(field);
    }
    const backwards = await secretariat.get<ApiError>('/api/reports/progress.pdf?from=2027-01-16&to=2027-01-15');
    expect(backwards.body.message).toBe('from must be on or before to: 2027-01-16 is after 2027-01-15');
  });

  it("keeps the reports to the partnership's signed-in people", async () => {
    const anonymous = new Client(tracker.url);
    for (const path of [
      `/api/reports/progress.docx?${PERIOD}`,
      `/api/reports/progress.pdf?${PERIOD}`,
      '/api/reports/final.docx',
      '/api/reports/monitoring-table.xlsx',
    ]) {
      expect([path, (await anonymous.get(path)).status]).toEqual([path, 401]);
    }
    await tracker.dataSource.transaction((manager) => seedScalePlans(manager, { partnerships: 1, items: 20 }));
    const member = readers.member;
    expect((await download(member, `/api/reports/progress.docx?${PERIOD}`)).status).toBe(200);
    for (const path of [`/api/reports/progress.docx?${PERIOD}&partnership=scale-0001`, '/api/reports/monitoring-table.csv?partnership=scale-0001']) {
      const refused = await member.get<ApiError>(path);
      expect([path, refused.status, refused.body.message]).toEqual([path, 403, expect.stringMatching(/no seat in this partnership/)]);
    }
    expect((await member.get(`/api/reports/progress.docx?${PERIOD}&partnership=no-such-partnership`)).status).toBe(404);
  });

  it('offers the final report from the deadline on, and says from when before it', async () => {
    const early = await secretariat.get<ApiError>('/api/reports/final.pdf');
    expect(early.status).toBe(409);
    expect(early.body.message).toBe(
      'the final report is offered from the deadline, 31 Mar 2027, on (today is 15 Jan 2027): until then, ask for the progress report of a period',
    );
    now = new Date('2027-03-31T08:00:00Z');
    try {
      const file = await download(secretariat, '/api/reports/final.docx');
      expect(file.status).toBe(200);
      expect(file.disposition).toBe('attachment; filename="final-report-2027-03-31.docx"');
      const { value } = await mammoth.extractRawText({ buffer: file.body });
      const text = value.replace(/\s+/g, ' ');
      expect(text).toContain('Final report: ');
      expect(text).toMatch(/The whole phase, \d{1,2} [A-Z][a-z]{2} 20\d\d to the deadline, 31 Mar 2027\./);
      expect(text).toContain(`Output "${delivered.title}", delivered 10 Dec 2026`);
      expect(text).toContain('Delivered during the phase');
      expect((await download(secretariat, '/api/reports/final.pdf')).status).toBe(200);
    } finally {
      now = new Date('2027-01-15T10:00:00Z');
    }
  });

  describe('the Monitoring Table of Actions', () => {
    const readXlsx = async (body: Buffer) => {
      const workbook = new Workbook();
      await workbook.xlsx.load(body as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      const rows: Record<string, unknown>[] = [];
      sheet.eachRow((row, n) => {
        if (n > 1) {
          rows.push(Object.fromEntries(headers.map((h, i) => [h, row.getCell(i + 1).value])));
        }
      });
      return rows;
    };

    it('computes each Action stage and lets the Secretariat overrule it with a note, kept in the spreadsheet', async () => {
      const before = await secretariat.get<MonitoringTableRow[]>('/api/reports/monitoring-table');
      expect(before.status).toBe(200);
      expect(before.body.map((row) => row.actionNumber)).toEqual(actions.map((a) => a.number));
      for (const row of before.body) {
        expect(row.override).toBeNull();
        expect(row.stage).toBe(row.computedStage);
        expect(row.computedBecause).toMatch(/^\d+ of \d+ steps and outputs done, \d+% of the work counting what is in progress$/);
      }

      const set = await secretariat.request<MonitoringTableRow>('PUT', '/api/reports/stages/2', {
        stage: 'advanced',
        note: 'Guidelines drafted; agreed at the December call',
      });
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({
        actionNumber: 2,
        stage: 'advanced',
        override: { stage: 'advanced', note: 'Guidelines drafted; agreed at the December call', by: expect.any(String) },
      });

      const file = await download(secretariat, '/api/reports/monitoring-table.xlsx');
      expect(file.status).toBe(200);
      expect(file.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const rows = await readXlsx(file.body);
      const labels: Record<string, string> = {
        not_started: 'Not started',
        initial: 'Initial stage',
        mid_level: 'Mid-level stage',
        advanced: 'Advanced stage',
        completed: 'Completed',
      };
      expect(rows.map((row) => [row['Action'], row['Stage of implementation']])).toEqual(
        before.body.map((row) => [row.actionNumber, row.actionNumber === 2 ? 'Advanced stage' : labels[row.computedStage]]),
      );
      const two = rows.find((row) => row['Action'] === 2);
      expect(two).toMatchObject({ 'Set by the Secretariat': 'Advanced stage', 'Secretariat note': 'Guidelines drafted; agreed at the December call' });
      expect(two?.['Computed stage']).toBe(labels[before.body[1].computedStage]);

      const csv = await download(secretariat, '/api/reports/monitoring-table.csv');
      expect(csv.body.toString('utf8')).toContain('Advanced stage,Guidelines drafted; agreed at the December call');

      // Withdrawn: back to the computed stage, and every setting kept.
      const back = await secretariat.request<MonitoringTableRow>('PUT', '/api/reports/stages/2', { stage: null, note: 'Back to the computed stage' });
      expect(back.body).toMatchObject({ stage: before.body[1].computedStage, override: null });
      const history = await tracker.dataSource.query<{ stage: string | null; note: string }[]>(
        `SELECT s.stage, s.note FROM action_stage_override s JOIN action a ON a.id = s.action_id WHERE a.number = 2 ORDER BY s.set_at`,
      );
      expect(history).toEqual([
        { stage: 'advanced', note: 'Guidelines drafted; agreed at the December call' },
        { stage: null, note: 'Back to the computed stage' },
      ]);
    });

    it('counts a delivered output towards its Action stage', async () => {
      const rows = (await secretariat.get<MonitoringTableRow[]>('/api/reports/monitoring-table')).body;
      expect(rows[0].computedBecause).toMatch(/^[1-9]\d* of /);
    });

    it('refuses a bad stage or note naming the field, an unknown Action, and anyone but the Secretariat', async () => {
      for (const [body, field] of [
        [{ stage: 'halfway', note: 'x' }, 'stage'],
        [{ stage: 'advanced' }, 'note'],
        [{ stage: 'advanced', note: '   ' }, 'note'],
      ] as const) {
        const answer = await secretariat.request<ApiError>('PUT', '/api/reports/stages/1', body);
        expect(answer.status).toBe(400);
        expect(JSON.stringify(answer.body.message)).toContain(field);
      }
      const unknown = await secretariat.request<ApiError>('PUT', '/api/reports/stages/9', { stage: 'advanced', note: 'x' });
      expect([unknown.status, unknown.body.message]).toEqual([404, 'actionNumber: the partnership has no Action 9']);
      expect((await secretariat.request<ApiError>('PUT', '/api/reports/stages/one', { stage: 'advanced', note: 'x' })).status).toBe(400);
      for (const client of Object.values(readers)) {
        expect((await client.request('PUT', '/api/reports/stages/1', { stage: 'advanced', note: 'x' })).status).toBe(403);
        expect((await client.get('/api/reports/monitoring-table')).status).toBe(200);
      }
      const [{ n }] = await tracker.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM action_stage_override s JOIN action a ON a.id = s.action_id WHERE a.number = 1`,
      );
      expect(n).toBe(0);
    });
  });
});
