import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, linkIn, screenshot, seriousAccessibilityViolations, signIn, waitForMail } from './support/browser';

const EMAIL = 'new.person@example.eu';
const FIRST_PASSWORD = 'first-password-123';
const SECOND_PASSWORD = 'second-password-456';

async function setPassword(page: Page, link: string, password: string): Promise<void> {
  await page.goto(link, { waitUntil: 'networkidle' });
  await page.getByLabel('New password (at least 12 characters)').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Set password' }).click();
}

describe('accounts in the browser: invitation, password reset, deactivation', () => {
  let browser: Browser;
  let person: BrowserContext;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('the Secretariat invites a member; the mail arrives; the member sets a password, signs in and sees the chart', async () => {
    const secretariat = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(secretariat, 'secretariat@example.org');
    await secretariat.getByRole('link', { name: 'Accounts' }).click();
    const form = secretariat.getByTestId('invite-form');
    await form.getByLabel('Email').fill(EMAIL);
    await form.getByLabel('Name').fill('New Person');
    await form.getByLabel('Role').selectOption('member');
    await form.getByLabel('Organisation').selectOption({ label: 'Mareena' });
    await form.getByLabel('Action 1').check();
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(secretariat.getByTestId('invite-outcome').textContent()).resolves.toBe(`Invitation sent to ${EMAIL}.`);
    const row = secretariat.locator(`tr[data-email="${EMAIL}"]`);
    await expect(row.getByTestId('account-status').textContent()).resolves.toBe('Invited (no password yet)');
    await secretariat.getByTestId('outbox').getByText(`to ${EMAIL} · You are invited to the Work Plan tracker`).waitFor();
    await expect(seriousAccessibilityViolations(secretariat)).resolves.toEqual([]);
    await screenshot(secretariat, 'accounts-page');

    const mail = await waitForMail(EMAIL, 'You are invited to the Work Plan tracker');
    expect(mail.text).toContain('You get this mail because the Partnership Secretariat invited new.person@example.eu.');
    expect(mail.html).toContain('Set your password</a>');
    const link = linkIn(mail, '/invitation');
    expect(link.startsWith(`${BASE_URL}/invitation?token=`)).toBe(true);

    person = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await person.newPage();
    await setPassword(page, link, FIRST_PASSWORD);
    await page.getByTestId('password-set').waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await signIn(page, EMAIL, { password: FIRST_PASSWORD });
    await page.goto(`${BASE_URL}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.bar-wrapper.wp-item');
    await expect(page.getByTestId('account').textContent()).resolves.toContain('Signed in as New Person (Member)');

    await secretariat.reload({ waitUntil: 'networkidle' });
    await expect(secretariat.locator(`tr[data-email="${EMAIL}"]`).getByTestId('account-status').textContent()).resolves.toBe('Active');
    await secretariat.context().close();
  });

  it('resets a forgotten password by the mailed link, which then fails', async () => {
    const anonymous = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await anonymous.newPage();
    await page.goto(`${BASE_URL}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByTestId('reset-sent').waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

    const mail = await waitForMail(EMAIL, 'Reset your password for the Work Plan tracker');
    const link = linkIn(mail, '/reset-password');
    await setPassword(page, link, SECOND_PASSWORD);
    await page.getByTestId('password-set').waitFor();

    await setPassword(page, link, 'a-third-password-789');
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'Token: this password-reset link is unknown, already used or expired; ask for a new one.',
    );
    await anonymous.close();

    // The reset ended the open session; the new password signs in, the old one no longer does.
    const own = await person.newPage();
    await own.goto(`${BASE_URL}/sign-in`, { waitUntil: 'networkidle' });
    await own.getByLabel('Email').fill(EMAIL);
    await own.getByLabel('Password').fill(FIRST_PASSWORD);
    await own.getByRole('button', { name: 'Sign in' }).click();
    await expect(own.getByRole('alert').textContent()).resolves.toBe('Wrong email or password.');
    await signIn(own, EMAIL, { password: SECOND_PASSWORD });
    await own.close();
  });

  it("ends a deactivated account's open session at its next request", async () => {
    const page = await person.newPage();
    await page.goto(`${BASE_URL}/settings`, { waitUntil: 'networkidle' });
    await expect(page.getByLabel('Your name').inputValue()).resolves.toBe('New Person');

    const secretariat = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signIn(secretariat, 'secretariat@example.org');
    await secretariat.goto(`${BASE_URL}/accounts`, { waitUntil: 'networkidle' });
    const row = secretariat.locator(`tr[data-email="${EMAIL}"]`);
    await row.getByRole('button', { name: 'Deactivate New Person' }).click();
    await row.getByRole('button', { name: 'Yes, deactivate' }).click();
    await expect(secretariat.getByTestId('invite-outcome').textContent()).resolves.toBe('New Person is deactivated.');
    await row.getByTestId('account-status').getByText('Deactivated').waitFor();

    // The member's next request is refused: saving the settings fails, and the page shows them signed out.
    await page.getByLabel('Your name').fill('Renamed');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('settings-outcome').textContent()).resolves.toBe('Sign in first (POST /api/auth/login); your session may have timed out.');
    await page.reload({ waitUntil: 'networkidle' });
    await page.getByTestId('account').getByRole('link', { name: 'Sign in' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await secretariat.context().close();
    await person.close();
  });
});
