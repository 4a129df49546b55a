import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { XSRF_COOKIE, XSRF_HEADER } from '@tracker/contracts';
import type { CookieOptions, NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from './auth.types';

/**
 * Angular's XSRF convention (double-submit cookie): the server sets a random `XSRF-TOKEN` cookie that
 * the page's script can read, and every write must send it back in `X-XSRF-TOKEN`. Another site can
 * make the browser send our cookies, but cannot read them, so it cannot forge the header.
 *
 * With a session the token is bound to it: `<nonce>.<HMAC-SHA256 of the nonce keyed with the session
 * token>`. The session cookie is httpOnly, so a cookie planted by someone else (from a sibling
 * subdomain, say) cannot carry a valid token for the victim's session.
 *
 * Before a session exists (signing in, resetting a password, taking up an invitation) there is
 * nothing to bind the token to, so a cookie planted from a sibling subdomain would pass the
 * double-submit. Those writes are also refused when the browser says they come from another site
 * or a sibling one (Fetch Metadata, `Sec-Fetch-Site`): see docs/security.md.
 */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const XSRF_REFUSAL = `missing or wrong ${XSRF_HEADER} header: send the value of the ${XSRF_COOKIE} cookie (any GET, e.g. GET /api/auth/me, sets it) with every POST, PATCH, PUT and DELETE`;

export const CROSS_SITE_REFUSAL = "this request comes from another site (Sec-Fetch-Site): sign in from the tracker's own pages";

function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: false, sameSite: 'lax', secure, path: '/' };
}

/** A new token, bound to the session token when there is one. */
export function xsrfToken(session: string | undefined): string {
  const nonce = randomBytes(32).toString('base64url');
  return session ? `${nonce}.${mac(session, nonce)}` : nonce;
}

/** True when the token belongs to this session (any token does when there is no session). */
export function xsrfBoundTo(token: string, session: string | undefined): boolean {
  if (!session) {
    return true;
  }
  const dot = token.indexOf('.');
  return dot > 0 && sameText(token.slice(dot + 1), mac(session, token.slice(0, dot)));
}

export function setXsrfCookie(res: Response, secure: boolean, session: string | undefined): void {
  res.cookie(XSRF_COOKIE, xsrfToken(session), cookieOptions(secure));
}

/** Sets the cookie on any GET (or HEAD) response whose request did not carry one valid for its session. */
export function xsrfCookieMiddleware(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const cookie: unknown = req.cookies?.[XSRF_COOKIE];
      const session = sessionOf(req);
      if (typeof cookie !== 'string' || cookie === '' || !xsrfBoundTo(cookie, session)) {
        setXsrfCookie(res, secure, session);
      }
    }
    next();
  };
}

/** `Sec-Fetch-Site` values of a write the page itself made (`none`: typed or bookmarked by the user). */
const OWN_SITE = new Set(['same-origin', 'none']);

/**
 * True for a write without a session that a browser says another site (or a sibling subdomain)
 * started. Clients that send no Fetch Metadata (scripts, older browsers) rest on the double-submit.
 */
export function crossSiteWithoutSession(req: Request): boolean {
  const site = req.get('sec-fetch-site');
  return sessionOf(req) === undefined && site !== undefined && !OWN_SITE.has(site.toLowerCase());
}

/** True when the request echoes its XSRF cookie in the header, and that cookie belongs to its session. */
export function xsrfEchoed(req: Request): boolean {
  const cookie: unknown = req.cookies?.[XSRF_COOKIE];
  const header = req.get(XSRF_HEADER);
  if (typeof cookie !== 'string' || cookie === '' || !header) {
    return false;
  }
  return sameText(cookie, header) && xsrfBoundTo(cookie, sessionOf(req));
}

function sessionOf(req: Request): string | undefined {
  const session: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof session === 'string' && session !== '' ? session : undefined;
}

function mac(session: string, nonce: string): string {
  return createHmac('sha256', session).update(`xsrf:${nonce}`).digest('base64url');
}

function sameText(x: string, y: string): boolean {
  const a = Buffer.from(x);
  const b = Buffer.from(y);
  return a.length === b.length && timingSafeEqual(a, b);
}
