import { once } from 'node:events';
import { watch } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';

export const BASE_URL = process.env['E2E_BASE_URL'] ?? '';
export const ARTIFACTS = resolve(__dirname, '../../../../test-artifacts/screenshots');

/** Debian's Chromium, headless, with nothing that reaches outside this machine. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const VIEWPORT = { width: 1440, height: 900 } as const;

/**
 * Collects the errors a page throws from here on (and, with `console`, those it logs to the console):
 * a spec ends with `expect(errors).toEqual([])`. Logged errors include refused requests, so specs
 * that provoke a 4xx on purpose watch thrown errors only.
 */
export function watchErrors(page: Page, options: { console?: boolean; prefix?: boolean } = {}): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(options.prefix ? `page error: ${error.message}` : error.message));
  if (options.console) {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(options.prefix ? `console: ${message.text()}` : message.text());
    });
  }
  return errors;
}

/** Opens a page of the app and fails the test on any error the page throws or logs. */
export async function openPage(
  browser: Browser,
  path: string,
  viewport: { width: number; height: number } = VIEWPORT,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors = watchErrors(page, { console: true });
  await page.goto(`${BASE_URL}${path}`, { waitUntil: 'networkidle' });
  return { page, errors };
}

/** A page in a new browser context, signed in as `email`, with the errors it throws collected; close the context after. */
export async function signedInPage(
  browser: Browser,
  email: string,
  options: BrowserContextOptions & { password?: string; base?: string } = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const { password, base, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: VIEWPORT, ...contextOptions });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await signIn(page, email, { password, base });
  return { context, page, errors };
}

/**
 * Waits until the page has settled: no request for half a second (Playwright's networkidle), then an
 * idle moment of the browser (work the app put off until idle is done), then two frames drawn.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate(
    () => new Promise<void>((done) => requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => done())), { timeout: 5_000 })),
  );
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page; returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the browser's debugging protocol, so the app's Content-Security-Policy stays on.
  await page.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${BASE_URL}${path}`);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** Waits (up to `timeout`) until `selector` matches `count` elements, then returns how many it matches. */
export async function countWhenSettled(page: Page, selector: string, count: number, timeout = 10_000): Promise<number> {
  await page.waitForFunction(([s, n]) => document.querySelectorAll(s as string).length === n, [selector, count] as const, { timeout }).catch(() => undefined);
  return page.locator(selector).count();
}

/** Signs in through the sign-in page of the tracker at `base`, by default the shared one with a demo account's password. */
export async function signIn(page: Page, email: string, options: { password?: string; base?: string } = {}): Promise<void> {
  await page.goto(`${options.base ?? BASE_URL}/sign-in`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(options.password ?? 'demo-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('account').getByText('Signed in as').waitFor();
}

export interface CaughtMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Waits until a mail to `to` whose subject starts with `subject` reached the tests' SMTP server (see global-setup.mjs). */
export async function waitForMail(to: string, subject: string, timeout = 20_000): Promise<CaughtMail> {
  const dir = process.env['E2E_MAIL_DIR'];
  if (!dir) throw new Error('E2E_MAIL_DIR is not set: run the browser tests through jest');
  const find = async (): Promise<CaughtMail | undefined> => {
    const files = (await readdir(dir))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .reverse();
    for (const file of files) {
      const mail = JSON.parse(await readFile(join(dir, file), 'utf8')) as CaughtMail;
      if (mail.to.includes(to) && mail.subject.startsWith(subject)) return mail;
    }
    return undefined;
  };
  // Watched from before the first look, so a mail that lands meanwhile still wakes the loop.
  const signal = AbortSignal.timeout(timeout);
  const watcher = watch(dir, { signal });
  let changed = Promise.resolve(true);
  try {
    for (;;) {
      // false once the time is up (or the watch failed)
      const next = once(watcher, 'change', { signal }).then(
        () => true,
        () => false,
      );
      if (!(await changed)) throw new Error(`no mail "${subject}" to ${to} arrived`);
      const mail = await find();
      if (mail) return mail;
      changed = next;
    }
  } finally {
    watcher.close();
  }
}

/** The first address in a mail's text whose path is `path`. */
export function linkIn(mail: CaughtMail, path: string): string {
  const link = [...mail.text.matchAll(/https?:\/\/[^\s<>]+/g)].map((m) => m[0]).find((l) => new URL(l).pathname === path);
  if (!link) throw new Error(`no ${path} link in: ${mail.text}`);
  return link;
}
