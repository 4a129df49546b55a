import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { ActionEntity } from '../actions/action.entity';
import { UserEntity } from './user.entity';

/** The Actions a person works on (named at invitation): the co-leader digest covers these. */
@Entity('account_action')
export class AccountActionEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'PK_account_action' })
  userId!: string;

  @PrimaryColumn({ name: 'action_id', type: 'uuid', primaryKeyConstraintName: 'PK_account_action' })
  actionId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_account_action_user' })
  user!: UserEntity;

  @Index('IDX_account_action_action')
  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_account_action_action' })
  action!: ActionEntity;
}

export const ACCOUNT_TOKEN_PURPOSES = ['invitation', 'password_reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/** One-time links: an invitation (48 h) or a password reset (30 min). Only the SHA-256 of the token is kept. */
@Entity('account_token')
@Check('CHK_account_token_purpose', `"purpose" IN ('invitation', 'password_reset')`)
export class AccountTokenEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_account_token' })
  id!: string;

  @Index('IDX_account_token_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_account_token_user' })
  user!: UserEntity;

  @Column({ type: 'varchar', length: 20 })
  purpose!: AccountTokenPurpose;

  @Index('UQ_account_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'char', length: 64 })
  tokenHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

/** Every change of an account: who did it (null: the person themselves by link, or the system), what, and the values. */
@Entity('account_change')
@Index('IDX_account_change_at', ['at'])
export class AccountChangeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_account_change' })
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Index('IDX_account_change_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_account_change_user' })
  user!: UserEntity;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'actor_id', foreignKeyConstraintName: 'FK_account_change_actor' })
  actor!: UserEntity | null;

  @Column({ type: 'varchar', length: 40 })
  change!: string;

  @Column({ type: 'jsonb' })
  detail!: Record<string, unknown>;
}
