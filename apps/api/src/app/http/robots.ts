import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from '../config/config';

/**
 * What crawlers may read. With public reading on, the tracker is a public record of the Work Plan:
 * its pages may be indexed, but not the API (data, exports, calendar addresses), nor the pages that
 * only make sense signed in. With public reading off nothing is shown without signing in, so
 * nothing is to be indexed.
 */
export function robotsText(publicRead: boolean): string {
  if (!publicRead) {
    return 'User-agent: *\nDisallow: /\n';
  }
  const privatePaths = ['/api/', '/sign-in', '/settings', '/accounts', '/invitation', '/reset-password', '/forgot-password'];
  return ['User-agent: *', 'Allow: /', ...privatePaths.map((path) => `Disallow: ${path}`), ''].join('\n');
}

export function robotsTxt(config: Pick<AppConfig, 'publicRead'>) {
  const text = robotsText(config.publicRead);
  return (req: Request, res: Response, next: NextFunction): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path !== '/') {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=86400');
    res.type('text/plain').send(text);
  };
}
