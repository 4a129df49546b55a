import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DatePrecision, MilestoneStatus, PlanNote } from '@tracker/contracts';
import { ActionEntity } from '../actions/action.entity';

/** An activity of an Action's timeline, or a sub-step of one (with a parent). */
@Entity('milestone')
@Index('IDX_milestone_action_order', ['actionId', 'sortOrder'])
@Check('CHK_milestone_status', `"status" IN ('not_started', 'in_progress', 'done', 'on_hold', 'cancelled')`)
@Check('CHK_milestone_precision', `"precision" IN ('day', 'month', 'year', 'unknown', 'ongoing')`)
@Check('CHK_milestone_progress', `"progress" BETWEEN 0 AND 100`)
@Check(
  'CHK_milestone_window',
  `("precision" = 'unknown' AND "start_date" IS NULL AND "end_date" IS NULL) OR ("precision" <> 'unknown' AND "start_date" IS NOT NULL AND "end_date" IS NOT NULL AND "start_date" <= "end_date")`,
)
@Check('CHK_milestone_actual', `"actual_start" IS NULL OR "actual_end" IS NULL OR "actual_start" <= "actual_end"`)
export class MilestoneEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_milestone' })
  id!: string;

  @Index('UQ_milestone_seed_key', { unique: true })
  @Column({ name: 'seed_key', type: 'varchar', length: 100, nullable: true })
  seedKey!: string | null;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_milestone_action' })
  action!: ActionEntity;

  @Index('IDX_milestone_parent')
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => MilestoneEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'FK_milestone_parent' })
  parent!: MilestoneEntity | null;

  @Column({ type: 'text' })
  title!: string;

  /** The plan's own words for the window, e.g. "October - December 2025". */
  @Column({ name: 'window_text', type: 'text' })
  windowText!: string;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Index('IDX_milestone_end_date')
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'varchar', length: 10 })
  precision!: DatePrecision;

  @Column({ type: 'boolean', default: false })
  tentative!: boolean;

  @Index('IDX_milestone_status')
  @Column({ type: 'varchar', length: 20, default: 'not_started' })
  status!: MilestoneStatus;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ name: 'actual_start', type: 'date', nullable: true })
  actualStart!: string | null;

  @Column({ name: 'actual_end', type: 'date', nullable: true })
  actualEnd!: string | null;

  @Column({ name: 'forecast_end', type: 'date', nullable: true })
  forecastEnd!: string | null;

  /** Optimistic-locking version: every update must name the version it read, and bumps it. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 100 })
  source!: string;

  /** Derived readings and the plan's inconsistencies, with their sections (PlanNote[] of libs/contracts). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  notes!: PlanNote[];

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  @OneToMany(() => MilestoneAlternativeEntity, (a) => a.milestone)
  alternatives!: MilestoneAlternativeEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Another reading of a milestone's dates found elsewhere in the plan, with its source. */
@Entity('milestone_alternative')
@Check('CHK_milestone_alternative_precision', `"precision" IN ('day', 'month', 'year', 'unknown', 'ongoing')`)
export class MilestoneAlternativeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_milestone_alternative' })
  id!: string;

  @Index('IDX_milestone_alternative_milestone')
  @Column({ name: 'milestone_id', type: 'uuid' })
  milestoneId!: string;

  @ManyToOne(() => MilestoneEntity, (m) => m.alternatives, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'FK_milestone_alternative_milestone' })
  milestone!: MilestoneEntity;

  @Column({ name: 'window_text', type: 'text' })
  windowText!: string;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'varchar', length: 10 })
  precision!: DatePrecision;

  @Column({ type: 'varchar', length: 100 })
  source!: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;
}
