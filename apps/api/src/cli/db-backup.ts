import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { takeBackup } from '../app/database/backup';
import { openDatabase } from './open-database';

/**
 * `npm run db:backup [-- <file>]`: every row of the database (DATABASE_URL, else the embedded one in
 * DATA_DIR; stop the server first) into a gzipped JSON file, by default
 * backups/tracker-<date>-<time>.json.gz. The file is written under a temporary name and renamed
 * when complete.
 */
async function main(): Promise<void> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const file = resolve(process.argv[2] || `backups/tracker-${stamp}.json.gz`);
  const database = await openDatabase();
  try {
    const backup = await takeBackup(database.dataSource);
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    await pipeline(Readable.from([JSON.stringify(backup)]), createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, file);
    const rows = Object.values(backup.tables).reduce((sum, t) => sum + t.length, 0);
    console.log(`Backed up ${rows} rows of ${Object.keys(backup.tables).length} tables (at migration ${backup.migrations.at(-1)}) to ${file}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
