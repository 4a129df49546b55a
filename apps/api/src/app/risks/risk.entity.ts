import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RiskStatus } from '@tracker/contracts';
import { ActionEntity } from '../actions/action.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';

/**
 * A risk of an Action's register (sections 2.x.7 of the Work Plan name two per Action). Likelihood and
 * impact are null until someone assesses them: the plan scores neither.
 */
@Entity('risk')
@Index('IDX_risk_action_order', ['actionId', 'sortOrder'])
@Check('CHK_risk_status', `"status" IN ('open', 'closed')`)
@Check('CHK_risk_likelihood', `"likelihood" IS NULL OR "likelihood" BETWEEN 1 AND 5`)
@Check('CHK_risk_impact', `"impact" IS NULL OR "impact" BETWEEN 1 AND 5`)
export class RiskEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_risk' })
  id!: string;

  @Index('UQ_risk_seed_key', { unique: true })
  @Column({ name: 'seed_key', type: 'varchar', length: 100, nullable: true })
  seedKey!: string | null;

  @Column({ name: 'action_id', type: 'uuid' })
  actionId!: string;

  @ManyToOne(() => ActionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'action_id', foreignKeyConstraintName: 'FK_risk_action' })
  action!: ActionEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  description!: string;

  /** The causes the plan names for the risk; empty for risks added in the tracker. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  causes!: string[];

  @Column({ type: 'smallint', nullable: true })
  likelihood!: number | null;

  @Column({ type: 'smallint', nullable: true })
  impact!: number | null;

  @Index('IDX_risk_owner')
  @Column({ name: 'owner_organisation_id', type: 'uuid', nullable: true })
  ownerOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'owner_organisation_id', foreignKeyConstraintName: 'FK_risk_owner_organisation' })
  ownerOrganisation!: OrganisationEntity | null;

  @Column({ type: 'text' })
  mitigation!: string;

  @Column({ type: 'varchar', length: 10, default: 'open' })
  status!: RiskStatus;

  @Column({ name: 'next_review', type: 'date', nullable: true })
  nextReview!: string | null;

  /** Optimistic-locking version, as for milestones. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'varchar', length: 100, nullable: true })
  source!: string | null;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
