import { ValidationPipe } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { XSRF_HEADER } from '@tracker/contracts';
import cookieParser from 'cookie-parser';
import { xsrfCookieMiddleware } from '../auth/xsrf';
import type { AppConfig } from '../config/config';
import { setupApiDocs } from './api-docs';
import { securityHeaders } from './security-headers';
import { serveWebApp } from './web-app';

/** Largest JSON (or form) body the API reads. */
export const BODY_LIMIT = '100kb';

/**
 * Everything a request meets before a controller: security headers, CORS (closed unless
 * CORS_ORIGINS lists origins), body and cookie parsing with a size limit, the XSRF cookie, the global
 * prefix and validation, OpenAPI, and the web app.
 */
export function configureApp(app: NestExpressApplication, config: Pick<AppConfig, 'webDist' | 'environment' | 'corsOrigins' | 'trustProxy'>): void {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
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
  app.use(cookieParser());
  app.use(xsrfCookieMiddleware(config.environment === 'production'));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true }));
  setupApiDocs(app);
  serveWebApp(app, config.webDist);
}
