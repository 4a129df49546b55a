import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ActionEntity } from '../actions/action.entity';
import { UserEntity } from '../accounts/user.entity';

/**
 * The Secretariat's word on an Action's stage of implementation in the Monitoring Table of Actions,
 * over the stage the tracker computes. Rows are only ever added: the latest row of an Action is its
 * override (a null stage gives the Action back to the computed stage), and the earlier rows are its
 * history, each with who set it, when and why.
 */
@Entity('action_stage_override')
@Index('IDX_action_stage_override_action', ['actionId', 'setAt'])
@Check('CHK_action_stage_override_stage', `"stage" IS NULL OR "stage" IN ('not_started', 'initial', 'mid_level', 'advanced', 'completed')`)
export class ActionStageOverrideEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_action_stage_override' })
  id!: string;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_action_stage_override_action' })
  action!: ActionEntity;

  /** The stage the Secretariat sets; null when it withdraws its override. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  stage!: string | null;

  /** Why, in words (shown beside the stage in the table). */
  @Column({ type: 'text' })
  note!: string;

  @Index('IDX_action_stage_override_user')
  @Column({ name: 'set_by', type: 'uuid' })
  setBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_by', foreignKeyConstraintName: 'FK_action_stage_override_user' })
  user!: UserEntity;

  @CreateDateColumn({ name: 'set_at', type: 'timestamptz' })
  setAt!: Date;
}
