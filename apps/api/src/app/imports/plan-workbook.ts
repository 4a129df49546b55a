import { Readable } from 'node:stream';
import { type Row, stream as excelStream } from 'exceljs';
import { zipSync, type Zippable } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { type Entry, fromBuffer, type ZipFile } from 'yauzl';

/**
 * Limits of an uploaded XLSX workbook once inflated. A 2 MB upload of XML can inflate to gigabytes (a
 * "zip bomb"); an honest plan of 5,000 rows inflates to a few megabytes.
 */
export const XLSX_LIMITS = {
  /** Most parts (files inside the ZIP archive) a workbook may have. */
  parts: 1000,
  /** Most bytes one part may inflate to. */
  partBytes: 20 * 1024 * 1024,
  /** Most bytes all parts together may inflate to. */
  totalBytes: 40 * 1024 * 1024,
} as const;

/** A workbook refused before its rows are read: too large once inflated (413), or damaged (400). */
export class WorkbookRefused extends Error {
  override name = 'WorkbookRefused';

  constructor(
    message: string,
    readonly status: 400 | 413,
  ) {
    super(message);
  }
}

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/**
 * The parts of an XLSX archive, read from its central directory: refused when it declares more
 * parts, or more inflated bytes per part or in all, than XLSX_LIMITS allow. A part is inflated only
 * when read, and its reading stops with an error as soon as it inflates to more than it declared.
 */
class Archive {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
  ) {}

  static async open(bytes: Buffer): Promise<Archive> {
    const zip = await new Promise<ZipFile>((resolve, reject) =>
      fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: false }, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
    if (zip.entryCount > XLSX_LIMITS.parts) {
      zip.close();
      throw new WorkbookRefused(`the file is an archive of ${zip.entryCount} parts, more than the ${XLSX_LIMITS.parts} an XLSX workbook may have`, 413);
    }
    const entries = new Map<string, Entry>();
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      const refuse = (message: string) => {
        zip.close();
        reject(new WorkbookRefused(message, 413));
      };
      zip.on('entry', (entry: Entry) => {
        if (entry.uncompressedSize > XLSX_LIMITS.partBytes) {
          refuse(
            `the file's part ${entry.fileName} inflates to ${megabytes(entry.uncompressedSize)}, more than the ${megabytes(XLSX_LIMITS.partBytes)} one part of an XLSX plan may have`,
          );
          return;
        }
        total += entry.uncompressedSize;
        if (total > XLSX_LIMITS.totalBytes) {
          refuse(`the file inflates to more than the ${megabytes(XLSX_LIMITS.totalBytes)} an XLSX plan may have in all`);
          return;
        }
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
    return new Archive(zip, entries);
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The bytes of a part, counted as they inflate: an error (and no more inflating) once they pass its declared size. */
  async read(name: string): Promise<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) {
      throw new WorkbookRefused(`the file is not an XLSX workbook: it has no part ${name}`, 400);
    }
    const inflating = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
    );
    // The declared size is within XLSX_LIMITS: room for it is taken at once, and never more.
    const declared = entry.uncompressedSize;
    const part = Buffer.allocUnsafe(declared);
    let seen = 0;
    // Leaving the loop early (by the throw) destroys `inflating`: inflating stops.
    for await (const chunk of inflating as AsyncIterable<Buffer>) {
      if (seen + chunk.length > declared) {
        throw new WorkbookRefused(`the file's part ${name} inflates to more than the ${declared} bytes it declares: the workbook is damaged`, 400);
      }
      chunk.copy(part, seen);
      seen += chunk.length;
    }
    if (seen < declared) {
      throw new WorkbookRefused(`the file's part ${name} inflates to fewer than the ${declared} bytes it declares: the workbook is damaged`, 400);
    }
    return part;
  }

  close(): void {
    this.zip.close();
  }
}

/** The start tags of an XML part, as exceljs's reader reads them (saxes, each tag's attributes by their written names). */
function startTags(part: Buffer, onTag: (tag: SaxesTagPlain) => void): void {
  const parser = new SaxesParser();
  parser.on('opentag', onTag);
  // Like exceljs: a byte order mark is dropped, and a well-formedness error is thrown as it is met.
  parser.write(new TextDecoder().decode(part));
}

/**
 * The path of the sheet called `sheetName` (else the first sheet) in the archive, read from the
 * workbook's list of sheets and its relationships; undefined when the workbook lists none.
 */
