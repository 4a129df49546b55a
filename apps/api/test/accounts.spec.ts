import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CurrentUser } from '@tracker/contracts';
import { StartupError } from '../src/app/server';
import { AccountError, createAccount, DEMO_ACCOUNTS } from '../src/app/accounts/account-setup';
import { Client } from './client';
import { createTestDatabase, withClient } from './database';
import { startTestServer } from './server';
import { useDatabase } from './harness';
import { DIST, runBuilt } from './support/built-tracker';

const CLI = join(DIST, 'user-create.js');
const runCli = (args: string[], env: Record<string, string>) => runBuilt('user-create.js', args, env);
describe('accounts', () => {
  const db = useDatabase();

  const emails = () =>
    withClient(db.url, async (c) => (await c.query<{ email: string }>(`SELECT email FROM user_account ORDER BY email`)).rows.map((r) => r.email));

  it('creates the demo accounts once, outside production', async () => {
    const first = await startTestServer(db.url);
    await first.close();
    const second = await startTestServer(db.url);
    await second.close();
    expect(await emails()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
  });

  it('refuses to start in production while demo accounts exist, in one line', async () => {
    const attempt = startTestServer(db.url, { environment: 'production' });
    await expect(attempt).rejects.toThrow(StartupError);
    await expect(attempt).rejects.toThrow(
      'the database has demo accounts with the published password (colead.labour@example.org, coordinator@example.org, member@example.org, secretariat@example.org); delete them from user_account before starting in production',
    );
  });

  it('creates no account in production', async () => {
    const own = await createTestDatabase();
    try {
      const server = await startTestServer(own.url, { environment: 'production' });
      try {
        const count = await withClient(own.url, async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM user_account`)).rows[0].n);
        expect(count).toBe(0);
        // Production cookies are Secure.
        const client = new Client(server.url);
        const answer = await client.get('/api/auth/me');
        expect(answer.headers.getSetCookie()[0]).toMatch(/; Secure; SameSite=Lax$/);
        expect(answer.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
        await createAccount(
          server.dataSource.manager,
          { email: 'admin@example.net', name: 'Admin', role: 'secretariat', organisation: 'dg-home' },
          'long-enough-pw',
        );
        const login = await client.post('/api/auth/login', { email: 'admin@example.net', password: 'long-enough-pw' });
        expect(login.status).toBe(200);
        const cookies = login.headers.getSetCookie();
        expect(cookies.find((c) => c.startsWith('tracker_session='))).toMatch(/; HttpOnly; Secure; SameSite=Lax$/);
        expect(cookies.find((c) => c.startsWith('XSRF-TOKEN='))).toMatch(/; Secure; SameSite=Lax$/);
      } finally {
        await server.close();
      }
    } finally {
      await own.drop();
    }
  });

  it('refuses an account with a duplicate email, an unknown organisation or a bad role', async () => {
    const server = await startTestServer(db.url);
    try {
      const manager = server.dataSource.manager;
      const base = { email: 'new@example.net', name: 'New Person', role: 'member' as const, organisation: 'mareena' };
      await expect(createAccount(manager, { ...base, email: 'Member@Example.org' }, 'long-enough-pw')).rejects.toThrow(
        new AccountError('an account for member@example.org already exists'),
      );
      await expect(createAccount(manager, { ...base, organisation: 'Atlantis' }, 'long-enough-pw')).rejects.toThrow(/no organisation is called "Atlantis"/);
      await expect(createAccount(manager, { ...base, role: 'admin' as never }, 'long-enough-pw')).rejects.toThrow(
        'the role must be one of secretariat, coordinator, co_leader, member, got "admin"',
      );
      await expect(createAccount(manager, { ...base, email: 'not-an-address' }, 'long-enough-pw')).rejects.toThrow('"not-an-address" is not an email address');
      // An alias finds the organisation too.
      await createAccount(manager, { ...base, organisation: 'Mareena (SK)' }, 'long-enough-pw');
      expect(await emails()).toContain('new@example.net');
    } finally {
      await server.close();
    }
  });

  describe('npm run user:create (the built command)', () => {
    beforeAll(() => {
      if (!existsSync(CLI)) {
        throw new Error(`${CLI} is missing: build first (node apps/api/scripts/build.mjs)`);
      }
    });

    it('creates an account that can sign in, with the password from TRACKER_USER_PASSWORD', async () => {
      const run = await runCli(['--email', 'Lead@Flanders.example', '--name', 'Flanders Lead', '--role', 'co_leader', '--organisation', 'flanders'], {
        DATABASE_URL: db.url,
        TRACKER_USER_PASSWORD: 'a-long-secret-phrase',
      });
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Created the co_leader account lead@flanders\.example \(.*Flanders.*\)\.\n$/);

      const server = await startTestServer(db.url);
      try {
        const client = new Client(server.url);
        const user = await client.signIn('lead@flanders.example', 'a-long-secret-phrase');
        expect(user).toMatchObject<Partial<CurrentUser>>({ role: 'co_leader', name: 'Flanders Lead', editableActions: [1, 3] });
      } finally {
        await server.close();
      }
    });

    it.each([
      [
        ['--email', 'x@example.net', '--name', 'X', '--role', 'boss', '--organisation', 'flanders'],
        'a-long-secret-phrase',
        'Cannot create the account: --role must be one of secretariat, coordinator, co_leader, member, got "boss"',
      ],
      [
        ['--email', 'x@example.net', '--name', 'X', '--role', 'member', '--organisation', 'flanders'],
        'short',
        'Cannot create the account: the password must be at least 12 characters long',
      ],
      [['--email', 'x@example.net', '--role', 'member', '--organisation', 'flanders'], 'a-long-secret-phrase', 'Cannot create the account: missing --name'],
      [
        ['--email', 'x@example.net', '--name', 'X', '--role', 'member', '--organisation', 'flanders'],
        '',
        'Cannot create the account: no terminal to ask for the password on: set TRACKER_USER_PASSWORD',
      ],
    ])('refuses %j', async (args, password, message) => {
      const run = await runCli(args, { DATABASE_URL: db.url, TRACKER_USER_PASSWORD: password });
      expect(run.code).toBe(1);
      expect(run.stderr.split('\n')[0]).toBe(message);
    });
  });
});
