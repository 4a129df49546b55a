import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config';
import { escapeForLog } from '../logging/logging';
import type { AuthEventKind } from './auth-event.entity';
import { APP_CONFIG } from './auth.types';

/** How often events older than the retention are deleted. */
const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface AuthEventDetails {
  email?: string | null;
  userId?: string | null;
  ip?: string | null;
  detail?: string | null;
}

/**
 * The security log: each event goes to the `auth_event` table (shared by every instance, kept with
 * the data for AUTH_EVENT_RETENTION_DAYS) and to the logger. Recording never fails the request it
 * describes.
 */
@Injectable()
export class AuthEventsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Auth');
  private purgeTimer: NodeJS.Timeout | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    void this.purgeExpired();
    this.purgeTimer = setInterval(() => void this.purgeExpired(), PURGE_EVERY_MS);
    this.purgeTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.purgeTimer) {
      clearInterval(this.purgeTimer);
    }
  }

  /** Deletes the events older than the retention; answers how many. */
  async purgeExpired(): Promise<number> {
    try {
      const [, count] = (await this.dataSource.query(`DELETE FROM auth_event WHERE at < now() - make_interval(days => $1)`, [
        this.config.authEventRetentionDays,
      ])) as [unknown, number];
      return count;
    } catch (error) {
      this.logger.error(`could not delete old security events: ${error instanceof Error ? error.message : String(error)}`);
      return 0;
    }
  }

  async record(kind: AuthEventKind, details: AuthEventDetails): Promise<void> {
    // The email and the detail come from the request: escaped, so they cannot forge a log line.
    const line = [
      kind,
      details.email && escapeForLog(details.email),
      details.ip && `ip ${escapeForLog(details.ip)}`,
      details.detail && escapeForLog(details.detail),
    ]
      .filter(Boolean)
      .join(' · ');
    if (kind === 'sign_in' || kind === 'sign_out') {
      this.logger.log(line);
    } else {
      this.logger.warn(line);
    }
    try {
      await this.dataSource.query(`INSERT INTO auth_event (kind, email, user_id, ip, detail) VALUES ($1, $2, $3, $4, $5)`, [
        kind,
        details.email?.slice(0, 254) ?? null,
        details.userId ?? null,
        details.ip?.slice(0, 64) ?? null,
        details.detail?.slice(0, 1000) ?? null,
      ]);
    } catch (error) {
      this.logger.error(`could not record the ${kind} event: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
