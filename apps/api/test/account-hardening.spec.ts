import { spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import type { Account, Milestone, MonitoringCall, Output, Role } from '@tracker/contracts';
import { AccountsRepository } from '../src/app/accounts/accounts.repository';
import { hashToken } from '../src/app/auth/sessions.service';
import { escapeForLog, escapeJsonLine } from '../src/app/logging/logging';
import { seedScalePlans } from '../src/app/seed/scale-plan';
import { Client } from './client';
import { withClient } from './database';
import { newUser, TEST_PASSWORD } from './fixtures';
import { useDatabase, useTracker } from './harness';
import { tokenOf } from './smtp';
import { alive, DIST, launchBuilt, postmasterPid, stopBuilt, useDataDir } from './support/built-tracker';

const PUBLIC_URL = 'https://tracker.example.org';
const NEW_PASSWORD = 'a-long-new-password';

/** A raw HTTP request, with headers fetch would not let through (Host). */
function rawRequest(url: string, method: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => ok({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', fail);
    request.end();
  });
}

/** The Cookie and X-XSRF-TOKEN headers a signed-in client sends with a write. */
function writeHeaders(client: Client): Record<string, string> {
  return {
    cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    'x-xsrf-token': decodeURIComponent(client.cookies.get('XSRF-TOKEN') ?? ''),
  };
}

describe('accounts, feeds and partnerships held tight', () => {
  const tracker = useTracker({ smtp: true, config: { publicUrl: PUBLIC_URL } });
  const smtp = tracker.smtp;
  const secretariat = tracker.as('secretariat');

  const accountOf = async (email: string): Promise<Account> => {
    const accounts = (await secretariat.get<Account[]>('/api/accounts')).body;
    const account = accounts.find((a) => a.email === email);
    if (!account) throw new Error(`no account ${email}`);
    return account;
  };
  /** Invites an account into the organisation of an existing one. */
  const invite = async (account: { email: string; name: string; role: Role }, colleague: string) =>
    secretariat.post<Account>('/api/accounts', { ...account, organisationId: (await accountOf(colleague)).organisation.id });
  const feedTokens = async (userId: string): Promise<number> =>
    (await tracker.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM calendar_token WHERE user_id = $1`, [userId]))[0].n;
  const feedStatus = async (url: string): Promise<number> => (await fetch(`${tracker.url}${new URL(url).pathname}`)).status;

  describe('a private calendar feed lives only while its account is active', () => {
    /** A new account of the role, signed in, with a private feed that answers. */
    const withFeed = async (role: 'member' | 'co_leader') => {
      const email = await newUser(tracker, { role });
      const person = await tracker.signIn(email, TEST_PASSWORD);
      const feed = (await person.post<{ url: string }>('/api/calendar/private-feed')).body;
      expect(await feedStatus(feed.url)).toBe(200);
      return { email, feed };
    };

    it('gives the feed an address on PUBLIC_URL, whatever Host the request names', async () => {
      const answer = await rawRequest(`${tracker.url}/api/calendar/private-feed`, 'POST', { ...writeHeaders(secretariat), host: 'evil.example' });
      expect(answer.status).toBe(201);
      const feed = JSON.parse(answer.body) as { url: string; webcal: string };
      expect(feed.url).toMatch(/^https:\/\/tracker\.example\.org\/api\/calendar\/private\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(feed.webcal).toBe(feed.url.replace(/^https:/, 'webcal:'));
      expect(await feedStatus(feed.url)).toBe(200);
    });

    it("answers 404 for a deactivated account's token, and deactivating deletes the token in the same change", async () => {
      const { email, feed } = await withFeed('member');
      const account = await accountOf(email);

      // A token that outlives its account (written before this rule, say) answers nothing.
      await tracker.dataSource.query(`UPDATE user_account SET deactivated_at = now() WHERE id = $1`, [account.id]);
      expect(await feedStatus(feed.url)).toBe(404);
      await tracker.dataSource.query(`UPDATE user_account SET deactivated_at = NULL WHERE id = $1`, [account.id]);
      expect(await feedStatus(feed.url)).toBe(200);

      const deactivated = await secretariat.post<Account>(`/api/accounts/${account.id}/deactivate`);
      expect([deactivated.status, deactivated.body.status]).toEqual([200, 'deactivated']);
      expect(await feedTokens(account.id)).toBe(0);
      expect(await feedStatus(feed.url)).toBe(404);
    });

    it('revokes the feed when the password is reset', async () => {
      const { email, feed } = await withFeed('co_leader');

      const anonymous = new Client(tracker.url);
      await anonymous.get('/api/auth/me');
      expect((await anonymous.post('/api/auth/password-reset', { email })).status).toBe(202);
      const [mail] = await smtp.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Reset your password'));
      const reset = await anonymous.post('/api/auth/password-reset/complete', { token: tokenOf(mail, '/reset-password'), password: NEW_PASSWORD });
      expect(reset.status).toBe(200);
      expect(await feedTokens((await accountOf(email)).id)).toBe(0);
      expect(await feedStatus(feed.url)).toBe(404);
    });
  });

  it('gives concurrent additions to one Action each its own position (2 x 25 milestones, 2 x 25 outputs)', async () => {
    const clients = [secretariat, await tracker.signIn('secretariat@example.org')];
    const answers = await Promise.all(
      clients.flatMap((client, c) =>
        Array.from({ length: 25 }, (_, i) => [
          client.post<Milestone>('/api/milestones', { actionNumber: 3, title: `Concurrent step ${c}-${i}`, windowText: 'March 2026' }),
          client.post<Output>('/api/outputs', { actionNumber: 3, title: `Concurrent output ${c}-${i}`, dueText: 'March 2026' }),
        ]).flat(),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 201));
    for (const table of ['milestone', 'output']) {
      const rows = await tracker.dataSource.query<{ sort_order: number }[]>(
        `SELECT t.sort_order FROM ${table} t JOIN action a ON a.id = t.action_id JOIN partnership p ON p.id = a.partnership_id
          WHERE a.number = 3 AND p.seed_key = 'inclusion-of-migrants-and-refugees'`,
      );
      const orders = rows.map((r) => r.sort_order);
      expect(orders.length).toBeGreaterThanOrEqual(50);
      expect([table, orders.length - new Set(orders).size]).toEqual([table, 0]);
    }
  });

  it('sends no reminders to an invited account that never set a password', async () => {
    const invited = await invite({ email: 'never.came@example.eu', name: 'Never Came', role: 'secretariat' }, 'secretariat@example.org');
    expect([invited.status, invited.body.status]).toEqual([201, 'invited']);
    const recipients = (await tracker.server.app.get(AccountsRepository).recipients()).map((r) => r.email);
    expect(recipients).toContain('secretariat@example.org');
    expect(recipients).not.toContain('never.came@example.eu');
  });

  describe('decided and documented (docs/security.md)', () => {
    const SCALE = 'scale-0001';

    it("keeps a partnership's calls, risks and register to its people; its plan stays readable by all", async () => {
      await tracker.dataSource.transaction((manager) => seedScalePlans(manager, { partnerships: 1, items: 20 }));
      const member = await tracker.signIn('member@example.org');
      const coordinator = await tracker.signIn('coordinator@example.org');
      // The Work Plan's own people read its calls, risks and register.
      for (const client of [member, coordinator, secretariat]) {
        for (const path of ['/api/risks', '/api/risk-register', '/api/monitoring-calls', '/api/exports/risks.csv']) {
          expect([path, (await client.get(path)).status]).toEqual([path, 200]);
        }
      }
      // Another partnership's: refused to those without a seat in it, whatever their role; its plan is open.
      for (const client of [member, coordinator, secretariat]) {
        expect((await client.get(`/api/milestones?partnership=${SCALE}`)).status).toBe(200);
        for (const path of ['/api/risks', '/api/risk-register', '/api/monitoring-calls', '/api/exports/risk-register.csv', '/api/exports/follow-ups.xlsx']) {
          const answer = await client.get<{ message: string }>(`${path}?partnership=${SCALE}`);
          expect([path, answer.status, answer.body.message]).toEqual([path, 403, expect.stringMatching(/no seat in this partnership/)]);
        }
      }
      // A seat opens them: the Secretariat's organisation joins, records a call; still closed to the member.
      await tracker.dataSource.query(
        `INSERT INTO partnership_member (partnership_id, organisation_id, coordinator)
         SELECT p.id, u.organisation_id, true FROM partnership p, user_account u WHERE p.seed_key = $1 AND u.email = 'secretariat@example.org'`,
        [SCALE],
      );
      expect((await secretariat.get(`/api/risks?partnership=${SCALE}`)).status).toBe(200);
      const call = await secretariat.post<MonitoringCall>(`/api/monitoring-calls?partnership=${SCALE}`, { heldOn: '2026-11-20', actionNumbers: [1] });
      expect(call.status).toBe(201);
      const followUp = await secretariat.post<{ id: string }>(`/api/monitoring-calls/${call.body.id}/follow-ups`, { what: 'Share the notes' });
      expect(followUp.status).toBe(201);
      const risk = await secretariat.post<{ id: string }>('/api/risk-register', { partnership: SCALE, actionNumber: 1, title: 'Slow uptake' });
      expect(risk.status).toBe(201);
      for (const path of [
        `/api/monitoring-calls/${call.body.id}`,
        `/api/monitoring-calls/${call.body.id}/history`,
        `/api/exports/monitoring-calls/${call.body.id}/pack.pdf`,
        `/api/follow-ups/${followUp.body.id}`,
        `/api/follow-ups/${followUp.body.id}/history`,
        `/api/risk-register/${risk.body.id}`,
        `/api/risk-register/${risk.body.id}/history`,
      ]) {
        expect([path, (await secretariat.get(path)).status]).toEqual([path, 200]);
        expect([path, (await member.get(path)).status]).toEqual([path, 403]);
      }
    });

    it('never activates an invited account by a password reset: no link is mailed, and an earlier link is refused', async () => {
      const invited = await invite({ email: 'not.yet@example.eu', name: 'Not Yet', role: 'member' }, 'member@example.org');
      expect(invited.status).toBe(201);
      const anonymous = new Client(tracker.url);
      await anonymous.get('/api/auth/me');
      // The same answer as for any address, and nothing written or mailed.
      expect((await anonymous.post('/api/auth/password-reset', { email: 'not.yet@example.eu' })).status).toBe(202);
      const written = await tracker.dataSource.query<{ tokens: number; mails: number }[]>(
        `SELECT (SELECT count(*)::int FROM account_token WHERE user_id = $1 AND purpose = 'password_reset') AS tokens,
                (SELECT count(*)::int FROM mail_outbox WHERE kind = 'password_reset' AND to_address = $2) AS mails`,
        [invited.body.id, 'not.yet@example.eu'],
      );
      expect(written).toEqual([{ tokens: 0, mails: 0 }]);

      // A reset link made for the account anyway (mailed before this rule) does not set its first password.
      const token = 'an-earlier-reset-link-token-of-the-invited-account';
      await tracker.dataSource.query(
        `INSERT INTO account_token (user_id, purpose, token_hash, expires_at) VALUES ($1, 'password_reset', $2, now() + interval '30 minutes')`,
        [invited.body.id, hashToken(token)],
      );
      const refused = await anonymous.post<{ message: string }>('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD });
      expect([refused.status, refused.body.message]).toEqual([400, expect.stringMatching(/^token: /)]);
      expect((await accountOf('not.yet@example.eu')).status).toBe('invited');
    });

    it('refuses a sign-in that a browser says another site started, though its XSRF pair matches', async () => {
      const signIn = async (site?: string) => {
        const client = new Client(tracker.url);
        await client.get('/api/auth/me');
        const headers = site ? { 'sec-fetch-site': site } : undefined;
        return client.post<{ message: string }>('/api/auth/login', { email: 'member@example.org', password: 'demo-password' }, { headers });
      };
      for (const site of ['cross-site', 'same-site']) {
        const answer = await signIn(site);
        expect([site, answer.status, answer.body.message]).toEqual([site, 403, expect.stringMatching(/another site/)]);
      }
      expect((await signIn('same-origin')).status).toBe(200);
      expect((await signIn()).status).toBe(200); // no Fetch Metadata (a script): the double-submit alone
    });
  });
});

describe('log lines', () => {
  it('escapes the line separators and next-line (U+2028, U+2029, U+0085) and the other C1 controls', () => {
    expect(escapeForLog('a\u2028b\u2029c\u0085d\u009be\nf\\')).toBe('a\\u2028b\\u2029c\\u0085d\\u009be\\nf\\\\');
    const line = JSON.stringify({ msg: 'a\u2028b\u0085c\u007f' });
    expect(escapeJsonLine(line)).toBe('{"msg":"a\\u2028b\\u0085c\\u007f"}');
    expect(JSON.parse(escapeJsonLine(line))).toEqual(JSON.parse(line));
  });
});

const launch = launchBuilt;
const stop = stopBuilt;

/** Lines of a log that report an error (the readable form's level, or a stack trace's first line). */
const errorLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => /\bERROR\b|^\s*at |Error:|error:/.test(line) && !line.includes('DeprecationWarning') && !line.includes('--trace-deprecation'));

describe('the built tracker on its embedded Postgres: starts and stops in order, and says what it did', () => {
  const data = useDataDir('tracker-hardening-', ['main.js', 'seed-scale.js']);
  const leftovers = data.leftovers;
  const postmaster = () => postmasterPid(data.path);

  it('logs no error on a clean stop, and writes U+2028 and U+0085 of user input escaped', async () => {
    const tracker = launch({ DATA_DIR: data.path });
    const url = await tracker.ready;
    leftovers.push(await postmaster());
    const client = new Client(url);
    await client.get('/api/auth/me');
    expect((await client.post('/api/auth/login', { email: 'line\u2028forged\u0085next@example.org', password: 'wrong password' })).status).toBe(401);
    for (let i = 0; i < 100 && !tracker.output().includes('sign_in_failed'); i++) {
      await new Promise((wait) => setTimeout(wait, 100));
    }
    expect(await stop(tracker)).toBe(0);
    const output = tracker.output();
    expect(output).toContain('SIGTERM received: stopping the server and the database');
    expect(errorLines(output)).toEqual([]);
    const failed = output.split('\n').filter((line) => line.includes('sign_in_failed'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain('line\\u2028forged\\u0085next@example.org');
    expect(/[\u2028\u2029\u0085]/.test(output)).toBe(false);
  });

  it('says so when it stops the Postgres a killed tracker left running', async () => {
    const first = launch({ DATA_DIR: data.path });
    await first.ready;
    const orphan = await postmaster();
    leftovers.push(orphan);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true);

    const second = launch({ DATA_DIR: data.path });
    await second.ready;
    leftovers.push(await postmaster());
    expect(alive(orphan)).toBe(false);
    expect(await stop(second)).toBe(0);
    const said = second
      .output()
      .split('\n')
      .filter((line) => line.includes('left running'));
    expect(said).toEqual([
      expect.stringMatching(
        new RegExp(`WARN.*\\[Database\\] stopping the Postgres \\(process ${orphan}\\) left running on .*postgres by a tracker that was killed`),
      ),
    ]);
    expect(errorLines(second.output())).toEqual([]);
  });
});

describe('seed:scale flags', () => {
  const db = useDatabase();

  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((ok) => {
      const child = spawn(process.execPath, [join(DIST, 'seed-scale.js'), ...args], {
        env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', DATABASE_URL: db.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('exit', (code) => ok({ code, stdout, stderr }));
    });
  const scalePartnerships = () =>
    withClient(db.url, async (c) => {
      const [{ exists }] = (await c.query<{ exists: boolean }>(`SELECT to_regclass('partnership') IS NOT NULL AS exists`)).rows;
      return exists ? (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM partnership WHERE seed_key LIKE 'scale-%'`)).rows[0].n : 0;
    });

  it('prints its usage for --help and seeds nothing', async () => {
    const help = await run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run seed:scale -- \[--partnerships N\] \[--items N\] \[--prefix name\]/);
    expect(await scalePartnerships()).toBe(0);
  });

  it('refuses an unknown flag or a stray argument, naming it, and seeds nothing', async () => {
    const unknown = await run(['--partnership', '3']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("Unknown option '--partnership'");
    const stray = await run(['5']);
    expect(stray.code).toBe(1);
    expect(stray.stderr).toContain("Unexpected argument '5'");
    expect(await scalePartnerships()).toBe(0);
  });
});
