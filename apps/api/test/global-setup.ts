// Starts one embedded Postgres server for the API test run; each test file makes its own fresh
// database on it (test/database.ts), so tests never share data.
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPostgres } from '../src/app/database/embedded-postgres';

export default async function globalSetup(): Promise<void> {
  if (process.env['TEST_DATABASE_URL']) {
    return; // an external server was given
  }
  const dir = await mkdtemp(join(tmpdir(), 'tracker-test-pg-'));
  await chmod(dir, 0o755);
  const log: string[] = [];
  try {
    const server = await launchPostgres({
      clusterDir: join(dir, 'data'),
      user: 'postgres',
      password: 'test',
      persistent: false,
      settings: ['fsync=off', 'max_connections=200'],
      log: (line) => log.push(line),
    });
    (globalThis as Record<string, unknown>)['__TRACKER_PG__'] = { server, dir };
    process.env['TEST_DATABASE_URL'] = server.url('postgres');
  } catch (error) {
    console.error(log.join(''));
    throw error;
  }
}
