import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { PlanNote } from '@tracker/contracts';
import { PartnershipEntity } from '../partnership/partnership.entity';

/**
 * A finish-to-start link between two items of a partnership's plan (milestones or outputs): the
 * successor starts once the predecessor has ended, plus a lag in whole months. The ids point to one
 * of two tables, by their type, so carry no foreign key; triggers remove the links of a deleted item
 * (migrations/*-add-dependencies.ts).
 */
@Entity('dependency')
@Index('UQ_dependency_link', ['predecessorId', 'successorId'], { unique: true })
@Check('CHK_dependency_lag', `"lag_months" >= 0`)
@Check('CHK_dependency_types', `"predecessor_type" IN ('milestone', 'output') AND "successor_type" IN ('milestone', 'output')`)
@Check('CHK_dependency_not_itself', `"predecessor_id" <> "successor_id"`)
export class DependencyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_dependency' })
  id!: string;

  @Index('IDX_dependency_partnership')
  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId!: string;

  @ManyToOne(() => PartnershipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnership_id', foreignKeyConstraintName: 'FK_dependency_partnership' })
  partnership!: PartnershipEntity;

  @Column({ name: 'predecessor_id', type: 'uuid' })
  predecessorId!: string;

  @Column({ name: 'predecessor_type', type: 'varchar', length: 10 })
  predecessorType!: 'milestone' | 'output';

  @Index('IDX_dependency_successor')
  @Column({ name: 'successor_id', type: 'uuid' })
  successorId!: string;

  @Column({ name: 'successor_type', type: 'varchar', length: 10 })
  successorType!: 'milestone' | 'output';

  @Column({ name: 'lag_months', type: 'integer', default: 0 })
  lagMonths!: number;

  /** The section of the plan that states the link; null for a link added in the tracker. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  source!: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  notes!: PlanNote[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
