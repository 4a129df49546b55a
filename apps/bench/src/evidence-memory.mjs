// The API's memory while evidence files go in and out: 100 MB of attachments (five PDFs of 20 MB)
// uploaded to one output, then downloaded, against the API's resident memory (RSS) just before. The
// goal: peak under idle + 50 MB, which holds only if uploads and downloads stream (see docs/evidence.md).
// Three rounds, each reporting its idle and peak; the figures are their medians, with the machine's
// load average. Run it alone with `node apps/bench/src/evidence-memory-run.mjs` (after `npx nx run api:build`).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const MIB = 1024 * 1024;

function rssKiB(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The median of ten readings 50 ms apart: the API at rest. */
async function idleKiB(pid) {
  const samples = [];
  for (let i = 0; i < 10; i++) {
    samples.push(rssKiB(pid));
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return median(samples);
}

/** A PDF by its signature, `size` bytes long. */
function pdfOf(size) {
  const bytes = randomBytes(size);
  bytes.write('%PDF-1.7\n', 0, 'latin1');
  return bytes;
}

/** One round: uploads `files` PDFs of `fileMiB` each to `outputId`, downloads them all, reading the API's RSS every 20 ms. */
async function round(base, pid, session, outputId, files, fileMiB) {
  const idle = await idleKiB(pid);
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 20);
  const started = performance.now();
  const ids = [];
  try {
    for (let i = 0; i < files; i++) {
      const form = new FormData();
      form.append('file', new Blob([pdfOf(fileMiB * MIB)]), `evidence-${i}.pdf`);
      const response = await fetch(`${base}/api/outputs/${outputId}/evidence`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-xsrf-token': session.xsrf },
        body: form,
      });
      const body = await response.json();
      if (response.status !== 201) throw new Error(`an upload answered ${response.status}: ${JSON.stringify(body)}`);
      ids.push(body.id);
    }
    const uploaded = performance.now();
    let downloadedBytes = 0;
    for (const id of ids) {
      const response = await fetch(`${base}/api/evidence/${id}/download`, { headers: { cookie: session.cookie } });
      if (response.status !== 200) throw new Error(`a download answered ${response.status}`);
      // Read as a stream, counting: the client holds no whole file either.
      for await (const chunk of response.body) downloadedBytes += chunk.length;
    }
    const done = performance.now();
    if (downloadedBytes !== files * fileMiB * MIB) throw new Error(`downloaded ${downloadedBytes} bytes of ${files * fileMiB * MIB}`);
    return { idleKiB: idle, peakKiB: Math.max(peak, rssKiB(pid)), uploadMs: uploaded - started, downloadMs: done - uploaded, ids };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * Measures the API (process `pid`, at `base`) with a signed-in Secretariat (`session`: {cookie, xsrf})
 * attaching to output `outputId`. Each round removes its files after, so the quota never fills.
 */
export async function evidenceMemory(base, pid, session, outputId, { rounds = 3, files = 5, fileMiB = 20 } = {}) {
  const loadBefore = loadavg();
  const results = [];
  for (let i = 0; i < rounds; i++) {
    const result = await round(base, pid, session, outputId, files, fileMiB);
    results.push(result);
    for (const id of result.ids) {
      const removed = await fetch(`${base}/api/evidence/${id}`, { method: 'DELETE', headers: { cookie: session.cookie, 'x-xsrf-token': session.xsrf } });
      if (removed.status !== 204) throw new Error(`removing evidence answered ${removed.status}`);
    }
  }
  const mib = (kib) => Math.round((kib / 1024) * 10) / 10;
  const idle = median(results.map((r) => r.idleKiB));
  const peak = median(results.map((r) => r.peakKiB));
  const growth = median(results.map((r) => r.peakKiB - r.idleKiB));
  return {
    totalMiB: files * fileMiB,
    files,
    fileMiB,
    rounds,
    idleMiB: mib(idle),
    peakMiB: mib(peak),
    growthMiB: mib(growth),
    goalMet: growth < 50 * 1024,
    uploadMiBps: Math.round(((files * fileMiB) / (median(results.map((r) => r.uploadMs)) / 1000)) * 10) / 10,
    downloadMiBps: Math.round(((files * fileMiB) / (median(results.map((r) => r.downloadMs)) / 1000)) * 10) / 10,
    perRound: results.map((r) => ({ idleMiB: mib(r.idleKiB), peakMiB: mib(r.peakKiB) })),
    loadAverage: { before: loadBefore, after: loadavg() },
  };
}
