import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Account, AccountChange, DigestSetting, Profile, Role } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../common/pg-result';
import { revokeCalendarToken } from '../exports/calendar.repository';
import { WORK_PLAN } from '../seed/work-plan.data';
import type { AccountTokenPurpose } from './account.entity';

interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string;
  organisation_name: string;
  action_numbers: number[];
  has_password: boolean;
  digest: DigestSetting;
  created_at: Date;
  deactivated_at: Date | null;
}

/** An account as stored; the service adds what its role and organisation let it change. */
export type AccountRecord = Omit<Account, 'editableActions'>;

/** A person to write to, with what their reminders need. */
export interface Recipient {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  actionNumbers: number[];
  unsubscribeToken: string;
}

const ACCOUNT_SELECT = `
  SELECT u.id, u.email, u.name, u.role, u.organisation_id, o.name AS organisation_name,
         coalesce((SELECT array_agg(a.number ORDER BY a.number) FROM account_action aa JOIN action a ON a.id = aa.action_id WHERE aa.user_id = u.id), '{}') AS action_numbers,
         u.password_hash IS NOT NULL AS has_password, u.digest, u.created_at, u.deactivated_at
    FROM user_account u JOIN organisation o ON o.id = u.organisation_id`;

/** Every SQL statement of account management (user_account, account_action, account_token, account_change). */
@Injectable()
export class AccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async list(): Promise<AccountRecord[]> {
    const rows = await this.dataSource.query<AccountRow[]>(`${ACCOUNT_SELECT} ORDER BY u.deactivated_at IS NOT NULL, lower(u.name), u.email`);
    return rows.map(toAccount);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<AccountRecord | null> {
    const [row] = await manager.query<AccountRow[]>(`${ACCOUNT_SELECT} WHERE u.id = $1`, [id]);
    return row ? toAccount(row) : null;
  }

  async idByEmail(email: string, manager: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = await manager.query<{ id: string }[]>(`SELECT id FROM user_account WHERE email = $1`, [email]);
    return row?.id ?? null;
  }

  /** An account that may sign in (not deactivated) by its address; `hasPassword` false until an invitation is taken up. */
  async activeByEmail(email: string): Promise<{ id: string; name: string; email: string; hasPassword: boolean } | null> {
    const [row] = await this.dataSource.query<{ id: string; name: string; email: string; has_password: boolean }[]>(
      `SELECT id, name, email, password_hash IS NOT NULL AS has_password FROM user_account WHERE email = $1 AND deactivated_at IS NULL`,
      [email],
    );
    return row ? { id: row.id, name: row.name, email: row.email, hasPassword: row.has_password } : null;
  }

  async organisationExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM organisation WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** Ids of the Work Plan's Actions by number; numbers that name no Action are left out. */
  async actionIds(numbers: number[], manager: EntityManager = this.dataSource.manager): Promise<Map<number, string>> {
    const rows = await manager.query<{ id: string; number: number }[]>(
      `SELECT a.id, a.number FROM action a JOIN partnership p ON p.id = a.partnership_id WHERE p.seed_key = $1 AND a.number = ANY($2)`,
      [WORK_PLAN.partnership.key, numbers],
    );
    return new Map(rows.map((row) => [row.number, row.id]));
  }

