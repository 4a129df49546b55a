import type { PartnershipSummary } from '@tracker/contracts';
import type { Browser } from 'playwright-core';
import { BASE_URL, getJson, launchBrowser, seriousAccessibilityViolations, signedInPage } from './support/browser';

/**
 * A second partnership, added by `npm run seed:scale` (see global-setup.mjs): the switcher keeps it in
 * the address, the navigation lists its own Actions, pages count down to its own deadline, and every
 * link keeps it.
 */
describe('switching partnerships', () => {
  let browser: Browser;
  let scale: PartnershipSummary;

  beforeAll(async () => {
    browser = await launchBrowser();
    const partnerships = await getJson<PartnershipSummary[]>('/api/partnerships');
    // The Work Plan first; plan-import.spec.ts may have added one more.
    expect(partnerships[0].key).toBe('inclusion-of-migrants-and-refugees');
    scale = partnerships.find((p) => p.key === 'scale-0001')!;
    expect(scale.deadline).toBe('2027-12-31');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("shows another partnership's Actions and deadline, keeps it in every link, not its risks, and switches back", async () => {
    const { context, page, errors } = await signedInPage(browser, 'secretariat@example.org');
    await page.goto(`${BASE_URL}/`, { waitUntil: 'networkidle' });

    const nav = page.getByRole('navigation', { name: 'Main' });
    const actionLinks = nav.getByRole('link', { name: /^Action \d+$/ });
    await expect(actionLinks.allTextContents()).resolves.toEqual(['Action 1', 'Action 2', 'Action 3', 'Action 4']);

    // The switcher, by keyboard: the address names the partnership.
    const switcher = page.getByLabel('Partnership', { exact: true });
    await switcher.focus();
    await switcher.selectOption(scale.key);
    await page.waitForURL(/partnership=scale-0001/);
    await page.getByTestId('countdown').waitFor();
    await expect(page.getByTestId('countdown').textContent()).resolves.toMatch(/^\d+ days$/);
    await expect(page.locator('.lede').first().textContent()).resolves.toContain('31 December 2027');
    await expect(actionLinks.allTextContents()).resolves.toEqual(scale.actions.map((a) => `Action ${a.number}`));
    for (const href of [
      ...(await actionLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')))),
      await nav.getByRole('link', { name: 'Risks' }).getAttribute('href'),
    ]) {
      expect(href).toContain('partnership=scale-0001');
    }
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // An Action page of that partnership counts down to its deadline.
    await actionLinks.first().click();
    await page.waitForURL(/\/actions\/1\?partnership=scale-0001/);
    await expect(page.getByTestId('countdown').textContent()).resolves.toContain('31 December 2027');
    await expect(page.locator('.eyebrow').textContent()).resolves.toContain(`Action 1 · ${scale.actions[0].shortName}`);

    // Its risk view, register and calls are its own people's: the Work Plan's Secretariat has no seat
    // in this partnership, and the page says so (docs/security.md).
    await nav.getByRole('link', { name: 'Risks' }).click();
    await page.waitForURL(/\/risks\?partnership=scale-0001/);
    await page.getByRole('alert').filter({ hasText: 'no seat in this partnership' }).waitFor();
    await expect(page.getByTestId('rag-card').count()).resolves.toBe(0);
    await expect(page.getByTestId('monitoring-calls').count()).resolves.toBe(0);

    // Back to the Work Plan: its four Actions and its own deadline.
    await page.getByLabel('Partnership', { exact: true }).selectOption('inclusion-of-migrants-and-refugees');
    await page.waitForURL((url) => url.pathname === '/risks' && !url.search.includes('partnership'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=rag-card]').length === 4);
    await expect(page.getByTestId('countdown').textContent()).resolves.toContain('(31 Mar 2027)');
    await expect(actionLinks.allTextContents()).resolves.toEqual(['Action 1', 'Action 2', 'Action 3', 'Action 4']);
    await expect(page.getByTestId('monitoring-calls').getByRole('button', { name: 'Record a monitoring call' }).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});
