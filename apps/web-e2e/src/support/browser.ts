import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';

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

/** Opens a page of the app and fails the test on any error the page logs. */
export async function openPage(browser: Browser, path: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${BASE_URL}${path}`, { waitUntil: 'networkidle' });
  return { page, errors };
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

/** Signs in with a demo account (password `demo-password`) through the sign-in page. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(`${BASE_URL}/sign-in`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('demo-password');
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
  const { readdir } = await import('node:fs/promises');
  const until = Date.now() + timeout;
  for (;;) {
    const files = (await readdir(dir)).sort().reverse();
    for (const file of files) {
      const mail = JSON.parse(await readFile(join(dir, file), 'utf8')) as CaughtMail;
      if (mail.to.includes(to) && mail.subject.startsWith(subject)) return mail;
    }
    if (Date.now() > until) throw new Error(`no mail "${subject}" to ${to} arrived`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The first address in a mail's text whose path is `path`. */
export function linkIn(mail: CaughtMail, path: string): string {
  const link = [...mail.text.matchAll(/https?:\/\/[^\s<>]+/g)].map((m) => m[0]).find((l) => new URL(l).pathname === path);
  if (!link) throw new Error(`no ${path} link in: ${mail.text}`);
  return link;
}
