import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from './client';
import { useDatabase } from './harness';

/** The built server, as `npm start` runs it (npm test builds it first). */
const MAIN = resolve(__dirname, '../../../dist/api/main.js');

/** An email whose newline would start a forged log line, in both log formats. */
const FORGED_EMAIL = 'evil@example.org\n{"level":30,"msg":"FORGED admin signed in"}\n[Nest] FORGED admin signed in';

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

function start(env: Record<string, string>): Promise<Running> {
  return new Promise((resolveStart, reject) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env['PATH'] ?? '', WEB_DIST: '', HOST: '127.0.0.1', PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`not ready within 60 s: ${stdout} ${stderr}`));
    }, 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = /ready at http:\/\/localhost:(\d+)/.exec(stdout);
      if (port) {
        clearTimeout(timer);
        resolveStart({ child, url: `http://127.0.0.1:${port[1]}`, output: () => stdout });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${stdout} ${stderr}`));
    });
  });
}

async function stop(running: Running): Promise<void> {
  const exited = new Promise((ok) => running.child.once('exit', ok));
  running.child.kill('SIGTERM');
  await exited;
}

async function signInAs(url: string, email: string): Promise<void> {
  const client = new Client(url);
  await client.get('/api/auth/me');
  const answer = await client.post('/api/auth/login', { email, password: 'a wrong password' });
  expect(answer.status).toBe(401);
}

describe('structured logs', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) {
      throw new Error(`${MAIN} is missing: build first (npm test does)`);
    }
  });
  const db = useDatabase();

  /** The lines the built tracker writes in this environment when a sign-in with the forged email fails. */
  const linesAfterForgedSignIn = async (environment: string): Promise<string[]> => {
    const running = await start({ NODE_ENV: environment, DATABASE_URL: db.url });
    try {
      await signInAs(running.url, FORGED_EMAIL);
      // The event is logged after the answer: wait for it.
      for (let i = 0; i < 50 && !running.output().includes('sign_in_failed'); i++) {
        await new Promise((wait) => setTimeout(wait, 100));
      }
    } finally {
      await stop(running);
    }
    return running
      .output()
      .split('\n')
      .filter((line) => line !== '');
  };

  it('writes one JSON object per line in production, with user input inside its strings', async () => {
    const lines = await linesAfterForgedSignIn('production');
    const entries = lines.map((line) => JSON.parse(line) as { level: number; time: string; msg: string; context?: string });
    expect(entries.some((e) => /^Work Plan tracker ready at/.test(e.msg) && e.context === 'Tracker' && e.level === 30)).toBe(true);
    const failed = entries.filter((e) => e.msg.startsWith('sign_in_failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0].level).toBe(40);
    expect(failed[0].context).toBe('Auth');
    expect(failed[0].msg).toContain('evil@example.org\\n{"level":30,"msg":"forged admin signed in"}\\n[nest] forged');
    expect(entries.filter((e) => /forged/i.test(e.msg) && !e.msg.startsWith('sign_in_failed'))).toEqual([]);
  });

  it('writes readable lines in development, with control characters of user input escaped', async () => {
    const lines = await linesAfterForgedSignIn('development');
    expect(lines.some((line) => line.startsWith('{'))).toBe(false);
    expect(lines.some((line) => /^\[[\d-]+ [\d:]+\] INFO.*\[Tracker\] Work Plan tracker ready at/.test(line))).toBe(true);
    const failed = lines.filter((line) => line.includes('sign_in_failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(
      /WARN.*\[Auth\] sign_in_failed · evil@example\.org\\n\{"level":30,"msg":"forged admin signed in"\}\\n\[nest\] forged admin signed in · ip/,
    );
    expect(lines.filter((line) => /forged/i.test(line) && !line.includes('sign_in_failed'))).toEqual([]);
  });
});
