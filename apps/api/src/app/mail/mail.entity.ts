import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every mail the tracker writes. With SMTP_URL it is sent and `sent_at` set; without it the row is
 * the development outbox the Secretariat reads in the app. `dedupe_key` makes a mail once-only
 * (a digest per person per week, a follow-up reminder per due day), however many instances run.
 */
@Entity('mail_outbox')
@Check('CHK_mail_outbox_status', `"status" IN ('pending', 'sent', 'outbox', 'failed')`)
@Index('IDX_mail_outbox_created', ['createdAt'])
export class MailEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_mail_outbox' })
  id!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'to_address', type: 'varchar', length: 254 })
  toAddress!: string;

  @Column({ type: 'varchar', length: 300 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text' })
  html!: string;

  /** invitation, password_reset, digest, follow_up_due */
  @Column({ type: 'varchar', length: 30 })
  kind!: string;

  @Column({ name: 'unsubscribe_url', type: 'text', nullable: true })
  unsubscribeUrl!: string | null;

  @Index('UQ_mail_outbox_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status!: 'pending' | 'sent' | 'outbox' | 'failed';

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
