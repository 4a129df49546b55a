import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PlanNote } from '@tracker/contracts';
import { OrganisationEntity } from '../organisations/organisation.entity';

@Entity('partnership')
export class PartnershipEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_partnership' })
  id!: string;

  @Index('UQ_partnership_seed_key', { unique: true })
  @Column({ name: 'seed_key', type: 'varchar', length: 100, nullable: true })
  seedKey!: string | null;

  @Column({ type: 'varchar', length: 300 })
  name!: string;

  /** Last day of the current phase. */
  @Column({ type: 'date' })
  deadline!: string;

  @Column({ type: 'varchar', length: 100 })
  source!: string;

  /** Derived readings and the plan's inconsistencies, with their sections (PlanNote[] of libs/contracts). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  notes!: PlanNote[];

  /** The organisation that is the partnership's Secretariat: its accounts' roles hold here, as a member's do. */
  @Index('IDX_partnership_secretariat')
  @Column({ name: 'secretariat_organisation_id', type: 'uuid', nullable: true })
  secretariatOrganisationId!: string | null;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'secretariat_organisation_id', foreignKeyConstraintName: 'FK_partnership_secretariat' })
  secretariat!: OrganisationEntity | null;

  @OneToMany(() => PartnershipMemberEntity, (member) => member.partnership)
  members!: PartnershipMemberEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** An organisation's seat in a partnership; coordinators are members too. */
@Entity('partnership_member')
@Index('UQ_partnership_member', ['partnershipId', 'organisationId'], { unique: true })
export class PartnershipMemberEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_partnership_member' })
  id!: string;

  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId!: string;

  @ManyToOne(() => PartnershipEntity, (p) => p.members, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnership_id', foreignKeyConstraintName: 'FK_partnership_member_partnership' })
  partnership!: PartnershipEntity;

  @Index('IDX_partnership_member_organisation')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'FK_partnership_member_organisation' })
  organisation!: OrganisationEntity;

  @Column({ type: 'boolean', default: false })
  coordinator!: boolean;
}
