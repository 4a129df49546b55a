/**
 * Accounts managed in the app, mail and reminders (see plan.ts for how answers are declared).
 */
import { z } from 'zod';
import { ROLES, type Role } from './auth';
import { Instant, OrganisationRef } from './plan';

/** Reminder mails of an account: the weekly digest and follow-ups falling due, or none. */
export const DIGEST_SETTINGS = ['weekly', 'off'] as const;
export type DigestSetting = (typeof DIGEST_SETTINGS)[number];

export const AccountStatus = /* @__PURE__ */ z.enum(['invited', 'active', 'deactivated']).meta({ id: 'AccountStatus' });
export type AccountStatus = z.infer<typeof AccountStatus>;

/** `GET /api/accounts` (Secretariat): one account. */
export const Account = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    organisation: OrganisationRef,
    /**
     * Numbers of the Actions whose co-leader digest this person follows (ticked by the Secretariat;
     * none ticked, a co-leader's digest covers the Actions their organisation co-leads). They give no right.
     */
    actionNumbers: z.array(z.number().int()),
    /**
     * Numbers of the Work Plan's Actions whose milestones and outputs this person may change: their role
     * and organisation decide (every Action for the Secretariat, the co-led ones for a co-leader), as
     * `GET /api/auth/me` answers them.
     */
    editableActions: z.array(z.number().int()),
    /** `invited` until a password is set (or the first sign-in with the identity provider). */
    status: AccountStatus,
    digest: z.enum(DIGEST_SETTINGS),
    createdAt: Instant,
    deactivatedAt: Instant.nullable(),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

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
export const AccountChange = /* @__PURE__ */ z
  .strictObject({
    at: Instant,
    /** Who made the change; null when the person did it by a mailed link, or the system did. */
    by: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
    change: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AccountChange' });
export type AccountChange = z.infer<typeof AccountChange>;

/** `GET /api/profile` and `PATCH /api/profile`: what members change themselves. */
export const Profile = /* @__PURE__ */ z.strictObject({ name: z.string(), email: z.string(), digest: z.enum(DIGEST_SETTINGS) }).meta({ id: 'Profile' });
export type Profile = z.infer<typeof Profile>;

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
export const SignInProviders = /* @__PURE__ */ z
  .strictObject({
    /** OpenID Connect, when configured: the button's words, and where it starts. */
    oidc: z.strictObject({ name: z.string(), startUrl: z.string() }).nullable(),
  })
  .meta({ id: 'SignInProviders' });
export type SignInProviders = z.infer<typeof SignInProviders>;

/** `GET /api/mail/outbox` (Secretariat): the mails the tracker wrote, newest first. */
export const OutboxMail = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    createdAt: Instant,
    to: z.string(),
    subject: z.string(),
    kind: z.string(),
    /** `outbox`: kept here because no SMTP_URL is set; `pending`, `sent` or `failed` through SMTP. */
    status: z.enum(['pending', 'sent', 'outbox', 'failed']),
    sentAt: Instant.nullable(),
    error: z.string().nullable(),
    text: z.string(),
    html: z.string(),
    unsubscribeUrl: z.string().nullable(),
  })
  .meta({ id: 'OutboxMail' });
export type OutboxMail = z.infer<typeof OutboxMail>;

/** The answer of `POST /api/calendar/private-feed`: the secret address of one's private calendar, shown once. */
export const PrivateFeed = /* @__PURE__ */ z.strictObject({ url: z.string(), webcal: z.string(), issuedAt: Instant.nullable() }).meta({ id: 'PrivateFeed' });
export type PrivateFeed = z.infer<typeof PrivateFeed>;

/** `GET /api/calendar/private-feed`: when one's private feed was issued, null when none is. */
export const PrivateFeedState = /* @__PURE__ */ z.strictObject({ issuedAt: Instant.nullable() }).meta({ id: 'PrivateFeedState' });
export type PrivateFeedState = z.infer<typeof PrivateFeedState>;
