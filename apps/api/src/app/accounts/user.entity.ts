import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@tracker/contracts';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** A person who signs in. The table is not called "user": that is a reserved word in Postgres. */
@Entity('user_account')
@Check('CHK_user_account_role', `"role" IN ('secretariat', 'coordinator', 'co_leader', 'member')`)
@Check('CHK_user_account_email_lower', `"email" = lower("email")`)
@Check('CHK_user_account_digest', `"digest" IN ('weekly', 'off')`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_user_account' })
  id!: string;

  /** Stored lower-case: addresses are matched without regard to case. */
  @Index('UQ_user_account_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Index('IDX_user_account_organisation')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_user_account_organisation' })
  organisation!: OrganisationEntity;

  /**
   * argon2id, in its self-describing encoded form ($argon2id$v=19$m=...,t=...,p=...$salt$hash); null
   * until an invited person sets a password (or for one who only signs in with OpenID Connect).
   */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  /** Set when the Secretariat deactivates the account: no sign-in, no session, no mail; history keeps the name. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  /** Reminder mails: the weekly digest and follow-ups falling due (`weekly`), or none (`off`). */
  @Column({ type: 'varchar', length: 10, default: 'weekly' })
  digest!: 'weekly' | 'off';

  /** Secret of the one-click unsubscribe link in reminder mails (made with the first reminder). */
  @Index('UQ_user_account_unsubscribe_token', { unique: true })
  @Column({ name: 'unsubscribe_token', type: 'varchar', length: 64, nullable: true })
  unsubscribeToken!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
