import type { Account, AccountChange, CurrentUser, Organisation, OutboxMail, Profile } from '@tracker/contracts';
import { Client } from './client';
import { withClient } from './database';
import { tokenOf } from './smtp';
import { useTracker } from './harness';

const NEW_PASSWORD = 'a-long-new-password';

describe('accounts managed in the app, with mail through SMTP', () => {
  const tracker = useTracker({ smtp: true, config: { mailFrom: 'Tracker <tracker@example.org>' } });
  const smtp = tracker.smtp;
  const secretariat = tracker.as('secretariat');
  let organisations: Organisation[];
  const orgId = (name: string) => organisations.find((o) => o.name.includes(name))!.id;

  beforeAll(async () => {
    organisations = (await secretariat.get<Organisation[]>('/api/organisations')).body;
  });

  it('invites a person: the mail arrives with a one-time link, in text and HTML, saying why and how to stop', async () => {
    const answer = await secretariat.post<Account>('/api/accounts', {
      email: 'Anna@Example.EU',
      name: 'Anna Example',
      role: 'co_leader',
      organisationId: orgId('Ashoka'),
      actionNumbers: [1],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      email: 'anna@example.eu',
      name: 'Anna Example',
      role: 'co_leader',
      actionNumbers: [1],
      status: 'invited',
      digest: 'weekly',
    });

    const [mail] = await smtp.waitFor((m) => m.to.includes('anna@example.eu'));
    expect(mail.subject).toBe('You are invited to the Work Plan tracker');
    expect(mail.from).toBe('tracker@example.org');
    expect(mail.text).toContain('Demo Secretariat of the Partnership Secretariat invited you');
    expect(mail.text).toContain('You get this mail because the Partnership Secretariat invited anna@example.eu.');
    expect(mail.text).toContain('If you do not want an account, ignore this mail');
    expect(mail.html).toContain('<a href="http://localhost:');
    expect(mail.html).toContain('Set your password</a>');
    const token = tokenOf(mail, '/invitation');
    expect(mail.links[0].startsWith(`http://localhost:${new URL(tracker.url).port}/invitation?token=`)).toBe(true);

    // Not yet: no password, no sign-in.
    const anon = new Client(tracker.url);
    await anon.get('/api/auth/me');
    expect((await anon.post('/api/auth/login', { email: 'anna@example.eu', password: NEW_PASSWORD })).status).toBe(401);

    expect((await anon.post('/api/auth/invitation', { token, password: 'short' })).body).toMatchObject({
      message: 'password: the password must be at least 12 characters long',
    });
    const accepted = await anon.post('/api/auth/invitation', { token, password: NEW_PASSWORD });
    expect(accepted).toMatchObject({ status: 200, body: { email: 'anna@example.eu' } });
    const again = await anon.post('/api/auth/invitation', { token, password: 'another-password-1' });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ message: 'token: this invitation is unknown, already used or expired; ask for a new one' });

    const anna = await tracker.signIn('anna@example.eu', NEW_PASSWORD);
    expect((await anna.get<CurrentUser>('/api/auth/me')).body).toMatchObject({ name: 'Anna Example', role: 'co_leader', editableActions: [1] });
    const listed = (await secretariat.get<Account[]>('/api/accounts')).body.find((a) => a.email === 'anna@example.eu');
    expect(listed?.status).toBe('active');
  });

  it('refuses an expired invitation', async () => {
    await secretariat.post('/api/accounts', { email: 'late@example.eu', name: 'Late Comer', role: 'member', organisationId: orgId('Mareena') });
    const [mail] = await smtp.waitFor((m) => m.to.includes('late@example.eu'));
    await withClient(tracker.db.url, (c) =>
      c.query(`UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE purpose = 'invitation' AND used_at IS NULL`),
    );
    const anon = new Client(tracker.url);
    await anon.get('/api/auth/me');
    expect((await anon.post('/api/auth/invitation', { token: tokenOf(mail, '/invitation'), password: NEW_PASSWORD })).status).toBe(400);
  });

  it('names the bad field, refuses a second account for one address, and lets only the Secretariat manage accounts', async () => {
    const bad = async (body: object) => [(await secretariat.post<{ message: string | string[] }>('/api/accounts', body)).body.message].flat().join('; ');
    const base = { email: 'x@example.eu', name: 'X', role: 'member', organisationId: orgId('Mareena') };
    expect(await bad({ ...base, email: 'not-an-address' })).toBe('email must be an email address');
    expect(await bad({ ...base, role: 'admin' })).toBe('role must be one of secretariat, coordinator, co_leader, member');
    expect(await bad({ ...base, organisationId: '00000000-0000-4000-8000-000000000000' })).toBe(
      'organisationId: no organisation has the id 00000000-0000-4000-8000-000000000000',
    );
    expect(await bad({ ...base, actionNumbers: [9] })).toBe('actionNumbers: no Action has the number 9');
    const duplicate = await secretariat.post('/api/accounts', { ...base, email: 'member@example.org' });
    expect(duplicate).toMatchObject({ status: 409, body: { message: 'an account for member@example.org already exists' } });

    for (const email of ['coordinator@example.org', 'colead.labour@example.org', 'member@example.org']) {
      const other = await tracker.signIn(email);
      expect((await other.get('/api/accounts')).status).toBe(403);
      expect((await other.get('/api/mail/outbox')).status).toBe(403);
      const invite = await other.post<{ message: string }>('/api/accounts', base);
      expect(invite.status).toBe(403);
    }
    expect((await new Client(tracker.url).get('/api/accounts')).status).toBe(401);
  });

  it('invites at the least privilege when no role is given, and refuses an invitation without an organisation', async () => {
    const answer = await secretariat.post<Account>('/api/accounts', { email: 'no.role@example.eu', name: 'No Role', organisationId: orgId('Mareena') });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ email: 'no.role@example.eu', role: 'member', status: 'invited' });
    const audit = (await secretariat.get<AccountChange[]>(`/api/accounts/${answer.body.id}/changes`)).body;
    expect(audit[0]).toMatchObject({ change: 'invited', detail: { role: 'member' } });

    for (const organisationId of [undefined, '']) {
      const refused = await secretariat.post<{ message: string | string[] }>('/api/accounts', {
        email: 'no.organisation@example.eu',
        name: 'No Organisation',
        role: 'co_leader',
        organisationId,
      });
      expect(refused.status).toBe(400);
      expect([refused.body.message].flat().join('; ')).toBe('organisationId is required: choose the organisation the person belongs to');
    }
    expect((await secretariat.get<Account[]>('/api/accounts')).body.some((a) => a.email === 'no.organisation@example.eu')).toBe(false);
  });

  it('says what each account may change: role and organisation decide, the ticked Actions do not', async () => {
    const accounts = (await secretariat.get<Account[]>('/api/accounts')).body;
    const rights = (email: string) => accounts.find((a) => a.email === email);
    expect(rights('colead.labour@example.org')).toMatchObject({ actionNumbers: [], editableActions: [1] });
    expect(rights('secretariat@example.org')).toMatchObject({ editableActions: [1, 2, 3, 4] });
    expect(rights('coordinator@example.org')).toMatchObject({ editableActions: [] });
    expect(rights('member@example.org')).toMatchObject({ editableActions: [] });
    // The same answer as the person's own GET /api/auth/me.
    const labour = await tracker.signIn('colead.labour@example.org');
    expect((await labour.get<CurrentUser>('/api/auth/me')).body.editableActions).toEqual(rights('colead.labour@example.org')?.editableActions);
  });

  it('changes role, organisation and Actions, audited with who did it; a deactivated account is refused at its next request', async () => {
    const member = await tracker.signIn('member@example.org');
    const id = (await member.get<CurrentUser>('/api/auth/me')).body.id;

    const changed = await secretariat.patch<Account>(`/api/accounts/${id}`, { role: 'co_leader', organisationId: orgId('Ashoka'), actionNumbers: [1, 2] });
    // Edit rights follow the organisation (Ashoka co-leads Action 1); the ticks choose the digest only.
    expect(changed.body).toMatchObject({ role: 'co_leader', actionNumbers: [1, 2], editableActions: [1], status: 'active' });
    // A change of role ends the sessions: the old rights do not linger.
    expect((await member.get('/api/auth/me')).status).toBe(401);

    const again = await tracker.signIn('member@example.org');
    expect((await again.get('/api/auth/me')).status).toBe(200);
    const deactivated = await secretariat.post<Account>(`/api/accounts/${id}/deactivate`);
    expect(deactivated.body).toMatchObject({ status: 'deactivated' });
    expect(deactivated.body.deactivatedAt).not.toBeNull();
    expect((await again.get('/api/auth/me')).status).toBe(401);
    expect((await again.get('/api/activity')).status).toBe(401);
    const stranger = new Client(tracker.url);
    await stranger.get('/api/auth/me');
    expect((await stranger.post('/api/auth/login', { email: 'member@example.org', password: 'demo-password' })).status).toBe(401);

    const changes = (await secretariat.get<AccountChange[]>(`/api/accounts/${id}/changes`)).body;
    expect(changes.map((c) => c.change)).toEqual(['deactivated', 'changed']);
    expect(changes[0].by?.name).toBe('Demo Secretariat');
    expect(changes[1].detail).toMatchObject({ role: { from: 'member', to: 'co_leader' }, actionNumbers: { from: [], to: [1, 2] } });
    // The name stays on the account, so the history still says who did what.
    expect((await secretariat.get<Account>(`/api/accounts/${id}`)).body.name).toBe('Demo Member');

    const self = (await secretariat.get<CurrentUser>('/api/auth/me')).body.id;
    expect((await secretariat.post<{ message: string }>(`/api/accounts/${self}/deactivate`)).body.message).toBe('you cannot deactivate your own account');
  });

  it('resets a forgotten password once, with the same answer for an unknown address, and throttles requests', async () => {
    const anon = new Client(tracker.url);
    await anon.get('/api/auth/me');
    const known = await anon.post('/api/auth/password-reset', { email: 'coordinator@example.org' });
    const unknown = await anon.post('/api/auth/password-reset', { email: 'nobody@example.org' });
    expect(known.status).toBe(202);
    expect(unknown).toEqual({ ...known, headers: unknown.headers });

    const [mail] = await smtp.waitFor((m) => m.to.includes('coordinator@example.org'));
    expect(mail.subject).toBe('Reset your password for the Work Plan tracker');
    expect(mail.text).toContain('works once, for 30 minutes');
    expect(mail.text).toContain('If it was not you, ignore this mail');
    const token = tokenOf(mail, '/reset-password');
    await new Promise((r) => setTimeout(r, 1500));
    expect(smtp.mails.filter((m) => m.to.includes('nobody@example.org'))).toEqual([]);

    const before = await tracker.signIn('coordinator@example.org');
    expect((await anon.post('/api/auth/password-reset/complete', { token, password: NEW_PASSWORD })).status).toBe(200);
    expect((await anon.post<{ message: string }>('/api/auth/password-reset/complete', { token, password: 'yet-another-password' })).body.message).toBe(
      'token: this password-reset link is unknown, already used or expired; ask for a new one',
    );
    expect((await before.get('/api/auth/me')).status).toBe(401);
    expect((await anon.post('/api/auth/login', { email: 'coordinator@example.org', password: 'demo-password' })).status).toBe(401);
    await tracker.signIn('coordinator@example.org', NEW_PASSWORD);

    // Three requests per address in 30 minutes; the fourth is refused, whether the address exists or not.
    const answers = [];
    for (const email of ['nobody@example.org', 'nobody@example.org', 'nobody@example.org']) {
      answers.push((await anon.post('/api/auth/password-reset', { email })).status);
    }
    expect(answers).toEqual([202, 202, 429]);
    const throttled = await anon.post('/api/auth/password-reset', { email: 'nobody@example.org' });
    expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets everyone change their own name and reminder setting, audited; the one-click link turns reminders off', async () => {
    const colead = await tracker.signIn('colead.labour@example.org');
    expect((await colead.get<Profile>('/api/profile')).body).toEqual({ name: 'Demo Co-leader (Labour)', email: 'colead.labour@example.org', digest: 'weekly' });
    expect((await colead.patch<{ message: string[] }>('/api/profile', { digest: 'daily' })).body.message).toEqual(['digest must be one of weekly, off']);
    expect((await colead.patch<{ message: string }>('/api/profile', { role: 'secretariat' })).status).toBe(400);
    const changed = await colead.patch<Profile>('/api/profile', { name: 'Chris Colead' });
    expect(changed.body).toMatchObject({ name: 'Chris Colead', digest: 'weekly' });
    expect((await colead.get<CurrentUser>('/api/auth/me')).body.name).toBe('Chris Colead');

    const [{ id, unsubscribe_token: token }] = await withClient(
      tracker.db.url,
      async (c) =>
        (
          await c.query<{ id: string; unsubscribe_token: string }>(
            `UPDATE user_account SET unsubscribe_token = 'u-' || md5(random()::text) WHERE email = 'colead.labour@example.org' RETURNING id, unsubscribe_token`,
          )
        ).rows,
    );
    const page = await fetch(`${tracker.url}/api/notifications/unsubscribe?token=${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('You will get no more reminder mails');
    expect((await colead.get<Profile>('/api/profile')).body.digest).toBe('off');
    expect((await fetch(`${tracker.url}/api/notifications/unsubscribe?token=nonsense`)).status).toBe(404);

    const changes = (await secretariat.get<AccountChange[]>(`/api/accounts/${id}/changes`)).body;
    expect(changes.map((c) => [c.change, c.by?.name ?? null])).toEqual([
      ['unsubscribed', null],
      ['profile_changed', 'Chris Colead'],
    ]);
  });

  it('keeps every mail in the outbox the Secretariat reads, with its sending status', async () => {
    const outbox = (await secretariat.get<OutboxMail[]>('/api/mail/outbox')).body;
    const invitation = outbox.find((m) => m.to === 'anna@example.eu')!;
    expect(invitation).toMatchObject({ kind: 'invitation', status: 'sent', subject: 'You are invited to the Work Plan tracker' });
    expect(invitation.sentAt).not.toBeNull();
  });
});

describe('mail without SMTP_URL', () => {
  const tracker = useTracker();

  it('keeps mail in the outbox, where the Secretariat reads it and its link works', async () => {
    const secretariat = await tracker.signIn('secretariat@example.org');
    const organisations = (await secretariat.get<Organisation[]>('/api/organisations')).body;
    const invited = await secretariat.post<Account>('/api/accounts', {
      email: 'local@example.eu',
      name: 'Local Person',
      role: 'member',
      organisationId: organisations[0].id,
    });
    expect(invited.status).toBe(201);
    const [mail] = (await secretariat.get<OutboxMail[]>('/api/mail/outbox')).body;
    expect(mail).toMatchObject({ to: 'local@example.eu', status: 'outbox', sentAt: null, kind: 'invitation' });
    expect(mail.html).toContain('Set your password');
    const token = new URL(/http\S+/.exec(mail.text)![0]).searchParams.get('token')!;
    const anon = new Client(tracker.url);
    await anon.get('/api/auth/me');
    expect((await anon.post('/api/auth/invitation', { token, password: NEW_PASSWORD })).status).toBe(200);
    await tracker.signIn('local@example.eu', NEW_PASSWORD);
  });
});
