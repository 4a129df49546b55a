import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OutboxMail } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../common/pg-result';

export interface NewMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  kind: string;
  unsubscribeUrl?: string | null;
  /** A mail with the same key is never written twice. */
  dedupeKey?: string | null;
  status: 'pending' | 'outbox';
}

interface MailRow {
  id: string;
  created_at: Date;
  to_address: string;
  subject: string;
  text: string;
  html: string;
  kind: string;
  unsubscribe_url: string | null;
  status: OutboxMail['status'];
  sent_at: Date | null;
  error: string | null;
}

/** Every SQL statement of `mail_outbox`, and its one mapping to the contract type. */
@Injectable()
export class MailRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes the mail unless one with its dedupe key exists; returns its id, or null when it was a duplicate. */
  async insert(mail: NewMail, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO mail_outbox (to_address, subject, text, html, kind, unsubscribe_url, dedupe_key, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [mail.to, mail.subject, mail.text, mail.html, mail.kind, mail.unsubscribeUrl ?? null, mail.dedupeKey ?? null, mail.status],
    );
    return rows[0]?.id ?? null;
  }

  /** A mail still to send (null once sent, or unknown). */
  async pending(id: string): Promise<OutboxMail | null> {
    const [row] = await this.dataSource.query<MailRow[]>(`SELECT * FROM mail_outbox WHERE id = $1 AND status IN ('pending', 'failed')`, [id]);
    return row ? toMail(row) : null;
  }

  async markSent(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE mail_outbox SET status = 'sent', sent_at = now(), error = NULL WHERE id = $1`, [id]);
  }

  async markFailed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE mail_outbox SET status = 'failed', error = $2 WHERE id = $1`, [id, error.slice(0, 2000)]);
  }

  /** The latest mails, newest first. */
  async latest(limit: number): Promise<OutboxMail[]> {
    const rows = rowsOf<MailRow>(await this.dataSource.query(`SELECT * FROM mail_outbox ORDER BY created_at DESC, id LIMIT $1`, [limit]));
    return rows.map(toMail);
  }
}

function toMail(row: MailRow): OutboxMail {
  return {
    id: row.id,
    createdAt: row.created_at.toISOString(),
    to: row.to_address,
    subject: row.subject,
    kind: row.kind,
    status: row.status,
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    error: row.error,
    text: row.text,
    html: row.html,
    unsubscribeUrl: row.unsubscribe_url,
  };
}
