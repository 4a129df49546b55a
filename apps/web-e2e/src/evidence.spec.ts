import { createHash, randomBytes } from 'node:crypto';
import type { Evidence, Output } from '@tracker/contracts';
import type { Browser } from 'playwright-core';
import { BASE_URL, getJson, launchBrowser, screenshot, signedInPage } from './support/browser';

describe('evidence of delivery in the browser', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('attaches a file to an output, marks it delivered, and shows the file in the outputs table', async () => {
    // Action 3's first output: no other browser test changes it.
    const output = (await getJson<Output[]>('/api/outputs?action=3'))[0];
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(200_000)]);
    const { context, page, errors } = await signedInPage(browser, 'secretariat@example.org');
    await page.goto(`${BASE_URL}/actions/3`, { waitUntil: 'networkidle' });
    const outputs = page.getByTestId('outputs-table');
    await outputs.getByRole('button', { name: `Update ${output.title}` }).click();
    const editor = page.getByTestId('output-editor');

    // Delivered with nothing attached: the API asks for the evidence, and the editor says so.
    await editor.getByLabel('Status').selectOption('delivered');
    await editor.getByLabel('Delivered on').fill('2026-11-30');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText(/evidenceNote: a delivered output needs its evidence/).waitFor();

    await editor.getByLabel('Attach a file').setInputFiles({ name: 'capacity-building-report.pdf', mimeType: 'application/pdf', buffer: bytes });
    await editor.getByLabel("Title (the file's name if empty)").fill('Capacity-building report');
    await editor.getByRole('button', { name: 'Attach the file' }).click();
    await editor.getByTestId('evidence-outcome').getByText('Attached "Capacity-building report".').waitFor();
    await editor.getByTestId('evidence-list').getByRole('link', { name: 'Capacity-building report' }).waitFor();

    await editor.getByLabel('Status').selectOption('delivered');
    await editor.getByLabel('Delivered on').fill('2026-11-30');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.getByText('Saved.').waitFor();
    await screenshot(page, 'evidence-delivered');
    await page.keyboard.press('Escape');

    // The outputs table shows the status in words and the file, its title linking to the download.
    const row = outputs.locator('tbody tr', { hasText: output.title });
    await row.getByText('Delivered').waitFor();
    const link = row.getByTestId('output-evidence-cell').getByRole('link', { name: 'Capacity-building report' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/evidence\/[0-9a-f-]{36}\/download$/);
    const download = await fetch(`${BASE_URL}${href!}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="capacity-building-report.pdf"');
    const copy = Buffer.from(await download.arrayBuffer());
    expect(createHash('sha256').update(copy).digest('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));

    expect(await getJson<Output>(`/api/outputs/${output.id}`)).toMatchObject({ status: 'delivered', actualEnd: '2026-11-30' });
    const evidence = await getJson<Evidence[]>(`/api/outputs/${output.id}/evidence`);
    expect(evidence.map((e) => [e.kind, e.title])).toEqual([['file', 'Capacity-building report']]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
