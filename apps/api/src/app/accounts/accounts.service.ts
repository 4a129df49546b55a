import { randomBytes } from 'node:crypto';
import { BadRequestException, ConflictException, HttpException, HttpStatus, Injectable, NotFoundException } from '@nestjs/common';
import {
  type Account,
  type AccountChange,
  type AccountInvite,
  type AccountUpdate,
  LEAST_PRIVILEGED_ROLE,
  type Profile,
  type ProfileUpdate,
} from '@tracker/contracts';
import type { EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { hashPassword } from '../auth/password';
import { hashToken } from '../auth/sessions.service';
import { Links } from '../mail/links';
import { MailService } from '../mail/mail.service';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { AccountError, checkPassword, normaliseEmail } from './account-setup';
import type { AccountTokenPurpose } from './account.entity';
import { type AccountRecord, AccountsRepository } from './accounts.repository';

/** An invitation link is good for 48 hours, a password-reset link for 30 minutes; each works once. */
export const INVITATION_MINUTES = 48 * 60;
export const RESET_MINUTES = 30;
/** Password-reset requests allowed per address and per client in RESET_MINUTES (then 429, whether the address exists or not). */
export const RESET_LIMITS = { perEmail: 3, perIp: 20, minutes: RESET_MINUTES };

const ROLE_WORDS = { secretariat: 'the Secretariat', coordinator: 'a coordinator', co_leader: 'a co-leader', member: 'a member' } as const;

/**
 * Accounts managed in the app: the Secretariat invites (a one-time link by mail), changes role,
 * organisation and Actions, deactivates (sessions end at once); people set their password by the
 * link, reset a forgotten one, and change their own name and reminder setting. Every change is
 * written to `account_change` in the same transaction as the change itself.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly repository: AccountsRepository,
    private readonly mail: MailService,
    private readonly links: Links,
    private readonly access: AccessService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  async list(): Promise<Account[]> {
    return this.withRights(await this.repository.list());
  }

  async get(id: string): Promise<Account> {
    const account = await this.repository.find(id);
    if (!account) {
      throw new NotFoundException(`no account has the id ${id}`);
    }
    return this.withRight(account);
  }

  async changes(id: string): Promise<AccountChange[]> {
    await this.get(id);
    return this.repository.changes(id);
  }

  async invite(by: AuthUser, invite: AccountInvite): Promise<Account> {
    const email = normaliseEmail(invite.email);
    const name = invite.name.trim();
    if (name === '') {
      throw new BadRequestException('name must not be empty');
    }
    // Never more than asked for: a role left out is the least privilege.
    const role = invite.role ?? LEAST_PRIVILEGED_ROLE;
    const account = await this.repository.transaction(async (manager) => {
      if (await this.repository.idByEmail(email, manager)) {
        throw new ConflictException(`an account for ${email} already exists`);
      }
      if (!(await this.repository.organisationExists(invite.organisationId, manager))) {
        throw new BadRequestException(`organisationId: no organisation has the id ${invite.organisationId}`);
      }
      const actionIds = await this.actionIds(invite.actionNumbers ?? [], manager);
      const id = await this.repository.insertInvited(manager, { email, name, role, organisationId: invite.organisationId });
      await this.repository.setActions(manager, id, actionIds);
      await this.repository.recordChange(manager, {
        userId: id,
        actorId: by.id,
        change: 'invited',
        detail: { email, name, role, organisationId: invite.organisationId, actionNumbers: sorted(invite.actionNumbers ?? []) },
      });
      await this.sendInvitation(manager, id, email, name, by.name, role);
      return (await this.repository.find(id, manager))!;
    });
    return this.withRight(account);
  }

  /** A new invitation link (the old one stops working), for someone who has not set a password yet. */
  async resendInvitation(by: AuthUser, id: string): Promise<Account> {
    const account = await this.repository.transaction(async (manager) => {
      const account = await this.repository.find(id, manager);
      if (!account) {
        throw new NotFoundException(`no account has the id ${id}`);
      }
      if (account.status !== 'invited') {
        throw new ConflictException(`${account.email} is ${account.status}: only an invited account gets a new invitation`);
      }
      await this.repository.recordChange(manager, { userId: id, actorId: by.id, change: 'invitation_resent' });
      await this.sendInvitation(manager, id, account.email, account.name, by.name, account.role);
      return account;
    });
    return this.withRight(account);
  }

  async update(by: AuthUser, id: string, update: AccountUpdate): Promise<Account> {
    const account = await this.repository.transaction(async (manager) => {
      const before = await this.repository.find(id, manager);
      if (!before) {
        throw new NotFoundException(`no account has the id ${id}`);
      }
      if (before.status === 'deactivated') {
        throw new ConflictException(`${before.email} is deactivated`);
      }
      if (by.id === id && update.role !== undefined && update.role !== before.role) {
        throw new BadRequestException('role: you cannot change your own role (another member of the Secretariat can)');
      }
      if (update.organisationId !== undefined && !(await this.repository.organisationExists(update.organisationId, manager))) {
        throw new BadRequestException(`organisationId: no organisation has the id ${update.organisationId}`);
      }
      const role = update.role ?? before.role;
      const organisationId = update.organisationId ?? before.organisation.id;
      const detail: Record<string, unknown> = {};
      if (role !== before.role) {
        detail['role'] = { from: before.role, to: role };
      }
      if (organisationId !== before.organisation.id) {
        detail['organisation'] = { from: before.organisation.id, to: organisationId };
      }
      await this.repository.setRoleAndOrganisation(manager, id, role, organisationId);
      if (update.actionNumbers !== undefined) {
        const ids = await this.actionIds(update.actionNumbers, manager);
        const to = sorted(update.actionNumbers);
        if (to.join() !== before.actionNumbers.join()) {
          detail['actionNumbers'] = { from: before.actionNumbers, to };
        }
        await this.repository.setActions(manager, id, ids);
      }
      if (Object.keys(detail).length > 0) {
        await this.repository.recordChange(manager, { userId: id, actorId: by.id, change: 'changed', detail });
        if (detail['role'] || detail['organisation']) {
          // What a session may do follows the account; end them so nobody keeps the old rights in a cached page.
          await this.repository.endSessions(manager, id);
        }
      }
      return (await this.repository.find(id, manager))!;
    });
    return this.withRight(account);
  }

  async deactivate(by: AuthUser, id: string): Promise<Account> {
    if (by.id === id) {
      throw new BadRequestException('you cannot deactivate your own account');
    }
    const account = await this.repository.transaction(async (manager) => {
      const before = await this.repository.find(id, manager);
      if (!before) {
        throw new NotFoundException(`no account has the id ${id}`);
      }
      if (before.status !== 'deactivated') {
        await this.repository.deactivate(manager, id);
        await this.repository.recordChange(manager, { userId: id, actorId: by.id, change: 'deactivated' });
      }
      return (await this.repository.find(id, manager))!;
    });
    return this.withRight(account);
  }

  /** Sets the password of an invited account by its invitation link (once, within 48 hours). */
  acceptInvitation(token: string, password: string): Promise<{ email: string }> {
    return this.setPasswordByLink('invitation', token, password, 'password_set');
  }

  /** Sets a new password by a reset link (once, within 30 minutes); ends every session of the account. */
  completeReset(token: string, password: string): Promise<{ email: string }> {
    return this.setPasswordByLink('password_reset', token, password, 'password_reset');
  }

  /**
   * Mails a reset link when the address has an active account with a password; answers the same
   * either way. An invited account that never set one gets no link: a reset changes a password, it
   * never sets the first one (that is the invitation's, which the Secretariat resends; see
   * docs/security.md). Over the limit for the address or the client, 429 (also the same either way).
   */
  async requestReset(rawEmail: string, ip: string): Promise<void> {
    const email = normaliseEmail(rawEmail);
    const wait = await this.repository.resetThrottle(email, ip, RESET_LIMITS);
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60);
      throw new HttpException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: `too many password-reset requests: try again in ${minutes} minute${minutes === 1 ? '' : 's'}`,
          retryAfter: wait,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const account = await this.repository.activeByEmail(email);
    if (!account || !account.hasPassword) {
      return;
    }
    await this.repository.transaction(async (manager) => {
      const token = await this.newToken(manager, account.id, 'password_reset', RESET_MINUTES);
      await this.repository.recordChange(manager, { userId: account.id, actorId: null, change: 'password_reset_requested', detail: { ip } });
      await this.mail.send(
        {
          to: account.email,
          subject: 'Reset your password for the Work Plan tracker',
          kind: 'password_reset',
          content: {
            greeting: `Hello ${account.name},`,
            paragraphs: ['Someone (we hope you) asked to reset the password of your account. The link below works once, for 30 minutes.'],
            button: { label: 'Choose a new password', url: this.links.to('/reset-password', { token }) },
            why: `You get this mail because a password reset was asked for ${account.email} on the Work Plan tracker.`,
            stop: 'If it was not you, ignore this mail: your password stays as it is and the link expires.',
          },
        },
        manager,
      );
    });
  }

  profile(user: AuthUser): Promise<Profile> {
    return this.repository.profile(user.id);
  }

  async updateProfile(user: AuthUser, update: ProfileUpdate): Promise<Profile> {
    return this.repository.transaction(async (manager) => {
      const before = await this.repository.profile(user.id, manager);
      const name = update.name === undefined ? before.name : update.name.trim();
      if (name === '') {
        throw new BadRequestException('name must not be empty');
      }
      const digest = update.digest ?? before.digest;
      const detail: Record<string, unknown> = {};
      if (name !== before.name) detail['name'] = { from: before.name, to: name };
      if (digest !== before.digest) detail['digest'] = { from: before.digest, to: digest };
      if (Object.keys(detail).length > 0) {
        await this.repository.updateProfile(manager, user.id, { name, digest });
        await this.repository.recordChange(manager, { userId: user.id, actorId: user.id, change: 'profile_changed', detail });
      }
      return this.repository.profile(user.id, manager);
    });
  }

  /** The one-click unsubscribe link of reminder mails. */
  async unsubscribe(token: string): Promise<boolean> {
    return this.repository.transaction(async (manager) => {
      const result = await this.repository.unsubscribe(manager, token);
      if (!result) {
        return false;
      }
      if (result.wasOn) {
        await this.repository.recordChange(manager, {
          userId: result.id,
          actorId: null,
          change: 'unsubscribed',
          detail: { digest: { from: 'weekly', to: 'off' } },
        });
      }
      return true;
    });
  }

  private async setPasswordByLink(purpose: AccountTokenPurpose, token: string, password: string, change: string): Promise<{ email: string }> {
    try {
      checkPassword(password);
    } catch (error) {
      throw new BadRequestException(`password: ${(error as AccountError).message}`);
    }
    const passwordHash = await hashPassword(password);
    return this.repository.transaction(async (manager) => {
      const userId = await this.repository.consumeToken(manager, purpose, hashToken(token));
      const status = userId ? (await this.repository.find(userId, manager))?.status : undefined;
      // A reset link (one mailed before this rule, say) never activates an invitation not taken up.
      if (!userId || (purpose === 'password_reset' && status !== 'active')) {
        const what = purpose === 'invitation' ? 'invitation' : 'password-reset link';
        throw new BadRequestException(`token: this ${what} is unknown, already used or expired; ask for a new one`);
      }
      await this.repository.setPassword(manager, userId, passwordHash);
      await this.repository.endSessions(manager, userId);
      // A new password ends every way in that the old one opened: sessions and the calendar feed's address.
      await this.repository.revokeCalendarFeed(manager, userId);
      await this.repository.recordChange(manager, { userId, actorId: null, change });
      const account = await this.repository.find(userId, manager);
      return { email: account!.email };
    });
  }

  private async sendInvitation(manager: EntityManager, userId: string, email: string, name: string, inviter: string, role: Account['role']): Promise<void> {
    const token = await this.newToken(manager, userId, 'invitation', INVITATION_MINUTES);
    await this.mail.send(
      {
        to: email,
        subject: 'You are invited to the Work Plan tracker',
        kind: 'invitation',
        content: {
          greeting: `Hello ${name},`,
          paragraphs: [
            `${inviter} of the Partnership Secretariat invited you to the Work Plan tracker of the Partnership on the Inclusion of Migrants and Refugees, as ${ROLE_WORDS[role]}.`,
            'Choose your password with the link below. It works once, for 48 hours.',
          ],
          button: { label: 'Set your password', url: this.links.to('/invitation', { token }) },
          why: `You get this mail because the Partnership Secretariat invited ${email}.`,
          stop: 'If you do not want an account, ignore this mail: the link expires and nothing else is sent.',
        },
      },
      manager,
    );
  }

  private async withRight(account: AccountRecord): Promise<Account> {
    return (await this.withRights([account]))[0];
  }

  /**
   * Adds what each account may change in the Work Plan, by the permission table (the rule
   * `GET /api/auth/me` answers with): role and organisation decide, the ticked Actions do not.
   */
  private async withRights(accounts: AccountRecord[]): Promise<Account[]> {
    const partnership = await this.partnerships.byKey();
    const known = new Map<string, Promise<number[]>>();
    const editable = (account: AccountRecord): Promise<number[]> => {
      const key = `${account.role}:${account.organisation.id}`;
      let numbers = known.get(key);
      if (!numbers) {
        const user: AuthUser = {
          id: account.id,
          email: account.email,
          name: account.name,
          role: account.role,
          organisationId: account.organisation.id,
          sessionHash: '',
        };
        numbers = Promise.all([
          this.access.actionNumbersAllowed(user, 'milestone.update', partnership),
          this.access.actionNumbersAllowed(user, 'output.update', partnership),
        ]).then(([milestones, outputs]) => milestones.filter((n) => outputs.includes(n)));
        known.set(key, numbers);
      }
      return numbers;
    };
    return Promise.all(accounts.map(async (account) => ({ ...account, editableActions: account.status === 'deactivated' ? [] : await editable(account) })));
  }

  private async newToken(manager: EntityManager, userId: string, purpose: AccountTokenPurpose, minutes: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.repository.insertToken(manager, userId, purpose, hashToken(token), minutes);
    return token;
  }

  private async actionIds(numbers: number[], manager: EntityManager): Promise<string[]> {
    const ids = await this.repository.actionIds(numbers, manager);
    const unknown = numbers.filter((n) => !ids.has(n));
    if (unknown.length > 0) {
      throw new BadRequestException(`actionNumbers: no Action has the number ${unknown.join(', ')}`);
    }
    return [...new Set(ids.values())];
  }
}

function sorted(numbers: number[]): number[] {
  return [...new Set(numbers)].sort((a, b) => a - b);
}
