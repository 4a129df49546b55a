import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { type Encoding, negotiateEncoding } from './compression';
import { FirstPaintPages, chartPageAnswers } from './first-paint-page';

const logger = new Logger('WebApp');

/**
 * Content-hashed file names: Angular's (`main-ABCD2345.js`, `styles-ABCD2345.css`,
 * `media/logo-ABCD2345.svg`) and the chunks its chunk optimizer writes (`chunk-Cw2_Ry7-.js`).
 */
const HASHED = /(?:-[A-Z0-9]{8}\.[a-z0-9]+|\/chunk-[A-Za-z0-9_-]{8}\.js)$/;

/** Content-hashed files never change under their name; everything else is revalidated (cheap with the ETag). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Files of the web app without a hash in their name (e.g. favicon.ico): kept an hour. */
const UNHASHED = 'public, max-age=3600';

/** One file of the web app, as it is sent: its bytes, and Brotli and gzip forms when the build wrote smaller ones. */
export interface WebFile {
  /** Extension (or type) Content-Type is set from. */
  type: string;
  cacheControl: string;
  /** ETag of the plain bytes; the encoded forms add `-br` / `-gz` inside the quotes. */
  etag: string;
  bodies: Partial<Record<Encoding, Buffer>> & { identity: Buffer };
}

/**
 * Serves the built web app from `webDist`, all of it read once at start: its files, each in the
 * encoding the client accepts (the .br and .gz copies the web build writes beside them), and its
 * index page for any other GET outside /api, which is a route of the web app. Content-hashed files
 * are cached for a year as immutable; the index page is revalidated on every visit. Does nothing
 * when there is no build there. Answers the home page's first paints (null when the build has none).
 */
export function serveWebApp(app: NestExpressApplication, webDist: string | null): FirstPaintPages | null {
  if (!webDist || !existsSync(join(webDist, 'index.html'))) {
    return null;
  }
  const html = withPlainStylesheets(readFileSync(join(webDist, 'index.html'), 'utf8'));
  const assets = pageAssets(html);
  const files = readWebFiles(webDist, new Set(assets.scripts));
  const index = inMemoryFile(Buffer.from(html), 'html', 'no-cache');
  files.set('/index.html', index);
  // The stylesheets the build has, by URL path: a link to one it has not stays a link.
  const stylesheets = new Map(
    assets.stylesheets.flatMap((href) => {
      const file = files.get(href);
      return file ? [[href, file.bodies.identity.toString('utf8')] as const] : [];
    }),
  );
  const pages = FirstPaintPages.load(withStylesheetsIn(html, stylesheets), webDist, (page) => inMemoryFile(Buffer.from(page), 'html', 'private, no-cache'));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      next();
      return;
    }
    const file = files.get(req.path);
    if (file) {
      sendWebFile(req, res, file);
      return;
    }
    if (!req.path.startsWith('/api') && req.accepts('html')) {
      if (req.path !== '/') {
        sendWebFile(req, res, index);
        return;
      }
      // The plain home page comes with its chart drawn (first-paint-page.ts), its stylesheets in it;
      // any failure leaves it to the app.
      (pages?.page(req) ?? Promise.resolve(null))
        .catch((error: unknown) => {
          logger.warn(`the home page is sent without its first paint: ${error instanceof Error ? error.message : String(error)}`);
          return null;
        })
        .then((painted) => {
          res.setHeader('Link', chartPagePreloads(req.query['partnership'], painted ? { ...assets, stylesheets: [] } : assets));
          sendWebFile(req, res, painted ?? index);
        })
        .catch(next);
      return;
    }
    next();
  });
  return pages;
}

/** The files the index page starts with, as URL paths: its stylesheets and its entry scripts (modules). */
export interface PageAssets {
  stylesheets: string[];
  scripts: string[];
}

/**
 * What the chart page (`/`, the home page) needs as it starts, as preload hints in a Link header:
 * the browser asks for all of it as soon as the page's headers arrive, and the page's own requests
 * for the same addresses are answered from them. First its stylesheet and entry script, then the
 * three API answers its first paint draws from (the plan first): a browser opens six connections to
 * a server, and answers only the app reads (the organisations, the plan's versions: the filters
 * under the chart) took connections and server time the first paint was waiting for; the app asks
 * for them when it starts. `partnership` is the page's `?partnership=` (the Work Plan when absent).
 * The addresses are those the page asks for, to the letter: it names no partnership for the Work
 * Plan, even when the page's link does.
 */
export function chartPagePreloads(partnership: unknown, assets: PageAssets = { stylesheets: [], scripts: [] }): string {
  return [
    ...assets.stylesheets.map((href) => `<${href}>; rel=preload; as=style`),
    ...assets.scripts.map((href) => `<${href}>; rel=modulepreload`),
    ...chartPageAnswers(partnership).map((href) => `<${href}>; rel=preload; as=fetch; crossorigin=anonymous`),
  ].join(', ');
}

