import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthEventKind } from './auth-event.entity';

export interface AuthEventDetails {
  email?: string | null;
  userId?: string | null;
  ip?: string | null;
  detail?: string | null;
}

/**
 * The security log: each event goes to the `auth_event` table (shared by every instance, kept with
 * the data) and to the Nest logger. Recording never fails the request it describes.
 */
@Injectable()
export class AuthEventsService {
  private readonly logger = new Logger('Auth');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(kind: AuthEventKind, details: AuthEventDetails): Promise<void> {
    const line = [kind, details.email, details.ip && `ip ${details.ip}`, details.detail].filter(Boolean).join(' · ');
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
