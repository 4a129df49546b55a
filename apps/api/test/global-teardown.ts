import { rm } from 'node:fs/promises';
import type { LaunchedPostgres } from '../src/app/database/embedded-postgres';

export default async function globalTeardown(): Promise<void> {
  const workerDir = (globalThis as Record<string, unknown>)['__TRACKER_WORKER_DIR__'] as string | undefined;
  if (workerDir) {
    await rm(workerDir, { recursive: true, force: true });
  }
  const state = (globalThis as Record<string, unknown>)['__TRACKER_PG__'] as { server: LaunchedPostgres; dir: string } | undefined;
  if (state) {
    await state.server.stop();
    await rm(state.dir, { recursive: true, force: true });
  }
}
