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
