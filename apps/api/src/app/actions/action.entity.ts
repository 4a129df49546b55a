import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ParticipantRole, TargetStatus } from '@tracker/contracts';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnershipEntity } from '../partnership/partnership.entity';

@Entity('action')
@Index('UQ_action_partnership_number', ['partnershipId', 'number'], { unique: true })
export class ActionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_action' })
  id!: string;

  @Index('UQ_action_seed_key', { unique: true })
  @Column({ name: 'seed_key', type: 'varchar', length: 100, nullable: true })
  seedKey!: string | null;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId!: string;

  @ManyToOne(() => PartnershipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnership_id', foreignKeyConstraintName: 'FK_action_partnership' })
  partnership!: PartnershipEntity;

  @Column({ type: 'smallint' })
  number!: number;

  @Column({ name: 'short_name', type: 'varchar', length: 60 })
  shortName!: string;

  @Column({ type: 'varchar', length: 300 })
  title!: string;

  @Column({ type: 'text' })
  objective!: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  pillar!: string | null;

  @Column({ name: 'governance_levels', type: 'text', array: true, default: () => "'{}'" })
  governanceLevels!: string[];

  @Column({ type: 'date' })
  deadline!: string;

  @Column({ name: 'stakeholder_notes', type: 'text', array: true, default: () => "'{}'" })
  stakeholderNotes!: string[];

  @Column({ type: 'varchar', length: 100 })
  source!: string;

  @OneToMany(() => ActionParticipantEntity, (p) => p.action)
  participants!: ActionParticipantEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** An organisation's part in an Action: co-leader, Action-group member or external stakeholder. */
@Entity('action_participant')
@Index('UQ_action_participant', ['actionId', 'organisationId', 'role'], { unique: true })
@Check('CHK_action_participant_role', `"role" IN ('co_leader', 'member', 'external_stakeholder', 'potential_stakeholder')`)
export class ActionParticipantEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_action_participant' })
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => ActionEntity, (a) => a.participants, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_action_participant_action' })
  action!: ActionEntity;

  @Index('IDX_action_participant_organisation')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_action_participant_organisation' })
  organisation!: OrganisationEntity;

  @Column({ type: 'varchar', length: 30 })
  role!: ParticipantRole;

  /** Position in the plan's own list. */
  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;
}

/** A quantified target the plan sets for an Action, e.g. "10 regions, 3 departments per region". */
@Entity('target')
@Check('CHK_target_status', `"status" IN ('active', 'cancelled')`)
export class TargetEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_target' })
  id!: string;

  @Index('UQ_target_seed_key', { unique: true })
  @Column({ name: 'seed_key', type: 'varchar', length: 100, nullable: true })
  seedKey!: string | null;

  @Index('IDX_target_action')
  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_target_action' })
  action!: ActionEntity;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'varchar', length: 100 })
  source!: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  /** `active`, or `cancelled` when the plan drops it (never deleted: its history stays). */
  @Column({ type: 'varchar', length: 20, default: 'active' })
  status!: TargetStatus;

  /** Optimistic-locking version, as milestones'. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
