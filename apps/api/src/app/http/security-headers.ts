import { createHash } from 'node:crypto';
import helmet from 'helmet';
import type { AppConfig } from '../config/config';
import { FIRST_PAINT_SCRIPT } from './first-paint-page';

/** Angular inlines its critical CSS and loads the rest with this handler, `onload="this.media='all'"`. */
const STYLESHEET_SWAP = "this.media='all'";

/**
 * Security headers. The Content-Security-Policy allows only this origin's scripts (the web app's
 * bundles and Swagger UI's files), inline styles (Angular and frappe-gantt set style attributes),
 * data: images and fonts, the one inline handler Angular's stylesheet loader uses and the home page's
 * script after the chart the server drew (first-paint-page.ts), by their hashes.
 */
export function securityHeaders(config: Pick<AppConfig, 'environment'>) {
  const production = config.environment === 'production';
  const swapHash = createHash('sha256').update(STYLESHEET_SWAP).digest('base64');
  const firstPaintHash = createHash('sha256').update(FIRST_PAINT_SCRIPT).digest('base64');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'", `'sha256-${firstPaintHash}'`],
        scriptSrcAttr: ["'unsafe-hashes'", `'sha256-${swapHash}'`],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Over plain http (development, tests) HSTS would only get in the way.
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}
