import type { Milestone } from '@tracker/contracts';
import type { Browser, Page } from 'playwright-core';
import { BASE_URL, getJson, launchBrowser, openPage, screenshot, seriousAccessibilityViolations, signIn } from './support/browser';

describe('signing in and updating the plan in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets a co-leader change a status of their own Action and see it on the chart, with its history', async () => {
    const milestones = await getJson<Milestone[]>('/api/milestones?action=1');
    const target = milestones.find((m) => m.title === 'First Virtual Exchange')!;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, 'colead.labour@example.org');
    await page.goto(`${BASE_URL}/`, { waitUntil: 'networkidle' });
    await page.waitForSelector('.bar-wrapper.wp-item');

    // Keyboard only: focus the bar, open it, fill the form.
    await page.locator(`.bar-wrapper[data-item-id="${target.id}"]`).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('item-details');
    await dialog.getByTestId('edit-form').waitFor();
    await dialog.getByLabel('Status').selectOption('in_progress');
    await dialog.getByLabel('Progress (%)').fill('40');
    await dialog.getByLabel('Actual start').fill('2025-06-10');
    await dialog.getByLabel('Note (kept in the history)').fill('Held on 10 June');
    await dialog.getByRole('button', { name: 'Save' }).press('Enter');
    await dialog.getByTestId('edit-outcome').getByText('Saved.').waitFor();
    // The page reloads the plan after a save: the dialog then shows the new status.
    await page.waitForFunction(() => document.querySelector('[data-testid=details-status]')?.textContent === 'In progress');
    await expect(dialog.getByTestId('details-status').textContent()).resolves.toBe('In progress');
    const history = await dialog.getByTestId('history').textContent();
    expect(history).toContain('Status from Not started to In progress');
    expect(history).toContain('Held on 10 June');
    await screenshot(page, 'edit-saved');
    await page.keyboard.press('Escape');

    // The chart shows the new status in words and in its class.
    const bar = page.locator(`.bar-wrapper[data-item-id="${target.id}"]`);
    await page.waitForFunction((id) => document.querySelector(`.bar-wrapper[data-item-id="${id}"]`)?.classList.contains('wp-status-in_progress'), target.id);
    await expect(bar.locator('.bar-label').textContent()).resolves.toContain('· In progress');
    const after = await getJson<Milestone[]>('/api/milestones?action=1');
    expect(after.find((m) => m.id === target.id)).toMatchObject({
      status: 'in_progress',
      progress: 40,
      actualStart: '2025-06-10',
      version: target.version + 1,
    });
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await context.close();
  });

  it('tells the second of two editors that someone else changed the item, and shows the current values', async () => {
    const target = (await getJson<Milestone[]>('/api/milestones?action=1')).find((m) => m.title === 'Second Virtual Exchange')!;
    const first = await browser.newContext();
    const second = await browser.newContext();
    const pages = [await first.newPage(), await second.newPage()];
    for (const page of pages) {
      await signIn(page, 'secretariat@example.org');
      await page.goto(`${BASE_URL}/actions/1`, { waitUntil: 'networkidle' });
      await page
        .getByTestId('gantt-table')
        .getByRole('button', { name: `Details of ${target.title}` })
        .click();
      await page.getByTestId('edit-form').waitFor();
    }
    const [a, b] = pages.map((p) => p.getByTestId('item-details'));
    await a.getByLabel('Status').selectOption('on_hold');
    await a.getByRole('button', { name: 'Save' }).click();
    await a.getByTestId('edit-outcome').getByText('Saved.').waitFor();

    await b.getByLabel('Progress (%)').fill('20');
    await b.getByRole('button', { name: 'Save' }).click();
    await b.getByTestId('edit-outcome').getByText('Someone else changed this item').waitFor();
    await expect(b.getByLabel('Status').inputValue()).resolves.toBe('on_hold');
    await screenshot(pages[1], 'edit-conflict');

    // Saving again from the current values works, and nothing was lost.
    await b.getByLabel('Progress (%)').fill('20');
    await b.getByRole('button', { name: 'Save' }).click();
    await b.getByTestId('edit-outcome').getByText('Saved.').waitFor();
    const now = (await getJson<Milestone[]>('/api/milestones?action=1')).find((m) => m.id === target.id)!;
    expect(now).toMatchObject({ status: 'on_hold', progress: 20, version: target.version + 2 });
    await first.close();
    await second.close();
  });

  it('shows a member no edit control, and a co-leader none on another Action', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'member@example.org');
    const member = await openPageIn(page, '/actions/1');
    await member.getByTestId('gantt-table').getByRole('button').first().click();
    await member.getByTestId('item-details').waitFor({ state: 'visible' });
    await expect(member.getByTestId('edit-form').count()).resolves.toBe(0);
    await context.close();

    const colead = await browser.newContext();
    const page2 = await colead.newPage();
    await signIn(page2, 'colead.labour@example.org');
    await openPageIn(page2, '/actions/2');
    await page2.getByTestId('gantt-table').getByRole('button').first().click();
    await page2.getByTestId('item-details').waitFor({ state: 'visible' });
    await expect(page2.getByTestId('edit-form').count()).resolves.toBe(0);
    await colead.close();

    // Signed out: no edit form either.
    const { page: anonymous } = await openPage(browser, '/actions/1');
    await anonymous.getByTestId('gantt-table').getByRole('button').first().click();
    await anonymous.getByTestId('item-details').waitFor({ state: 'visible' });
    await expect(anonymous.getByTestId('edit-form').count()).resolves.toBe(0);
    await anonymous.close();
  });

  it('lets the Secretariat update an output on the Action page, and shows members no Update button', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'secretariat@example.org');
    await openPageIn(page, '/actions/1');
    const outputs = page.getByTestId('outputs-table');
    await outputs.getByRole('button', { name: 'Update Study visit (TBC)' }).click();
    const editor = page.getByTestId('output-editor');
    await editor.getByLabel('Status').selectOption('in_progress');
    await editor.getByLabel('Note (kept in the history)').fill('Dates being agreed with the host city');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText('Saved.').waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid=outputs-table] tbody tr')].some(
        (tr) => tr.textContent?.includes('Study visit') && tr.textContent.includes('In progress'),
      ),
    );
    await context.close();

    const member = await browser.newContext();
    const memberPage = await member.newPage();
    await signIn(memberPage, 'member@example.org');
    await openPageIn(memberPage, '/actions/1');
    await expect(memberPage.getByTestId('outputs-table').getByRole('button').count()).resolves.toBe(0);
    await member.close();
  });

  it('refuses a wrong password with a message', async () => {
    const { page } = await openPage(browser, '/sign-in');
    await page.getByLabel('Email').fill('member@example.org');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Wrong email or password.');
    await page.close();
  });
});

async function openPageIn(page: Page, path: string): Promise<Page> {
  await page.goto(`${BASE_URL}${path}`, { waitUntil: 'networkidle' });
  await page.getByTestId('gantt-table').waitFor();
  return page;
}
