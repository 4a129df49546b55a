import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built programs, as `npm start` and `npm run seed:scale` run them (npm test builds them first). */
export const DIST = resolve(__dirname, '../../../../dist/api');

export interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface BuiltTracker {
  child: ChildProcess;
  /** What it has written so far, stdout and stderr in the order they came. */
  output: () => string;
  /** Settles with its address when it says it is ready, or rejects if it exits first. */
  ready: Promise<string>;
  /** Settles with the exit code and what it wrote when the process ends. */
  exited: Promise<Exit>;
}

/** Starts the built tracker on loopback with a free port, the given variables added. */
export function launchBuilt(env: Record<string, string>): BuiltTracker {
  const child = spawn(process.execPath, [join(DIST, 'main.js')], {
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'development', WEB_DIST: '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let stdout = '';
  let stderr = '';
  const exited = new Promise<Exit>((ok) => child.on('exit', (code) => ok({ code, stdout, stderr })));
  const ready = new Promise<string>((ok, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
      const port = /ready at http:\/\/localhost:(\d+)/.exec(stdout);
      if (port) ok(`http://127.0.0.1:${port[1]}`);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      output += chunk.toString();
    });
    void exited.then(({ code }) => fail(new Error(`exited with ${code} before it was ready: ${output}`)));
  });
  ready.catch(() => undefined);
  return { child, output: () => output, ready, exited };
}

/** Waits for the exit, killing the process after `ms` so that a hang fails the test instead of stalling it. */
export async function exitWithin(tracker: BuiltTracker, ms: number): Promise<Exit> {
  const timer = setTimeout(() => tracker.child.kill('SIGKILL'), ms);
  const result = await tracker.exited;
  clearTimeout(timer);
  return result;
}

/** Stops it as an operator would (SIGTERM) and gives its exit code. */
export async function stopBuilt(tracker: BuiltTracker): Promise<number | null> {
  tracker.child.kill('SIGTERM');
  return (await exitWithin(tracker, 30_000)).code;
}

/** The process id of the embedded Postgres running on a DATA_DIR. */
export async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A DATA_DIR for the built tracker, for the specs of a describe block: before them, checks that the
 * programs are built and makes the folder; after them, kills any Postgres a spec listed in
 * `leftovers` that still runs, and removes the folder.
 */
export function useDataDir(prefix: string, programs: readonly string[] = ['main.js']): { readonly path: string; readonly leftovers: number[] } {
  let path: string | undefined;
  const leftovers: number[] = [];
  beforeAll(async () => {
    const missing = programs.filter((program) => !existsSync(join(DIST, program)));
    if (missing.length > 0) {
      throw new Error(`${missing.map((program) => join(DIST, program)).join(' and ')} missing: build first (npm test does)`);
    }
    path = await mkdtemp(join(tmpdir(), prefix));
    await chmod(path, 0o755);
  });
  afterAll(async () => {
    for (const pid of leftovers) {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    if (path) {
      // A Postgres just killed may still be removing its files: retry rather than fail on ENOTEMPTY.
      await rm(path, { recursive: true, force: true, maxRetries: 5 });
    }
  });
  return {
    get path() {
      if (!path) throw new Error('the data folder is made in beforeAll: use it in a test');
      return path;
    },
    leftovers,
  };
}

/** Runs one of the built programs to its end (killed after `timeoutMs`, failing the test) with only PATH and the given variables. */
export function runBuilt(program: string, args: readonly string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Exit> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(DIST, program), ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`${program} did not finish within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      ok({ code, stdout, stderr });
    });
  });
}
