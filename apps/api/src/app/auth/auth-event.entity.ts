import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';

export const AUTH_EVENT_KINDS = ['sign_in', 'sign_in_failed', 'sign_in_throttled', 'sign_out', 'write_refused'] as const;
export type AuthEventKind = (typeof AUTH_EVENT_KINDS)[number];

/** The security log: sign-ins, failed and throttled sign-ins, sign-outs and refused writes. */
@Entity('auth_event')
@Check('CHK_auth_event_kind', `"kind" IN ('sign_in', 'sign_in_failed', 'sign_in_throttled', 'sign_out', 'write_refused')`)
@Index('IDX_auth_event_at', ['at'])
export class AuthEventEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_auth_event' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'varchar', length: 30 })
  kind!: AuthEventKind;

  /** The address given at sign-in, or the signed-in user's. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email!: string | null;

  @Index('IDX_auth_event_user')
  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_auth_event_user' })
  user!: UserEntity | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  /** e.g. "PATCH /api/milestones/…: 403 co-leaders change only the Actions their organisation co-leads". */
  @Column({ type: 'text', nullable: true })
  detail!: string | null;
}
