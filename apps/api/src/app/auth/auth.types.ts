import type { Role } from '@tracker/contracts';
import type { Request } from 'express';

/** The signed-in user of a request, as the access guard found it. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  /** SHA-256 of the session token, to end this session. */
  sessionHash: string;
}

export type AuthRequest = Request & { user?: AuthUser };

/** Cookie of the server session (httpOnly). */
export const SESSION_COOKIE = 'tracker_session';

export const APP_CONFIG = Symbol('APP_CONFIG');
