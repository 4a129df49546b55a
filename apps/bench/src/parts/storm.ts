/**
 * The storm (`BENCH_ONLY=storm`): what anonymous clients asking for drawn files at once do to
 * everyone else, and what an XLSX decompression bomb does to the API's memory.
 *
 *  - Ten anonymous clients at once, each asking for a chart PDF, a chart PNG and a calendar of the
 *    5,000-item plan (each client its own `asOf` and Action, so the files differ and the cache cannot
 *    answer them all), while /api/health is asked one request after another: its p99, and the count
 *    of files served, refused with 503 and Retry-After, refused otherwise (4xx) and failed (5xx).
 *  - The API's resident memory (RSS) while a signed-in Secretariat imports a small .xlsx whose sheet
 *    XML inflates to about 100 MB, against its idle figure just before.
 */
import JSZip from 'jszip';
import type { BenchPart } from '../shared/part';
import { rssKiB } from '../shared/processes';
import { percentile, round } from '../shared/stats';
import { signInAsSecretariat } from '../shared/tracker';

const CLIENTS = 10;

export interface StormFigures {
  requests: number;
  seconds: number;
  health: { requests: number; p50: number; p99: number; max: number; failures: number };
  served: number;
  refused503: number;
  refused503WithRetryAfter: number;
  refused4xx: number;
  failed5xx: number;
  unanswered: number;
  byStatus: Record<string, number>;
  examples: string[];
}

export interface BombFigures {
  fileKiB: number;
  inflatedMiB: number;
  status: number;
  answer: string;
  ms: number;
  idleMiB: number;
  peakMiB: number;
  afterMiB: number;
  growthMiB: number;
}

interface Answer {
  path: string;
  status: number;
  retryAfter: string | null;
  ms: number;
  bytes: number;
  text: string;
}

/** Asks /api/health one request after another until `done` settles: each answer's time in ms. */
async function timeHealth(base: string, done: Promise<unknown>): Promise<{ times: number[]; failures: number[] }> {
  let finished = false;
  void done.finally(() => (finished = true));
  const times: number[] = [];
  const failures: number[] = [];
  while (!finished) {
    const started = performance.now();
    const response = await fetch(`${base}/api/health`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (!response.ok) failures.push(response.status);
  }
  return { times, failures };
}

async function ask(base: string, path: string): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(`${base}${path}`);
    const body = Buffer.from(await response.arrayBuffer());
    return {
      path,
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      ms: performance.now() - started,
      bytes: body.length,
      text: response.ok ? '' : body.toString('utf8').slice(0, 200),
    };
  } catch (error) {
    return { path, status: 0, retryAfter: null, ms: performance.now() - started, bytes: 0, text: String(error) };
  }
}

/** The storm against the 5,000-item plan `partnership`: /api/health's figures and the exports' answers. */
export async function exportStorm(base: string, partnership: string): Promise<StormFigures> {
  const paths: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const asOf = `2026-${String(1 + i).padStart(2, '0')}-15`;
    paths.push(`/api/exports/chart.pdf?partnership=${partnership}&asOf=${asOf}`);
    paths.push(`/api/exports/chart.png?partnership=${partnership}&asOf=${asOf}`);
    paths.push(i % 2 ? `/api/calendar/plan.ics?partnership=${partnership}` : `/api/calendar/actions/${1 + (i % 4)}.ics?partnership=${partnership}`);
  }
  const started = performance.now();
  const exports = Promise.all(paths.map((path) => ask(base, path)));
  const [health, answers] = await Promise.all([timeHealth(base, exports), exports]);
  const count = (test: (a: Answer) => boolean) => answers.filter(test).length;
  return {
    requests: answers.length,
    seconds: round((performance.now() - started) / 1000),
    health: {
      requests: health.times.length,
      p50: round(percentile(health.times, 50) ?? Number.NaN),
      p99: round(percentile(health.times, 99) ?? Number.NaN),
      max: round(Math.max(...health.times)),
      failures: health.failures.length,
    },
    served: count((a) => a.status === 200),
    refused503: count((a) => a.status === 503),
    refused503WithRetryAfter: count((a) => a.status === 503 && Number(a.retryAfter) >= 1),
    refused4xx: count((a) => a.status >= 400 && a.status < 500),
    failed5xx: count((a) => a.status >= 500 && a.status !== 503),
    unanswered: count((a) => a.status === 0),
    byStatus: Object.fromEntries([...new Set(answers.map((a) => a.status))].map((s) => [s, count((a) => a.status === s)])),
    examples: [...new Map(answers.filter((a) => a.status !== 200).map((a) => [a.status, `${a.path}: ${a.status} ${a.text}`])).values()],
  };
}

