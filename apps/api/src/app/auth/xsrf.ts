import { randomBytes, timingSafeEqual } from 'node:crypto';
import { XSRF_COOKIE, XSRF_HEADER } from '@tracker/contracts';
import type { CookieOptions, NextFunction, Request, Response } from 'express';

/**
 * Angular's XSRF convention (double-submit cookie): the server sets a random `XSRF-TOKEN` cookie that
 * the page's script can read, and every write must send it back in `X-XSRF-TOKEN`. Another site can
 * make the browser send our cookies, but cannot read them, so it cannot forge the header.
 */
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const XSRF_REFUSAL = `missing or wrong ${XSRF_HEADER} header: send the value of the ${XSRF_COOKIE} cookie (any GET, e.g. GET /api/auth/me, sets it) with every POST, PATCH, PUT and DELETE`;

function cookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: false, sameSite: 'lax', secure, path: '/' };
}

export function setXsrfCookie(res: Response, secure: boolean): void {
  res.cookie(XSRF_COOKIE, randomBytes(32).toString('base64url'), cookieOptions(secure));
}

/** Sets the cookie on any GET (or HEAD) response whose request did not carry one. */
export function xsrfCookieMiddleware(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method === 'GET' || req.method === 'HEAD') && !req.cookies?.[XSRF_COOKIE]) {
      setXsrfCookie(res, secure);
    }
    next();
  };
}

/** True when the request echoes its XSRF cookie in the header. */
export function xsrfEchoed(req: Request): boolean {
  const cookie: unknown = req.cookies?.[XSRF_COOKIE];
  const header = req.get(XSRF_HEADER);
  if (typeof cookie !== 'string' || cookie === '' || !header) {
    return false;
  }
  const a = Buffer.from(cookie);
  const b = Buffer.from(header);
  return a.length === b.length && timingSafeEqual(a, b);
}