/**
 * Every file under `dir` by its URL path, with the .br / .gz copies beside it as its encoded forms.
 * The index page's scripts (`entries`, URL paths) are revalidated (`no-cache`, a 304 while unchanged)
 * rather than kept a year: the chunk optimizer names the entry after its content before the merge,
 * so one name can come to stand for new content (the chunks it absorbed, another optimizer). The
 * lazy chunks it imports are named after their own content and stay immutable.
 */
export function readWebFiles(dir: string, entries: ReadonlySet<string> = new Set()): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  for (const path of walk(dir)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) {
      continue;
    }
    const url = '/' + relative(dir, path).split(sep).join('/');
    const identity = readFileSync(path);
    const bodies: WebFile['bodies'] = { identity };
    if (existsSync(`${path}.br`)) bodies.br = readFileSync(`${path}.br`);
    if (existsSync(`${path}.gz`)) bodies.gzip = readFileSync(`${path}.gz`);
    files.set(url, {
      type: extname(path) || 'application/octet-stream',
      cacheControl: entries.has(url) ? 'no-cache' : HASHED.test(path) ? IMMUTABLE : UNHASHED,
      etag: etagOf(identity),
      bodies,
    });
  }
  return files;
}

/** The page's stylesheets (`<link rel="stylesheet" href>`) and scripts (`<script src>`) as URL paths, relative ones taken from the root (its `<base href="/">`). */
function pageAssets(html: string): PageAssets {
  const paths = (pattern: RegExp) => [...new Set([...html.matchAll(pattern)].map(([, path]) => pathOf(path)))];
  return { stylesheets: paths(/<link rel="stylesheet" href="([^"]+)"[^>]*>/g), scripts: paths(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g) };
}

/** A file made at start (the index page): compressed once, here. */
function inMemoryFile(identity: Buffer, type: string, cacheControl: string): WebFile {
  return {
    type,
    cacheControl,
    etag: etagOf(identity),
    bodies: {
      identity,
      br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
      gzip: gzipSync(identity, { level: 9 }),
    },
  };
}

function sendWebFile(req: Request, res: Response, file: WebFile): void {
  const encodings = (Object.keys(file.bodies) as Encoding[]).filter((e) => e !== 'identity');
  const encoding = negotiateEncoding(req, encodings);
  if (encodings.length > 0) {
    res.vary('Accept-Encoding');
  }
  res.type(file.type);
  res.setHeader('Cache-Control', file.cacheControl);
  res.setHeader('ETag', encodedEtag(file.etag, encoding));
  if (encoding !== 'identity') {
    res.setHeader('Content-Encoding', encoding);
  }
  if (req.fresh) {
    res.status(304).end();
    return;
  }
  const body = file.bodies[encoding] as Buffer;
  res.setHeader('Content-Length', body.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : body);
}

/** A strong ETag of these bytes. */
export function etagOf(bytes: Buffer | string): string {
  return `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
}

/** The ETag of an encoded form: each form is its own set of bytes, so its own tag. */
export function encodedEtag(etag: string, encoding: Encoding): string {
  return encoding === 'identity' ? etag : `${etag.slice(0, -1)}-${encoding === 'br' ? 'br' : 'gz'}"`;
}

function* walk(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Angular's build loads its stylesheet with `media="print" onload="this.media='all'"`. The CSP allows
 * that handler by hash, but not every browser honours hashes for handlers: serve a plain stylesheet
 * link instead (the critical CSS is inlined anyway).
 */
export function withPlainStylesheets(html: string): string {
  return html.replace(/<link rel="stylesheet" href="([^"]+)" media="print" onload="this\.media='all'">/g, '<link rel="stylesheet" href="$1">');
}

/**
 * The page with its stylesheets (`stylesheets`: their text by URL path) written in it rather than
 * linked: a page sent with its content drawn is shown as soon as it is here, not one request later.
 * Their links for browsers without scripts go too.
 */
export function withStylesheetsIn(html: string, stylesheets: ReadonlyMap<string, string>): string {
  return html
    .replace(/<noscript><link rel="stylesheet" href="([^"]+)"><\/noscript>/g, (link, href: string) => (stylesheets.has(pathOf(href)) ? '' : link))
    .replace(/<link rel="stylesheet" href="([^"]+)">/g, (link, href: string) => {
      const css = stylesheets.get(pathOf(href));
      return css === undefined ? link : `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`;
    });
}

/** A page's relative address as a URL path (its `<base href="/">`). */
function pathOf(href: string): string {
  return href.startsWith('/') ? href : `/${href}`;
}
