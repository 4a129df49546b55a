import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins counted per key (`email:<address>` or `ip:<address>`) in a fixed window that
 * opens at the first failure. In Postgres, so that all API instances count together.
 */
@Entity('login_throttle')
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'varchar', length: 300, primaryKeyConstraintName: 'PK_login_throttle' })
  key!: string;

  @Column({ name: 'window_start', type: 'timestamptz' })
  windowStart!: Date;

  @Column({ type: 'integer' })
  failures!: number;
}
