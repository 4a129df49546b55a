import type { FollowUp, GanttData, MonitoringCall, Organisation, Output, RegisterRisk, RiskView } from '@tracker/contracts';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import readXlsxFile from 'read-excel-file/node';
import { Client } from './client';
import { useTracker } from './harness';

/**
 * Spreadsheets of the plan, outputs, risk view, register and monitoring calls, read back with
 * independent readers: csv-parse for CSV, read-excel-file (dates as dates) and the raw sheet XML for XLSX.
 */
describe('spreadsheet exports', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  let gantt: GanttData;

  beforeAll(async () => {
    gantt = (await secretariat.get<GanttData>('/api/gantt')).body;
  });

  /** The raw bytes of a download, with the client's cookies. */
  const download = async (path: string, client: Client | null = secretariat) => {
    const headers: Record<string, string> = {};
    if (client) {
      headers['cookie'] = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const response = await fetch(`${tracker.url}${path}`, { headers });
    return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const csv = (bytes: Buffer): Record<string, string>[] => parse(bytes.toString('utf8'), { bom: true, columns: true });
  const sheets = async (bytes: Buffer) => readXlsxFile(bytes);

  it('writes the plan as CSV (RFC 4180, UTF-8 with BOM): one row per item, as GET /api/gantt serves it', async () => {
    const answer = await download('/api/exports/plan.csv', null);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="plan.csv"');
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(answer.bytes.toString('utf8')).toContain('\r\n');
    const rows = csv(answer.bytes);
    expect(rows).toHaveLength(gantt.items.length);
    expect(rows.map((r) => r['Title'])).toEqual(gantt.items.map((i) => i.title));
    const child = gantt.items.find((i) => i.parentId !== null)!;
    const row = rows[gantt.items.indexOf(child)];
    expect(row).toMatchObject({
      Action: String(child.actionNumber),
      Parent: gantt.items.find((i) => i.id === child.parentId)!.title,
      'Window (plan wording)': child.windowText,
      Start: child.start ?? '',
      End: child.end ?? '',
      Precision: child.precision,
      Status: child.status,
      'Progress %': String(child.progress),
      'Source section': child.source,
    });
    expect(Object.keys(rows[0])).toEqual([
      'Action',
      'Action name',
      'Parent',
      'Title',
      'Window (plan wording)',
      'Start',
      'End',
      'Precision',
      'Status',
      'Progress %',
      'Actual start',
      'Actual end',
      'Forecast end',
      'Expected end, earliest',
      'Expected end, latest',
      'Depends on',
      'Flags',
      'Source section',
      'Notes on the plan',
    ]);
    expect(rows.some((r) => r['Flags'].includes('tentative'))).toBe(gantt.items.some((i) => i.tentative));
  });

  it('narrows to one Action and names the file after it; bad input is a 400 naming the field', async () => {
    const answer = await download('/api/exports/plan.csv?action=2');
    expect(answer.headers.get('content-disposition')).toBe('attachment; filename="plan-action-2.csv"');
    const rows = csv(answer.bytes);
    expect(rows.length).toBe(gantt.items.filter((i) => i.actionNumber === 2).length);
    expect(new Set(rows.map((r) => r['Action']))).toEqual(new Set(['2']));
    expect(String((await secretariat.get<{ message: string }>('/api/exports/plan.csv?action=x')).body.message)).toMatch(/^action must be/);
    expect((await secretariat.get<{ message: string }>('/api/exports/plan.pdf2')).status).toBe(400);
    expect((await secretariat.get<{ message: string }>('/api/exports/nothing.csv')).body.message).toMatch(/^file must be one of plan.csv/);
    expect((await secretariat.get('/api/exports/plan.csv?partnership=no-such-plan')).status).toBe(404);
    expect(String((await secretariat.get<{ message: string }>('/api/exports/risks.csv?asOf=2026-13-01')).body.message)).toMatch(/^asOf must be/);
  });

  it('writes the plan as XLSX with real date cells, a frozen header row and filters', async () => {
    const answer = await download('/api/exports/plan.xlsx', null);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const [sheet] = await sheets(answer.bytes);
    expect(sheet.sheet).toBe('Plan');
    const [header, ...rows] = sheet.data;
    expect(header[3]).toBe('Title');
    expect(rows).toHaveLength(gantt.items.length);
    const dated = gantt.items.findIndex((i) => i.start !== null && i.precision === 'month');
    const start = rows[dated][header.indexOf('Start')];
    expect(start).toBeInstanceOf(Date);
    expect((start as unknown as Date).toISOString().slice(0, 10)).toBe(gantt.items[dated].start);
    expect((rows[dated][header.indexOf('End')] as unknown as Date).toISOString().slice(0, 10)).toBe(gantt.items[dated].end);
    expect(rows[dated][header.indexOf('Progress %')]).toBe(gantt.items[dated].progress);

    const xml = await (await JSZip.loadAsync(answer.bytes)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(xml).toContain(`<autoFilter ref="A1:S${gantt.items.length + 1}"`);
  });

  it('writes the outputs, and keeps accents intact in CSV and XLSX', async () => {
    const outputs = (await secretariat.get<Output[]>('/api/outputs')).body;
    const rows = csv((await download('/api/exports/outputs.csv')).bytes);
    expect(rows.map((r) => r['Title'])).toEqual(outputs.map((o) => o.title));

    // Give a register risk the owner "Croix-Rouge française": the export must carry the ç.
    const organisations = (await secretariat.get<Organisation[]>('/api/organisations')).body;
    const croixRouge = organisations.find((o) => o.name === 'Croix-Rouge française')!;
    const [risk] = (await secretariat.get<RegisterRisk[]>('/api/risk-register')).body;
    expect((await secretariat.patch(`/api/risk-register/${risk.id}`, { version: risk.version, ownerOrganisationId: croixRouge.id })).status).toBe(200);
    const register = csv((await download('/api/exports/risk-register.csv')).bytes);
    expect(register.find((r) => r['Title'] === risk.title)!['Owner']).toBe('Croix-Rouge française');
    const [sheet] = await sheets((await download('/api/exports/risk-register.xlsx')).bytes);
    expect(sheet.data.some((row) => row.includes('Croix-Rouge française'))).toBe(true);
  });

  it('writes the risk view as of a day, as GET /api/risks judges it', async () => {
    const view = (await secretariat.get<RiskView>('/api/risks?asOf=2026-11-22')).body;
    const answer = await download('/api/exports/risks.xlsx?asOf=2026-11-22');
    const [sheet] = await sheets(answer.bytes);
    expect(sheet.sheet).toBe('Risks as of 2026-11-22');
    const [header, ...rows] = sheet.data;
    expect(rows).toHaveLength(view.items.length);
    expect(rows.map((r) => [r[header.indexOf('Kind')], r[header.indexOf('Title')], r[header.indexOf('Days late')], r[header.indexOf('Reason')]])).toEqual(
      view.items.map((i) => [i.kind.replace(/_/g, ' '), i.title, i.daysLate, i.reason]),
    );
    const rowsCsv = csv((await download('/api/exports/risks.csv?asOf=2026-11-22&action=3')).bytes);
    expect(rowsCsv.map((r) => r['Title'])).toEqual(view.items.filter((i) => i.actionNumber === 3).map((i) => i.title));
  });

  it('writes the monitoring calls with their follow-ups, one sheet each; signed-in only', async () => {
    const call = (
      await secretariat.post<MonitoringCall>('/api/monitoring-calls', {
        heldOn: '2026-11-20',
        actionNumbers: [1, 3],
        attendees: ['Croix-Rouge française'],
        notes: 'Notes, with "quotes"\nand a second line',
      })
    ).body;
    const due = await secretariat.post<FollowUp>(`/api/monitoring-calls/${call.id}/follow-ups`, {
      what: 'Send the minutes',
      ownerText: 'Secretariat',
      dueDate: '2026-12-04',
    });
    expect(due.status).toBe(201);
    await secretariat.post<FollowUp>(`/api/monitoring-calls/${call.id}/follow-ups`, { what: 'Confirm the survey dates' });

    const calls = csv((await download('/api/exports/monitoring-calls.csv')).bytes);
    expect(calls).toEqual([
      expect.objectContaining({
        'Held on': '2026-11-20',
        Actions: '1, 3',
        Attendees: 'Croix-Rouge française',
        Notes: 'Notes, with "quotes"\nand a second line',
        'Follow-ups': '2',
        'Open follow-ups': '2',
      }),
    ]);
    const followUps = csv((await download('/api/exports/follow-ups.csv')).bytes);
    expect(followUps.map((f) => [f['Call held on'], f['What'], f['Owner'], f['Due'], f['Done']])).toEqual([
      ['2026-11-20', 'Send the minutes', 'Secretariat', '2026-12-04', 'no'],
      ['2026-11-20', 'Confirm the survey dates', '', '', 'no'],
    ]);

    const workbook = await sheets((await download('/api/exports/monitoring-calls.xlsx')).bytes);
    expect(workbook.map((s) => s.sheet)).toEqual(['Monitoring calls', 'Follow-ups']);
    const [header, row] = workbook[1].data;
    expect(row[header.indexOf('Due')]).toEqual(new Date('2026-12-04T00:00:00Z'));

    expect((await download('/api/exports/monitoring-calls.csv', null)).status).toBe(401);
    expect((await download('/api/exports/risks.xlsx', null)).status).toBe(401);
    const unknown = await secretariat.get<{ message: string }>('/api/exports/risks.csv?partnership=scale-0001');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toBe('partnership "scale-0001" not found');
  });
});
