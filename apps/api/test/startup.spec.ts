import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase } from './database';
import { startTestServer } from './server';

/** The built server, as `npm start` runs it (npm test builds it first). */
const MAIN = resolve(__dirname, '../../../dist/api/main.js');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(env: Record<string, string>, timeoutMs = 60_000): Promise<Exit> {
  return new Promise((resolveExit, reject) => {
    const child: ChildProcess = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', WEB_DIST: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveExit({ code, stdout, stderr });
    });
  });
}

/** The process must end with exactly one line on stderr, and no stack trace. */
function lastErrorLine(exit: Exit): string {
  const lines = exit.stderr.split('\n').filter((l) => l.trim() !== '' && !l.includes('DeprecationWarning') && !l.includes('--trace-deprecation'));
  expect(lines).toHaveLength(1);
  expect(exit.stderr).not.toMatch(/\n\s+at /);
  return lines[0];
}

describe('starting the built server with bad settings', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) {
      throw new Error(`${MAIN} is missing: build first (npm test does)`);
    }
  });

  it('exits with one line when DATABASE_URL is not a URL', async () => {
    const exit = await run({ DATABASE_URL: 'not a url' });
    expect(exit.code).toBe(1);
    expect(lastErrorLine(exit)).toBe('Cannot start: DATABASE_URL must be a URL such as postgres://user:password@host:5432/database');
  });

  it('exits with one line when the database does not answer, without showing the password', async () => {
    const exit = await run({ DATABASE_URL: 'postgres://tracker:secret@127.0.0.1:1/tracker' });
    expect(exit.code).toBe(1);
    const line = lastErrorLine(exit);
    expect(line).toMatch(/^Cannot start: cannot connect to the database at postgres:\/\/tracker:\*\*\*@127\.0\.0\.1:1\/tracker: .*ECONNREFUSED/);
    expect(line).not.toContain('secret');
  });

  it('exits with one line when PORT is not a port', async () => {
    const exit = await run({ PORT: 'eighty' });
    expect(exit.code).toBe(1);
    expect(lastErrorLine(exit)).toBe('Cannot start: PORT must be a whole number from 0 to 65535, got "eighty"');
  });

  it('exits with one line when DATA_DIR cannot be written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-startup-'));
    const file = join(dir, 'a-file');
    await writeFile(file, 'not a directory');
    try {
      const exit = await run({ DATA_DIR: join(file, 'data') });
      expect(exit.code).toBe(1);
      expect(lastErrorLine(exit)).toBe(`Cannot start: DATA_DIR ${join(file, 'data')} is not a writable directory (ENOTDIR)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits with one line in production while the database has demo accounts', async () => {
    const db = await createTestDatabase();
    try {
      // A development start creates the demo accounts...
      const dev = await startTestServer(db.url);
      await dev.close();
      // ...and a production start on the same database refuses to run with them.
      const exit = await run({ NODE_ENV: 'production', DATABASE_URL: db.url, PORT: '0' });
      expect(exit.code).toBe(1);
      expect(lastErrorLine(exit)).toBe(
        'Cannot start: the database has demo accounts with the published password (colead.labour@example.org, coordinator@example.org, member@example.org, secretariat@example.org); delete them from user_account before starting in production',
      );
    } finally {
      await db.drop();
    }
  });

  describe('when PORT is taken', () => {
    let blocker: Server;
    let port: number;

    beforeAll(async () => {
      blocker = createServer();
      await new Promise<void>((r) => blocker.listen(0, '0.0.0.0', () => r()));
      const address = blocker.address();
      port = typeof address === 'object' && address ? address.port : 0;
    });

    afterAll(async () => {
      await new Promise((r) => blocker.close(r));
    });

    it('exits with one line naming the port, before starting a database', async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'tracker-startup-'));
      try {
        const exit = await run({ PORT: String(port), DATA_DIR: dataDir }, 120_000);
        expect(exit.code).toBe(1);
        expect(lastErrorLine(exit)).toBe(`Cannot start: PORT ${port} is already in use; stop the other program or set PORT to a free port`);
        expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    }, 150_000);
  });
});
