import type { Account } from '@tracker/contracts';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, screenshot, seriousAccessibilityViolations, signedInPage } from './support/browser';

/** The accounts as the API has them, read with the page's own session. */
async function accountsOf(page: Page): Promise<Account[]> {
  return page.evaluate(async () => (await (await fetch('/api/accounts')).json()) as Account[]);
}

/** Invites a person through the API with the page's session (and its XSRF token). */
async function inviteByApi(page: Page, invite: { email: string; name: string; role: string; organisation: string }): Promise<number> {
  return page.evaluate(async ({ email, name, role, organisation }) => {
    const organisations = (await (await fetch('/api/organisations')).json()) as { id: string; name: string }[];
    const xsrf = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
    const response = await fetch('/api/accounts', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrf },
      body: JSON.stringify({ email, name, role, organisationId: organisations.find((o) => o.name === organisation)?.id }),
    });
    return response.status;
  }, invite);
}

describe('account changes that cannot hand out full rights by accident', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page, errors } = await signedInPage(browser, 'secretariat@example.org'));
    await expect(
      inviteByApi(page, { email: 'second.invitee@example.eu', name: 'Second Invitee', role: 'co_leader', organisation: 'Ashoka Hello Europe' }),
    ).resolves.toBe(201);
    await page.goto(`${BASE_URL}/accounts`, { waitUntil: 'networkidle' });
    await page.getByTestId('accounts-table').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('starts each invitation at the least privilege with no organisation, and asks for one before sending', async () => {
    const form = page.getByTestId('invite-form');
    const role = form.getByLabel('Role');
    const organisation = form.getByLabel('Organisation', { exact: true });
    await expect(role.inputValue()).resolves.toBe('member');
    await expect(organisation.inputValue()).resolves.toBe('');

    // A co-leader without an organisation is not sent: the form says so at the field and focuses it.
    await form.getByLabel('Email').fill('first.invitee@example.eu');
    await form.getByLabel('Name').fill('First Invitee');
    await role.selectOption('co_leader');
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(form.getByTestId('invite-organisation-error').textContent()).resolves.toContain("Choose the person's organisation");
    await expect(organisation.evaluate((el) => el === document.activeElement && el.getAttribute('aria-invalid'))).resolves.toBe('true');
    expect((await accountsOf(page)).some((a) => a.email === 'first.invitee@example.eu')).toBe(false);

    await organisation.selectOption({ label: 'Ashoka Hello Europe' });
    await form.getByRole('button', { name: 'Send the invitation' }).click();
    await expect(page.getByTestId('invite-outcome').textContent()).resolves.toBe('Invitation sent to first.invitee@example.eu.');
    expect((await accountsOf(page)).find((a) => a.email === 'first.invitee@example.eu')?.role).toBe('co_leader');

    // The next invitation starts again from nothing given.
    await expect(role.inputValue()).resolves.toBe('member');
    await expect(organisation.inputValue()).resolves.toBe('');
    await expect(form.getByLabel('Email').inputValue()).resolves.toBe('');
  });

  it('asks before a role change, says what it does, and a cancel leaves the role as it was', async () => {
    const email = 'second.invitee@example.eu';
    const saved = async () => (await accountsOf(page)).find((a) => a.email === email)!;
    const row = page.locator(`tr[data-email="${email}"]`);
    const menu = row.getByLabel('Role of Second Invitee');
    await menu.selectOption('secretariat');
    const dialog = page.getByTestId('confirm-change');
    await dialog.getByRole('heading', { name: 'Make Second Invitee Secretariat?' }).waitFor();
    await expect(dialog.textContent()).resolves.toContain('They will be able to change every Action and manage accounts; their current sessions end.');
    // From the keyboard: focus starts on Cancel, inside the dialog.
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Cancel');
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'accounts-confirm-role');

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !document.querySelector('[data-testid=confirm-change]')?.hasAttribute('open'));
    await expect(menu.inputValue()).resolves.toBe('co_leader');
    await expect(menu.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    expect((await saved()).role).toBe('co_leader');

    // Escape cancels too; the organisation menu asks the same way.
    const organisationMenu = row.getByLabel('Organisation of Second Invitee');
    const before = await organisationMenu.inputValue();
    await organisationMenu.selectOption({ label: 'Mareena' });
    await dialog.getByRole('heading', { name: 'Move Second Invitee to Mareena?' }).waitFor();
    await expect(dialog.textContent()).resolves.toContain('As co-leader: they will change nothing: Mareena co-leads no Action; their current sessions end.');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-testid=confirm-change]')?.hasAttribute('open'));
    await expect(organisationMenu.inputValue()).resolves.toBe(before);
    expect((await saved()).organisation.id).toBe(before);

    // A yes saves it.
    await menu.selectOption('member');
    await dialog.getByRole('button', { name: 'Make them Member' }).click();
    await page.getByTestId('invite-outcome').filter({ hasText: 'Second Invitee changed.' }).waitFor();
    expect((await saved()).role).toBe('member');
  });

  it('shows what a co-leader can edit apart from the Actions their digest follows', async () => {
    const row = page.locator('tr[data-email="colead.labour@example.org"]');
    await expect(row.getByTestId('can-edit').textContent()).resolves.toBe('Action 1');
    await expect(row.getByTestId('digest').textContent()).resolves.toContain('None ticked: Action 1, which their organisation co-leads');
    await expect(page.locator('tr[data-email="secretariat@example.org"]').getByTestId('can-edit').textContent()).resolves.toBe('Every Action');
    await expect(page.locator('tr[data-email="second.invitee@example.eu"]').getByTestId('digest').textContent()).resolves.toContain(
      'None until they set a password',
    );
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'accounts-rights');
    expect(errors).toEqual([]);
  });
});
