import type { Browser } from 'playwright-core';
import { BASE_URL, launchBrowser, openPage, screenshot, seriousAccessibilityViolations, signedInPage } from './support/browser';

describe('the risk page for monitoring calls', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('asks a signed-out visitor to sign in', async () => {
    const { page } = await openPage(browser, '/risks');
    await page.getByText('The risk view needs sign-in.').waitFor();
    await page.close();
  });

  it('shows the Secretariat every risk with its reason, the RAG of each Action in words, the countdown, and prints the pack', async () => {
    const { context, page, errors } = await signedInPage(browser, 'secretariat@example.org');
    await page.getByRole('link', { name: 'Risks' }).click();
    await page.waitForURL(/\/risks/);
    await page.goto(`${BASE_URL}/risks?asOf=2026-11-22`, { waitUntil: 'networkidle' });

    await expect(page.getByTestId('countdown').textContent()).resolves.toContain('129 days to the deadline (31 Mar 2027)');
    const cards = page.getByTestId('rag-card');
    await expect(cards.count()).resolves.toBe(4);
    await expect(cards.first().textContent()).resolves.toMatch(/Action 1 · Labour: Red.*overdue \(longest \d+ days late\)/s);
    const rows = page.getByTestId('risk-items').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    const first = await rows.first().locator('td, th').allTextContents();
    expect(first.slice(0, 2)).toEqual(['High', 'Overdue']);
    expect(first[6]).toMatch(/passed \d+ days ago/);
    // A parent judged by its steps says so, with the plan's inconsistency and its section.
    const parent = page.getByTestId('risk-items').locator('tbody tr[data-kind="overdue"]', { hasText: 'Institutional Self Assessment' });
    await expect(parent.textContent()).resolves.toContain('planned end of its steps 30 Apr 2026');
    await expect(parent.getByTestId('risk-item-note').textContent()).resolves.toMatch(
      /^The plan disagrees with itself \(section 2\.6\.9\): The plan gives "Institutional Self Assessment: 2025"/,
    );
    // An output whose due window is derived shows it as such.
    const derived = page.getByTestId('risk-items').locator('tbody tr', { hasText: 'Outcomes report following each virtual exchange' });
    await expect(derived.locator('td').nth(3).textContent()).resolves.toContain('1 Jul 2025 to 31 Jan 2026 (derived)');
    // One risk per Action (2.x.7), with the two causes the plan names.
    await expect(page.getByTestId('risk-register').locator('tbody tr').count()).resolves.toBe(4);
    await expect(page.getByTestId('risk-causes').first().textContent()).resolves.toBe(
      'Causes: inactive participation in the group; a delay in the implementation of activities',
    );
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'risks-all');

    // Keyboard: choose Action 2 in the filter; the URL keeps it so the view can be shared.
    await page.getByLabel('Action', { exact: true }).focus();
    await page.getByLabel('Action', { exact: true }).selectOption('2');
    await page.waitForURL(/action=2/);
    await expect(cards.count()).resolves.toBe(1);
    const actions = await page.getByTestId('risk-items').locator('tbody tr td:nth-child(3)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['2']));
    await expect(page.getByTestId('risk-register').locator('tbody tr').count()).resolves.toBe(1);

    // The monitoring-call pack: controls hidden, the heading says what and when.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.risk-controls').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('print-heading').textContent()).resolves.toBe('Monitoring-call pack · as of 22 Nov 2026 · Action 2');
    await screenshot(page, 'risks-print-pack');
    await page.emulateMedia({ media: 'screen' });

    // Each item links to its place on the timeline, where its details open.
    const link = page.getByTestId('risk-items').locator('tbody tr').first().getByRole('link');
    const title = (await link.textContent())!.trim();
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/\?action=2&item=/);
    const dialog = page.getByTestId('item-details');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain(title);
    expect(errors).toEqual([]);
    await context.close();
  });
});
