import type { ApiError, CurrentUser, SessionState } from '@tracker/contracts';
import { createHash } from 'node:crypto';
import { Client, DEMO_PASSWORD, signedIn } from './client';
import { useServer, useTracker } from './harness';

describe('accounts and sign-in', () => {
  const tracker = useTracker();

  const query = tracker.query;

  it('sets a readable XSRF-TOKEN cookie on a GET that lacks one, and not again once it is there', async () => {
    const client = new Client(tracker.url);
    const me = await client.get<ApiError>('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.message).toMatch(/^sign in first/);
    const cookie = me.headers.getSetCookie().find((c) => c.startsWith('XSRF-TOKEN='));
    expect(cookie).toMatch(/^XSRF-TOKEN=[A-Za-z0-9_-]{43}; Path=\/; SameSite=Lax$/);
    const again = await client.get('/api/actions');
    expect(again.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a write that does not echo the XSRF token, sign-in included, with a message that says so', async () => {
    const client = new Client(tracker.url);
    await client.get('/api/auth/me');
    const bare = await client.post<ApiError>('/api/auth/login', { email: 'secretariat@example.org', password: DEMO_PASSWORD }, { xsrf: false });
    expect(bare.status).toBe(403);
    expect(bare.body.message).toMatch(/missing or wrong X-XSRF-TOKEN header: send the value of the XSRF-TOKEN cookie/);
    const wrong = await client.post(
      '/api/auth/login',
      { email: 'secretariat@example.org', password: DEMO_PASSWORD },
      { xsrf: false, headers: { 'x-xsrf-token': 'forged' } },
    );
    expect(wrong.status).toBe(403);
    const noCookie = await new Client(tracker.url).post(
      '/api/auth/login',
      { email: 'secretariat@example.org', password: DEMO_PASSWORD },
      { headers: { 'x-xsrf-token': 'x' } },
    );
    expect(noCookie.status).toBe(403);
    expect(client.cookies.has('tracker_session')).toBe(false);
  });

  it.each([
    ['secretariat@example.org', 'Demo Secretariat', 'secretariat', /^The Inclusion Partnership Secretariat$/],
    ['coordinator@example.org', 'Demo Coordinator', 'coordinator', /Amsterdam/],
    ['colead.labour@example.org', 'Demo Co-leader (Labour)', 'co_leader', /^Ashoka Hello Europe$/],
    ['member@example.org', 'Demo Member', 'member', /^Mareena$/],
  ])('signs in the demo account %s', async (email, name, role, organisation) => {
    const client = new Client(tracker.url);
    await client.get('/api/auth/me');
    const xsrfBefore = client.cookies.get('XSRF-TOKEN');
    const login = await client.post<CurrentUser>('/api/auth/login', { email: email.toUpperCase(), password: DEMO_PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ email, name, role, organisation: { name: expect.stringMatching(organisation) } });
    const session = login.headers.getSetCookie().find((c) => c.startsWith('tracker_session='));
    expect(session).toMatch(/^tracker_session=[A-Za-z0-9_-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
    expect(client.cookies.get('XSRF-TOKEN')).not.toBe(xsrfBefore);
    const me = await client.get<CurrentUser>('/api/auth/me');
    expect(me).toMatchObject({ status: 200, body: login.body });
    expect(Object.keys(me.body).sort()).toEqual(['editableActions', 'email', 'id', 'name', 'organisation', 'role']);
  });

  it('answers GET /api/auth/session with 200 and no user when signed out, and with the user of /api/auth/me when signed in', async () => {
    const client = new Client(tracker.url);
    const signedOut = await client.get<SessionState>('/api/auth/session');
    expect(signedOut).toMatchObject({ status: 200, body: { user: null } });
    expect(signedOut.headers.getSetCookie().some((c) => c.startsWith('XSRF-TOKEN='))).toBe(true);
    // A forged or ended session is nobody, not an error.
    const forged = await new Client(tracker.url, new Map([['tracker_session', 'x'.repeat(43)]])).get<SessionState>('/api/auth/session');
    expect(forged).toMatchObject({ status: 200, body: { user: null } });
    await client.post('/api/auth/login', { email: 'colead.labour@example.org', password: DEMO_PASSWORD });
    const signedInSession = await client.get<SessionState>('/api/auth/session');
    const me = await client.get<CurrentUser>('/api/auth/me');
    expect(signedInSession.status).toBe(200);
    expect(signedInSession.body.user).toEqual(me.body);
    expect(signedInSession.body.user?.editableActions).toEqual([1]);
    expect(signedInSession.headers.get('cache-control')).toBe('no-store');
    expect((await client.get<ApiError>('/api/auth/session?partnership=no-such-plan')).status).toBe(404);
    await client.post('/api/auth/logout', {});
    expect((await client.get<SessionState>('/api/auth/session')).body).toEqual({ user: null });
  });

  it('answers a wrong password and an unknown email with the same 401, and logs both', async () => {
    const client = new Client(tracker.url);
    await client.get('/api/auth/me');
    const wrong = await client.post<ApiError>('/api/auth/login', { email: 'member@example.org', password: 'not-the-password' });
    const unknown = await client.post<ApiError>('/api/auth/login', { email: 'nobody@example.org', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.message).toBe('wrong email or password');
    const events = await query<{ kind: string; email: string; detail: string }>(
      `SELECT kind, email, detail FROM auth_event WHERE kind = 'sign_in_failed' ORDER BY at`,
    );
    expect(events).toEqual(
      expect.arrayContaining([
        { kind: 'sign_in_failed', email: 'member@example.org', detail: 'wrong password' },
        { kind: 'sign_in_failed', email: 'nobody@example.org', detail: 'no such account' },
      ]),
    );
    expect((await query(`SELECT 1 FROM auth_event WHERE kind = 'sign_in' AND email = 'secretariat@example.org'`)).length).toBeGreaterThan(0);
  });

  it('spends as long on an unknown email as on a wrong password, so timing tells nothing', async () => {
    const client = new Client(tracker.url);
    await client.get('/api/auth/me');
    const time = async (email: string) => {
      const started = performance.now();
      expect((await client.post('/api/auth/login', { email, password: 'not-the-password' })).status).toBe(401);
      return performance.now() - started;
    };
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    // Interleaved, so that a busy machine slows both kinds alike (four tries stay under the per-email limit).
    const wrongTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 1; i <= 4; i++) {
      wrongTimes.push(await time('coordinator@example.org'));
      unknownTimes.push(await time(`ghost-${i}@example.org`));
    }
    const wrong = median(wrongTimes);
    const unknown = median(unknownTimes);
    // An argon2id verification takes tens of milliseconds; a bare database lookup a few.
    expect(unknown).toBeGreaterThan(wrong * 0.5);
  });

  it('rejects a malformed sign-in body naming the field', async () => {
    const client = new Client(tracker.url);
    await client.get('/api/auth/me');
    const answer = await client.post<ApiError>('/api/auth/login', { email: 'member@example.org' });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toEqual(['password must be text']);
    const empty = await client.post<ApiError>('/api/auth/login', { email: '', password: 'x' });
    expect(empty.body.message).toEqual(['email must not be empty']);
    const long = await client.post<ApiError>('/api/auth/login', { email: 'member@example.org', password: 'x'.repeat(1025) });
    expect(long.body.message).toEqual(['password must be at most 1024 characters']);
    const extra = await client.post<ApiError>('/api/auth/login', { email: 'member@example.org', password: 'x', remember: true });
    expect(extra.body.message).toEqual(['property remember should not exist']);
  });

  it('stores argon2id hashes with at least the OWASP parameters, and only the SHA-256 of session tokens', async () => {
    const users = await query<{ password_hash: string }>(`SELECT password_hash FROM user_account`);
    expect(users.length).toBeGreaterThanOrEqual(4);
    for (const { password_hash } of users) {
      expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
      expect(password_hash).not.toContain(DEMO_PASSWORD);
    }
    const client = await tracker.signIn('member@example.org');
    const token = client.cookies.get('tracker_session')!;
    const sessions = await query<{ token_hash: string }>(`SELECT token_hash FROM session`);
    expect(sessions.map((s) => s.token_hash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(sessions.map((s) => s.token_hash)).not.toContain(token);
  });

  it('signs out: the session ends on the server, not only in the browser', async () => {
    const client = await tracker.signIn('coordinator@example.org');
    const token = client.cookies.get('tracker_session')!;
    const logout = await client.post('/api/auth/logout');
    expect(logout.status).toBe(204);
    expect(logout.headers.getSetCookie().find((c) => c.startsWith('tracker_session='))).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await client.get('/api/auth/me')).status).toBe(401);
    // Replaying the old cookie does not help.
    const replay = new Client(tracker.url, new Map([['tracker_session', token]]));
    expect((await replay.get('/api/auth/me')).status).toBe(401);
    expect((await new Client(tracker.url).post('/api/auth/logout', undefined, { xsrf: false })).status).toBe(403);
  });

  it('ends a session after the idle time-out, and slides it while in use', async () => {
    const client = await tracker.signIn('member@example.org');
    const hash = createHash('sha256').update(client.cookies.get('tracker_session')!).digest('hex');
    await query(`UPDATE session SET last_seen_at = now() - interval '29 minutes' WHERE token_hash = $1`, [hash]);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    const [{ idle }] = await query<{ idle: number }>(`SELECT extract(epoch FROM now() - last_seen_at)::int AS idle FROM session WHERE token_hash = $1`, [hash]);
    expect(idle).toBeLessThan(5);
    await query(`UPDATE session SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = $1`, [hash]);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('ends a session at the absolute time-out, 12 hours after sign-in, however busy', async () => {
    const client = await tracker.signIn('member@example.org');
    const hash = createHash('sha256').update(client.cookies.get('tracker_session')!).digest('hex');
    const [{ hours }] = await query<{ hours: number }>(
      `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM session WHERE token_hash = $1`,
      [hash],
    );
    expect(hours).toBe(12);
    await query(`UPDATE session SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [hash]);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('replaces the session a browser had when it signs in again', async () => {
    const client = await tracker.signIn('member@example.org');
    const first = client.cookies.get('tracker_session')!;
    await client.signIn('coordinator@example.org');
    expect(client.cookies.get('tracker_session')).not.toBe(first);
    expect((await new Client(tracker.url, new Map([['tracker_session', first]])).get('/api/auth/me')).status).toBe(401);
    expect((await client.get<CurrentUser>('/api/auth/me')).body.role).toBe('coordinator');
  });

  describe('with PUBLIC_READ=false', () => {
    const closed = useServer(tracker.db, { publicRead: false });

    it('asks for sign-in to read the plan, but not for the health check', async () => {
      const anonymous = new Client(closed.url);
      for (const path of ['/api/actions', '/api/actions/1', '/api/milestones', '/api/outputs', '/api/organisations']) {
        expect([path, (await anonymous.get(path)).status]).toEqual([path, 401]);
      }
      expect((await anonymous.get('/api/health')).status).toBe(200);
      const member = await signedIn(closed.url, 'member@example.org');
      expect((await member.get('/api/milestones')).status).toBe(200);
    });
  });
});
