import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from './auth.types';

/**
 * Counts failed sign-ins per email address and per client IP address in Postgres (so all instances
 * count together), in a fixed window of `loginWindowMinutes` that opens at the first failure. While a
 * key is over its limit every sign-in with it is refused, even with the right password.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Seconds until sign-in is allowed again for this email and IP, or 0 when it is allowed now. */
  async retryAfter(email: string, ip: string): Promise<number> {
    const rows = await this.dataSource.query<{ key: string; failures: number; retry_after: number }[]>(
      `SELECT key, failures, ceil(extract(epoch FROM window_start + make_interval(mins => $2) - now()))::int AS retry_after
         FROM login_throttle
        WHERE key = ANY($1) AND window_start > now() - make_interval(mins => $2)`,
      [[emailKey(email), ipKey(ip)], this.config.loginWindowMinutes],
    );
    const blocked = rows.filter((row) =>
      row.key.startsWith('email:') ? row.failures >= this.config.loginMaxFailures : row.failures >= this.config.loginMaxFailuresPerIp,
    );
    return blocked.length === 0 ? 0 : Math.max(1, ...blocked.map((row) => row.retry_after));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_throttle (key, window_start, failures)
       SELECT k, now(), 1 FROM unnest($1::varchar[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN login_throttle.window_start <= now() - make_interval(mins => $2) THEN 1 ELSE login_throttle.failures + 1 END,
         window_start = CASE WHEN login_throttle.window_start <= now() - make_interval(mins => $2) THEN now() ELSE login_throttle.window_start END`,
      [[emailKey(email), ipKey(ip)], this.config.loginWindowMinutes],
    );
  }

  /** A successful sign-in clears its email's count (the IP's stays: one good account must not unlock guessing others). */
  async recordSuccess(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE key = $1 OR window_start <= now() - make_interval(mins => $2)`, [
      emailKey(email),
      this.config.loginWindowMinutes,
    ]);
  }
}

function emailKey(email: string): string {
  return `email:${email.slice(0, 254)}`;
}

function ipKey(ip: string): string {
  return `ip:${ip.slice(0, 64)}`;
}
