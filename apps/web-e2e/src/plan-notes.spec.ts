import type { ActionDetail, Partnership } from '@tracker/contracts';
import type { Browser } from 'playwright-core';
import { BASE_URL, getJson, launchBrowser, openPage, screenshot, seriousAccessibilityViolations, signIn } from './support/browser';

describe("the plan's derived readings and inconsistencies, in words with their sections", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lists them on the Action page, marks Annex 1-only steps, and opens them in the details dialog', async () => {
    const action = await getJson<ActionDetail>('/api/actions/3');
    const noted = action.milestones.filter((m) => m.notes.length > 0);
    expect(noted.map((m) => m.title)).toEqual(
      expect.arrayContaining(['Institutional Self Assessment', 'Capacity Building', 'Dissemination of guidance material', 'Evaluation and recommendations']),
    );
    const { page, errors } = await openPage(browser, '/actions/3');
    const notes = page.getByTestId('plan-notes');
    await notes.waitFor();
    const text = (await notes.textContent()) ?? '';
    expect(text).toContain('Institutional Self Assessment (activity): The plan disagrees with itself.');
    expect(text).toContain('"March — April 2026"');
    expect(text).toContain('(section 2.6.9)');
    expect(text).toContain('Capacity Building (activity): Derived reading.');
    expect(text).toContain('Dissemination of guidance material (step): Annex 1 only.');

    const annexRow = page.locator('[data-testid=gantt-table] tbody tr', { hasText: 'Dissemination of guidance material' });
    await expect(annexRow.locator('.flag').allTextContents()).resolves.toEqual(['Approximate dates', 'Annex 1 only']);
    const capacityRow = page.locator('[data-testid=gantt-table] tbody tr', { hasText: 'Capacity Building' });
    await expect(capacityRow.locator('.flag').allTextContents()).resolves.not.toContain('Ends after the deadline');

    await page.getByRole('button', { name: 'Details of Institutional Self Assessment' }).click();
    const dialogNotes = page.getByTestId('details-notes');
    await dialogNotes.waitFor();
    await expect(dialogNotes.textContent()).resolves.toMatch(
      /The plan disagrees with itself: The plan gives "Institutional Self Assessment: 2025".*\(section 2\.6\.9\)/,
    );
    await screenshot(page, 'action-3-plan-notes');
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows every due window borrowed from a step as derived, with the step's words as the step's", async () => {
    const { page, errors } = await openPage(browser, '/actions/1');
    const row = page.locator('[data-testid=outputs-table] tbody tr', { hasText: 'Outcomes report following each virtual exchange' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Jul 2025-Jan 2026 (derived)');
    expect(text).toContain('Derived reading (section 2.4.5, 2.4.9, 2.4.10)');
    const recommendation =
      (await page.locator('[data-testid=outputs-table] tbody tr', { hasText: 'Recommendation based on good practices' }).textContent()) ?? '';
    expect(recommendation).toContain('Jan-May 2026 (derived)');
    expect(recommendation).toContain('the step "Development of recommendations based on good practices" (2.4.9), which the plan words "January — May 2026"');
    expect(recommendation).not.toContain('("January');
    const stakeholders = (await page.getByTestId('potential-stakeholders').textContent()) ?? '';
    expect(stakeholders).toContain('Organisation for Economic Co-operation and Development (potential)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says in an output's update dialog where its due window comes from", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'secretariat@example.org');
    await page.goto(`${BASE_URL}/actions/1`, { waitUntil: 'networkidle' });
    await page.getByTestId('outputs-table').getByRole('button', { name: 'Update Recommendation based on good practices' }).click();
    const notes = page.getByTestId('output-editor').getByTestId('output-editor-notes');
    await notes.waitFor();
    await expect(notes.textContent()).resolves.toContain(
      'Derived reading: The plan gives no due date of its own (2.4.10). The window shown is borrowed from the step "Development of recommendations based on good practices" (2.4.9)',
    );
    await context.close();
  });

  it("shows the Partnership's coordinators, members and the plan's disagreement on their number", async () => {
    const partnership = await getJson<Partnership>('/api/partnership');
    const { page, errors } = await openPage(browser, '/organisations');
    const facts = page.getByTestId('partnership-facts');
    await facts.waitFor();
    const text = (await facts.textContent()) ?? '';
    expect(text).toContain(`Current members (${partnership.members.length}, Table 1)`);
    expect(text).toContain('"The 36 members of the partnership"');
    expect(text).toContain('(section Executive summary, 1.2.3)');
    const flanders = page.locator('[data-testid=organisations-table] tbody tr', { hasText: 'Flanders Region' });
    await expect(flanders.getByTestId('organisation-note').textContent()).resolves.toContain('"Belgium (Flanders)"');
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
