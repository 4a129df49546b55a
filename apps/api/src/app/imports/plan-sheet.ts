import { parse } from 'csv-parse/sync';
import type { CellValue } from 'exceljs';
import { WorkbookRefused, workbookRows } from './plan-workbook';

/** The media types an uploaded plan may come as. */
export const SHEET_MEDIA_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type SheetFormat = keyof typeof SHEET_MEDIA_TYPES;

/** Most rows a plan sheet may have (a work plan has tens to hundreds). */
export const MAX_SHEET_ROWS = 5000;

/** The sheet of an XLSX workbook the plan is read from (else its first sheet). */
export const PLAN_SHEET_NAME = 'Plan';

/** A problem of a cell or of the file, before any column is interpreted. */
export interface CellProblem {
  row: number | null;
  column: number | null;
  message: string;
}

/** The rows of a sheet as text, with their row numbers as a spreadsheet program shows them (header = row 1). */
export interface SheetText {
  rows: { row: number; cells: string[] }[];
  problems: CellProblem[];
}

/** The format of an upload from its Content-Type (and, for a generic type, from its first bytes). */
export function formatOf(contentType: string | undefined, bytes: Buffer): SheetFormat | null {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === SHEET_MEDIA_TYPES.xlsx) {
    return 'xlsx';
  }
  if (type === SHEET_MEDIA_TYPES.csv) {
    return 'csv';
  }
  if (type === 'application/octet-stream') {
    return isZip(bytes) ? 'xlsx' : 'csv';
  }
  return null;
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a CSV file (RFC 4180, UTF-8 with or without a byte order mark, comma or semicolon separated)
 * with csv-parse, every cell as text. Not exceljs's CSV reader: it turns "2026" into a number and
 * "2026-03-15" into a Date, and the plan's words must reach readWindowText as written.
 */
export function readCsv(bytes: Buffer): SheetText {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { rows: [], problems: [{ row: null, column: null, message: 'the file is not UTF-8 text: save it as "CSV UTF-8"' }] };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    text = text.slice(1);
  }
  const firstLine = text.slice(0, Math.max(0, text.search(/\r?\n/)) || text.length);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const where = typeof line === 'number' ? ` near line ${line}` : '';
    return { rows: [], problems: [{ row: null, column: null, message: `the CSV file cannot be read${where}: ${(error as Error).message}` }] };
  }
  if (records.length > MAX_SHEET_ROWS) {
    return { rows: [], problems: [tooLong(records.length)] };
  }
  const problems: CellProblem[] = [];
  const rows = records.map((cells, index) => ({ row: index + 1, cells: cells.map((cell, column) => withoutNul(cell, index + 1, column + 1, problems)) }));
  return { rows, problems };
}

/**
 * A cell's text without NUL characters, which Postgres text cannot hold (the import would fail where
 * the preview passed): each is a problem of its cell, and the rest of the cell is read as usual.
 */
function withoutNul(text: string, row: number, column: number, problems: CellProblem[]): string {
  if (!text.includes('\u0000')) {
    return text;
  }
  problems.push({ row, column, message: 'the cell holds a NUL character (byte 0), which no text can hold: remove it, and save the file as "CSV UTF-8"' });
  return text.replaceAll('\u0000', '');
}

/**
 * Reads the `Plan` sheet (or the first sheet) of an XLSX workbook as text, row by row as it inflates
 * (see workbookRows), and stops at the first row past MAX_SHEET_ROWS. Throws WorkbookRefused for a
 * workbook over XLSX_LIMITS.
 */
export async function readXlsx(bytes: Buffer): Promise<SheetText> {
  if (!isZip(bytes)) {
    return { rows: [], problems: [{ row: null, column: null, message: 'the file is not an XLSX workbook' }] };
  }
  const rows: SheetText['rows'] = [];
  const problems: CellProblem[] = [];
  try {
    for await (const row of workbookRows(bytes, PLAN_SHEET_NAME)) {
      if (!row.hasValues) {
        continue;
      }
      if (rows.length === MAX_SHEET_ROWS) {
        return { rows: [], problems: [tooLong(null)] };
      }
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        const text = cellText(cell.value);
        if (typeof text === 'string') {
          cells[column - 1] = withoutNul(text, row.number, column, problems);
        } else {
          cells[column - 1] = '';
          problems.push({ row: row.number, column, message: text.problem });
        }
      });
      rows.push({ row: row.number, cells: Array.from(cells, (c) => c ?? '') });
    }
  } catch (error) {
    if (error instanceof WorkbookRefused) {
      throw error;
    }
    return { rows: [], problems: [{ row: null, column: null, message: `the XLSX workbook cannot be read: ${(error as Error).message}` }] };
  }
  return { rows, problems };
}

/** The problem of a sheet over MAX_SHEET_ROWS: with its count when known (an XLSX sheet is read no further). */
function tooLong(count: number | null): CellProblem {
  const rows = count === null ? `more than ${MAX_SHEET_ROWS} rows, the most` : `${count} rows, more than the ${MAX_SHEET_ROWS}`;
  return { row: null, column: null, message: `the sheet has ${rows} a plan may have` };
}

/** The text of a cell, or why it has none the import can use. */
function cellText(value: CellValue): string | { problem: string } {
  if (value === null || value === undefined) {
    return '';
  }
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number') {
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (value instanceof Date) {
    // Excel turns "June 2025" into the 1st of June: the plan's words are lost, and no day may be invented.
    const day = Number.isNaN(value.getTime()) ? 'an invalid date' : value.toISOString().slice(0, 10);
    return { problem: `the cell holds a date (${day}), not the plan's words: format the column as Text and write them, e.g. "June 2025"` };
  }
  if ('richText' in value) {
    return value.richText.map((part) => part.text).join('');
  }
  if ('error' in value) {
    return { problem: `the cell holds the error ${value.error}` };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    return result === undefined ? { problem: 'the cell holds a formula without a value' } : cellText(result);
  }
  if ('text' in value) {
    return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  }
  return { problem: 'the cell cannot be read as text' };
}
