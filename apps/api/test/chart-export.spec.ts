import { DOMParser } from '@xmldom/xmldom';
import type { FollowUp, GanttData, Milestone, MonitoringCall } from '@tracker/contracts';
import { actionFinishWords, RISK_KIND_LABELS } from '@tracker/schedule';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { useTempDir, useTracker } from './harness';

const run = promisify(execFile);

interface PdfPage {
  width: number;
  height: number;
  text: string;
}

/** The chart as SVG (read as XML), PNG (its header) and PDF (read by pdfjs-dist in a child process). */
describe('the chart as a file', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  const files = useTempDir('chart-');
  let gantt: GanttData;

  beforeAll(async () => {
    gantt = (await (await fetch(`${tracker.url}/api/gantt`)).json()) as GanttData;
  });

  const download = async (path: string) => {
    const response = await fetch(`${tracker.url}${path}`);
    expect(response.status).toBe(200);
    return {
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };
  const pdfPages = async (bytes: Buffer): Promise<PdfPage[]> => {
    const file = join(files.path, `${Math.random().toString(36).slice(2)}.pdf`);
    await writeFile(file, bytes);
    const { stdout } = await run(process.execPath, [join(__dirname, 'support/pdf-text.mjs'), file], { maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(stdout) as PdfPage[];
  };
  const flat = (text: string) => text.replace(/\s+/g, ' ');

  it('draws the SVG with one bar per dated item, the deadline line and the title', async () => {
    const answer = await download('/api/exports/chart.svg?asOf=2026-11-22');
    expect(answer.type).toMatch(/^image\/svg\+xml/);
    const doc = new DOMParser().parseFromString(answer.bytes.toString('utf8'), 'image/svg+xml');
    const svg = doc.documentElement!;
    expect(svg.tagName).toBe('svg');
    const rects = Array.from(svg.getElementsByTagName('rect')).filter((r) => r.getAttribute('class') === 'bar');
    const dated = gantt.items.filter((i) => i.start && i.end);
    expect(rects.map((r) => r.getAttribute('data-id'))).toEqual(dated.map((i) => i.id));
    expect(rects.map((r) => r.getAttribute('data-status'))).toEqual(dated.map((i) => i.status));
    const texts = Array.from(svg.getElementsByTagName('text')).map((t) => t.textContent ?? '');
    for (const item of gantt.items) {
      expect(texts.some((t) => t.endsWith(item.title))).toBe(true);
    }
    expect(texts[0]).toBe('Work Plan timeline, from sections 2.4.9 - 2.7.9');
    expect(texts[1]).toMatch(new RegExp(`^${gantt.partnership.name} · `));
    expect(texts).toContain('Deadline 2027-03-31');
    expect(texts.some((t) => t.includes('as of 2026-11-22'))).toBe(true);
    expect(Array.from(svg.getElementsByTagName('line')).filter((l) => l.getAttribute('class') === 'deadline')).toHaveLength(1);

    const action3 = new DOMParser().parseFromString((await download('/api/exports/chart.svg?action=3')).bytes.toString('utf8'), 'image/svg+xml');
    const bars3 = Array.from(action3.getElementsByTagName('rect')).filter((r) => r.getAttribute('class') === 'bar');
    expect(bars3.map((r) => r.getAttribute('data-id'))).toEqual(dated.filter((i) => i.actionNumber === 3).map((i) => i.id));
  });

  it("holds what the chart page's filters show: several Actions, an organisation's Actions, statuses and the view mode", async () => {
    const svgOf = async (query: string) => {
      const doc = new DOMParser().parseFromString((await download(`/api/exports/chart.svg?${query}`)).bytes.toString('utf8'), 'image/svg+xml');
      const root = doc.documentElement!;
      return {
        width: Number(root.getAttribute('width')),
        bars: Array.from(root.getElementsByTagName('rect'))
          .filter((r) => r.getAttribute('class') === 'bar')
          .map((r) => r.getAttribute('data-id')),
        texts: Array.from(root.getElementsByTagName('text')).map((t) => t.textContent ?? ''),
      };
    };
    const dated = gantt.items.filter((i) => i.start && i.end);
    // Two statuses in the plan, so the filter leaves some bars out and keeps others.
    await tracker.dataSource.query(`UPDATE milestone SET status = 'in_progress' WHERE id = $1`, [dated[1].id]);
    await tracker.dataSource.query(`UPDATE milestone SET status = 'in_progress' WHERE id = $1`, [dated.find((i) => i.actionNumber === 2)?.id]);
    const now = (await (await fetch(`${tracker.url}/api/gantt`)).json()) as GanttData;
    const nowDated = now.items.filter((i) => i.start && i.end);

    const both = await svgOf('actions=2,4');
    expect(both.bars).toEqual(nowDated.filter((i) => [2, 4].includes(i.actionNumber)).map((i) => i.id));
    expect(both.texts.some((t) => t.startsWith(`${gantt.partnership.name} · Actions 2 Education, 4 Funds`))).toBe(true);

    const organisations = (await (await fetch(`${tracker.url}/api/organisations`)).json()) as {
      id: string;
      name: string;
      actions: { actionNumber: number }[];
    }[];
    const org = organisations.find((o) => o.actions.length === 1 && o.actions[0].actionNumber === 2);
    expect(org).toBeDefined();
    const filtered = await svgOf(`org=${org?.id}&status=in_progress,done&view=year`);
    const expected = nowDated.filter((i) => i.actionNumber === 2 && ['in_progress', 'done'].includes(i.status)).map((i) => i.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(filtered.bars).toEqual(expected);
    expect(filtered.texts.some((t) => t.includes(`Actions of ${org?.name} · status in progress, done · year view`))).toBe(true);
    // A year view draws the same months in a quarter of the width, and names the years in its header.
    const month = await svgOf(`org=${org?.id}&status=in_progress,done`);
    expect(filtered.width).toBeLessThan(month.width * 0.5);
    expect(filtered.texts).toEqual(expect.arrayContaining(['2026']));

    for (const [query, field] of [
      ['status=late', 'status'],
      ['org=nope', 'org'],
      ['view=week', 'view'],
      ['actions=1;2', 'actions'],
    ]) {
      const answer = await fetch(`${tracker.url}/api/exports/chart.svg?${query}`);
      expect([query, answer.status]).toEqual([query, 400]);
      expect(JSON.stringify(await answer.json())).toContain(field);
    }
    const unknown = await fetch(`${tracker.url}/api/exports/chart.svg?org=00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
  });

  it('renders the PNG at twice the SVG size', async () => {
    const svg = new DOMParser().parseFromString((await download('/api/exports/chart.svg')).bytes.toString('utf8'), 'image/svg+xml').documentElement!;
    const png = await download('/api/exports/chart.png');
    expect(png.type).toBe('image/png');
    expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.bytes.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([2 * Number(svg.getAttribute('width')), 2 * Number(svg.getAttribute('height'))]);
  });

  it('writes the PDF on A4 and A3 landscape, paged, with every title of the filtered view', async () => {
    const a4 = await download('/api/exports/chart.pdf?asOf=2026-11-22');
    expect(a4.type).toBe('application/pdf');
    expect(a4.disposition).toBe('attachment; filename="chart-a4.pdf"');
    const pages = await pdfPages(a4.bytes);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.width === 842 && p.height === 595)).toBe(true);
    const all = flat(pages.map((p) => p.text).join(' '));
    for (const item of gantt.items) {
      expect(all).toContain(flat(item.title));
    }
    pages.forEach((page, i) => {
      expect(flat(page.text)).toContain(`Work Plan timeline, from sections 2.4.9 - 2.7.9 ${gantt.partnership.name} · `);
      expect(flat(page.text)).toContain(`as of 2026-11-22 · page ${i + 1} of ${pages.length}`);
      expect(flat(page.text)).toContain('Action / item');
      expect(flat(page.text)).toContain('Not started');
    });
    expect(all).toContain('Deadline 2027-03-31');

    const a3 = await pdfPages((await download('/api/exports/chart.pdf?paper=a3&action=2')).bytes);
    expect(a3.every((p) => p.width === 1191 && p.height === 842)).toBe(true);
    expect(a3.length).toBeLessThanOrEqual(pages.length);
    const a3Text = flat(a3.map((p) => p.text).join(' '));
    for (const item of gantt.items) {
      expect(a3Text.includes(flat(item.title))).toBe(item.actionNumber === 2);
    }
    expect(flat(a3[0].text)).toContain('Action 2 ');
    const bad = await fetch(`${tracker.url}/api/exports/chart.pdf?paper=letter`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('paper must be a4 or a3');
  });

  it('packs an opened monitoring call: its changes, follow-ups, the rating per Action and the chart of its Actions', async () => {
    const earlier = (await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: '2026-10-01', actionNumbers: [1] })).body;
    expect(
      (
        await secretariat.post<FollowUp>(`/api/monitoring-calls/${earlier.id}/follow-ups`, {
          what: 'Find a venue for the Urban Academy',
          dueDate: '2026-10-31',
        })
      ).status,
    ).toBe(201);
    const item = gantt.items.find((i) => i.actionNumber === 2)!;
    const today = new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/Brussels' });
    expect(
      (
        await secretariat.patch<Milestone>(`/api/milestones/${item.id}`, {
          version: item.version,
          progress: 40,
          status: 'in_progress',
          note: 'survey under way',
        })
      ).status,
    ).toBe(200);
    const call = (
      await secretariat.post<MonitoringCall>('/api/monitoring-calls', {
        heldOn: today,
        actionNumbers: [2, 1],
        attendees: ['Croix-Rouge française'],
        decisions: 'Chase the survey',
      })
    ).body;
    expect(
      (
        await secretariat.post<FollowUp>(`/api/monitoring-calls/${call.id}/follow-ups`, {
          what: 'Send the minutes',
          ownerText: 'Secretariat',
          dueDate: '2026-12-04',
        })
      ).status,
    ).toBe(201);

    const response = await fetch(`${tracker.url}/api/exports/monitoring-calls/${call.id}/pack.pdf`, {
      headers: { cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="monitoring-call-${today}.pdf"`);
    const pages = await pdfPages(Buffer.from(await response.arrayBuffer()));
    const text = flat(pages.map((p) => p.text).join(' '));
    expect(text).toContain(`Monitoring call of ${today}`);
    expect(text).toContain('Attendees: Croix-Rouge française');
    expect(text).toContain(`Changes since the previous call (2026-10-01)`);
    expect(text).toContain(`${today} ${flat(item.title)}: progress: ${item.progress} -> 40`);
    expect(text).toContain('("survey under way")');
    expect(text).toContain('Send the minutes, owner Secretariat, due 2026-12-04');
    expect(text).toContain('Find a venue for the Urban Academy (asked 2026-10-01), due 2026-10-31');
    expect(text).toMatch(/Action 1 Labour: (RED|AMBER|GREEN)/);
    // The forecast's kinds with their chain in words, and each Action's expected finish.
    const opened = (await secretariat.get<MonitoringCall>(`/api/monitoring-calls/${call.id}`)).body;
    for (const action of opened.risks.actions) {
      expect(text).toContain(flat(`- ${actionFinishWords(action.finish, opened.risks.deadline)}`));
    }
    const pushed = opened.risks.items.filter(
      (i) => [1, 2].includes(i.actionNumber) && (i.kind === 'forecast_beyond_deadline' || i.kind === 'may_pass_deadline'),
    );
    expect(pushed.length).toBeGreaterThan(0);
    for (const i of pushed) {
      expect(text).toContain(flat(`- [${RISK_KIND_LABELS[i.kind]}] Action ${i.actionNumber}: ${i.title} (${i.reason})`));
    }
    expect(text).toContain('Actions 1 Labour, 2 Education');
    for (const i of gantt.items.filter((m) => [1, 2].includes(m.actionNumber))) {
      expect(text).toContain(flat(i.title));
    }
    // The chart has only the call's Actions: no row label of Action 3 or 4.
    expect(text).not.toMatch(/\bA[34] /);
    expect(text).toMatch(/\bA1 /);
    expect(pages.every((p) => p.width === 842 && p.height === 595)).toBe(true);
    expect((await fetch(`${tracker.url}/api/exports/monitoring-calls/${call.id}/pack.pdf`)).status).toBe(401);
  });
  it('draws the approved windows of a compared version as ghost bars, with the slip in the labels, in SVG and PDF', async () => {
    const step = gantt.items.find((i) => i.actionNumber === 4 && i.parentId !== null && i.precision === 'month') as Milestone;
    const added = await secretariat.post<Milestone>('/api/milestones', { actionNumber: 4, title: 'Funding clinic for small cities', windowText: 'June 2026' });
    expect(added.status).toBe(201);
    const current = (await secretariat.get<Milestone>(`/api/milestones/${step.id}`)).body;
    const moved = await secretariat.patch<Milestone>(`/api/milestones/${step.id}`, { version: current.version, windowText: 'December 2027' });
    expect(moved.status).toBe(200);

    const svg = new DOMParser().parseFromString(
      (await download('/api/exports/chart.svg?action=4&baseline=1&asOf=2026-11-22')).bytes.toString('utf8'),
      'image/svg+xml',
    );
    const rects = Array.from(svg.getElementsByTagName('rect'));
    const ghosts = rects.filter((r) => r.getAttribute('class') === 'baseline');
    const dated = gantt.items.filter((i) => i.actionNumber === 4 && i.start && i.end);
    // One ghost per item dated in version 1; none for the item added since.
    expect(ghosts.map((g) => g.getAttribute('data-id'))).toEqual(dated.map((i) => i.id));
    const ghost = ghosts.find((g) => g.getAttribute('data-id') === step.id)!;
    const bar = rects.find((r) => r.getAttribute('class') === 'bar' && r.getAttribute('data-id') === step.id)!;
    expect(Number(bar.getAttribute('x'))).toBeGreaterThan(Number(ghost.getAttribute('x')));
    expect(ghost.getAttribute('stroke-dasharray')).toBe('2 1');
    const texts = Array.from(svg.getElementsByTagName('text')).map((t) => t.textContent ?? '');
    expect(texts.find((t) => t.startsWith(step.title))).toMatch(/ · \d+ months later than approved$/);
    expect(texts).toContain('A4 Funding clinic for small cities · added since version 1');
    expect(texts.some((t) => t.includes('compared with version 1, Work Plan as approved, April 2025'))).toBe(true);
    expect(texts).toContain('Approved window (version 1, Work Plan as approved, April 2025)');

    // Without a baseline, no ghost and no slip.
    const plain = (await download('/api/exports/chart.svg?action=4')).bytes.toString('utf8');
    expect(plain).not.toContain('class="baseline"');
    expect(plain).not.toContain('later than approved');

    const pdf = flat((await pdfPages((await download('/api/exports/chart.pdf?action=4&baseline=1')).bytes)).map((p) => p.text).join(' '));
    expect(pdf).toContain('later than approved');
    expect(pdf).toContain('Approved window (version 1');
    const missing = await fetch(`${tracker.url}/api/exports/chart.svg?baseline=9`);
    expect(missing.status).toBe(404);
    expect(JSON.stringify(await missing.json())).toContain('baseline: the partnership has no plan version 9');
  });
  it('draws an arrow from each predecessor and the forecast range beyond a bar, with their legend, in SVG and PDF', async () => {
    const byTitle = (title: string) => gantt.items.find((i) => i.title === title)!;
    const mapping = byTitle('Mapping to be drafted');
    const review = byTitle('Mapping to be reviewed and validated by Action group members');
    const current = (await secretariat.get<Milestone>(`/api/milestones/${mapping.id}`)).body;
    // Re-planned as the Secretariat would: the step keeps its Jul - Sep 2025 window, and is now expected by 31 January 2027.
    expect((await secretariat.patch<Milestone>(`/api/milestones/${mapping.id}`, { version: current.version, forecastEnd: '2027-01-31' })).status).toBe(200);

    const svg = new DOMParser().parseFromString((await download('/api/exports/chart.svg?action=2&asOf=2026-12-07')).bytes.toString('utf8'), 'image/svg+xml');
    const groups = Array.from(svg.getElementsByTagName('g'));
    const arrows = groups.filter((g) => g.getAttribute('class') === 'arrow').map((g) => `${g.getAttribute('data-from')} -> ${g.getAttribute('data-to')}`);
    const action2 = gantt.items.filter((i) => i.actionNumber === 2 && i.start && i.end);
    const expected = action2.flatMap((i) => i.predecessorIds.filter((p) => action2.some((d) => d.id === p)).map((p) => `${p} -> ${i.id}`));
    expect(expected).toContain(`${mapping.id} -> ${review.id}`);
    expect(arrows.sort()).toEqual(expected.sort());

    const rects = Array.from(svg.getElementsByTagName('rect'));
    const bar = rects.find((r) => r.getAttribute('class') === 'bar' && r.getAttribute('data-id') === mapping.id)!;
    const range = rects.find((r) => r.getAttribute('class') === 'forecast' && r.getAttribute('data-id') === mapping.id)!;
    // From the end of the planned bar, far beyond it (16 months), and in words.
    const barEnd = Number(bar.getAttribute('x')) + Number(bar.getAttribute('width'));
    expect(Math.abs(Number(range.getAttribute('x')) - barEnd)).toBeLessThan(0.5);
    expect(Number(range.getAttribute('width'))).toBeGreaterThan(Number(bar.getAttribute('width')) * 4);
    expect(range.getElementsByTagName('title')[0].textContent).toBe('Mapping to be drafted: expected to end 31 Jan 2027');
    // Every item expected to end after its planned window has its range; the review, after the mapping, is pushed too.
    expect(rects.some((r) => r.getAttribute('class') === 'forecast' && r.getAttribute('data-id') === review.id)).toBe(true);
    const texts = Array.from(svg.getElementsByTagName('text')).map((t) => t.textContent ?? '');
    expect(texts).toContain('Comes after');
    expect(texts).toContain('Forecast beyond the plan');

    const pdf = flat((await pdfPages((await download('/api/exports/chart.pdf?action=2&asOf=2026-12-07')).bytes)).map((p) => p.text).join(' '));
    expect(pdf).toContain('Comes after');
    expect(pdf).toContain('Forecast beyond the plan');
    const png = await download('/api/exports/chart.png?action=2&asOf=2026-12-07');
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
