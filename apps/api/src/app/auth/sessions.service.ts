import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Role } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { rowsOf } from '../common/pg-result';
import { APP_CONFIG, type AuthUser } from './auth.types';

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Server sessions in Postgres: the browser holds a random 32-byte token, the table only its SHA-256.
 * A session ends after `sessionIdleMinutes` without a request (sliding) and `sessionAbsoluteHours`
 * after sign-in. Every instance of the API reads the same table, so any of them can serve any request.
 */
@Injectable()
export class SessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(userId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const [row] = await this.dataSource.query<{ expires_at: Date }[]>(
      `INSERT INTO session (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING expires_at`,
      [hashToken(token), userId, this.config.sessionAbsoluteHours],
    );
    return { token, expiresAt: row.expires_at };
  }

  /** The user of a live session, sliding its idle time-out; null when the token is unknown or expired. */
  async authenticate(token: string | undefined): Promise<AuthUser | null> {
    if (!token || token.length > 100) {
      return null;
    }
    const tokenHash = hashToken(token);
    const rows = rowsOf<{ id: string; email: string; name: string; role: Role; organisation_id: string }>(
      await this.dataSource.query(
        `UPDATE session s SET last_seen_at = now()
           FROM user_account u
          WHERE s.token_hash = $1 AND u.id = s.user_id AND u.deactivated_at IS NULL
            AND s.expires_at > now() AND s.last_seen_at > now() - make_interval(mins => $2)
        RETURNING u.id, u.email, u.name, u.role, u.organisation_id`,
        [tokenHash, this.config.sessionIdleMinutes],
      ),
    );
    const row = rows[0];
    return row ? { id: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisation_id, sessionHash: tokenHash } : null;
  }

  async end(token: string | undefined): Promise<string | null> {
    if (!token || token.length > 100) {
      return null;
    }
    const rows = rowsOf<{ user_id: string }>(await this.dataSource.query(`DELETE FROM session WHERE token_hash = $1 RETURNING user_id`, [hashToken(token)]));
    return rows[0]?.user_id ?? null;
  }

  /** Drops sessions past either time-out. */
  async purgeExpired(): Promise<void> {
    await this.dataSource.query(`DELETE FROM session WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $1)`, [
      this.config.sessionIdleMinutes,
    ]);
  }
}
