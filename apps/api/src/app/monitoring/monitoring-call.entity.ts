import { PlanVersionEntity } from '../plan-versions/plan-version.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { PartnershipEntity } from '../partnership/partnership.entity';
import { UserEntity } from '../accounts/user.entity';

/** A monitoring call of the Secretariat with co-leaders: the Actions covered, who attended, notes and decisions. */
@Entity('monitoring_call')
@Index('IDX_monitoring_call_held_on', ['heldOn', 'createdAt'])
export class MonitoringCallEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_monitoring_call' })
  id!: string;

  /** The partnership whose Actions the call walked through. */
  @Index('IDX_monitoring_call_partnership')
  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId!: string;

  @ManyToOne(() => PartnershipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnership_id', foreignKeyConstraintName: 'FK_monitoring_call_partnership' })
  partnership!: PartnershipEntity;

  @Column({ name: 'held_on', type: 'date' })
  heldOn!: string;

  /** Numbers of the Actions the call covered. */
  @Column({ name: 'action_numbers', type: 'smallint', array: true, default: () => "'{}'" })
  actionNumbers!: number[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  attendees!: string[];

  @Column({ type: 'text', default: '' })
  notes!: string;

  @Column({ type: 'text', default: '' })
  decisions!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  /** The approved version of the plan the call compared the plan with (its baseline), if any. */
  @Column({ name: 'compared_version_id', type: 'uuid', nullable: true })
  comparedVersionId!: string | null;

  @ManyToOne(() => PlanVersionEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'compared_version_id', foreignKeyConstraintName: 'FK_monitoring_call_compared_version' })
  comparedVersion!: PlanVersionEntity | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_monitoring_call_created_by' })
  creator!: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Something a call asked someone to do by a date. */
@Entity('follow_up')
export class FollowUpEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_follow_up' })
  id!: string;

  @Index('IDX_follow_up_call')
  @Column({ name: 'call_id', type: 'uuid' })
  callId!: string;

  @ManyToOne(() => MonitoringCallEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'call_id', foreignKeyConstraintName: 'FK_follow_up_call' })
  call!: MonitoringCallEntity;

  @Column({ type: 'text' })
  what!: string;

  /** Who: an organisation of the Partnership, or free text (a person, "all co-leaders"), or both. */
  @Column({ name: 'owner_organisation_id', type: 'uuid', nullable: true })
  ownerOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'owner_organisation_id', foreignKeyConstraintName: 'FK_follow_up_owner_organisation' })
  ownerOrganisation!: OrganisationEntity | null;

  @Column({ name: 'owner_text', type: 'varchar', length: 200, nullable: true })
  ownerText!: string | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate!: string | null;

  @Index('IDX_follow_up_done')
  @Column({ type: 'boolean', default: false })
  done!: boolean;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
