import { PLAN_IMPORT_COLUMNS, PLAN_IMPORT_ROW_TYPES, type PlanImportColumn } from '@tracker/contracts';
import { WINDOW_TEXT_EXAMPLES } from '@tracker/schedule';
import { Workbook } from 'exceljs';
import { PLAN_SHEET_NAME } from './plan-sheet';

/** One row of a plan sheet, by column (empty columns left out). */
export type PlanSheetRow = Partial<Record<PlanImportColumn, string | number>>;

/** The example rows of the template: an activity with a step, an output, a co-leader and a member. */
export const TEMPLATE_ROWS: readonly PlanSheetRow[] = [
  { Action: 1, 'Action title': 'Better data on visitor flows', Type: 'activity', Title: 'Mapping of visitor flow data', Window: 'October - December 2025' },
  { Action: 1, Type: 'step', Parent: 'Mapping of visitor flow data', Title: 'Survey of partner cities', Window: 'November 2025', Tentative: 'yes' },
  {
    Action: 1,
    Type: 'output',
    Parent: 'Mapping of visitor flow data',
    Title: 'Report on visitor flow data',
    Window: 'Q1 2026',
    'Depends on': 'Survey of partner cities',
  },
  { Action: 1, Type: 'co-leader', Organisation: 'City of Seville', Country: 'ES' },
  { Action: 1, Type: 'member', Organisation: 'Croix-Rouge française', Country: 'FR' },
];

/** What each column holds, for the explanation sheet and the README. */
export const COLUMN_HELP: Readonly<Record<PlanImportColumn, string>> = {
  Action: 'The Action number (1, 2, 3 ...). Every row belongs to one Action.',
  'Action title': "The Action's title. Write it on at least one of its rows; rows that repeat it must spell it the same way.",
  Type: `What the row is: ${PLAN_IMPORT_ROW_TYPES.join(', ')}.`,
  Parent:
    'For a step: the title of its activity (in the same Action). For an output: optionally the title of the activity that produces it. Empty for the others.',
  Title: 'The title of the activity, step or output, as the plan words it. Empty for co-leaders and members.',
  Window: `When, in the plan's words: ${WINDOW_TEXT_EXAMPLES.map((w) => `"${w}"`).join(', ')}. Required for activities and steps, optional for outputs, empty for co-leaders and members. A step's window without a year ("June") takes its activity's year.`,
  Tentative: 'yes when the plan marks the timing as not confirmed; empty for no. Words such as "tbc" or "?" in the window say it too.',
  Organisation:
    "For a co-leader or member: the organisation's name. An organisation already in the tracker (by name or alias, case aside) is used; any other is created.",
  Country: 'For a co-leader or member: the two-letter country code (BE, IT ...), optional.',
  'Depends on':
    'Optional, for an activity, step or output: the items that must end before it starts, one a line (or separated by ";"), each by its title as in the Title column. An item of another Action is written "Action 2: its title"; a wait after it "its title (+2 months)". No item may come after itself, even through others.',
};

const COLUMN_WIDTHS: Readonly<Record<PlanImportColumn, number>> = {
  Action: 8,
  'Action title': 32,
  Type: 11,
  Parent: 32,
  Title: 40,
  Window: 26,
  Tentative: 10,
  Organisation: 32,
  Country: 8,
  'Depends on': 40,
};

/** A plan sheet as CSV: RFC 4180, UTF-8 with a byte order mark (Excel reads accents right), CRLF line ends. */
export function planSheetCsv(rows: readonly PlanSheetRow[]): Buffer {
  const quote = (value: string | number | undefined): string => {
    const text = value === undefined ? '' : String(value);
    return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [PLAN_IMPORT_COLUMNS.join(','), ...rows.map((row) => PLAN_IMPORT_COLUMNS.map((column) => quote(row[column])).join(','))];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * A plan sheet as an XLSX workbook: the `Plan` sheet (every cell text, so that Excel keeps "June
 * 2025" as written rather than turning it into a date; the Action number a number) and a `How to
 * fill` sheet explaining each column.
 */
export async function planSheetXlsx(rows: readonly PlanSheetRow[]): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Work Plan tracker';
  workbook.title = 'Work plan to import';
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  const sheet = workbook.addWorksheet(PLAN_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLAN_IMPORT_COLUMNS.map((column) => ({
    header: column,
    key: column,
    width: COLUMN_WIDTHS[column],
    style: column === 'Action' ? {} : { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(PLAN_IMPORT_COLUMNS.map((column) => (column === 'Action' ? row[column] : row[column] === undefined ? null : String(row[column]))));
  }
  const help = workbook.addWorksheet('How to fill');
  help.columns = [
    { header: 'Column', width: 16 },
    { header: 'What it holds', width: 110 },
  ];
  help.getRow(1).font = { bold: true };
  help.addRow([
    '',
    'One row per activity, step (sub-step of an activity), output, co-leader or member, in plan order, on the sheet "Plan". The first row names the columns.',
  ]);
  help.addRow([
    '',
    "The partnership's key, name and deadline are given when importing. Preview first: it shows how every window was read and names each problem by row and column.",
  ]);
  for (const column of PLAN_IMPORT_COLUMNS) {
    help.addRow([column, COLUMN_HELP[column]]);
  }
  help.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
