import { spreadsheetSafe, type Table } from './table';

/** The UTF-8 byte order mark, so Excel reads accents ("Croix-Rouge française") right. */
const BOM = '\uFEFF';

function field(cell: string | number | boolean | null): string {
  const value = spreadsheetSafe(cell);
  if (value === null) {
    return '';
  }
  const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180: comma-separated, CRLF line ends, fields with a quote, comma or line break quoted; no live formulas (spreadsheetSafe). */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => field(c.header)), ...table.rows.map((row) => table.columns.map((c) => field(c.value(row))))];
  return BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
