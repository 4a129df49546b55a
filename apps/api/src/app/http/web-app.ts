import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * Serves the built web app from `webDist`: its files as they are, and its index page (read once, at
 * start) for any other GET outside /api, which is a route of the web app. Does nothing when there
 * is no build there.
 */
export function serveWebApp(app: NestExpressApplication, webDist: string | null): void {
  if (!webDist || !existsSync(join(webDist, 'index.html'))) {
    return;
  }
  const indexHtml = withPlainStylesheets(readFileSync(join(webDist, 'index.html'), 'utf8'));
  app.useStaticAssets(webDist, { index: false, maxAge: '1h' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api') && req.accepts('html')) {
      res.setHeader('Cache-Control', 'no-cache');
      res.type('html').send(indexHtml);
      return;
    }
    next();
  });
}

/**
 * Angular's build loads its stylesheet with `media="print" onload="this.media='all'"`. The CSP allows
 * that handler by hash, but not every browser honours hashes for handlers: serve a plain stylesheet
 * link instead (the critical CSS is inlined anyway).
 */
export function withPlainStylesheets(html: string): string {
  return html.replace(/<link rel="stylesheet" href="([^"]+)" media="print" onload="this\.media='all'">/g, '<link rel="stylesheet" href="$1">');
}
