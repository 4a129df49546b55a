import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CurrentUser, Role } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { normaliseEmail } from '../accounts/account-setup';
import { AccessService } from './access.service';
import { AuthEventsService } from './auth-events.service';
import type { AuthUser } from './auth.types';
import { LoginThrottleService } from './login-throttle.service';
import { hashPassword, needsRehash, verifyAgainstNothing, verifyPassword } from './password';
import { SessionsService } from './sessions.service';

export type LoginResult =
  { outcome: 'signed_in'; user: CurrentUser; token: string; expiresAt: Date } | { outcome: 'refused' } | { outcome: 'throttled'; retryAfter: number };

const THROTTLE_REASONS = {
  pair: 'too many failed sign-ins for this email from this address',
  address: 'too many failed sign-ins from this address',
  account: 'too many failed sign-ins for this email from several addresses',
} as const;

interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation_id: string;
  password_hash: string | null;
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly events: AuthEventsService,
    private readonly access: AccessService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  /**
   * Reserves an attempt with the throttle (atomically, so a burst gets no more password checks than
   * the limit), then checks the password (spending the same time for an unknown address), then
   * opens a new session, ending the one the browser had, if any.
   */
  async login(rawEmail: string, password: string, ip: string, previousToken: string | undefined): Promise<LoginResult> {
    const email = normaliseEmail(rawEmail);
    const reservation = await this.throttle.reserve(email, ip);
    if (!reservation.allowed) {
      // Only the first refusal of a window is written down; the throttle's counts hold the rest.
      if (reservation.first) {
        await this.events.record('sign_in_throttled', {
          email,
          ip,
          detail: `${THROTTLE_REASONS[reservation.reason]}: refused for ${reservation.retryAfter} s`,
        });
      }
      return { outcome: 'throttled', retryAfter: reservation.retryAfter };
    }
    const [row] = await this.dataSource.query<UserRow[]>(
      `SELECT id, email, name, role, organisation_id, password_hash FROM user_account WHERE email = $1 AND deactivated_at IS NULL`,
      [email],
    );
    const valid = row?.password_hash ? await verifyPassword(row.password_hash, password) : await verifyAgainstNothing(password);
    if (!row || !valid) {
      await this.events.record('sign_in_failed', { email, userId: row?.id ?? null, ip, detail: row ? 'wrong password' : 'no such account' });
      return { outcome: 'refused' };
    }
    await this.throttle.recordSuccess(email, ip);
    if (row.password_hash && needsRehash(row.password_hash)) {
      await this.dataSource.query(`UPDATE user_account SET password_hash = $2, updated_at = now() WHERE id = $1`, [row.id, await hashPassword(password)]);
    }
    await this.sessions.end(previousToken);
    await this.sessions.purgeExpired();
    const { token, expiresAt } = await this.sessions.create(row.id);
    await this.events.record('sign_in', { email, userId: row.id, ip });
    const user = await this.describe({ id: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisation_id, sessionHash: '' });
    return { outcome: 'signed_in', user, token, expiresAt };
  }

  async logout(token: string | undefined, ip: string): Promise<void> {
    const userId = await this.sessions.end(token);
    if (userId) {
      await this.events.record('sign_out', { userId, ip });
    }
  }

  /** The `GET /api/auth/me` view of a user, with the Actions of one partnership (the Work Plan by default) they may change. */
  async describe(user: AuthUser, partnershipKey?: string): Promise<CurrentUser> {
    const partnership = await this.partnerships.byKey(partnershipKey);
    const [organisation] = await this.dataSource.query<{ id: string; name: string }[]>(`SELECT id, name FROM organisation WHERE id = $1`, [
      user.organisationId,
    ]);
    const [milestones, outputs] = await Promise.all([
      this.access.actionNumbersAllowed(user, 'milestone.update', partnership),
      this.access.actionNumbersAllowed(user, 'output.update', partnership),
    ]);
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organisation: { id: organisation.id, name: organisation.name },
      editableActions: milestones.filter((n) => outputs.includes(n)),
    };
  }
}
