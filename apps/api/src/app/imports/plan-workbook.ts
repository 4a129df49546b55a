import { pipeline, Readable, Transform } from 'node:stream';
import { type Row, stream as excelStream } from 'exceljs';
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

  /** The text of a part, as it inflates; an error (and no more inflating) once it passes its declared size. */
  async read(name: string): Promise<Readable> {
    const entry = this.entries.get(name);
    if (!entry) {
      throw new WorkbookRefused(`the file is not an XLSX workbook: it has no part ${name}`, 400);
    }
    const inflating = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, stream) => (error ? reject(error) : resolve(stream))),
    );
    const declared = entry.uncompressedSize;
    let seen = 0;
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        seen += chunk.length;
        done(
          seen > declared
            ? new WorkbookRefused(`the file's part ${name} inflates to more than the ${declared} bytes it declares: the workbook is damaged`, 400)
            : null,
          chunk,
        );
      },
      flush(done) {
        done(
          seen < declared
            ? new WorkbookRefused(`the file's part ${name} inflates to fewer than the ${declared} bytes it declares: the workbook is damaged`, 400)
            : null,
        );
      },
    });
    // An error of either stream, or the reader destroying `counted` early, destroys both: inflating stops.
    pipeline(inflating, counted, () => undefined);
    // Whole characters, even where a chunk ends inside one (exceljs decodes each chunk on its own).
    counted.setEncoding('utf8');
    return counted;
  }

  close(): void {
    this.zip.close();
  }
}

/**
 * The methods of exceljs 4.4's streaming WorkbookReader that read one part each. Its own `parse()`
 * reads the whole archive in the file's order (inflating every part, and copying a sheet that comes
 * before the workbook's index to a temporary file); here the parts are handed to it one by one, from
 * the Archive, in the order it needs them. The plan-reading tests of XLSX files pin this.
 */
interface WorkbookReaderParts {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<Row> }>;
}

/**
 * The rows of the sheet called `sheetName` (else the first sheet) of an XLSX workbook, read as they
 * inflate: nothing but the index, the shared strings, the styles and that one sheet is inflated, and
 * stopping the iteration stops the inflating. Throws WorkbookRefused for a workbook over XLSX_LIMITS.
 */
export async function* workbookRows(bytes: Buffer, sheetName: string): AsyncGenerator<Row> {
  const archive = await Archive.open(bytes);
  const parts: Readable[] = [];
  const read = async (name: string): Promise<Readable> => {
    const part = await archive.read(name);
    parts.push(part);
    return part;
  };
  try {
    const reader = new excelStream.xlsx.WorkbookReader(Readable.from([]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache', // to tell a date cell from a number
      hyperlinks: 'ignore',
      entries: 'ignore',
    }) as unknown as WorkbookReaderParts;
    await reader._parseRels(await read('xl/_rels/workbook.xml.rels'));
    await reader._parseWorkbook(await read('xl/workbook.xml'));
    if (archive.has('xl/sharedStrings.xml')) {
      for await (const _ of reader._parseSharedStrings(await read('xl/sharedStrings.xml'))) {
        // cached by the reader: nothing is emitted
      }
    }
    if (archive.has('xl/styles.xml')) {
      await reader._parseStyles(await read('xl/styles.xml'));
    }
    const sheets = reader.model?.sheets ?? [];
    const sheet = sheets.find((s) => s.name === sheetName) ?? sheets[0];
    const target = sheet && reader.workbookRels?.find((rel) => rel.Id === sheet.rId)?.Target;
    if (!target) {
      return;
    }
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    const sheetNo = /sheet(\d+)\.xml$/.exec(path)?.[1] ?? '1';
    for (const { eventType, value } of reader._parseWorksheet(await read(path), sheetNo)) {
      if (eventType === 'worksheet') {
        yield* value;
      }
    }
  } finally {
    for (const part of parts) {
      part.destroy();
    }
    archive.close();
  }
}
