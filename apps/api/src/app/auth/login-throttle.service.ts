import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from './auth.types';

/** Once an account is over its limit, from any addresses, one sign-in attempt per this many seconds. */
export const ACCOUNT_SLOW_SECONDS = 10;

export type Reservation =
  /** The password may be checked. `first` is true for the first refusal of a key in its window. */
  { allowed: true } | { allowed: false; retryAfter: number; first: boolean; reason: 'pair' | 'address' | 'account' };

/**
 * Counts sign-in attempts in Postgres (so all instances count together), in a fixed window of
 * `loginWindowMinutes` that opens at the first attempt, by three keys:
 *
 * - the pair of email and client address: `loginMaxFailures` attempts, then refused for the window;
 * - the client address: `loginMaxFailuresPerIp` attempts, then refused for the window;
 * - the email alone (from any addresses): over `loginMaxFailures`, one attempt per
 *   ACCOUNT_SLOW_SECONDS. This slows a guesser spread over many addresses without locking the
 *   account's owner out.
 *
 * An attempt is reserved, atomically, before the password is checked, so a burst of parallel
 * requests gets no more password checks than the limit. A successful sign-in gives its attempt back.
 * Every statement that changes several rows locks them in the keys' byte order (`COLLATE "C"`).
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reserve(email: string, ip: string): Promise<Reservation> {
    const window = this.config.loginWindowMinutes;
    const rows = await this.dataSource.query<{ key: string; failures: number; retry_after: number }[]>(
      `INSERT INTO login_throttle (key, window_start, failures)
       SELECT k, now(), 1 FROM unnest($1::varchar[]) AS k ORDER BY k COLLATE "C"
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.window_start <= now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.failures + 1 END,
         window_start = CASE WHEN login_throttle.window_start <= now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_start END
       RETURNING key, failures, ceil(extract(epoch FROM window_start + make_interval(mins => $2) - now()))::int AS retry_after`,
      [[pairKey(email, ip), ipKey(ip), emailKey(email)], window],
    );
    const count = (prefix: string) => rows.find((row) => row.key.startsWith(prefix))!;
    const pair = count('pair:');
    const address = count('ip:');
    const account = count('email:');
    if (pair.failures > this.config.loginMaxFailures) {
      return { allowed: false, retryAfter: Math.max(1, pair.retry_after), first: pair.failures === this.config.loginMaxFailures + 1, reason: 'pair' };
    }
    if (address.failures > this.config.loginMaxFailuresPerIp) {
      return {
        allowed: false,
        retryAfter: Math.max(1, address.retry_after),
        first: address.failures === this.config.loginMaxFailuresPerIp + 1,
        reason: 'address',
      };
    }
    if (account.failures > this.config.loginMaxFailures) {
      // One attempt per ACCOUNT_SLOW_SECONDS: the row's lock lets one request of a burst through.
      const [claimed] = await this.dataSource.query<{ key: string }[]>(
        `INSERT INTO login_throttle (key, window_start, failures) VALUES ($1, now(), 0)
         ON CONFLICT (key) DO UPDATE SET window_start = now()
          WHERE login_throttle.window_start <= now() - make_interval(secs => $2)
         RETURNING key`,
        [slowKey(email), ACCOUNT_SLOW_SECONDS],
      );
      if (!claimed) {
        const [wait] = await this.dataSource.query<{ retry_after: number }[]>(
          `SELECT ceil(extract(epoch FROM window_start + make_interval(secs => $2) - now()))::int AS retry_after FROM login_throttle WHERE key = $1`,
          [slowKey(email), ACCOUNT_SLOW_SECONDS],
        );
        return {
          allowed: false,
          retryAfter: Math.max(1, wait?.retry_after ?? ACCOUNT_SLOW_SECONDS),
          first: account.failures === this.config.loginMaxFailures + 1,
          reason: 'account',
        };
      }
    }
    return { allowed: true };
  }

  /**
   * A successful sign-in clears the counts of its email address and pair, and gives its attempt back
   * to its client address (whose failures stay: one good account must not unlock guessing others).
   *
   * Concurrent sign-ins must not deadlock: the rows are locked first, in key order as `reserve` locks
   * them, and updated rather than deleted (a row deleted here and inserted again by a `reserve` would
   * be locked out of order). Windows that have passed are swept apart, skipping rows another sign-in
   * holds, so the sweep never waits.
   */
  async recordSuccess(email: string, ip: string): Promise<void> {
    await this.dataSource.query(
      `WITH locked AS (
         SELECT key FROM login_throttle WHERE key = ANY($1) ORDER BY key COLLATE "C" FOR UPDATE
       )
       UPDATE login_throttle AS t SET
         failures = CASE WHEN t.key = $2 THEN greatest(t.failures - 1, 0) ELSE 0 END,
         window_start = CASE WHEN t.key = $2 THEN t.window_start WHEN t.key = $3 THEN '-infinity' ELSE now() END
       FROM locked WHERE t.key = locked.key`,
      [[emailKey(email), pairKey(email, ip), slowKey(email), ipKey(ip)], ipKey(ip), slowKey(email)],
    );
    await this.dataSource.query(
      `DELETE FROM login_throttle WHERE key IN (
         SELECT key FROM login_throttle WHERE window_start <= now() - make_interval(mins => $1) FOR UPDATE SKIP LOCKED
       )`,
      [this.config.loginWindowMinutes],
    );
  }
}

function emailKey(email: string): string {
  return `email:${email.slice(0, 254)}`;
}

function slowKey(email: string): string {
  return `slow:${email.slice(0, 254)}`;
}

function pairKey(email: string, ip: string): string {
  return `pair:${ip.slice(0, 64)} ${email.slice(0, 229)}`; // the column holds 300 characters
}

function ipKey(ip: string): string {
  return `ip:${ip.slice(0, 64)}`;
}
