import type { Organisation, RiskView } from '@tracker/contracts';
import { actionFinishWords } from '@tracker/schedule';
import { MAIL_QUEUE } from '../src/app/mail/mail.service';
import { DIGEST_KINDS, RemindersService } from '../src/app/reminders/reminders.service';
import type { RunningServer } from '../src/app/server';
import { createAccount } from '../src/app/accounts/account-setup';
import { signedIn } from './client';
import { withClient } from './database';
import { type ReceivedMail, TestSmtpServer } from './smtp';
import { DEMO_EMAIL, type Tracker, useTracker, withServer } from './harness';

/** A clock the test moves. */
class TestClock {
  constructor(public at: Date) {}
  now(): Date {
    return this.at;
  }
}

/** Ids of the items a digest links to (each `/?item=<id>` link), sorted. */
function linkedItems(mail: ReceivedMail): string[] {
  return mail.links
    .map((l) => new URL(l))
    .filter((u) => u.pathname === '/' && u.searchParams.has('item'))
    .map((u) => u.searchParams.get('item')!)
    .sort();
}

/**
 * Resolves once every mail of `kind` the tracker wrote is marked sent and no job of the mail queue
 * is waiting, retrying or running: from then on no copy of them can still arrive.
 */
async function mailSettled(tracker: Tracker, kind: string, timeout = 20_000): Promise<void> {
  const until = Date.now() + timeout;
  for (;;) {
    const [{ unsent, queued }] = await tracker.query<{ unsent: number; queued: number }>(
      `SELECT (SELECT count(*)::int FROM mail_outbox WHERE kind = $1 AND status <> 'sent') AS unsent,
              (SELECT count(*)::int FROM pgboss.job WHERE name = $2 AND state IN ('created', 'retry', 'active')) AS queued`,
      [kind, MAIL_QUEUE],
    );
    if (unsent === 0 && queued === 0) {
      return;
    }
    if (Date.now() > until) {
      throw new Error(`mail of kind ${kind} not settled: ${unsent} unsent, ${queued} job(s) of ${MAIL_QUEUE} left`);
    }
    await new Promise((r) => setTimeout(r, 50)); // the interval between two looks at the queue, not a wait for the mail
  }
}

