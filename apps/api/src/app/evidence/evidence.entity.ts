import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { PartnershipEntity } from '../partnership/partnership.entity';
import { OutputEntity } from '../outputs/output.entity';
import { MilestoneEntity } from '../milestones/milestone.entity';
import { UserEntity } from '../accounts/user.entity';

/** What a piece of evidence is: an uploaded file, a link, or a note saying why there is neither. */
export type EvidenceKind = 'file' | 'link' | 'note';

/**
 * Evidence of delivery on one output or one milestone (exactly one of the two). A file's bytes live
 * in `evidence_chunk`, in order; a link has its address; a note (given when an output is marked
 * delivered with nothing to attach) has only its text, in `title`. Removing one keeps the row, with
 * who removed it and when, and drops a file's bytes.
 */
@Entity('evidence')
@Check('CHK_evidence_kind', `"kind" IN ('file', 'link', 'note')`)
@Check('CHK_evidence_one_item', `num_nonnulls("output_id", "milestone_id") = 1`)
@Check('CHK_evidence_file', `"kind" <> 'file' OR ("file_name" IS NOT NULL AND "media_type" IS NOT NULL AND "size_bytes" IS NOT NULL AND "sha256" IS NOT NULL)`)
@Check('CHK_evidence_link', `"kind" <> 'link' OR "url" IS NOT NULL`)
@Check('CHK_evidence_removed', `("removed_at" IS NULL) = ("removed_by" IS NULL)`)
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_evidence' })
  id!: string;

  @Index('IDX_evidence_partnership')
  @Column({ name: 'partnership_id', type: 'uuid' })
  partnershipId!: string;

  @ManyToOne(() => PartnershipEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partnership_id', foreignKeyConstraintName: 'FK_evidence_partnership' })
  partnership!: PartnershipEntity;

  @Index('IDX_evidence_output')
  @Column({ name: 'output_id', type: 'uuid', nullable: true })
  outputId!: string | null;

  @ManyToOne(() => OutputEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'output_id', foreignKeyConstraintName: 'FK_evidence_output' })
  output!: OutputEntity | null;

  @Index('IDX_evidence_milestone')
  @Column({ name: 'milestone_id', type: 'uuid', nullable: true })
  milestoneId!: string | null;

  @ManyToOne(() => MilestoneEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'milestone_id', foreignKeyConstraintName: 'FK_evidence_milestone' })
  milestone!: MilestoneEntity | null;

  @Column({ type: 'varchar', length: 10 })
  kind!: EvidenceKind;

  /** A link's address (http or https). */
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  /** What a reader sees: a link's title, a file's title (its name unless given), a note's text. */
  @Column({ type: 'text' })
  title!: string;

  /** A file's name as uploaded (for the download's Content-Disposition only, never for its type). */
  @Column({ name: 'file_name', type: 'text', nullable: true })
  fileName!: string | null;

  /** A file's media type, read from its bytes. */
  @Column({ name: 'media_type', type: 'varchar', length: 255, nullable: true })
  mediaType!: string | null;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true })
  sizeBytes!: string | null;

  /** Hex SHA-256 of a file's bytes, computed while they stream in. */
  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'FK_evidence_created_by' })
  creator!: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true })
  removedAt!: Date | null;

  @Column({ name: 'removed_by', type: 'uuid', nullable: true })
  removedBy!: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'removed_by', foreignKeyConstraintName: 'FK_evidence_removed_by' })
  remover!: UserEntity | null;
}

/** The bytes of a file, in chunks of at most 256 KiB, numbered from 0. */
@Entity('evidence_chunk')
@Check('CHK_evidence_chunk_seq', `"seq" >= 0`)
export class EvidenceChunkEntity {
  @PrimaryColumn({ name: 'evidence_id', type: 'uuid', primaryKeyConstraintName: 'PK_evidence_chunk' })
  evidenceId!: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'PK_evidence_chunk' })
  seq!: number;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'evidence_id', foreignKeyConstraintName: 'FK_evidence_chunk_evidence' })
  evidence!: EvidenceEntity;

  @Column({ type: 'bytea' })
  data!: Buffer;
}
