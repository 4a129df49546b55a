import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { DatePrecision, OutputStatus, PlanNote } from '@tracker/contracts';
import { ActionEntity } from '../actions/action.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';

/** A deliverable of an Action (sections 2.x.10). */
@Entity('output')
@Index('IDX_output_action_order', ['actionId', 'sortOrder'])
@Check('CHK_output_status', `"status" IN ('planned', 'in_progress', 'delivered', 'cancelled')`)
@Check('CHK_output_precision', `"precision" IN ('day', 'month', 'year', 'unknown', 'ongoing')`)
@Check('CHK_output_actual', `"actual_start" IS NULL OR "actual_end" IS NULL OR "actual_start" <= "actual_end"`)
@Check(
  'CHK_output_window',
  `("precision" = 'unknown' AND "start_date" IS NULL AND "end_date" IS NULL) OR ("precision" <> 'unknown' AND "start_date" IS NOT NULL AND "end_date" IS NOT NULL AND "start_date" <= "end_date")`,
)
export class OutputEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_output' })
  id!: string;

  @Index('UQ_output_seed_key', { unique: true })
  @Column({ name: 'seed_key', type: 'varchar', length: 100, nullable: true })
  seedKey!: string | null;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_output_action' })
  action!: ActionEntity;

  @Column({ type: 'text' })
  title!: string;

  /** The plan's own words for the due window, where it gives one. */
  @Column({ name: 'due_text', type: 'text', nullable: true })
  dueText!: string | null;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate!: string | null;

  @Index('IDX_output_end_date')
  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate!: string | null;

  @Column({ type: 'varchar', length: 10, default: 'unknown' })
  precision!: DatePrecision;

  @Column({ type: 'boolean', default: false })
  tentative!: boolean;

  @Index('IDX_output_status')
  @Column({ type: 'varchar', length: 20, default: 'planned' })
  status!: OutputStatus;

  @Column({ name: 'actual_start', type: 'date', nullable: true })
  actualStart!: string | null;

  /** When it was delivered (or the work on it ended). */
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

  @ManyToMany(() => MilestoneEntity)
  @JoinTable({
    name: 'output_milestone',
    joinColumn: { name: 'output_id', referencedColumnName: 'id', foreignKeyConstraintName: 'FK_output_milestone_output' },
    inverseJoinColumn: { name: 'milestone_id', referencedColumnName: 'id', foreignKeyConstraintName: 'FK_output_milestone_milestone' },
  })
  milestones!: MilestoneEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
