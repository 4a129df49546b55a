import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

const ROOT = resolve(__dirname, '../../../..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => ok(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface OwnTracker {
  url: string;
  stop(): Promise<void>;
}

/** Runs `seed:scale` (the built script) with these arguments on the database of `dataDir`. */
function seedScale(dataDir: string, args: string[]): Promise<void> {
  return new Promise((ok, fail) => {
    const seed = spawn(process.execPath, [join(ROOT, 'dist/api/seed-scale.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    seed.stdout?.on('data', (chunk) => (log += chunk));
    seed.stderr?.on('data', (chunk) => (log += chunk));
    seed.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`seed:scale exited with code ${code}:\n${log}`))));
  });
}

/**
 * A tracker of the test's own (the built app as `npm start` runs it, on a fresh embedded Postgres),
 * for tests that amend the Work Plan and must not change what the other browser tests read, or
 * that need generated plans beside it (`seed`: the arguments of `seed:scale`, run before it starts).
 */
export async function startOwnTracker(options: { seed?: string[] } = {}): Promise<OwnTracker> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tracker-e2e-own-'));
  await chmod(dataDir, 0o755);
  if (options.seed) {
    await seedScale(dataDir, options.seed);
  }
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/api/main.js')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, NODE_ENV: 'development', PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the tracker did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Work Plan tracker ready at')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the tracker exited with code ${code} before it was ready:\n${output}`));
    });
  });
  child.stdout?.removeAllListeners('data').resume();
  child.stderr?.removeAllListeners('data').resume();
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.removeAllListeners('exit');
      await new Promise<void>((ok) => {
        child.once('exit', () => ok());
        child.kill('SIGTERM');
      });
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A browser and a tracker of the block's own, started together before its tests and closed after
 * them (see startOwnTracker).
 */
export function useOwnTracker(options: { seed?: string[] } = {}): { readonly browser: Browser; readonly tracker: OwnTracker } {
  const own = {} as { browser: Browser; tracker: OwnTracker };
  beforeAll(async () => {
    [own.browser, own.tracker] = await Promise.all([launchBrowser(), startOwnTracker(options)]);
  });
  afterAll(async () => {
    await own.browser?.close();
    await own.tracker?.stop();
  });
  return own;
}
