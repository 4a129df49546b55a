import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

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

  /** Revokes the user's token; true when there was one. */
  async revoke(userId: string): Promise<boolean> {
    const [, count] = (await this.dataSource.query(`DELETE FROM calendar_token WHERE user_id = $1`, [userId])) as [unknown, number];
    return count > 0;
  }

  /** Whether the user has a live token (its value is never shown again). */
  async issuedAt(userId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ created_at: Date }[]>(`SELECT created_at FROM calendar_token WHERE user_id = $1`, [userId]);
    return row ? row.created_at.toISOString() : null;
  }

  /** The user a token belongs to, or null. */
  async userOf(token: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT t.user_id FROM calendar_token t JOIN user_account u ON u.id = t.user_id WHERE t.token_hash = $1`,
      [sha256(token)],
    );
    return row?.user_id ?? null;
  }
}
