import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { ActionRag, RiskItem, RiskKind } from '@tracker/contracts';
import { addDays, format, parseISO } from 'date-fns';
import { actionFinishWords, RISK_KIND_LABELS } from '@tracker/schedule';
import { type Recipient, AccountsRepository } from '../accounts/accounts.repository';
import { APP_CONFIG } from '../auth/auth.types';
import type { AppConfig } from '../config/config';
import { JobQueue } from '../jobs/job-queue';
import type { MailSection } from '../mail/compose';
import { Links } from '../mail/links';
import { MailService } from '../mail/mail.service';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { PARTNERSHIP_TIME_ZONE, RiskViewService } from '../risks/risk-view.service';
import { brusselsTime, CLOCK, type Clock } from './clock';
import { type OpenFollowUp, RemindersRepository } from './reminders.repository';

export const REMINDERS_QUEUE = 'reminders.tick';
/** Every 10 minutes; each run sends what is due and not sent yet (so a missed run, or a restart, loses nothing). */
export const REMINDERS_CRON = '*/10 * * * *';
/** Weekly digests go out on Monday from this hour, Brussels time. */
export const DIGEST_HOUR = 7;
/** The kinds of risk a co-leader's digest lists, as GET /api/risks names them. */
export const DIGEST_KINDS: readonly RiskKind[] = ['overdue', 'due_soon', 'stalled', 'forecast_beyond_deadline', 'may_pass_deadline'];
/** The kinds that say what the forecast pushes past the deadline, with the chain in words: both digests list them. */
const FORECAST_KINDS: readonly RiskKind[] = ['forecast_beyond_deadline', 'may_pass_deadline'];

const KIND_WORDS = RISK_KIND_LABELS;
const RAG_WORDS = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

export interface TickReport {
  digests: number;
  followUps: number;
}

/**
 * Reminders that chase for the Secretariat: each Monday (Brussels) a digest for every co-leader
 * (their Actions' items due in 30 days, overdue or stalled, as GET /api/risks has them, and their
 * organisation's open follow-ups) and one for the Secretariat (the whole plan's RAG and the week's
 * changes); and a mail to a follow-up's owner on the day it falls due. A tick on the shared queue
 * does the work; each mail has a key (person + week, or follow-up + person + day), so however many
 * instances tick, each is sent once.
 */
@Injectable()
export class RemindersService implements OnModuleInit {
  private readonly logger = new Logger('Reminders');

