/**
 * Accounts, sign-in and roles (see plan.ts for how answers are declared).
 *
 * Sign-in is a server session in the httpOnly cookie `tracker_session`; every POST/PATCH/PUT/DELETE
 * must echo the `XSRF-TOKEN` cookie in the `X-XSRF-TOKEN` header (Angular's HttpClient does this by
 * itself once the cookie is set; any GET, e.g. `GET /api/auth/me`, sets it).
 */
import { z } from 'zod';
import { OrganisationRef } from './plan';

export const ROLES = ['secretariat', 'coordinator', 'co_leader', 'member'] as const;
export type Role = (typeof ROLES)[number];
/** The least privilege, given when no role is chosen: a member reads the plan and changes nothing. */
export const LEAST_PRIVILEGED_ROLE: Role = 'member';

/** `POST /api/auth/login` body. */
export interface LoginRequest {
  email: string;
  password: string;
}

/**
 * `GET /api/auth/me` (and the 200 answer of `POST /api/auth/login`): who is signed in, and what they
 * may change. 401 when nobody is signed in.
 */
export const CurrentUser = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(ROLES),
    organisation: OrganisationRef,
    /**
     * Numbers of the Actions of one partnership (`GET /api/auth/me?partnership=key`; the Work Plan by
     * default) whose milestones and outputs this user may change (`PATCH`): all of them for the
     * Secretariat of a partnership their organisation belongs to, the Actions their organisation
     * co-leads for a co-leader, none otherwise.
     */
    editableActions: z.array(z.number().int()),
  })
  .meta({ id: 'CurrentUser' });
export type CurrentUser = z.infer<typeof CurrentUser>;

/**
 * `GET /api/auth/session`: who is signed in, or `user: null` when nobody is (200 either way, so a
 * signed-out visit of the web app meets no error). `GET /api/auth/me` answers the same user, or 401.
 */
export const SessionState = /* @__PURE__ */ z.strictObject({ user: CurrentUser.nullable() }).meta({ id: 'SessionState' });
export type SessionState = z.infer<typeof SessionState>;

/** The cookie and header names of the XSRF convention (Angular's defaults). */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'X-XSRF-TOKEN';
