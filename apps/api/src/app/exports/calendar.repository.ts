import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The SQL of the private calendar feeds' secret tokens (only their SHA-256 is stored). */
@Injectable()
export class CalendarRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new random token for the user, replacing (and so revoking) any earlier one. */
  async issue(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM calendar_token WHERE user_id = $1`, [userId]);
      await manager.query(`INSERT INTO calendar_token (token_hash, user_id) VALUES ($1, $2)`, [sha256(token), userId]);
    });
    return token;
  }

  /** Revokes the user's token (in `manager`'s transaction when given); true when there was one. */
  async revoke(userId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return revokeCalendarToken(manager, userId);
  }

  /** Whether the user has a live token (its value is never shown again). */
  async issuedAt(userId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(`SELECT created_at FROM calendar_token WHERE user_id = $1`, [userId]);
    return row ? row.created_at.toISOString() : null;
  }

  /** The active account a token belongs to, or null (a deactivated account's feed answers nothing). */
  async userOf(token: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT t.user_id FROM calendar_token t JOIN user_account u ON u.id = t.user_id WHERE t.token_hash = $1 AND u.deactivated_at IS NULL`,
      [sha256(token)],
    );
    return row?.user_id ?? null;
  }
}

/**
 * Deletes the user's feed token in the caller's transaction: account changes that must end the feed
 * (deactivation, a password set by a link) call it beside the change itself.
 */
export async function revokeCalendarToken(manager: EntityManager, userId: string): Promise<boolean> {
  const [, count] = (await manager.query(`DELETE FROM calendar_token WHERE user_id = $1`, [userId])) as [unknown, number];
  return count > 0;
}