function sheetPath(workbook: Buffer, relationships: Buffer, sheetName: string): string | undefined {
  const sheets: { name: string; rId: string }[] = [];
  let inSheets = false;
  startTags(workbook, (tag) => {
    if (tag.name === 'sheets') {
      inSheets = true;
    } else if (inSheets && tag.name === 'sheet') {
      sheets.push({ name: tag.attributes['name'], rId: tag.attributes['r:id'] });
    }
  });
  const targets = new Map<string, string>();
  startTags(relationships, (tag) => {
    if (tag.name === 'Relationship' && !targets.has(tag.attributes['Id'])) {
      targets.set(tag.attributes['Id'], tag.attributes['Target']);
    }
  });
  const sheet = sheets.find((s) => s.name === sheetName) ?? sheets[0];
  const target = sheet && targets.get(sheet.rId);
  return target ? (target.startsWith('/') ? target.slice(1) : `xl/${target}`) : undefined;
}

/** The shared strings of a workbook that has none (its cells hold their text inline). */
const NO_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/**
 * A new archive of only the parts exceljs's streaming reader needs to read the plan's sheet, in the
 * order it needs them, each inflated from the upload through Archive.read (so within XLSX_LIMITS);
 * undefined when the workbook has no sheet. The parts are stored, not compressed, with their sizes
 * ahead of them: the reader finds where each ends without searching the data.
 */
async function planArchive(archive: Archive, sheetName: string): Promise<Buffer | undefined> {
  const relationships = await archive.read('xl/_rels/workbook.xml.rels');
  const workbook = await archive.read('xl/workbook.xml');
  // exceljs reads a sheet met before any shared strings through a temporary file: an empty table keeps it in memory.
  const sharedStrings = archive.has('xl/sharedStrings.xml') ? await archive.read('xl/sharedStrings.xml') : NO_SHARED_STRINGS;
  const styles = archive.has('xl/styles.xml') ? await archive.read('xl/styles.xml') : undefined;
  const path = sheetPath(workbook, relationships, sheetName);
  if (!path) {
    return undefined;
  }
  const sheet = await archive.read(path);
  // exceljs reads a part as a sheet by its name alone.
  const sheetNo = /sheet(\d+)\.xml$/.exec(path)?.[1] ?? '1';
  const parts: Zippable = {
    'xl/_rels/workbook.xml.rels': relationships,
    'xl/workbook.xml': workbook,
    'xl/sharedStrings.xml': sharedStrings,
    ...(styles ? { 'xl/styles.xml': styles } : {}),
    [`xl/worksheets/sheet${sheetNo}.xml`]: sheet,
  };
  const zipped = zipSync(parts, { level: 0 });
  return Buffer.from(zipped.buffer, zipped.byteOffset, zipped.byteLength);
}

/**
 * The bytes of an archive in pieces of about 16 kB, each cut between two UTF-8 characters: exceljs's
 * reader decodes each piece of a stored part on its own, and a character cut in two would be lost.
 */
function* pieces(bytes: Buffer): Generator<Buffer> {
  const size = 16 * 1024; // what zlib inflates at a time: exceljs holds the events of a whole piece at once
  for (let start = 0; start < bytes.length;) {
    let end = Math.min(start + size, bytes.length);
    // A continuation byte (10xxxxxx) is inside a character: cut before the character's first byte.
    while (end > start && end < bytes.length && (bytes[end] & 0xc0) === 0x80) {
      end--;
    }
    if (end === start) {
      end = Math.min(start + size, bytes.length); // not text: any cut will do
    }
    yield bytes.subarray(start, end);
    start = end;
  }
}

/**
 * The rows of the sheet called `sheetName` (else the first sheet) of an XLSX workbook. Nothing but
 * the index, the shared strings, the styles and that one sheet is inflated, each to no more than it
 * declares; exceljs's streaming reader then reads them from a new archive, and stopping the
 * iteration stops its reading. Throws WorkbookRefused for a workbook over XLSX_LIMITS.
 */
export async function* workbookRows(bytes: Buffer, sheetName: string): AsyncGenerator<Row> {
  const archive = await Archive.open(bytes);
  let plan: Buffer | undefined;
  try {
    plan = await planArchive(archive, sheetName);
  } finally {
    archive.close();
  }
  if (!plan) {
    return;
  }
  const input = Readable.from(pieces(plan));
  try {
    const reader = new excelStream.xlsx.WorkbookReader(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // to tell a date cell from a number
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    for await (const worksheet of reader) {
      yield* worksheet;
    }
  } finally {
    input.destroy();
  }
}
