import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from './database';
import { startTestServer } from './server';
import { DIST, type Exit, runBuilt } from './support/built-tracker';

/** The built server, as `npm start` runs it (npm test builds it first). */
const MAIN = join(DIST, 'main.js');

function run(env: Record<string, string>, timeoutMs = 60_000): Promise<Exit> {
  return runBuilt('main.js', [], { NODE_ENV: 'test', WEB_DIST: '', ...env }, timeoutMs);
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

describe('the built server on its embedded Postgres, as npm start runs it', () => {
  it('keeps its data in DATA_DIR across a restart and stops the database cleanly on Ctrl-C (SIGINT)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'tracker-sigint-'));
    const start = async (): Promise<{ child: ChildProcess; url: string; output: () => string }> => {
      const child = spawn(process.execPath, [MAIN], {
        env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', WEB_DIST: '', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
      const port = await new Promise<string>((ok, fail) => {
        const timer = setInterval(() => {
          const match = /ready at http:\/\/localhost:(\d+)/.exec(output);
          if (match) {
            clearInterval(timer);
            ok(match[1]);
          }
        }, 100);
        child.on('exit', (code) => {
          clearInterval(timer);
          fail(new Error(`exited with ${code}: ${output}`));
        });
      });
      return { child, url: `http://127.0.0.1:${port}`, output: () => output };
    };
    const stop = async (child: ChildProcess): Promise<number | null> => {
      const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
      child.kill('SIGINT');
      return exited;
    };
    try {
      const first = await start();
      const milestones = (await (await fetch(`${first.url}/api/milestones?action=1`)).json()) as { id: string; title: string }[];
      expect(milestones.length).toBeGreaterThan(0);
      await expect(stop(first.child)).resolves.toBe(0);
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

      const second = await start();
      const again = (await (await fetch(`${second.url}/api/milestones?action=1`)).json()) as { id: string }[];
      expect(again.map((m) => m.id)).toEqual(milestones.map((m) => m.id));
      await expect(stop(second.child)).resolves.toBe(0);
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
