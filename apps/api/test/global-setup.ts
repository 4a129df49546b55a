// Builds the export worker from the sources and starts one embedded Postgres server for the API
// test run; each test file makes its own fresh database on it (test/database.ts), so tests never
// share data.
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { launchPostgres } from '../src/app/database/embedded-postgres';

export default async function globalSetup(): Promise<void> {
  // The server runs in the test process (ts-jest), but its export pool loads a built worker file:
  // built here from the current sources, as `npm run build` builds it beside main.js (under dist/,
  // where it finds the packages it requires).
  const root = resolve(__dirname, '../../..');
  await mkdir(join(root, 'dist'), { recursive: true });
  const workerDir = await mkdtemp(join(root, 'dist/test-worker-'));
  await promisify(execFile)(process.execPath, [
    join(root, 'apps/api/scripts/build.mjs'),
    '--outdir',
    workerDir,
    join(root, 'apps/api/src/app/exports/render/export-worker.ts'),
  ]);
  (globalThis as Record<string, unknown>)['__TRACKER_WORKER_DIR__'] = workerDir;
  process.env['TEST_EXPORT_WORKER'] = join(workerDir, 'export-worker.js');
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
