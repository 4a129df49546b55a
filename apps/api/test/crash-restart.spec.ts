import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built server, as `npm start` runs it (npm test builds it first). */
const MAIN = resolve(__dirname, '../../../dist/api/main.js');

interface Tracker {
  child: ChildProcess;
  /** Settles with the exit code (and the output so far) when the process ends. */
  exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
  /** Settles when the tracker says it is ready, or rejects if it exits first. */
  ready: Promise<void>;
}

function launch(dataDir: string): Tracker {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'development', WEB_DIST: '', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((ok) => child.on('exit', (code) => ok({ code, stdout, stderr })));
  const ready = new Promise<void>((ok, fail) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Work Plan tracker ready at')) ok();
    });
    void exited.then(({ code }) => fail(new Error(`exited with ${code} before it was ready: ${stdout} ${stderr}`)));
  });
  ready.catch(() => undefined);
  return { child, exited, ready };
}

/** Waits for the exit, killing the process after `ms` so that a hang fails the test instead of stalling it. */
async function exitWithin(tracker: Tracker, ms: number) {
  const timer = setTimeout(() => tracker.child.kill('SIGKILL'), ms);
  const result = await tracker.exited;
  clearTimeout(timer);
  return result;
}

function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '' && !l.includes('DeprecationWarning') && !l.includes('--trace-deprecation'));
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a start after a crash, a second instance, a damaged database', () => {
  let dataDir: string;
  const leftovers: number[] = [];

  beforeAll(async () => {
    if (!existsSync(MAIN)) {
      throw new Error(`${MAIN} is missing: build first (npm test does)`);
    }
    dataDir = await mkdtemp(join(tmpdir(), 'tracker-crash-'));
    await chmod(dataDir, 0o755);
  });

  afterAll(async () => {
    for (const pid of leftovers) {
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('comes up again after the tracker was killed with SIGKILL, stopping the Postgres it left', async () => {
    const first = launch(dataDir);
    await first.ready;
    const orphan = await postmasterPid(dataDir);
    leftovers.push(orphan);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // what a crash leaves behind

    const second = launch(dataDir);
    await second.ready;
    expect(alive(orphan)).toBe(false);
    const fresh = await postmasterPid(dataDir);
    leftovers.push(fresh);
    second.child.kill('SIGTERM');
    expect((await exitWithin(second, 30_000)).code).toBe(0);
    expect(alive(fresh)).toBe(false);
  });

  it('refuses a second tracker on the same DATA_DIR in one line, exit code 1, while the first keeps running', async () => {
    const first = launch(dataDir);
    await first.ready;
    leftovers.push(await postmasterPid(dataDir));
    try {
      const second = await exitWithin(launch(dataDir), 30_000);
      expect(second.code).toBe(1);
      const lines = errorLines(second.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^Cannot start: another tracker \(process \d+\) is running on the database in .*; stop it first, or give this one another DATA_DIR$/,
      );
      expect(first.child.exitCode).toBeNull();
    } finally {
      first.child.kill('SIGTERM');
      await exitWithin(first, 30_000);
    }
  });

  it('exits with code 1 and says so when its embedded Postgres dies under it', async () => {
    const tracker = launch(dataDir);
    await tracker.ready;
    const pid = await postmasterPid(dataDir);
    leftovers.push(pid);
    process.kill(pid, 'SIGKILL');
    const exit = await exitWithin(tracker, 30_000);
    expect(exit.code).toBe(1);
    // The database driver may report the lost connections first; the last line says what happened.
    expect(errorLines(exit.stderr).at(-1)).toMatch(/^Stopping: the embedded Postgres in .* stopped \(signal SIGKILL\); start the tracker again/);
  });

  it('exits with code 1 and one line when the cluster is damaged', async () => {
    await writeFile(join(dataDir, 'postgres', 'global', 'pg_control'), 'damaged');
    const exit = await exitWithin(launch(dataDir), 60_000);
    expect(exit.code).toBe(1);
    const lines = errorLines(exit.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: the embedded Postgres in .*postgres did not start: /);
  });
});
