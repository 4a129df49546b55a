import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { restoreBackup } from '../app/database/backup';
import { openDatabase } from './open-database';

/**
 * `npm run db:restore -- <file>`: replaces every row of the database (DATABASE_URL, else the
 * embedded one in DATA_DIR; stop the server first) with those of a backup made by db:backup, in one
 * transaction. The database gets the migrations first, so an empty one will do. A file that lacks a
 * table or column of the schema it was taken at (or has one more) is refused and nothing changes.
 */
async function main(): Promise<void> {
  const argument = process.argv[2];
  if (!argument) {
    throw new Error('give the backup file: npm run db:restore -- backups/tracker-20261123-2200.json.gz');
  }
  const file = resolve(argument);
  const raw = await readFile(file);
  const text = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  let backup: unknown;
  try {
    backup = JSON.parse(text);
  } catch {
    throw new Error(`${file} is not a tracker backup (not JSON)`);
  }
  const database = await openDatabase({ migrate: true });
  try {
    const { tables, rows } = await restoreBackup(database.dataSource, backup);
    console.log(`Restored ${rows} rows of ${tables} tables from ${file}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