  async insertInvited(manager: EntityManager, account: { email: string; name: string; role: Role; organisationId: string }): Promise<string> {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO user_account (email, name, role, organisation_id, password_hash) VALUES ($1, $2, $3, $4, NULL) RETURNING id`,
      [account.email, account.name, account.role, account.organisationId],
    );
    return row.id;
  }

  async setActions(manager: EntityManager, userId: string, actionIds: string[]): Promise<void> {
    await manager.query(`DELETE FROM account_action WHERE user_id = $1`, [userId]);
    await manager.query(`INSERT INTO account_action (user_id, action_id) SELECT $1, unnest($2::uuid[])`, [userId, actionIds]);
  }

  async setRoleAndOrganisation(manager: EntityManager, userId: string, role: Role, organisationId: string): Promise<void> {
    await manager.query(`UPDATE user_account SET role = $2, organisation_id = $3, updated_at = now() WHERE id = $1`, [userId, role, organisationId]);
  }

  /** Deactivates the account and ends its sessions, open links and calendar feed in the same transaction. */
  async deactivate(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`UPDATE user_account SET deactivated_at = now(), updated_at = now() WHERE id = $1 AND deactivated_at IS NULL`, [userId]);
    await this.endSessions(manager, userId);
    await manager.query(`DELETE FROM account_token WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    await revokeCalendarToken(manager, userId);
  }

  /** Ends the account's private calendar feed (its secret address stops working). */
  async revokeCalendarFeed(manager: EntityManager, userId: string): Promise<void> {
    await revokeCalendarToken(manager, userId);
  }

  async endSessions(manager: EntityManager, userId: string): Promise<void> {
    await manager.query(`DELETE FROM session WHERE user_id = $1`, [userId]);
  }

