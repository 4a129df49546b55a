import { Workbook } from 'exceljs';
import { spreadsheetSafe, type Table } from './table';

function cell(type: string, value: string | number | boolean | null): string | number | boolean | Date | null {
  if (value === null) {
    return null;
  }
  if (type === 'date' && typeof value === 'string') {
    // A calendar date as a date cell at midnight UTC: Excel shows the same day in every time zone.
    return new Date(`${value}T00:00:00Z`);
  }
  if (type === 'boolean' && typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  return spreadsheetSafe(value);
}

/** One sheet per table: real date cells, a bold frozen header row and filters on every column; no live formulas (spreadsheetSafe). */
export async function toXlsx(tables: Table[], title: string): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Work Plan tracker';
  workbook.title = title;
  workbook.created = new Date(0);
  workbook.modified = new Date(0);
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: String(spreadsheetSafe(column.header)),
      width: column.width ?? (column.type === 'date' ? 12 : column.type === 'text' ? 30 : 10),
      style: column.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {},
    }));
    for (const row of table.rows) {
      sheet.addRow(table.columns.map((column) => cell(column.type, column.value(row))));
    }
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + table.rows.length, column: table.columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