  constructor(
    private readonly repository: RemindersRepository,
    private readonly accounts: AccountsRepository,
    private readonly risks: RiskViewService,
    private readonly partnerships: PartnershipsRepository,
    private readonly mail: MailService,
    private readonly links: Links,
    private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.reminders) {
      this.logger.log('REMINDERS=false: this instance sends no digests or follow-up reminders');
      return;
    }
    await this.jobs.schedule(REMINDERS_QUEUE, REMINDERS_CRON, PARTNERSHIP_TIME_ZONE);
    await this.jobs.work(REMINDERS_QUEUE, async () => {
      await this.tick();
    });
  }

  /** Sends what is due at the clock's time and not sent yet. */
  async tick(): Promise<TickReport> {
    const now = brusselsTime(this.clock.now());
    let digests = 0;
    if (now.weekday === 1 && now.hour >= DIGEST_HOUR) {
      digests = await this.weeklyDigests(now.date);
    }
    const followUps = await this.followUpsFallingDue(now.date);
    return { digests, followUps };
  }

  /** The Monday digests of the week starting `monday`; returns how many were newly sent. */
  async weeklyDigests(monday: string): Promise<number> {
    // The digests are the Work Plan's (the default partnership).
    const view = await this.risks.view(await this.partnerships.byKey(), { asOf: monday });
    const recipients = await this.accounts.recipients();
    const followUps = await this.repository.openFollowUps();
    let sent = 0;
    for (const person of recipients) {
      if (person.role === 'co_leader') {
        const actions = person.actionNumbers.length > 0 ? person.actionNumbers : await this.repository.coLedActionNumbers(person.organisationId);
        const items = view.items.filter((item) => actions.includes(item.actionNumber) && DIGEST_KINDS.includes(item.kind));
        const own = followUps.filter((f) => f.ownerOrganisationId === person.organisationId);
        const finishes = view.actions.filter((a) => actions.includes(a.number));
        sent += Number(await this.coLeaderDigest(person, monday, actions, items, own, finishes, view.deadline));
      } else if (person.role === 'secretariat') {
        sent += Number(await this.secretariatDigest(person, monday, view, followUps));
      }
    }
    if (sent > 0) {
      this.logger.log(`${sent} weekly digest(s) for the week of ${monday}`);
    }
    return sent;
  }

  /** Mails the owners of follow-ups due on `day` (their organisation's people; the Secretariat when no organisation owns it). */
  async followUpsFallingDue(day: string): Promise<number> {
    const due = await this.repository.openFollowUps(day);
    if (due.length === 0) {
      return 0;
    }
    const recipients = await this.accounts.recipients();
    let sent = 0;
    for (const followUp of due) {
      const owners = followUp.ownerOrganisationId
        ? recipients.filter((r) => r.organisationId === followUp.ownerOrganisationId)
        : recipients.filter((r) => r.role === 'secretariat');
      for (const person of owners) {
        sent += Number(
          await this.mail.send({
            to: person.email,
            subject: `Follow-up due today: ${truncate(followUp.what, 120)}`,
            kind: 'follow_up_due',
            dedupeKey: `follow-up:${followUp.id}:${person.id}:${day}`,
            content: {
              greeting: `Hello ${person.name},`,
              paragraphs: [
                `A follow-up of the monitoring call of ${followUp.callHeldOn} falls due today (${day}): ${followUp.what}`,
                'When it is done, the Secretariat marks it done on the risk page.',
              ],
              button: { label: 'Open the monitoring calls', url: this.links.to('/risks') },
              why: followUp.ownerOrganisationId
                ? 'You get this mail because your organisation owns this follow-up.'
                : 'You get this mail because this follow-up has no owning organisation, so it falls to the Secretariat.',
              stop: 'To stop reminder mails, turn them off in your settings or use the link below.',
              unsubscribeUrl: this.unsubscribeUrl(person),
            },
          }),
        );
      }
    }
    return sent;
  }

  private coLeaderDigest(
    person: Recipient,
    monday: string,
    actions: number[],
    items: RiskItem[],
    followUps: OpenFollowUp[],
    finishes: ActionRag[],
    deadline: string,
  ): Promise<boolean> {
    const section = (kind: RiskKind, empty: string): MailSection => ({
      heading: KIND_WORDS[kind],
      empty,
      items: items
        .filter((i) => i.kind === kind)
        .map((i) => ({ text: `${i.title} (Action ${i.actionNumber}, ${i.itemType}): ${i.reason}`, url: this.itemUrl(i.id) })),
    });
    const actionWords = actions.length === 1 ? `Action ${actions[0]}` : `Actions ${actions.join(', ')}`;
    return this.mail.send({
      to: person.email,
      subject: `Weekly digest, ${actionWords}: ${count(items, 'overdue')} overdue, ${count(items, 'due_soon')} due soon, ${count(items, 'stalled')} stalled`,
      kind: 'digest',
      dedupeKey: `digest:${person.id}:${monday}`,
      content: {
        greeting: `Hello ${person.name},`,
        paragraphs: [
          `Where ${actionWords} stand${actions.length === 1 ? 's' : ''} on ${monday}, as the risk view shows it.`,
          ...finishes.map((a) => `Action ${a.number} (${a.shortName}) is ${actionFinishWords(a.finish, deadline)}.`),
        ],
        button: { label: 'Open the risk view', url: this.links.to('/risks') },
        sections: [
          section('overdue', 'Nothing overdue.'),
          section('due_soon', 'Nothing due in the next 30 days.'),
          section('stalled', 'Nothing stalled.'),
          section('forecast_beyond_deadline', 'Nothing is forecast to end after the deadline.'),
          section('may_pass_deadline', 'Nothing may pass the deadline.'),
          {
            heading: 'Open follow-ups of your organisation',
            empty: 'None.',
            items: followUps.map((f) => ({ text: `${f.what} (call of ${f.callHeldOn}${f.dueDate ? `, due ${f.dueDate}` : ', no due date'})` })),
          },
        ],
        why: `You get this mail because you co-lead ${actionWords} and your weekly digest is on.`,
        stop: 'To stop it, turn reminder mails off in your settings or use the link below.',
        unsubscribeUrl: this.unsubscribeUrl(person),
      },
    });
  }

  private async secretariatDigest(
    person: Recipient,
    monday: string,
    view: Awaited<ReturnType<RiskViewService['view']>>,
    followUps: OpenFollowUp[],
  ): Promise<boolean> {
    const since = format(addDays(parseISO(monday), -7), 'yyyy-MM-dd');
    const { total, changes } = await this.repository.changesSince(since, 50);
    return this.mail.send({
      to: person.email,
      subject: `Weekly digest of the Work Plan, ${monday}: ${view.actions.map((a) => `Action ${a.number} ${RAG_WORDS[a.rag]}`).join(', ')}`,
      kind: 'digest',
      dedupeKey: `digest:${person.id}:${monday}`,
      content: {
        greeting: `Hello ${person.name},`,
        paragraphs: [`The whole Work Plan on ${monday}: ${view.daysToDeadline} days to the deadline (${view.deadline}).`],
        button: { label: 'Open the risk view', url: this.links.to('/risks') },
        sections: [
          {
            heading: 'Each Action',
            empty: 'No Action.',
            items: view.actions.map((a) => ({
              text: `Action ${a.number} (${a.shortName}): ${RAG_WORDS[a.rag]}. ${a.reasons.join(' ')} It is ${actionFinishWords(a.finish, view.deadline)}.`,
              url: this.links.to(`/actions/${a.number}`),
            })),
          },
          {
            heading: 'What the forecast pushes past the deadline',
            empty: 'Nothing: every item is expected to end by the deadline.',
            items: view.items
              .filter((i) => FORECAST_KINDS.includes(i.kind))
              .map((i) => ({
                text: `${KIND_WORDS[i.kind]}: ${i.title} (Action ${i.actionNumber}, ${i.itemType}): ${i.reason}`,
                url: this.itemUrl(i.id),
              })),
          },
          {
            heading: `What changed in the last 7 days (${total})`,
            empty: 'No change.',
            items: changes.map((c) => ({
              text: `${brusselsTime(c.at).date} ${c.by}: ${c.title} (Action ${c.actionNumber}) ${c.field ? `${c.field} changed` : 'note'}${c.note ? `: ${c.note}` : ''}`,
            })),
          },
          {
            heading: 'Open follow-ups',
            empty: 'None.',
            items: followUps.map((f) => ({ text: `${f.what} (call of ${f.callHeldOn}${f.dueDate ? `, due ${f.dueDate}` : ', no due date'})` })),
          },
        ],
        why: 'You get this mail because you are in the Secretariat and your weekly digest is on.',
        stop: 'To stop it, turn reminder mails off in your settings or use the link below.',
        unsubscribeUrl: this.unsubscribeUrl(person),
      },
    });
  }

  private itemUrl(id: string): string {
    return this.links.to('/', { item: id });
  }

  private unsubscribeUrl(person: Recipient): string {
    return this.links.to('/api/notifications/unsubscribe', { token: person.unsubscribeToken });
  }
}

function count(items: RiskItem[], kind: RiskKind): number {
  return items.filter((i) => i.kind === kind).length;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
