import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../accounts/user.entity';

/**
 * A signed-in browser. The cookie carries a random 32-byte token; only its SHA-256 is stored, so a
 * copy of this table signs nobody in. Kept in Postgres so that every API instance sees every session.
 */
@Entity('session')
export class SessionEntity {
  /** Hex SHA-256 of the cookie's token. */
  @PrimaryColumn({ name: 'token_hash', type: 'char', length: 64, primaryKeyConstraintName: 'PK_session' })
  tokenHash!: string;

  @Index('IDX_session_user')
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_session_user' })
  user!: UserEntity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Last request seen: the idle time-out slides from here. */
  @Column({ name: 'last_seen_at', type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  /** The absolute time-out, fixed at sign-in. */
  @Index('IDX_session_expires_at')
  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