/** A workbook of a few hundred kB whose one sheet's XML inflates to about `megabytes` MB. */
export async function xlsxBomb(megabytes = 100): Promise<{ bytes: Buffer; inflated: number }> {
  // One row over and over (row and cell references are optional): it deflates about a thousandfold.
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const count = Math.ceil((megabytes * 1024 * 1024) / row.length);
  const rows = new Array<string>(count).fill(row);
  const size = count * row.length;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  );
  zip.file(
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>',
  );
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  );
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`,
  );
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  return { bytes, inflated: size };
}

/**
 * The API's RSS while the bomb is imported (POST /api/plan-imports as the Secretariat, `cookie` and
 * `xsrf` from its sign-in), sampled every 20 ms, against the median of ten samples while idle.
 */
export async function bombMemory(base: string, pid: number, cookie: string, xsrf: string): Promise<BombFigures> {
  const { bytes, inflated } = await xlsxBomb(100);
  const idleSamples: number[] = [];
  for (let i = 0; i < 10; i++) {
    idleSamples.push(rssKiB(pid));
    await new Promise((ok) => setTimeout(ok, 50));
  }
  const idleKiB = idleSamples.sort((a, b) => a - b)[5];
  let peakKiB = idleKiB;
  const sampler = setInterval(() => (peakKiB = Math.max(peakKiB, rssKiB(pid))), 20);
  const started = performance.now();
  let status = 0;
  let text = '';
  try {
    const response = await fetch(`${base}/api/plan-imports?key=bomb-${Date.now()}&name=Bomb&deadline=2027-12-31`, {
      method: 'POST',
      headers: {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        cookie,
        'x-xsrf-token': xsrf,
      },
      body: new Uint8Array(bytes),
    });
    status = response.status;
    text = (await response.text()).slice(0, 200);
  } finally {
    clearInterval(sampler);
  }
  peakKiB = Math.max(peakKiB, rssKiB(pid));
  const afterKiB = rssKiB(pid);
  return {
    fileKiB: Math.round(bytes.length / 1024),
    inflatedMiB: Math.round(inflated / 1024 / 1024),
    status,
    answer: text,
    ms: Math.round(performance.now() - started),
    idleMiB: Math.round(idleKiB / 1024),
    peakMiB: Math.round(peakKiB / 1024),
    afterMiB: Math.round(afterKiB / 1024),
    growthMiB: Math.round((peakKiB - idleKiB) / 1024),
  };
}

export function storm(): BenchPart {
  return {
    name: 'storm',
    plans: ['chartfivek'],
    async run(bench) {
      console.log('The storm: ten anonymous clients asking for chart PDFs, PNGs and calendars of the 5,000-item plan at once, /api/health timed meanwhile...');
      const s = await exportStorm(bench.appBase, 'chartfivek-0001');
      bench.results.storm = s;
      console.log(
        `  /api/health: p50 ${s.health.p50} ms, p99 ${s.health.p99} ms, max ${s.health.max} ms (${s.health.requests} requests); exports: ${s.served} served, ${s.refused503} refused with 503 (${s.refused503WithRetryAfter} with Retry-After), ${s.refused4xx} refused otherwise (4xx), ${s.failed5xx} failed (5xx), in ${s.seconds} s`,
      );
      for (const example of s.examples) console.log(`    ${example}`);
      console.log("The API's memory during an XLSX decompression-bomb import...");
      const { cookie, xsrf } = await signInAsSecretariat(bench.appBase);
      if (bench.app.pid === undefined) throw new Error('the API has no process id to read its memory from');
      const b = await bombMemory(bench.appBase, bench.app.pid, cookie, xsrf);
      bench.results.bomb = b;
      console.log(
        `  ${b.fileKiB} KiB file inflating to ${b.inflatedMiB} MiB: answered ${b.status} in ${b.ms} ms; RSS idle ${b.idleMiB} MiB, peak ${b.peakMiB} MiB (+${b.growthMiB} MiB), after ${b.afterMiB} MiB`,
      );
    },
  };
}
