/**
 * One exported table, written once and rendered to CSV or to an XLSX sheet. Dates stay calendar
 * dates (`yyyy-MM-dd`) here; the XLSX writer turns them into date cells at UTC midnight, so no time
 * zone can move a day.
 */
export type ColumnType = 'text' | 'date' | 'number' | 'boolean';

export interface Column<Row> {
  header: string;
  type: ColumnType;
  width?: number;
  // A method, so a Column<Milestone> is a Column<unknown> where tables of any rows are written.
  value(row: Row): string | number | boolean | null;
}

export interface Table<Row = unknown> {
  /** Sheet name (at most 31 characters) and file stem. */
  name: string;
  columns: Column<Row>[];
  rows: Row[];
}

export function table<Row>(name: string, columns: Column<Row>[], rows: Row[]): Table<Row> {
  return { name, columns, rows };
}

/**
 * What a spreadsheet program reads as the start of a formula (OWASP, "CSV Injection"): `=`, `+`,
 * `-`, `@`, a tab or a carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A cell's value as every exported file holds it (CSV and XLSX alike): a text that a spreadsheet
 * program would run as a formula (a title `=HYPERLINK("http://x","y")`) gets a leading single quote,
 * as OWASP advises, so it shows as written and runs nothing. Numbers stay numbers: a negative number
 * in a number column is a number, not a formula.
 */
export function spreadsheetSafe(value: string | number | boolean | null): string | number | boolean | null {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}
