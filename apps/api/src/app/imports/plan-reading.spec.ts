import { PLAN_IMPORT_COLUMNS } from '@tracker/contracts';
import { Workbook } from 'exceljs';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readPlanSheet } from './plan-reading';
import { MAX_SHEET_ROWS, readCsv, readXlsx } from './plan-sheet';
import { planSheetCsv, planSheetXlsx, TEMPLATE_ROWS } from './plan-template';
import { BAD_SAMPLE_PLAN, BAD_SAMPLE_ROW, SAMPLE_PLAN } from './sample/sample-plans';

const cellsOf = (rows: readonly Record<string, string | number | undefined>[]): string[][] => [
  [...PLAN_IMPORT_COLUMNS],
  ...rows.map((row) => PLAN_IMPORT_COLUMNS.map((column) => (row[column] === undefined ? '' : String(row[column])))),
];

/** Reading a plan sheet: the committed samples, the template, and cells a spreadsheet program changed. */
describe('reading a plan sheet', () => {
  it('reads the committed samples as sample-plans.ts writes them (npm run import:samples keeps them in step)', async () => {
    const folder = resolve(__dirname, 'sample');
    const xlsx = await readXlsx(readFileSync(resolve(folder, 'sample-plan.xlsx')));
    expect(xlsx.problems).toEqual([]);
    expect(xlsx.rows.map((r) => r.cells)).toEqual(cellsOf(SAMPLE_PLAN));
    const csv = readCsv(readFileSync(resolve(folder, 'sample-plan.csv')));
    expect(csv.rows.map((r) => r.cells)).toEqual(cellsOf(SAMPLE_PLAN));
    const bad = await readXlsx(readFileSync(resolve(folder, 'sample-plan-bad-date.xlsx')));
    expect(bad.rows.map((r) => r.cells)).toEqual(cellsOf(BAD_SAMPLE_PLAN));
    expect(bad.rows.find((r) => r.row === BAD_SAMPLE_ROW)?.cells[PLAN_IMPORT_COLUMNS.indexOf('Window')]).toBe('Q5 2026');
  });

  it('reads the template, in both formats, without a problem', async () => {
    for (const sheet of [readCsv(planSheetCsv(TEMPLATE_ROWS)), await readXlsx(await planSheetXlsx(TEMPLATE_ROWS))]) {
      const reading = readPlanSheet(sheet);
      expect(reading.problems).toEqual([]);
      expect(reading.actions).toHaveLength(1);
      expect(reading.actions[0].activities[0].steps.map((s) => s.title)).toEqual(['Survey of partner cities']);
    }
  });

  it('names the column of a cell Excel turned into a date, and never reads a day into it', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Plan');
    sheet.addRow([...PLAN_IMPORT_COLUMNS]);
    sheet.addRow([1, 'Data', 'activity', null, 'Mapping', new Date(Date.UTC(2025, 5, 1))]);
    sheet.addRow([1, null, 'activity', null, 'Survey', { richText: [{ text: 'October - ' }, { text: 'December 2025' }] }]);
    const reading = readPlanSheet(await readXlsx(Buffer.from(await workbook.xlsx.writeBuffer())));
    expect(reading.problems.map((p) => p.message)).toEqual([
      'row 2, column "Window": the cell holds a date (2025-06-01), not the plan\'s words: format the column as Text and write them, e.g. "June 2025"',
      'row 2, column "Window": the window is missing: write it as the plan does, e.g. "October - December 2025", or "tbd"',
    ]);
    expect(reading.rows[0].problems).toHaveLength(2);
    expect(reading.rows[1].window).toMatchObject({ start: '2025-10-01', end: '2025-12-31', precision: 'month' });
  });

  it('refuses a sheet without the columns it needs, or with a column it does not know', () => {
    const reading = readPlanSheet(readCsv(Buffer.from('Action,Titel,Window\n1,Mapping,2026\n')));
    expect(reading.problems.map((p) => p.message)).toEqual([
      'row 1, column "Titel": not a column of the template (Action, Action title, Type, Parent, Title, Window, Tentative, Organisation, Country, Depends on)',
      'row 1, column "Type": the column is missing; the first row names the columns (Action, Action title, Type, Parent, Title, Window, Tentative, Organisation, Country, Depends on)',
      'row 1, column "Title": the column is missing; the first row names the columns (Action, Action title, Type, Parent, Title, Window, Tentative, Organisation, Country, Depends on)',
    ]);
    expect(readPlanSheet(readCsv(Buffer.from(''))).problems.map((p) => p.message)).toEqual([
      'the sheet is empty: fill in the template, one row per activity, step, output, co-leader or member',
    ]);
  });

  it('refuses a sheet of more rows than a plan has', () => {
    const text = `Action,Type,Title,Window\n${'1,activity,Mapping,2026\n'.repeat(MAX_SHEET_ROWS)}`;
    expect(readCsv(Buffer.from(text)).problems).toEqual([
      { row: null, column: null, message: `the sheet has ${MAX_SHEET_ROWS + 1} rows, more than the ${MAX_SHEET_ROWS} a plan may have` },
    ]);
    expect(readCsv(Buffer.from(text.slice(0, text.lastIndexOf('1,activity')))).problems).toEqual([]);
  });

  it('keeps RFC 4180 quoting: commas, quotes and line breaks inside a cell', () => {
    const text = 'Action,Action title,Type,Title,Window\r\n1,"Data, flows and ""counts""",activity,"Mapping\nof flows","October - December 2025"\r\n';
    const reading = readPlanSheet(readCsv(Buffer.from(text)));
    expect(reading.problems).toEqual([]);
    expect(reading.actions[0].title).toBe('Data, flows and "counts"');
    expect(reading.actions[0].activities[0].title).toBe('Mapping of flows');
  });
});
