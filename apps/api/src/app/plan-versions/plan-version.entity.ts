import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PlanSnapshotItem } from '@tracker/contracts';
import { PartnershipEntity } from '../partnership/partnership.entity';
import { UserEntity } from '../accounts/user.entity';

/**
 * An approved version of a partnership's plan: an immutable snapshot of every milestone's and
 * output's planned window, title and structure (PlanSnapshotItem[] of libs/contracts), numbered
 * from 1 within the partnership. Nothing updates a row once written.
 */
@Entity('plan_version')
@Index('UQ_plan_version_number', ['partnershipId', 'number'], { unique: true })
export class PlanVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_plan_version' })
  id!: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId!: string;

  @ManyToOne(() => PartnershipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnership_id', foreignKeyConstraintName: 'FK_plan_version_partnership' })
  partnership!: PartnershipEntity;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @CreateDateColumn({ name: 'approved_at', type: 'timestamptz' })
  approvedAt!: Date;

  /** Null for version 1, approved before the tracker. */
  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'FK_plan_version_approved_by' })
  approver!: UserEntity | null;

  @Column({ type: 'jsonb' })
  items!: PlanSnapshotItem[];
}