describe('weekly digests and follow-up reminders on the shared queue', () => {
  // Sunday 29 November 2026 while starting; the tests move it to Monday 08:00 in Brussels (07:00 UTC).
  const clock = new TestClock(new Date('2026-11-29T10:00:00Z'));
  const tracker = useTracker({ instances: 2, smtp: true, clock });
  const smtp = tracker.smtp;
  const secretariat = tracker.as('secretariat');
  let first: RunningServer;
  let second: RunningServer;

  beforeAll(async () => {
    [first, second] = tracker.servers;
    // A second co-leader, of Action 2's co-leading organisation, with the Action named on the account.
    const organisations = (await secretariat.get<Organisation[]>('/api/organisations')).body;
    const action2Lead = organisations.find((o) => o.actions.some((a) => a.actionNumber === 2 && a.role === 'co_leader'))!;
    const created = await createAccount(
      first.dataSource.manager,
      { email: 'colead.education@example.org', name: 'Education Co-leader', role: 'co_leader', organisation: action2Lead.id },
      'demo-password',
    );
    await tracker.query(`INSERT INTO account_action (user_id, action_id) SELECT $1, id FROM action WHERE number = 2`, [created.id]);
    // A follow-up owned by Ashoka (co-leader of Action 1), due on Monday.
    // Invited as Ashoka's co-leader, Action 1 ticked, but no password set yet: no digest, no reminder.
    const ashokaId = organisations.find((o) => o.name.includes('Ashoka'))!.id;
    const invited = await secretariat.post('/api/accounts', {
      email: 'invited.colead@example.org',
      name: 'Invited Co-leader',
      role: 'co_leader',
      organisationId: ashokaId,
      actionNumbers: [1],
    });
    expect(invited.status).toBe(201);
    const call = await secretariat.post<{ id: string }>('/api/monitoring-calls', { heldOn: '2026-11-16', actionNumbers: [1] });
    const ashoka = organisations.find((o) => o.name.includes('Ashoka'))!;
    await secretariat.post(`/api/monitoring-calls/${call.body.id}/follow-ups`, {
      what: 'Send the mapping draft',
      ownerOrganisationId: ashoka.id,
      dueDate: '2026-11-30',
    });
  });

  const tickBoth = () => Promise.all([first.app.get(RemindersService).tick(), second.app.get(RemindersService).tick()]);

  it('sends no digest before Monday', async () => {
    const reports = await tickBoth();
    expect(reports.map((r) => r.digests)).toEqual([0, 0]);
  });

  it('on Monday, two instances send each co-leader exactly one digest whose items match GET /api/risks for their Action', async () => {
    clock.at = new Date('2026-11-30T07:00:00Z');
    const reports = await tickBoth();
    // The digests of the week went out once between the two instances (2 co-leaders + the Secretariat).
    expect(reports[0].digests + reports[1].digests).toBe(3);
    await tickBoth(); // a later tick in the same week sends nothing again
    const digests = await smtp.waitFor((m) => m.subject.startsWith('Weekly digest'), 3);
    await mailSettled(tracker, 'digest'); // every digest handed to SMTP: a duplicate would be here by now
    const all = smtp.mails.filter((m) => m.subject.startsWith('Weekly digest'));
    // The invited co-leader, who has not set a password, is not among them.
    expect(all.map((m) => m.to.join()).sort()).toEqual(['colead.education@example.org', 'colead.labour@example.org', 'secretariat@example.org']);

    for (const [email, action] of [
      ['colead.labour@example.org', 1],
      ['colead.education@example.org', 2],
    ] as const) {
      const mail = digests.find((m) => m.to.includes(email))!;
      const risks = (await (await tracker.signIn(email)).get<RiskView>('/api/risks?asOf=2026-11-30')).body;
      const expected = risks.items.filter((i) => i.actionNumber === action && DIGEST_KINDS.includes(i.kind));
      expect(expected.length).toBeGreaterThan(0);
      expect(linkedItems(mail)).toEqual(expected.map((i) => i.id).sort());
      const counts = (kind: string) => expected.filter((i) => i.kind === kind).length;
      expect(mail.subject).toBe(`Weekly digest, Action ${action}: ${counts('overdue')} overdue, ${counts('due_soon')} due soon, ${counts('stalled')} stalled`);
      expect(mail.text).toContain(`You get this mail because you co-lead Action ${action} and your weekly digest is on.`);
      // What the forecast pushes past the deadline, each with its chain in words, and the Action's expected finish.
      const finish = risks.actions.find((a) => a.number === action)!;
      expect(mail.text).toContain(`Action ${action} (${finish.shortName}) is ${actionFinishWords(finish.finish, risks.deadline)}.`);
      expect(mail.text).toContain('Forecast beyond the deadline');
      expect(mail.text).toContain('May pass the deadline');
      for (const item of expected.filter((i) => i.kind === 'forecast_beyond_deadline' || i.kind === 'may_pass_deadline')) {
        expect(item.reason).toMatch(/because /);
        expect(mail.text).toContain(`${item.title} (Action ${action}, ${item.itemType}): ${item.reason}`);
      }
      const unsubscribe = mail.links.find((l) => l.includes('/api/notifications/unsubscribe'))!;
      expect(mail.headerLines).toContain(`List-Unsubscribe: <${unsubscribe}>`);
      if (action === 1) {
        expect(mail.text).toContain('Send the mapping draft (call of 2026-11-16, due 2026-11-30)');
        // One click turns the digest off.
        const page = await fetch(unsubscribe.replace(/^http:\/\/localhost:\d+/, first.url));
        expect(page.status).toBe(200);
        const [{ digest }] = await tracker.query<{ digest: string }>(`SELECT digest FROM user_account WHERE email = $1`, [email]);
        expect(digest).toBe('off');
      } else {
        expect(mail.text).toContain('Open follow-ups of your organisation\n');
      }
    }

    const secretariatMail = digests.find((m) => m.to.includes('secretariat@example.org'))!;
    const view = (await secretariat.get<RiskView>('/api/risks?asOf=2026-11-30')).body;
    for (const action of view.actions) {
      expect(secretariatMail.text).toContain(`Action ${action.number} (${action.shortName}): ${action.rag[0].toUpperCase()}${action.rag.slice(1)}.`);
      expect(secretariatMail.text).toContain(`It is ${actionFinishWords(action.finish, view.deadline)}.`);
    }
    const pushed = view.items.filter((i) => i.kind === 'forecast_beyond_deadline' || i.kind === 'may_pass_deadline');
    expect(pushed.length).toBeGreaterThan(0);
    expect(secretariatMail.text).toContain('What the forecast pushes past the deadline');
    for (const item of pushed) {
      expect(secretariatMail.text).toContain(`${item.title} (Action ${item.actionNumber}, ${item.itemType}): ${item.reason}`);
    }
    const [{ n: rows }] = await tracker.query<{ n: number }>(`SELECT count(*)::int AS n FROM mail_outbox WHERE kind = 'digest'`);
    expect(rows).toBe(3);
  });

  it('mails the owner of a follow-up on the day it falls due, once', async () => {
    // The co-leader above turned reminders off; their organisation's other person gets it.
    await tracker.query(`UPDATE user_account SET digest = 'weekly' WHERE email = 'colead.labour@example.org'`);
    const reports = await tickBoth();
    const sent = reports[0].followUps + reports[1].followUps;
    expect(sent).toBeLessThanOrEqual(1);
    const [mail] = await smtp.waitFor((m) => m.subject.startsWith('Follow-up due today'));
    expect(mail.to).toEqual(['colead.labour@example.org']);
    expect(mail.subject).toBe('Follow-up due today: Send the mapping draft');
    expect(mail.text).toContain('You get this mail because your organisation owns this follow-up.');
    await mailSettled(tracker, 'follow_up_due');
    expect(smtp.mails.filter((m) => m.subject.startsWith('Follow-up due today'))).toHaveLength(1);
  });

  it('runs its tick from a schedule on the queue', async () => {
    const schedules = await tracker.query<{ name: string; cron: string; timezone: string }>(`SELECT name, cron, timezone FROM pgboss.schedule`);
    expect(schedules).toEqual([{ name: 'reminders.tick', cron: '*/10 * * * *', timezone: 'Europe/Brussels' }]);
  });
});

