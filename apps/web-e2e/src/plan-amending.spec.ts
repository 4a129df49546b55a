import type { Milestone, Output, PlanComparison } from '@tracker/contracts';
import { addMonths, format } from 'date-fns';
import { screenshot, seriousAccessibilityViolations, signedInPage, signIn } from './support/browser';
import { useOwnTracker } from './support/own-tracker';

/**
 * Amending the plan in the browser, as the Secretariat: on a tracker of its own, so the other
 * browser tests keep reading the plan as seeded.
 */
describe('amending the plan, approving it and comparing the chart with the approved version', () => {
  const own = useOwnTracker();

  const json = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${own.tracker.url}${path}`);
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  };

  it('adds a step, moves another by two months, cancels an output, adds a risk, approves version 2; the chart shows the slip', async () => {
    const before = await json<Milestone[]>('/api/milestones?action=2');
    const parent = before.find((m) => m.parentId === null && before.some((s) => s.parentId === m.id)) as Milestone;
    const step = before.find((m) => m.parentId !== null && m.precision === 'month' && m.start !== null) as Milestone;
    const later = (day: string) => format(addMonths(new Date(`${day}T12:00:00`), 2), 'MMMM yyyy');
    const moved = `${later(step.start as string)} - ${later(step.end as string)}`;
    const output = (await json<Output[]>('/api/outputs?action=2'))[0];

    const { context, page, errors } = await signedInPage(own.browser, 'secretariat@example.org', { base: own.tracker.url });

    // Add a step to Action 2, keyboard only.
    await page.goto(`${own.tracker.url}/actions/2`, { waitUntil: 'networkidle' });
    const add = page.getByTestId('add-milestone');
    await add.locator('summary').focus();
    await page.keyboard.press('Enter');
    await add.getByLabel('Title').fill('Peer review of the draft toolkit');
    await add.getByLabel('Window, as the plan words it').fill('March - April 2026');
    await add.getByLabel('Step of').selectOption(parent.id);
    await add.getByRole('button', { name: 'Add to the timeline' }).press('Enter');
    await add.getByTestId('add-outcome').getByText('Added "Peer review of the draft toolkit" (March - April 2026).').waitFor();
    await page.getByTestId('gantt-table').getByRole('rowheader', { name: 'Sub-step: Peer review of the draft toolkit' }).waitFor();

    // A window the parser cannot read is refused, in words naming the field.
    await add.getByLabel('Title').fill('Unreadable');
    await add.getByLabel('Window, as the plan words it').fill('Q5 2026');
    await add.getByRole('button', { name: 'Add to the timeline' }).click();
    await add
      .getByTestId('add-outcome')
      .getByText(/Not saved: windowText "Q5 2026" cannot be read/)
      .waitFor();

    // Move another step by two months through its words.
    await page
      .getByTestId('gantt-table')
      .getByRole('button', { name: `Details of ${step.title}` })
      .click();
    const dialog = page.getByTestId('item-details');
    await dialog.getByTestId('edit-form').waitFor();
    await dialog.getByLabel('Window, as the plan words it').fill(moved);
    await dialog.getByLabel('Note (kept in the history)').fill('Moved after the monitoring call');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByTestId('edit-outcome').getByText('Saved.').waitFor();
    await page.waitForFunction(() => (document.querySelector('[data-testid=history]')?.textContent ?? '').includes('Window from'));
    await page.keyboard.press('Escape');

    // Cancel an output.
    await page.getByRole('button', { name: `Update ${output.title}` }).click();
    const editor = page.getByTestId('output-editor');
    await editor.getByLabel('Status').selectOption('cancelled');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText('Saved.', { exact: false }).waitFor();
    await page.keyboard.press('Escape');

    // Add a risk to Action 2's register.
    await page.goto(`${own.tracker.url}/risks`, { waitUntil: 'networkidle' });
    const risk = page.getByTestId('add-risk');
    await risk.locator('summary').click();
    await risk.getByLabel('Register of').selectOption('2');
    await risk.getByLabel('Risk', { exact: true }).fill('Schools close before the pilot ends');
    await risk.getByLabel('Likelihood (1 to 5)').selectOption('3');
    await risk.getByRole('button', { name: 'Add to the register' }).click();
    await risk.getByTestId('add-risk-outcome').getByText('Added "Schools close before the pilot ends" to the register of Action 2.').waitFor();
    await page
      .getByTestId('risk-register')
      .getByRole('rowheader', { name: /^Schools close before the pilot ends/ })
      .waitFor();

    // Approve the plan as version 2.
    await page.goto(`${own.tracker.url}/versions`, { waitUntil: 'networkidle' });
    await page.getByLabel('Name of the version').fill('After the monitoring call of 2026-03-12');
    await page.getByRole('button', { name: 'Approve as version 2' }).click();
    await page.getByTestId('approve-outcome').getByText('Approved as version 2: After the monitoring call of 2026-03-12.').waitFor();
    await page.getByTestId('versions-table').getByText('After the monitoring call of 2026-03-12').waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);

    // The risk view compared with version 1 lists the moved step as slipped.
    await page.goto(`${own.tracker.url}/risks?baseline=1&action=2`, { waitUntil: 'networkidle' });
    await page.getByText('2 months later than approved (version 1, Work Plan as approved, April 2025)').first().waitFor();
    await expect(page.getByLabel('Compare with').inputValue()).resolves.toBe('1');

    // The comparison of version 1 and version 2 lists exactly these changes.
    await page.goto(`${own.tracker.url}/versions?from=1&to=2`, { waitUntil: 'networkidle' });
    const changes = page.getByTestId('changes-table');
    await changes.getByText('3 changes from Work Plan as approved, April 2025 to After the monitoring call of 2026-03-12').waitFor();
    const rows = await changes.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => (cell.textContent ?? '').trim())));
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Added', '2', 'Peer review of the draft toolkit'],
      ['Cancelled', '2', `Output: ${output.title}`],
      ['Moved', '2', step.title],
    ]);
    expect(rows[2][3]).toMatch(/^2 months later than approved: from /);
    const api = await json<PlanComparison>('/api/plan-versions/compare?from=1&to=2');
    expect([api.added.length, api.cancelled.length, api.moved.length, api.renamed.length, api.removed.length]).toEqual([1, 1, 1, 0, 0]);

    // The chart compared with version 1: ghost bars, and the slip in the label and the table.
    await page.goto(`${own.tracker.url}/?baseline=1&action=2`, { waitUntil: 'networkidle' });
    const bar = page.locator(`.bar-wrapper[data-item-id="${step.id}"]`);
    await bar.waitFor();
    await page.locator('[data-testid=baseline-bar]').first().waitFor();
    await expect(bar.locator('.bar-label').textContent()).resolves.toContain('2 months later than approved');
    const ghost = bar.locator('[data-testid=baseline-bar]');
    await expect(ghost.getAttribute('data-baseline-start')).resolves.toBe(step.start);
    await expect(ghost.getAttribute('data-baseline-end')).resolves.toBe(step.end);
    await expect(ghost.getAttribute('class')).resolves.toBe('wp-baseline wp-baseline-approximate');
    // Approximate: the ghost starts left of the bar, by the two months it moved.
    const [ghostX, barX] = await Promise.all([
      ghost.evaluate((g) => g.getBoundingClientRect().x),
      bar.locator('.bar').evaluate((b) => b.getBoundingClientRect().x),
    ]);
    expect(barX - ghostX).toBeGreaterThan(20);
    await expect(page.getByTestId('baseline-note').textContent()).resolves.toContain('Compared with version 1, Work Plan as approved, April 2025');
    const added = page.locator('[data-testid=gantt-table] tr', { hasText: 'Peer review of the draft toolkit' });
    await expect(added.getByTestId('slip').textContent()).resolves.toContain('added since version 1');
    const movedRow = page.locator(`[data-testid=gantt-table] tr[data-item-id="${step.id}"]`);
    await expect(movedRow.getByTestId('slip').textContent()).resolves.toContain('2 months later than approved');
    await bar.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('details-slip').textContent()).resolves.toContain('2 months later than approved');
    await screenshot(page, 'chart-compared-with-version-1');
    await page.keyboard.press('Escape');

    // The Action page compares too, and moves an activity (with its steps) one place earlier.
    await page.goto(`${own.tracker.url}/actions/2`, { waitUntil: 'networkidle' });
    await page.getByLabel('Compare with').selectOption('1');
    await page.waitForURL(/baseline=1/);
    await page.locator(`.bar-wrapper[data-item-id="${step.id}"] [data-testid=baseline-bar]`).waitFor();
    await expect(page.locator(`[data-testid=gantt-table] tr[data-item-id="${step.id}"]`).getByTestId('slip').textContent()).resolves.toContain(
      '2 months later than approved',
    );
    const activities = before.filter((m) => m.parentId === null);
    await page
      .getByTestId('gantt-table')
      .getByRole('button', { name: `Details of ${activities[1].title}` })
      .click();
    await dialog.getByRole('button', { name: 'Move earlier' }).click();
    await dialog.getByTestId('edit-outcome').getByText('Moved one place earlier.', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction((id) => document.querySelector('[data-testid=gantt-table] tbody tr')?.getAttribute('data-item-id') === id, activities[1].id);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('gives a co-leader of another Action no way to amend Action 2', async () => {
    const context = await own.browser.newContext();
    const page = await context.newPage();
    await signIn(page, 'colead.labour@example.org', { base: own.tracker.url });
    await page.goto(`${own.tracker.url}/actions/2`, { waitUntil: 'networkidle' });
    await page.getByTestId('gantt-table').waitFor();
    await expect(page.getByTestId('add-milestone').count()).resolves.toBe(0);
    await page.goto(`${own.tracker.url}/actions/1`, { waitUntil: 'networkidle' });
    await page.getByTestId('add-milestone').waitFor();
    // Their own Action's targets: add one, then cancel it (it stays, struck through).
    await page.getByLabel('New target').fill('12 cities in the exchanges');
    await page.getByRole('button', { name: 'Add the target' }).click();
    await page.getByTestId('target-outcome').getByText('Added the target "12 cities in the exchanges".').waitFor();
    await page.getByRole('button', { name: 'Cancel the target 12 cities in the exchanges' }).click();
    await page.getByTestId('target-outcome').getByText('Cancelled the target "12 cities in the exchanges".').waitFor();
    await page.getByTestId('targets').getByText('(cancelled)').waitFor();
    // An output of their own Action.
    await page.getByTestId('add-output').locator('summary').click();
    await page.getByLabel('Output', { exact: true }).fill('Summary of the exchanges');
    await page.getByLabel('Due, as the plan words it').fill('Q3 2026');
    await page.getByRole('button', { name: 'Add the output' }).click();
    await page.getByTestId('add-output-outcome').getByText('Added the output "Summary of the exchanges", due Q3 2026.').waitFor();
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    // The risk of their own Action's register, edited; not the others'.
    await page.goto(`${own.tracker.url}/risks`, { waitUntil: 'networkidle' });
    const editButtons = page.getByTestId('risk-register').getByRole('button', { name: /^Edit/ });
    await expect(editButtons.count()).resolves.toBe(1);
    await editButtons.first().click();
    const editor = page.getByTestId('risk-editor');
    await editor.getByLabel('Likelihood (1 to 5)').selectOption('4');
    await editor.getByLabel('Note (kept in the history)').fill('Two members left');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByTestId('risk-editor-outcome').getByText('Saved. The risk is now at version 2.').waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${own.tracker.url}/versions`, { waitUntil: 'networkidle' });
    await page.getByTestId('versions-table').waitFor();
    await expect(page.getByTestId('approve-form').count()).resolves.toBe(0);
    await context.close();
  });
});
