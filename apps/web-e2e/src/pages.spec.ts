import type { ActionDetail, Organisation } from '@tracker/contracts';
import { daysBetween, today } from '@tracker/schedule';
import type { Browser } from 'playwright-core';
import { countWhenSettled, getJson, launchBrowser, openPage, screenshot, seriousAccessibilityViolations } from './support/browser';

describe('Action and organisation pages', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([1, 2, 3, 4])('shows Action %i: objective, who takes part, timeline, outputs and countdown', async (number) => {
    const action = await getJson<ActionDetail>(`/api/actions/${number}`);
    const { page, errors } = await openPage(browser, `/actions/${number}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(action.title);
    const body = (await page.textContent('main')) ?? '';
    expect(body).toContain(action.objective);
    for (const org of [...action.coLeaders, ...action.members]) {
      expect(body).toContain(org.name);
    }
    await expect(page.getByTestId('countdown').textContent()).resolves.toContain(`${daysBetween(today(), action.deadline)} days`);
    await expect(countWhenSettled(page, '[data-testid=gantt-table] tbody tr', action.milestones.length)).resolves.toBe(action.milestones.length);
    await expect(countWhenSettled(page, '[data-testid=outputs-table] tbody tr', action.outputs.length)).resolves.toBe(action.outputs.length);
    for (const target of action.targets) {
      expect(body).toContain(target.description);
    }
    await expect(page.getByTestId('deadline-marker').count()).resolves.toBe(action.milestones.some((m) => m.start) ? 1 : 0);
    await screenshot(page, `action-${number}`);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so for an Action that does not exist', async () => {
    const { page } = await openPage(browser, '/actions/9');
    await page.getByRole('alert').waitFor();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('There is no Action 9.');
    await page.close();
  });

  it('lists every organisation once with its aliases and Actions, and finds one by another name', async () => {
    const organisations = await getJson<Organisation[]>('/api/organisations');
    const { page, errors } = await openPage(browser, '/organisations');
    const rows = page.getByTestId('organisations-table').locator('tbody tr');
    await expect(countWhenSettled(page, '[data-testid=organisations-table] tbody tr', organisations.length)).resolves.toBe(organisations.length);
    await screenshot(page, 'organisations');

    const flanders = organisations.find((o) => o.aliases.includes('Region of Flanders') || o.name === 'Region of Flanders')!;
    const alias = [flanders.name, ...flanders.aliases].find((n) => n !== flanders.name)!;
    await page.getByLabel('Find an organisation').fill(alias);
    await expect(countWhenSettled(page, '[data-testid=organisations-table] tbody tr', 1)).resolves.toBe(1);
    await expect(rows.first().locator('th').textContent()).resolves.toBe(flanders.name);
    await expect(rows.first().textContent()).resolves.toContain('Co-leader');

    await page.getByLabel('Find an organisation').fill('');
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out on a phone and on a projector, and prints', async () => {
    for (const [name, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['projector', { width: 1920, height: 1080 }],
    ] as const) {
      const { page } = await openPage(browser, '/', viewport);
      await page.waitForSelector('.bar-wrapper.wp-item');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await screenshot(page, `home-${name}`);
      await page.close();
    }
    const { page } = await openPage(browser, '/actions/1');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.filters, .site-header nav').evaluateAll((els) => els.every((e) => getComputedStyle(e).display === 'none'))).resolves.toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});
