import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { XSRF_HEADER } from '@tracker/contracts';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from '../auth/auth.types';
import { checkSqlJson } from '../common/sql-json';
import { xsrfCookieMiddleware } from '../auth/xsrf';
import type { AppConfig } from '../config/config';
import { setupApiDocs } from './api-docs';
import { bodyGuard } from './body-guard';
import { compressResponses } from './compression';
import { ResponseCheckInterceptor } from './response-check.interceptor';
import { robotsTxt } from './robots';
import { securityHeaders } from './security-headers';
import type { FirstPaintPages } from './first-paint-page';
import { serveWebApp } from './web-app';

/**
 * API answers are never stored by a browser or a proxy when a session cookie came with the request
 * (they may show what only that user may see); anonymous reads may be kept but are revalidated
 * (their ETag makes that cheap).
 */
function apiCaching(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith('/api/') && !req.path.startsWith('/api/docs')) {
    res.setHeader('Cache-Control', req.cookies?.[SESSION_COOKIE] ? 'no-store' : 'no-cache');
  }
  next();
}

/** Largest JSON (or form) body the API reads. */
export const BODY_LIMIT = '100kb';

/** Largest file the plan import reads (`POST /api/plan-imports[/preview]`, the raw CSV or XLSX as the body). */
export const PLAN_IMPORT_BODY_LIMIT = '2mb';

/** The plan import's routes with a file as their body: only they read a raw body, and with their own limit. */
const PLAN_IMPORT_UPLOAD = /^\/api\/plan-imports(?:\/preview)?\/?(?:\?|$)/;
const UPLOAD_TYPES = new Set(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream']);

function isPlanUpload(req: { url?: string; method?: string; headers: Record<string, string | string[] | undefined> }): boolean {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  return req.method === 'POST' && PLAN_IMPORT_UPLOAD.test(req.url ?? '') && UPLOAD_TYPES.has(type);
}

/**
 * Everything a request meets before a controller: security headers, compression (Brotli or gzip, as
 * the client accepts), CORS (closed unless
 * CORS_ORIGINS lists origins), body and cookie parsing with a size limit and a guard on depth, NUL characters and prototype keys, the XSRF cookie, the global
 * prefix and validation, the check of answers against their contracts (under test), caching headers, OpenAPI (when API_DOCS allows), robots.txt and the web app.
 * Answers the web app's first paints of the home page, when it has them.
 */
export function configureApp(
  app: NestExpressApplication,
  config: Pick<AppConfig, 'webDist' | 'environment' | 'corsOrigins' | 'trustProxy' | 'apiDocs' | 'publicRead' | 'checkResponses'>,
): FirstPaintPages | null {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  app.use(compressResponses());
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowedHeaders: ['Content-Type', XSRF_HEADER],
    });
  }
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  app.useBodyParser('raw', { limit: PLAN_IMPORT_BODY_LIMIT, type: (req) => isPlanUpload(req as Parameters<typeof isPlanUpload>[0]) });
  app.use(bodyGuard);
  app.use(cookieParser());
  app.use(xsrfCookieMiddleware(config.environment === 'production'));
  app.use(apiCaching);
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true }));
  checkSqlJson(config.checkResponses);
  if (config.checkResponses) {
    app.useGlobalInterceptors(new ResponseCheckInterceptor());
  }
  if (config.apiDocs) {
    setupApiDocs(app);
  }
  app.use('/robots.txt', robotsTxt(config));
  return serveWebApp(app, config.webDist);
}
