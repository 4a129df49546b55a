import { readFile } from 'node:fs/promises';
import type { Milestone } from '@tracker/contracts';
import type { Browser } from 'playwright-core';
import { BASE_URL, getJson, launchBrowser, screenshot, seriousAccessibilityViolations, signedInPage, signIn } from './support/browser';

const brussels = (offsetDays: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );

describe('monitoring calls on the risk page', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('lets the Secretariat record calls with follow-ups by keyboard; the next call shows what changed and what is still open; a member reads', async () => {
    const { context, page, errors } = await signedInPage(browser, 'secretariat@example.org');
    await page.goto(`${BASE_URL}/risks`, { waitUntil: 'networkidle' });
    const calls = page.getByTestId('monitoring-calls');
    await calls.getByText('No monitoring call recorded yet.').waitFor();

    // The first call, yesterday, with one follow-up; keyboard only.
    await calls.getByRole('button', { name: 'Record a monitoring call' }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByTestId('call-form');
    await form.getByLabel('Date of the call').fill(brussels(-1));
    await form.getByLabel('Action 3').uncheck();
    await form.getByLabel('Attendees (one per line)').fill('Secretariat\nAshoka Hello Europe');
    await form.getByLabel('Decisions').fill('Chase the 2025 work');
    await form.getByLabel('Follow-up 1: what').fill('Send the minutes');
    await form.getByLabel('Follow-up 1: who').fill('Secretariat');
    await form.getByLabel('Follow-up 1: due date').fill(brussels(7));
    await form.getByRole('button', { name: 'Save the call' }).press('Enter');
    await calls
      .getByTestId('calls-status')
      .getByText(/^Saved: the call of .+ with 1 follow-up\.$/)
      .waitFor();
    const opened = page.getByTestId('opened-call');
    await expect(opened.getByTestId('call-follow-ups').textContent()).resolves.toMatch(/Send the minutes — Secretariat, due .+: Open/);
    await expect(opened.textContent()).resolves.toContain('Actions covered: Action 1, Action 2, Action 4.');

    // The call's pack as a PDF file.
    const [pack] = await Promise.all([page.waitForEvent('download'), opened.getByRole('link', { name: 'Download the call pack (PDF)' }).click()]);
    expect(pack.suggestedFilename()).toBe(`monitoring-call-${brussels(-1)}.pdf`);
    expect((await readFile(await pack.path())).toString('latin1', 0, 5)).toBe('%PDF-');

    // A change to the plan between the calls (as the Action page would make it).
    const target = (await getJson<Milestone[]>('/api/milestones?action=4'))[0];
    const status = await page.evaluate(
      async ({ id, version }) => {
        const xsrf = decodeURIComponent(
          document.cookie
            .split('; ')
            .find((c) => c.startsWith('XSRF-TOKEN='))!
            .split('=')[1],
        );
        const response = await fetch(`/api/milestones/${id}`, {
          method: 'PATCH',
          headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrf },
          body: JSON.stringify({ version, progress: 55, status: 'in_progress' }),
        });
        return response.status;
      },
      { id: target.id, version: target.version },
    );
    expect(status).toBe(200);

    // The second call, today, without follow-ups.
    await calls.getByRole('button', { name: 'Record a monitoring call' }).press('Enter');
    await form.getByRole('button', { name: 'Remove follow-up 1' }).press('Enter');
    await form.getByRole('button', { name: 'Save the call' }).press('Enter');
    await calls
      .getByTestId('calls-status')
      .getByText(/^Saved: the call of .+ with 0 follow-ups\.$/)
      .waitFor();
    await expect(page.getByTestId('calls-table').locator('tbody tr').count()).resolves.toBe(2);
    const changes = await opened.getByTestId('call-changes').locator('tbody tr').allTextContents();
    expect(changes.filter((row) => row.includes(target.title)).join('\n')).toMatch(/Progress from \d+ % to 55 %/);
    await expect(opened.getByTestId('earlier-follow-ups').textContent()).resolves.toMatch(
      /Send the minutes — Secretariat, due .+ \(from the call of .+\): Open/,
    );
    await expect(opened.textContent()).resolves.toMatch(/Risk view as of \d+ \w{3} \d{4}/);
    await expect(opened.getByTestId('call-rag').locator('li').count()).resolves.toBe(4);
    await expect(seriousAccessibilityViolations(page)).resolves.toEqual([]);
    await screenshot(page, 'monitoring-call');

    // Done: no longer open on the next call.
    await opened.getByRole('button', { name: 'Mark done: Send the minutes' }).press('Enter');
    await calls.getByTestId('calls-status').getByText('Follow-up "Send the minutes" is now done.').waitFor();
    await expect(opened.getByTestId('earlier-follow-ups').textContent()).resolves.toContain('None open.');

    // Edit the call: notes added, kept after a reload of the call.
    await opened.getByRole('button', { name: 'Edit the call' }).press('Enter');
    const edit = page.getByTestId('edit-call-form');
    await edit.getByLabel('Notes').fill('Action 4 moved forward');
    await edit.getByRole('button', { name: 'Save the changes' }).press('Enter');
    await calls
      .getByTestId('calls-status')
      .getByText(/^Saved the changes to the call of /)
      .waitFor();
    await expect(opened.getByTestId('call-notes').textContent()).resolves.toBe('Action 4 moved forward');
    expect(errors).toEqual([]);
    await context.close();

    // A member reads the calls but gets no form or buttons to change them.
    const memberContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const memberPage = await memberContext.newPage();
    await signIn(memberPage, 'member@example.org');
    await memberPage.goto(`${BASE_URL}/risks`, { waitUntil: 'networkidle' });
    const memberCalls = memberPage.getByTestId('monitoring-calls');
    await memberCalls.getByTestId('calls-table').waitFor();
    await expect(memberCalls.getByTestId('calls-table').locator('tbody tr').count()).resolves.toBe(2);
    await expect(memberCalls.getByRole('button', { name: 'Record a monitoring call' }).count()).resolves.toBe(0);
    await memberCalls
      .getByRole('button', { name: /^Open the call of / })
      .first()
      .press('Enter');
    await memberPage.getByTestId('opened-call').getByTestId('call-changes').waitFor();
    // The address names the opened call, so it can be shared.
    await memberPage.waitForURL(/[?&]call=[0-9a-f-]{36}/);
    await memberPage.reload({ waitUntil: 'networkidle' });
    await expect(memberPage.getByTestId('opened-call').getByTestId('call-notes').textContent()).resolves.toBe('Action 4 moved forward');
    await expect(memberPage.getByTestId('opened-call').getByRole('button').count()).resolves.toBe(0);
    await expect(seriousAccessibilityViolations(memberPage)).resolves.toEqual([]);
    await memberContext.close();
  });
});
