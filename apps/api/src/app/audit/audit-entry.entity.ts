import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AUDIT_FIELDS, AUDIT_ITEM_TYPES, type AuditField, type AuditItemType, type AuditValue } from '@tracker/contracts';
import { UserEntity } from '../accounts/user.entity';

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * One changed field of one update of a versioned record (milestone, output, risk, monitoring call,
 * follow-up), written in the update's transaction. A note-only update has one entry with a null field.
 */
@Entity('audit_entry')
@Check('CHK_audit_entry_item_kind', `"item_type" IN (${quoted(AUDIT_ITEM_TYPES)})`)
@Check('CHK_audit_entry_field_name', `"field" IS NULL OR "field" IN (${quoted(AUDIT_FIELDS)})`)
@Index('IDX_audit_entry_item', ['itemType', 'itemId', 'at'])
@Index('IDX_audit_entry_at', ['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_audit_entry' })
  id!: string;

  /** The transaction's time: every entry of one update has the same. */
  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Index('IDX_audit_entry_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_audit_entry_user' })
  user!: UserEntity;

  @Column({ name: 'item_type', type: 'varchar', length: 20 })
  itemType!: AuditItemType;

  /** The record's id (no foreign key: it points to one of several tables, by `item_type`). */
  @Column({ name: 'item_id', type: 'uuid' })
  itemId!: string;

  /** The item's version after the update. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 30, nullable: true })
  field!: AuditField | null;

  @Column({ name: 'from_value', type: 'jsonb', nullable: true })
  fromValue!: AuditValue;

  @Column({ name: 'to_value', type: 'jsonb', nullable: true })
  toValue!: AuditValue;

  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
