import type { ApiError } from '@tracker/contracts';
import { Client, DEMO_PASSWORD } from './client';
import { withClient } from './database';
import { useTracker } from './harness';

/** Failed sign-ins: 5 per email address from one client address, and 20 per client address, in 15 minutes, then 429. */
describe('sign-in throttling', () => {
  // Behind one proxy, so that X-Forwarded-For gives each test its own client address.
  const tracker = useTracker({ config: { trustProxy: 1 } });

  async function attempt(ip: string, email: string, password: string) {
    const client = new Client(tracker.url);
    await client.get('/api/health');
    return client.post<ApiError>('/api/auth/login', { email, password }, { headers: { 'x-forwarded-for': ip } });
  }

  it('refuses an email address from one client address after 5 failures, even with the right password, and says when to retry', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await attempt('198.51.100.1', 'member@example.org', `guess-${i}`)).status).toBe(401);
    }
    const blocked = await attempt('198.51.100.1', 'member@example.org', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: 'too many failed sign-ins: try again in 15 minutes' });
    const retryAfter = Number(blocked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Other accounts are not affected.
    expect((await attempt('198.51.100.1', 'coordinator@example.org', DEMO_PASSWORD)).status).toBe(200);
    const logged = await withClient(tracker.db.url, (c) =>
      c.query(`SELECT 1 FROM auth_event WHERE kind = 'sign_in_throttled' AND email = 'member@example.org'`),
    );
    expect(logged.rowCount).toBe(1);
  });

  it('lets the address in again once the window has passed', async () => {
    await withClient(tracker.db.url, (c) =>
      c.query(`UPDATE login_throttle SET window_start = now() - interval '16 minutes' WHERE key LIKE 'pair:198.51.100.1 %'`),
    );
    expect((await attempt('198.51.100.1', 'member@example.org', DEMO_PASSWORD)).status).toBe(200);
  });

  it('forgets the failures of an email address once it signs in', async () => {
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) {
        expect((await attempt('198.51.100.4', 'colead.labour@example.org', `guess-${i}`)).status).toBe(401);
      }
      expect((await attempt('198.51.100.4', 'colead.labour@example.org', DEMO_PASSWORD)).status).toBe(200);
    }
  });

  it('refuses a client address after 20 failures across many email addresses', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 20; i++) {
      expect((await attempt(ip, `someone-${i % 5}@example.org`, 'guess')).status).toBe(401);
    }
    const blocked = await attempt(ip, 'secretariat@example.org', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same account from another address is fine.
    expect((await attempt('203.0.113.10', 'secretariat@example.org', DEMO_PASSWORD)).status).toBe(200);
  });
});