  async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager.query(`UPDATE user_account SET password_hash = $2, updated_at = now() WHERE id = $1`, [userId, passwordHash]);
  }

  /** Stores a new one-time link, replacing the unused ones of the same purpose. */
  async insertToken(manager: EntityManager, userId: string, purpose: AccountTokenPurpose, tokenHash: string, minutes: number): Promise<void> {
    await manager.query(`DELETE FROM account_token WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`, [userId, purpose]);
    await manager.query(`INSERT INTO account_token (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(mins => $4))`, [
      userId,
      purpose,
      tokenHash,
      minutes,
    ]);
  }

  /** Uses a one-time link: the user it belongs to, or null when it is unknown, used, expired or the account deactivated. */
  async consumeToken(manager: EntityManager, purpose: AccountTokenPurpose, tokenHash: string): Promise<string | null> {
    const rows = rowsOf<{ user_id: string }>(
      await manager.query(
        `UPDATE account_token t SET used_at = now()
           FROM user_account u
          WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > now()
            AND u.id = t.user_id AND u.deactivated_at IS NULL
        RETURNING t.user_id`,
        [tokenHash, purpose],
      ),
    );
    return rows[0]?.user_id ?? null;
  }

  /** Counts a password-reset request against its address and client; the seconds to wait when over a limit, else 0. */
  async resetThrottle(email: string, ip: string, limits: { perEmail: number; perIp: number; minutes: number }): Promise<number> {
    const keys = [`reset-email:${email.slice(0, 254)}`, `reset-ip:${ip.slice(0, 64)}`];
    const rows = await this.dataSource.query<{ key: string; failures: number; retry_after: number }[]>(
      `INSERT INTO login_throttle (key, window_start, failures)
       SELECT k, now(), 1 FROM unnest($1::varchar[]) AS k ORDER BY k COLLATE "C"
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.window_start <= now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.failures + 1 END,
         window_start = CASE WHEN login_throttle.window_start <= now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_start END
       RETURNING key, failures, ceil(extract(epoch FROM window_start + make_interval(mins => $2) - now()))::int AS retry_after`,
      [keys, limits.minutes],
    );
    const over = rows.filter((row) => row.failures > (row.key.startsWith('reset-email:') ? limits.perEmail : limits.perIp));
    return over.length === 0 ? 0 : Math.max(1, ...over.map((row) => row.retry_after));
  }

  async recordChange(
    manager: EntityManager,
    change: { userId: string; actorId: string | null; change: string; detail?: Record<string, unknown> },
  ): Promise<void> {
    await manager.query(`INSERT INTO account_change (user_id, actor_id, change, detail) VALUES ($1, $2, $3, $4)`, [
      change.userId,
      change.actorId,
      change.change,
      JSON.stringify(change.detail ?? {}),
    ]);
  }

  async changes(userId: string): Promise<AccountChange[]> {
    const rows = await this.dataSource.query<
      { at: Date; actor_id: string | null; actor_name: string | null; change: string; detail: Record<string, unknown> }[]
    >(
      `SELECT c.at, c.actor_id, a.name AS actor_name, c.change, c.detail
         FROM account_change c LEFT JOIN user_account a ON a.id = c.actor_id
        WHERE c.user_id = $1 ORDER BY c.at DESC, c.id`,
      [userId],
    );
    return rows.map((row) => ({
      at: row.at.toISOString(),
      by: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? '' } : null,
      change: row.change,
      detail: row.detail,
    }));
  }

  async profile(userId: string, manager: EntityManager = this.dataSource.manager): Promise<Profile> {
    const [row] = await manager.query<Profile[]>(`SELECT name, email, digest FROM user_account WHERE id = $1`, [userId]);
    return { name: row.name, email: row.email, digest: row.digest };
  }

  async updateProfile(manager: EntityManager, userId: string, profile: { name: string; digest: DigestSetting }): Promise<void> {
    await manager.query(`UPDATE user_account SET name = $2, digest = $3, updated_at = now() WHERE id = $1`, [userId, profile.name, profile.digest]);
  }

  /** The one-click unsubscribe: turns reminder mails off; the account's id, or null for an unknown token. */
  async unsubscribe(manager: EntityManager, token: string): Promise<{ id: string; wasOn: boolean } | null> {
    const [row] = await manager.query<{ id: string; digest: DigestSetting }[]>(`SELECT id, digest FROM user_account WHERE unsubscribe_token = $1 FOR UPDATE`, [
      token,
    ]);
    if (!row) {
      return null;
    }
    await manager.query(`UPDATE user_account SET digest = 'off', updated_at = now() WHERE id = $1`, [row.id]);
    return { id: row.id, wasOn: row.digest !== 'off' };
  }

  /**
   * Active accounts with reminders on, with their Actions (for digests and follow-up reminders). An
   * invitation not taken up (no password set, never signed in with OpenID Connect) gets none: the
   * person has not joined, and their only mail is the invitation.
   */
  async recipients(): Promise<Recipient[]> {
    await this.dataSource.query(
      `UPDATE user_account SET unsubscribe_token = encode(sha256(gen_random_uuid()::text::bytea), 'hex') WHERE unsubscribe_token IS NULL`,
    );
    const rows = await this.dataSource.query<
      (Omit<Recipient, 'organisationId' | 'actionNumbers' | 'unsubscribeToken'> & {
        organisation_id: string;
        action_numbers: number[];
        unsubscribe_token: string;
      })[]
    >(
      `SELECT u.id, u.email, u.name, u.role, u.organisation_id, u.unsubscribe_token,
              coalesce((SELECT array_agg(a.number ORDER BY a.number) FROM account_action aa JOIN action a ON a.id = aa.action_id WHERE aa.user_id = u.id), '{}') AS action_numbers
         FROM user_account u
        WHERE u.deactivated_at IS NULL AND u.digest = 'weekly'
          AND (u.password_hash IS NOT NULL OR EXISTS (SELECT 1 FROM auth_event e WHERE e.user_id = u.id AND e.kind = 'sign_in'))
        ORDER BY u.email`,
    );
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role,
      organisationId: row.organisation_id,
      actionNumbers: row.action_numbers,
      unsubscribeToken: row.unsubscribe_token,
    }));
  }
}

function toAccount(row: AccountRow): AccountRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    actionNumbers: row.action_numbers,
    status: row.deactivated_at ? 'deactivated' : row.has_password ? 'active' : 'invited',
    digest: row.digest,
    createdAt: row.created_at.toISOString(),
    deactivatedAt: row.deactivated_at ? row.deactivated_at.toISOString() : null,
  };
}
