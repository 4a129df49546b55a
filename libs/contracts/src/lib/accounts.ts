/**
 * Accounts managed in the app, mail and reminders. Plain types only (see plan.ts).
 */
import type { Role } from './auth';
import type { OrganisationRef } from './plan';

/** Reminder mails of an account: the weekly digest and follow-ups falling due, or none. */
export const DIGEST_SETTINGS = ['weekly', 'off'] as const;
export type DigestSetting = (typeof DIGEST_SETTINGS)[number];

export type AccountStatus = 'invited' | 'active' | 'deactivated';

/** `GET /api/accounts` (Secretariat): one account. */
export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: OrganisationRef;
  /**
   * Numbers of the Actions whose co-leader digest this person follows (ticked by the Secretariat;
   * none ticked, a co-leader's digest covers the Actions their organisation co-leads). They give no right.
   */
  actionNumbers: number[];
  /**
   * Numbers of the Work Plan's Actions whose milestones and outputs this person may change: their role
   * and organisation decide (every Action for the Secretariat, the co-led ones for a co-leader), as
   * `GET /api/auth/me` answers them.
   */
  editableActions: number[];
  /** `invited` until a password is set (or the first sign-in with the identity provider). */
  status: AccountStatus;
  digest: DigestSetting;
  createdAt: string;
  deactivatedAt: string | null;
}

/** `POST /api/accounts` (Secretariat): invites a person; they get a one-time link valid 48 hours. */
export interface AccountInvite {
  email: string;
  name: string;
  /** `member` (the least privilege: reads, changes nothing) when left out. */
  role?: Role;
  /** Every account belongs to an organisation: required whatever the role. */
  organisationId: string;
  actionNumbers?: number[];
}

/** `PATCH /api/accounts/:id` (Secretariat). */
export interface AccountUpdate {
  role?: Role;
  organisationId?: string;
  actionNumbers?: number[];
}

/** One entry of `GET /api/accounts/:id/changes`: the audit of an account. */
export interface AccountChange {
  at: string;
  /** Who made the change; null when the person did it by a mailed link, or the system did. */
  by: { id: string; name: string } | null;
  change: string;
  detail: Record<string, unknown>;
}

/** `GET /api/profile` and `PATCH /api/profile`: what members change themselves. */
export interface Profile {
  name: string;
  email: string;
  digest: DigestSetting;
}

export interface ProfileUpdate {
  name?: string;
  digest?: DigestSetting;
}

/** `POST /api/auth/invitation` (and `/api/auth/password-reset/complete`): a mailed one-time link's token and the new password. */
export interface SetPasswordRequest {
  token: string;
  password: string;
}

/** `POST /api/auth/password-reset`: the same 202 answer whether the address has an account or not. */
export interface PasswordResetRequest {
  email: string;
}

/** `GET /api/auth/providers`: the ways to sign in besides a password. */
export interface SignInProviders {
  /** OpenID Connect, when configured: the button's words, and where it starts. */
  oidc: { name: string; startUrl: string } | null;
}

/** `GET /api/mail/outbox` (Secretariat): the mails the tracker wrote, newest first. */
export interface OutboxMail {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  kind: string;
  /** `outbox`: kept here because no SMTP_URL is set; `pending`, `sent` or `failed` through SMTP. */
  status: 'pending' | 'sent' | 'outbox' | 'failed';
  sentAt: string | null;
  error: string | null;
  text: string;
  html: string;
  unsubscribeUrl: string | null;
}

/** The answer of `POST /api/calendar/private-feed`: the secret address of one's private calendar, shown once. */
export interface PrivateFeed {
  url: string;
  webcal: string;
  issuedAt: string | null;
}
