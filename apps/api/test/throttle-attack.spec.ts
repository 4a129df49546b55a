import type { ApiError } from '@tracker/contracts';
import { AuthEventsService } from '../src/app/auth/auth-events.service';
import { Client, DEMO_PASSWORD } from './client';
import { withClient } from './database';
import { useTracker } from './harness';

/**
 * The sign-in throttle under attack: bursts of parallel guesses get no more password checks than the
 * limits (5 per email from one address, 20 per address), nobody can lock another's account from
 * elsewhere, and a flood of refused sign-ins writes a bounded number of rows.
 */
describe('sign-in throttle under attack', () => {
  const tracker = useTracker({ config: { trustProxy: 1 } });

  async function client(): Promise<Client> {
    const c = new Client(tracker.url);
    await c.get('/api/health');
    return c;
  }

  function attempt(c: Client, ip: string, email: string, password: string) {
    return c.post<ApiError>('/api/auth/login', { email, password }, { headers: { 'x-forwarded-for': ip } });
  }

  /** Password checks that failed: each writes one sign_in_failed event. */
  async function failedChecks(where: string, params: unknown[]): Promise<number> {
    const result = await withClient(tracker.db.url, (c) =>
      c.query(`SELECT count(*)::int AS n FROM auth_event WHERE kind = 'sign_in_failed' AND ${where}`, params),
    );
    return result.rows[0].n as number;
  }

  // First, while the account has no failed sign-in behind it: the attacks below slow it down for a while.
  it('records a wrong password once, not again as a refused write', async () => {
    const c = await client();
    expect((await attempt(c, '192.0.2.88', 'member@example.org', 'wrong')).status).toBe(401);
    const rows = await withClient(tracker.db.url, (x) => x.query(`SELECT kind FROM auth_event WHERE ip = '192.0.2.88'`));
    expect(rows.rows).toEqual([{ kind: 'sign_in_failed' }]);
  });

  it('checks at most 5 passwords of a burst of 50 parallel guesses at one email from one address', async () => {
    const c = await client();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(c, '192.0.2.1', 'member@example.org', `guess-${i}`)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(await failedChecks(`email = $1 AND ip = $2`, ['member@example.org', '192.0.2.1'])).toBeLessThanOrEqual(5);
  });

  it('refuses the right password inside a burst of wrong ones once the limit is reached', async () => {
    const c = await client();
    const wrong = Array.from({ length: 26 }, (_, i) => attempt(c, '192.0.2.2', 'coordinator@example.org', `guess-${i}`));
    await Promise.all(wrong);
    const right = await attempt(c, '192.0.2.2', 'coordinator@example.org', DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(await failedChecks(`email = $1`, ['coordinator@example.org'])).toBeLessThanOrEqual(5);
  });

  it('checks at most 20 passwords of a burst of 60 parallel guesses from one address at many emails', async () => {
    const c = await client();
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => attempt(c, '192.0.2.3', `nobody-${i}@example.org`, 'guess')));
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(20);
    expect(await failedChecks(`ip = $1`, ['192.0.2.3'])).toBeLessThanOrEqual(20);
  });

  it('slows, and does not lock, an account guessed at from 50 addresses at once', async () => {
    const c = await client();
    const email = 'colead.labour@example.org';
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => attempt(c, `198.18.0.${i + 1}`, email, `guess-${i}`)));
    // 5 checks, then one every 10 seconds.
    expect(answers.filter((a) => a.status === 401).length).toBeLessThanOrEqual(6);
    expect(await failedChecks(`email = $1`, [email])).toBeLessThanOrEqual(6);
    const slowed = answers.find((a) => a.status === 429)!;
    expect(Number(slowed.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    expect(slowed.body.message).toMatch(/^too many failed sign-ins: try again in \d+ seconds?$/);
  });

  it('lets the Secretariat in from its own address after someone else failed five times', async () => {
    const c = await client();
    for (let i = 0; i < 5; i++) {
      expect((await attempt(c, '203.0.113.66', 'secretariat@example.org', `guess-${i}`)).status).toBe(401);
    }
    expect((await attempt(c, '203.0.113.66', 'secretariat@example.org', DEMO_PASSWORD)).status).toBe(429);
    const owner = await client();
    expect((await attempt(owner, '198.51.100.200', 'secretariat@example.org', DEMO_PASSWORD)).status).toBe(200);
  });

  it('adds a bounded number of rows to the security log during a 10-second flood of refused sign-ins', async () => {
    const c = await client();
    const count = async () => (await withClient(tracker.db.url, (x) => x.query(`SELECT count(*)::int AS n FROM auth_event`))).rows[0].n as number;
    const before = await count();
    const until = Date.now() + 10_000;
    let sent = 0;
    const worker = async () => {
      while (Date.now() < until) {
        const answer = await attempt(c, '192.0.2.77', 'member@example.org', 'guess');
        expect([401, 429]).toContain(answer.status);
        sent++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(sent).toBeGreaterThan(100);
    // At most 5 failed checks and one "throttled" event for the pair.
    expect((await count()) - before).toBeLessThanOrEqual(6);
  });

  it('deletes security events older than AUTH_EVENT_RETENTION_DAYS (90 by default)', async () => {
    await withClient(tracker.db.url, (x) =>
      x.query(`INSERT INTO auth_event (at, kind, email, ip) VALUES (now() - interval '91 days', 'sign_in_failed', 'old@example.org', '192.0.2.99'),
                                                                 (now() - interval '89 days', 'sign_in_failed', 'recent@example.org', '192.0.2.99')`),
    );
    const purged = await tracker.server.app.get(AuthEventsService).purgeExpired();
    expect(purged).toBeGreaterThanOrEqual(1);
    const left = await withClient(tracker.db.url, (x) => x.query(`SELECT email FROM auth_event WHERE ip = '192.0.2.99' ORDER BY email`));
    expect(left.rows).toEqual([{ email: 'recent@example.org' }]);
  });
});
