import { type AppConfig, type ExportsConfig, loadConfig } from '../src/app/config/config';
import type { Clock } from '../src/app/reminders/clock';
import { type RunningServer, startServer } from '../src/app/server';

const TEST_ENV = { NODE_ENV: 'test', EXPORT_WORKER: process.env['TEST_EXPORT_WORKER'], EXPORT_RATE_LIMIT: '0' } as const;

/** The export settings of the test server with some changed (a smaller pool, a rate limit). */
export function testExports(overrides: Partial<ExportsConfig>): ExportsConfig {
  return { ...loadConfig(TEST_ENV, { webDist: null }).exports, ...overrides };
}

/**
 * Starts the API on a free port on the given database, quietly, without the web app, with the
 * export worker built for this run (test/global-setup.ts). Files are not rate-limited (every spec
 * asks for many from one address); export-load.spec.ts turns the limit on.
 */
export function startTestServer(databaseUrl: string, overrides: Partial<AppConfig> = {}, clock?: Clock): Promise<RunningServer> {
  return startServer(
    {
      ...loadConfig(TEST_ENV, { webDist: null }),
      port: 0,
      host: '127.0.0.1',
      databaseUrl,
      dataDir: '/nonexistent',
      webDist: null,
      ...overrides,
    },
    { logger: false, clock },
  );
}

export async function getJson<T = unknown>(base: string, path: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`);
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}
