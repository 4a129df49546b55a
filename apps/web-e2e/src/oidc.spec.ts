import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, seriousAccessibilityViolations } from './support/browser';

/** Signs in at the test provider's development form (any login; the login is the email address). */
async function throughProvider(page: Page, email: string): Promise<void> {
  await page.goto(`${BASE_URL}/sign-in`, { waitUntil: 'networkidle' });
  await page.getByTestId('oidc-sign-in').click();
  await page.waitForURL((url) => !url.toString().startsWith(BASE_URL));
  await page.locator('input[name=login]').fill(email);
  await page.locator('input[name=password]').fill('anything');
  await page.locator('button[type=submit]').click();
  // The provider asks for consent once per client and account.
  const consent = page.locator('button[type=submit]', { hasText: 'Continue' });
  await Promise.race([
    consent.waitFor({ timeout: 10_000 }).then(() => consent.click()),
    page.waitForURL((url) => url.toString().startsWith(BASE_URL), { timeout: 10_000 }),
  ]).catch(() => undefined);
  await page.waitForURL((url) => url.toString().startsWith(BASE_URL));
  await page.waitForLoadState('networkidle');
}

describe('sign-in with OpenID Connect (authorisation code + PKCE) against a real provider', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in an invited account by its verified email and shows the chart', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await page.goto(`${BASE_URL}/sign-in`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('oidc-sign-in').textContent()).resolves.toContain('Sign in with the test provider');
    await throughProvider(page, 'member@example.org');
    await page.getByTestId('account').getByText('Signed in as').waitFor();
    await expect(page.getByTestId('account').textContent()).resolves.toContain('Demo Member');
    await page.waitForSelector('.bar-wrapper.wp-item');
    await page.context().close();
  });

  it('refuses an email the provider has not verified, and one nobody was invited with', async () => {
    for (const [email, words] of [
      ['unverified.member@example.org', 'did not confirm your email address as verified'],
      ['stranger@example.org', 'No account here has the email address your identity provider gave'],
    ] as const) {
      const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
      await throughProvider(page, email);
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expect(page.getByRole('alert').textContent()).resolves.toContain(words);
      await page.getByTestId('account').getByRole('link', { name: 'Sign in' }).waitFor();
      const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
      expect(me).toBe(401);
      await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
      await page.context().close();
    }
  });
});
