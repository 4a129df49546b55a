import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { OrganisationType, PlanNote } from '@tracker/contracts';

@Entity('organisation')
@Check(
  'CHK_organisation_type',
  `"type" IN ('city', 'region', 'national_government', 'eu_body', 'municipal_network', 'ngo_think_tank', 'university', 'expert_group', 'international_organisation', 'other')`,
)
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_organisation' })
  id!: string;

  /** Stable key of a seeded record; null for records created in the tracker. */
  @Index('UQ_organisation_seed_key', { unique: true })
  @Column({ name: 'seed_key', type: 'varchar', length: 100, nullable: true })
  seedKey!: string | null;

  @Index('IDX_organisation_name')
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 40 })
  type!: OrganisationType;

  @Column({ type: 'char', length: 2, nullable: true })
  country!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @Column({ type: 'varchar', length: 100 })
  source!: string;

  /** Derived readings and the plan's inconsistencies, with their sections (PlanNote[] of libs/contracts). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  notes!: PlanNote[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
