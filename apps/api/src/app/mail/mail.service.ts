import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../auth/auth.types';
import { JobQueue } from '../jobs/job-queue';
import { composeHtml, composeText, type MailContent } from './compose';
import { MailRepository } from './mail.repository';

export const MAIL_QUEUE = 'mail.send';

export interface OutgoingMail {
  to: string;
  subject: string;
  content: MailContent;
  /** invitation, password_reset, digest, follow_up_due */
  kind: string;
  /** A mail with the same key is written (and sent) once, however many instances try. */
  dedupeKey?: string;
}

/**
 * Mail: each one is first written to `mail_outbox`. With SMTP_URL a job on the queue sends it
 * (retried on failure, kept across restarts); without it the row stays in the outbox, which the
 * Secretariat reads in the app, and the log says so: mail never goes silently nowhere.
 */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;

  constructor(
    private readonly repository: MailRepository,
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  async onModuleInit(): Promise<void> {
    if (!this.transport) {
      this.logger.log('No SMTP_URL: mail is kept in the outbox (Accounts > Outbox in the app, GET /api/mail/outbox)');
    }
    await this.jobs.work<{ id: string }>(MAIL_QUEUE, (job) => this.deliver(job.id), 1);
  }

  /**
   * Writes the mail (in `manager`'s transaction when given) and queues its sending. Returns false
   * when a mail with the same dedupe key was already written.
   */
  async send(mail: OutgoingMail, manager?: EntityManager): Promise<boolean> {
    const id = await this.repository.insert(
      {
        to: mail.to,
        subject: mail.subject,
        text: composeText(mail.content),
        html: composeHtml(mail.subject, mail.content),
        kind: mail.kind,
        unsubscribeUrl: mail.content.unsubscribeUrl ?? null,
        dedupeKey: mail.dedupeKey ?? null,
        status: this.transport ? 'pending' : 'outbox',
      },
      manager,
    );
    if (id === null) {
      return false;
    }
    if (this.transport) {
      await this.jobs.send(MAIL_QUEUE, { id }, manager);
    } else {
      this.logger.log(`"${mail.subject}" to ${mail.to} kept in the outbox (no SMTP_URL)`);
    }
    return true;
  }

  /** The queue's worker: sends one mail through SMTP; a failure is recorded and the job retried. */
  async deliver(id: string): Promise<void> {
    const mail = await this.repository.pending(id);
    if (!mail || !this.transport) {
      return;
    }
    try {
      await this.transport.sendMail({
        from: this.config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.unsubscribeUrl ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>` } : {},
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await this.repository.markFailed(id, reason);
      this.logger.warn(`sending "${mail.subject}" to ${mail.to} failed (will retry): ${reason}`);
      throw error;
    }
    await this.repository.markSent(id);
  }
}
