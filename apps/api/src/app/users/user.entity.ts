import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from '@tracker/contracts';
import { OrganisationEntity } from '../organisations/organisation.entity';

/** A person who signs in. The table is not called "user": that is a reserved word in Postgres. */
@Entity('user_account')
@Check('CHK_user_account_role', `"role" IN ('secretariat', 'coordinator', 'co_leader', 'member')`)
@Check('CHK_user_account_email_lower', `"email" = lower("email")`)
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

  /** argon2id, in its self-describing encoded form ($argon2id$v=19$m=...,t=...,p=...$salt$hash). */
  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
