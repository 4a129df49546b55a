import compression from 'compression';
import type { NextFunction, Request, Response } from 'express';

/** The content encodings the server sends: Brotli, gzip, or none. */
export type Encoding = 'br' | 'gzip' | 'identity';

/**
 * Compresses every text answer (JSON, HTML, JavaScript, CSS, SVG, calendars, CSV) in Brotli or
 * gzip, as the request's Accept-Encoding allows, with `Vary: Accept-Encoding`. Answers that set
 * their own Content-Encoding (the web app's precompressed files, the cached plan views) pass
 * untouched. A request that accepts neither Brotli nor gzip meets no compression at all: it goes on
 * with only `Vary: Accept-Encoding` set.
 */
export function compressResponses() {
  const compress = compression({ threshold: 1024 });
  return function compressWhenAccepted(req: Request, res: Response, next: NextFunction): void {
    if (negotiateEncoding(req, ['br', 'gzip']) === 'identity') {
      varyOnAcceptEncoding(res);
      next();
      return;
    }
    compress(req, res, next);
  };
}

/** Adds Accept-Encoding to the response's Vary header (once; not beside `*`). */
function varyOnAcceptEncoding(res: Pick<Response, 'getHeader' | 'setHeader'>): void {
  const values = String(res.getHeader('Vary') ?? '')
    .split(',')
    .map((value) => value.trim())
    .filter(Boolean);
  if (!values.some((value) => value === '*' || value.toLowerCase() === 'accept-encoding')) {
    res.setHeader('Vary', [...values, 'Accept-Encoding'].join(', '));
  }
}

/**
 * The best of `available` (in the server's order of preference: Brotli, then gzip) that the
 * request's Accept-Encoding accepts, by its q-values; `identity` when none is.
 */
export function negotiateEncoding(req: Pick<Request, 'headers'>, available: readonly Encoding[]): Encoding {
  const header = req.headers['accept-encoding'];
  if (!header || available.length === 0) {
    return 'identity';
  }
  const weights = new Map<string, number>();
  for (const part of String(header).split(',')) {
    const [rawName, ...params] = part.toLowerCase().split(';');
    const name = rawName.trim();
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding = 'identity';
  let bestWeight = 0;
  for (const encoding of (['br', 'gzip'] as const).filter((e) => available.includes(e))) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}