describe('the job queue on a database whose owner is no superuser', () => {
  it('creates its schema, and sends mail through it', async () => {
    const admin = process.env['TEST_DATABASE_URL']!;
    const suffix = Math.random().toString(16).slice(2, 10);
    const role = `tracker_owner_${suffix}`;
    const name = `tracker_plain_${suffix}`;
    await withClient(admin, async (c) => {
      await c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'plain' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
      await c.query(`CREATE DATABASE ${name} OWNER ${role}`);
    });
    const url = new URL(admin);
    url.username = role;
    url.password = 'plain';
    url.pathname = `/${name}`;
    const smtp = await new TestSmtpServer().start();
    try {
      await withServer(url.toString(), { smtpUrl: smtp.url }, async (server) => {
        const superuser = await withClient(
          url.toString(),
          async (c) => (await c.query<{ s: string }>(`SELECT current_setting('is_superuser') AS s`)).rows[0].s,
        );
        expect(superuser).toBe('off');
        const anon = await signedIn(server.url, DEMO_EMAIL.secretariat);
        await anon.post('/api/auth/logout');
        await anon.get('/api/auth/me');
        expect((await anon.post('/api/auth/password-reset', { email: DEMO_EMAIL.member })).status).toBe(202);
        const [mail] = await smtp.waitFor((m) => m.to.includes(DEMO_EMAIL.member));
        expect(mail.subject).toBe('Reset your password for the Work Plan tracker');
      });
    } finally {
      await smtp.stop();
      await withClient(admin, async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`DROP ROLE IF EXISTS ${role}`);
      });
    }
  });
});
