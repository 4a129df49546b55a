// The storm (`BENCH_ONLY=storm`, part of `npm run bench`): what anonymous clients asking for drawn
// files at once do to everyone else, and what an XLSX decompression bomb does to the API's memory.
//
//  - Ten anonymous clients at once, each asking for a chart PDF, a chart PNG and a calendar of the
//    5,000-item plan (each client its own `asOf` and Action, so the files differ and the cache cannot
//    answer them all), while /api/health is asked one request after another: its p99, and the count
//    of files served, refused with 503 and Retry-After, refused otherwise (4xx) and failed (5xx).
//  - The API's resident memory (RSS) while a signed-in Secretariat imports a small .xlsx whose sheet
//    XML inflates to about 100 MB, against its idle figure just before.
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';

const CLIENTS = 10;

function rssKiB(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null;
};
const round = (n) => Math.round(n * 10) / 10;

/** Asks /api/health one request after another until `done` settles: each answer's time in ms. */
async function timeHealth(base, done) {
  let finished = false;
  void done.finally(() => (finished = true));
  const times = [];
  const failures = [];
  while (!finished) {
    const started = performance.now();
    const response = await fetch(`${base}/api/health`);
    await response.arrayBuffer();
    times.push(performance.now() - started);
    if (!response.ok) failures.push(response.status);
  }
  return { times, failures };
}

async function ask(base, path) {
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
export async function exportStorm(base, partnership) {
  const paths = [];
  for (let i = 0; i < CLIENTS; i++) {
    const asOf = `2026-${String(1 + i).padStart(2, '0')}-15`;
    paths.push(`/api/exports/chart.pdf?partnership=${partnership}&asOf=${asOf}`);
    paths.push(`/api/exports/chart.png?partnership=${partnership}&asOf=${asOf}`);
    paths.push(i % 2 ? `/api/calendar/plan.ics?partnership=${partnership}` : `/api/calendar/actions/${1 + (i % 4)}.ics?partnership=${partnership}`);
  }
  const started = performance.now();
  const exports = Promise.all(paths.map((path) => ask(base, path)));
  const [health, answers] = await Promise.all([timeHealth(base, exports), exports]);
  const count = (test) => answers.filter(test).length;
  const refused503 = answers.filter((a) => a.status === 503);
  return {
    requests: answers.length,
    seconds: round((performance.now() - started) / 1000),
    health: {
      requests: health.times.length,
      p50: round(percentile(health.times, 50)),
      p99: round(percentile(health.times, 99)),
      max: round(Math.max(...health.times)),
      failures: health.failures.length,
    },
    served: count((a) => a.status === 200),
    refused503: refused503.length,
    refused503WithRetryAfter: count((a) => a.status === 503 && Number(a.retryAfter) >= 1),
    refused4xx: count((a) => a.status >= 400 && a.status < 500),
    failed5xx: count((a) => a.status >= 500 && a.status !== 503),
    unanswered: count((a) => a.status === 0),
    byStatus: Object.fromEntries([...new Set(answers.map((a) => a.status))].map((s) => [s, count((a) => a.status === s)])),
    examples: [...new Map(answers.filter((a) => a.status !== 200).map((a) => [a.status, `${a.path}: ${a.status} ${a.text}`])).values()],
  };
}

/** A workbook of a few hundred kB whose one sheet's XML inflates to about `megabytes` MB. */
export async function xlsxBomb(megabytes = 100) {
  // One row over and over (row and cell references are optional): it deflates about a thousandfold.
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const count = Math.ceil((megabytes * 1024 * 1024) / row.length);
  const rows = new Array(count).fill(row);
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
export async function bombMemory(base, pid, cookie, xsrf) {
  const { bytes, inflated } = await xlsxBomb(100);
  const idleSamples = [];
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
      body: bytes,
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

/** Signs in as the demo Secretariat: the cookies and the XSRF token a write sends. */
export async function signInForWrites(base) {
  const cookieOf = (response, name) => new RegExp(`${name}=([^;]+)`).exec(response.headers.getSetCookie().join('\n'))?.[1];
  const me = await fetch(`${base}/api/auth/me`);
  const before = cookieOf(me, 'XSRF-TOKEN');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': decodeURIComponent(before ?? ''), cookie: `XSRF-TOKEN=${before}` },
    body: JSON.stringify({ email: 'secretariat@example.org', password: 'demo-password' }),
  });
  const session = cookieOf(login, 'tracker_session');
  const xsrf = cookieOf(login, 'XSRF-TOKEN') ?? before;
  if (!session) throw new Error(`the storm's sign-in was refused: ${login.status}`);
  return { cookie: `tracker_session=${session}; XSRF-TOKEN=${xsrf}`, xsrf: decodeURIComponent(xsrf ?? '') };
}
