import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { today } from '@tracker/schedule';
import type { Request } from 'express';
import type { WebFile } from './web-app';

/**
 * The script the home page runs right after the chart page the server drew, once all of it is here:
 * it shows the page (the stylesheet keeps it out of sight until then, so that it is laid out once,
 * not once per piece of the page as it arrives), opens the chart's box on the plan's start (where
 * the drawing scrolled it, `data-scroll-left`) and, in the next frame, marks when the chart was
 * first on the screen (`__wpFirstPaintAt`, read by the benchmark and the browser tests). Allowed by
 * its hash in the Content-Security-Policy (security-headers.ts).
 */
export const FIRST_PAINT_SCRIPT =
  "(()=>{const b=document.currentScript.previousElementSibling;b?.classList.add('arrived');const c=b?.querySelector('.gantt-container');" +
  "if(c)c.scrollLeft=Number(c.getAttribute('data-scroll-left')||0);" +
  'requestAnimationFrame(()=>{window.__wpFirstPaintAt=performance.now()})})()';

/** Without scripts, the page the server drew is shown as it comes. */
const WITHOUT_SCRIPTS = '<noscript><style>.first-paint{display:block!important}</style></noscript>';

/** The answers the chart page is drawn from, as the web app reads them (apps/web/src/chart-page.ts). */
interface ChartPageAnswers {
  plan: unknown;
  session: unknown;
  partnerships: unknown;
}

/** The web build's server-side first paint (apps/web/src/server-paint.ts). */
type PaintChartPage = (answers: ChartPageAnswers, partnership: string, asOf: string) => string | null;

/** Pages kept, by what they were drawn from; the least recently sent goes first beyond this. */
const KEPT = 16;

/**
 * The plain home page (`/`, or `/?partnership=key`) with its chart page drawn by the server from
 * the three answers the page reads, asked of this very server as the reader (their cookie, so the
 * same access and the same header). Pages are kept by what they were drawn from and the day: a
 * plan read by many is drawn once per revision and day.
 */
export class FirstPaintPages {
  private readonly kept = new Map<string, WebFile>();
  /** The answers that came with an ETag (the plan's), as last read, by address: asked for again with it. */
  private readonly tagged = new Map<string, Answer>();

  private constructor(
    private readonly index: string,
    private readonly paint: PaintChartPage,
    private readonly toFile: (html: string) => WebFile,
  ) {}

  /**
   * The pages of the web app built in `webDist` (its index page `index`, each page sent as `toFile`
   * makes it), or null when its build has no server-side first paint.
   */
  static load(index: string, webDist: string, toFile: (html: string) => WebFile): FirstPaintPages | null {
    const file = join(webDist, '..', 'server', 'paint.cjs');
    if (!existsSync(file) || !/<wp-root>[\s\S]*?<\/wp-root>/.test(index)) {
      return null;
    }
    const { paintChartPage } = require(file) as { paintChartPage: PaintChartPage };
    return new FirstPaintPages(index, paintChartPage, toFile);
  }

  /** Asks the server at `base` for its home page once, so that its first visitor does not wait for the drawing's code to compile; settles when answered, or failed. */
  async warm(base: string): Promise<void> {
    try {
      const answer = await fetch(`${base}/`, { headers: { accept: 'text/html' } });
      await answer.arrayBuffer();
    } catch {
      // A home page not drawn now is drawn for its first visitor.
    }
  }

  /** The painted page for this request, or null when it gets none (another address, an answer refused, nothing to draw). */
  async page(req: Request): Promise<WebFile | null> {
    const partnership = firstPaintPartnership(req);
    if (partnership === null) return null;
    const answers = await this.answers(req, partnership);
    if (answers === null) return null;
    const asOf = today();
    // The plan by its ETag (its revision), who is signed in and the partnerships by their text, and the day.
    const key = createHash('sha256')
      .update(`${partnership}\n${asOf}\n${answers.map((answer) => answer.tag).join('\n')}`)
      .digest('base64url');
    const kept = this.kept.get(key);
    if (kept) {
      this.kept.delete(key);
      this.kept.set(key, kept);
      return kept;
    }
    const [plan, session, partnerships] = answers.map((answer) => JSON.parse(answer.text) as unknown);
    const block = this.paint({ plan, session, partnerships }, partnership, asOf);
    if (block === null) return null;
    const html = this.index.replace(
      /<wp-root>[\s\S]*?<\/wp-root>/,
      () => `${WITHOUT_SCRIPTS}${block}<script>${FIRST_PAINT_SCRIPT}</script><wp-root data-first-paint></wp-root>`,
    );
    const page = this.toFile(html);
    this.kept.set(key, page);
    if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value as string);
    return page;
  }

  /**
   * The three answers (their text, and what tells them apart: the plan's ETag, the others' text),
   * asked of this server with the request's cookie, or null when one is refused. The plan is asked
   * with the ETag last seen: unchanged, it comes back as a 304, without its body.
   */
  private async answers(req: Request, partnership: string): Promise<Answer[] | null> {
    const host = req.socket.localAddress?.includes(':') ? `[${req.socket.localAddress}]` : req.socket.localAddress;
    const base = `http://${host}:${req.socket.localPort}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (req.headers.cookie) headers['cookie'] = req.headers.cookie;
    const answers = await Promise.all(
      chartPageAnswers(partnership).map(async (address) => {
        const seen = this.tagged.get(address);
        const answer = await fetch(`${base}${address}`, { headers: seen ? { ...headers, 'if-none-match': seen.tag } : headers });
        if (answer.status === 304 && seen) return seen;
        if (!answer.ok) return null;
        const text = await answer.text();
        const etag = answer.headers.get('etag');
        if (etag === null) return { tag: text, text };
        const read = { tag: etag, text };
        this.tagged.set(address, read);
        if (this.tagged.size > KEPT) this.tagged.delete(this.tagged.keys().next().value as string);
        return read;
      }),
    );
    return answers.some((answer) => answer === null) ? null : (answers as Answer[]);
  }
}

/** An answer the page is drawn from: its text, and what tells it apart from another (its ETag, or else its text). */
interface Answer {
  tag: string;
  text: string;
}

/**
 * The partnership of the plain home page (`/`, `/?partnership=key`), the Work Plan when none is
 * named; null for any other address, which the app draws alone (as apps/web's firstPaintPartnership).
 */
export function firstPaintPartnership(req: Pick<Request, 'path' | 'query'>): string | null {
  if (req.path !== '/') return null;
  const keys = Object.keys(req.query);
  if (keys.some((key) => key !== 'partnership')) return null;
  const named = req.query['partnership'];
  if (named !== undefined && typeof named !== 'string') return null;
  return named || DEFAULT_PARTNERSHIP_KEY;
}

/**
 * The addresses of the three answers the chart page of `partnership` reads, to the letter as the
 * page asks for them (the plan first): no partnership named for the Work Plan.
 */
export function chartPageAnswers(partnership: unknown): string[] {
  const named = typeof partnership === 'string' && partnership !== '' && partnership !== DEFAULT_PARTNERSHIP_KEY;
  const query = named ? `?partnership=${encodeURIComponent(partnership)}` : '';
  return [`/api/gantt${query}`, `/api/auth/session${query}`, '/api/partnerships'];
}
