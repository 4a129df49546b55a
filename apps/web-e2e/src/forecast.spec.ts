import type { Milestone } from '@tracker/contracts';
import { screenshot, seriousAccessibilityViolations, signedInPage } from './support/browser';
import { useOwnTracker } from './support/own-tracker';

/**
 * The forecast in the browser, as the Secretariat: a step re-planned to end later, its arrows and
 * its forecast range on the chart, the chain on the risk page, and a what-if that saves nothing. On a
 * tracker of its own, so the other browser tests keep reading the plan as seeded.
 */
describe('the forecast on the chart and the risk page', () => {
  const own = useOwnTracker();

  const fetched = async (path: string) => {
    const response = await fetch(`${own.tracker.url}${path}`);
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response;
  };

  it('draws arrows and a re-planned step still overdue with its forecast range, says the chain, and tries a forecast without saving it', async () => {
    const milestones = (await (await fetched('/api/milestones?action=2')).json()) as Milestone[];
    const mapping = milestones.find((m) => m.title === 'Mapping to be drafted') as Milestone;
    const review = milestones.find((m) => m.predecessorIds.includes(mapping.id)) as Milestone;

    const { context, page, errors } = await signedInPage(own.browser, 'secretariat@example.org', { base: own.tracker.url });

    // Re-plan the mapping as the Secretariat would: a forecast end of 31 January 2027.
    await page.goto(`${own.tracker.url}/?action=2`, { waitUntil: 'networkidle' });
    await page.getByTestId('gantt-table').getByRole('button', { name: 'Details of Mapping to be drafted' }).click();
    const dialog = page.getByTestId('item-details');
    await dialog.getByTestId('edit-form').waitFor();
    await dialog.getByLabel('Forecast end').fill('2027-01-31');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByTestId('edit-outcome').getByText('Saved.').waitFor();
    await page.keyboard.press('Escape');

    // The chart: frappe-gantt's arrow from the mapping to its review; the mapping's bar keeps its
    // window and its overdue edge, and its forecast range runs on to the end of January 2027.
    const arrow = page.locator(`.gantt .arrow path[data-from="${mapping.id}"][data-to="${review.id}"]`);
    await arrow.waitFor({ state: 'attached' });
    await expect(arrow.getAttribute('d')).resolves.toMatch(/^\s*M/);
    const bar = page.locator(`.gantt .bar-wrapper[data-id="${mapping.id}"]`);
    await expect(bar.getAttribute('class')).resolves.toContain('wp-flag-overdue');
    const range = bar.getByTestId('forecast-range');
    await range.waitFor({ state: 'attached' });
    await expect(range.getAttribute('data-forecast-latest')).resolves.toBe('2027-01-31');
    const [barBox, rangeBox] = await Promise.all([bar.locator('rect.bar').boundingBox(), range.boundingBox()]);
    // Both boxes include half their outline.
    expect(Math.abs(rangeBox!.x - (barBox!.x + barBox!.width))).toBeLessThan(2);
    expect(rangeBox!.width).toBeGreaterThan(barBox!.width * 4);
    await expect(bar.getAttribute('aria-label')).resolves.toContain('Expected to end after its planned window: 31 Jan 2027');
    // The table says it in words: what the review comes after, and when the mapping is expected to end.
    const table = page.getByTestId('gantt-table');
    await expect(table.locator(`tr[data-item-id="${review.id}"]`).getByTestId('predecessors').textContent()).resolves.toContain('"Mapping to be drafted"');
    await expect(table.locator(`tr[data-item-id="${mapping.id}"]`).getByTestId('forecast').textContent()).resolves.toContain(
      'expected 31 Jan 2027, later than planned',
    );
    await screenshot(page, 'forecast-chart');

    // The risk page names the chain.
    await page.goto(`${own.tracker.url}/risks?asOf=2026-12-07`, { waitUntil: 'networkidle' });
    const chained = page
      .getByTestId('risk-items')
      .locator('tbody tr')
      .filter({ hasText: "because 'Mapping to be drafted' (Action 2), forecast to end 31 Jan 2027, comes before" });
    await chained.first().waitFor();
    await expect(chained.first().getAttribute('data-kind')).resolves.toMatch(/^(forecast_beyond_deadline|may_pass_deadline)$/);
    await expect(page.getByTestId('action-finish').nth(1).textContent()).resolves.toMatch(/^Expected to finish .* deadline\.$/);

    // What if the mapping ended on 30 June 2027 instead? The answer comes back; nothing is saved.
    const before = (await fetched('/api/gantt')).headers.get('etag');
    const whatIf = page.getByTestId('what-if');
    await whatIf.getByLabel('Item').selectOption(mapping.id);
    await whatIf.getByLabel('Forecast end to try').fill('2027-06-30');
    await whatIf.getByRole('button', { name: 'Try it' }).click();
    const answer = whatIf.getByTestId('what-if-answer');
    await answer.waitFor();
    await expect(answer.textContent()).resolves.toContain('If "Mapping to be drafted" (Action 2) were expected to end 30 Jun 2027');
    await expect(answer.getByTestId('what-if-would-pass').textContent()).resolves.toContain('Mapping to be drafted');
    await expect(answer.getByTestId('what-if-actions').textContent()).resolves.toMatch(/Action 2 · Education: .*after the 31 Mar 2027 deadline/);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'forecast-what-if');
    const after = (await (await fetched(`/api/milestones/${mapping.id}`)).json()) as Milestone;
    expect(after.forecastEnd).toBe('2027-01-31');
    expect((await fetched('/api/gantt')).headers.get('etag')).toBe(before);
    // The risk page read again still says 31 January.
    await page.reload({ waitUntil: 'networkidle' });
    await chained.first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
