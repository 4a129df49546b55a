import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';

/**
 * The secret of a person's private calendar feed (monitoring calls and follow-ups). The feed's
 * address carries a random 32-byte token; only its SHA-256 is stored. One live token per user:
 * a new one replaces the old, and revoking deletes it, so an address once shared stops working.
 */
@Entity('calendar_token')
export class CalendarTokenEntity {
  /** Hex SHA-256 of the address's token. */
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64, primaryKeyConstraintName: 'PK_calendar_token' })
  tokenHash!: string;

  @Index('UQ_calendar_token_user', { unique: true })
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_calendar_token_user' })
  user!: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
