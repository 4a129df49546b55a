import 'reflect-metadata';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { writeBackup } from '../app/database/backup';
import { openDatabase } from './open-database';

/**
 * `npm run db:backup [-- <file>]`: every row of the database (DATABASE_URL, else the embedded one in
 * DATA_DIR; stop the server first) into a gzipped JSON file, by default
 * backups/tracker-<date>-<time>.json.gz. The file is written under a temporary name and renamed
 * when complete. The JSON is written as it is read, the files' bytes a few chunks at a time.
 */
async function main(): Promise<void> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = resolve(process.argv[2] || `backups/tracker-${stamp}.json.gz`);
  const database = await openDatabase();
  try {
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
    let summary;
    try {
      summary = await writeBackup(database.dataSource, async (text) => {
        if (!gzip.write(text)) {
          await once(gzip, 'drain');
        }
      });
      gzip.end();
      await written;
    } catch (error) {
      gzip.destroy(error instanceof Error ? error : new Error(String(error)));
      await written.catch(() => undefined);
      throw error;
    }
    await rename(partial, file);
    console.log(`Backed up ${summary.rows} rows of ${summary.tables} tables (at migration ${summary.migrations.at(-1)}) to ${file}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
