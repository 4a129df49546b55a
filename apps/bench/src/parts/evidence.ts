/**
 * The API's memory while evidence files go in and out (`BENCH_ONLY=evidence`): 100 MB of attachments
 * (five PDFs of 20 MB) uploaded by the Secretariat to one output of the Work Plan, then downloaded,
 * with the API's resident memory (RSS) read every 20 ms against its figure at rest just before. The
 * goal, a peak under idle + 50 MB, holds only if uploads and downloads stream (docs/evidence.md).
 * A small file goes up and down first, untimed; then BENCH_ROUNDS rounds, each removing its files after
 * (so the partnership's quota never fills). The goal is judged on the round that grew most (the first,
 * on a fresh server); speeds are the rounds' medians.
 */
import { randomFillSync } from 'node:crypto';
import type { BenchPart } from '../shared/part';
import { rssKiB } from '../shared/processes';
import { settings } from '../shared/settings';
import { median, round } from '../shared/stats';
import { signInAsSecretariat } from '../shared/tracker';

const MIB = 1024 * 1024;
const FILES = 5;
const FILE_MIB = 20;

export interface EvidenceFigures {
  totalMiB: number;
  files: number;
  fileMiB: number;
  rounds: number;
  /** At rest and at peak in the round that grew most. */
  idleMiB: number;
  peakMiB: number;
  /** Peak over idle in the round that grew most (the goal: under 50). */
  growthMiB: number;
  uploadMiBps: number;
  downloadMiBps: number;
  perRound: { idleMiB: number; peakMiB: number; uploadMs: number; downloadMs: number }[];
}

interface Session {
  cookie: string;
  xsrf: string;
}

interface Round {
  idleKiB: number;
  peakKiB: number;
  uploadMs: number;
  downloadMs: number;
  ids: string[];
}

const mib = (kib: number) => round(kib / 1024);

/** The median of ten readings 50 ms apart: the API at rest. */
async function idleKiB(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 10; i++) {
    samples.push(rssKiB(pid));
    await new Promise((ok) => setTimeout(ok, 50));
  }
  return median(samples);
}

/** A PDF by its signature, `size` bytes long. */
function pdfOf(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  randomFillSync(bytes);
  bytes.set(Buffer.from('%PDF-1.7\n', 'latin1'));
  return bytes;
}

/** One round: uploads FILES PDFs of FILE_MIB each to `outputId`, downloads them all, reading the API's RSS every 20 ms. */
async function oneRound(base: string, pid: number, session: Session, outputId: string, files = FILES, fileMiB = FILE_MIB): Promise<Round> {
  const idle = await idleKiB(pid);
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKiB(pid))), 20);
  const started = performance.now();
  const ids: string[] = [];
  try {
    for (let i = 0; i < files; i++) {
      const form = new FormData();
      form.append('file', new Blob([pdfOf(fileMiB * MIB)]), `evidence-${i}.pdf`);
      const response = await fetch(`${base}/api/outputs/${outputId}/evidence`, {
        method: 'POST',
        headers: { cookie: session.cookie, 'x-xsrf-token': session.xsrf },
        body: form,
      });
      const body = (await response.json()) as { id?: string };
      if (response.status !== 201 || !body.id) throw new Error(`an upload answered ${response.status}: ${JSON.stringify(body)}`);
      ids.push(body.id);
    }
    const uploaded = performance.now();
    let downloadedBytes = 0;
    for (const id of ids) {
      const response = await fetch(`${base}/api/evidence/${id}/download`, { headers: { cookie: session.cookie } });
      if (response.status !== 200 || !response.body) throw new Error(`a download answered ${response.status}`);
      // Read as a stream, counting: the client holds no whole file either.
      const reader = response.body.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) downloadedBytes += chunk.value.length;
    }
    const done = performance.now();
    if (downloadedBytes !== files * fileMiB * MIB) throw new Error(`downloaded ${downloadedBytes} bytes of ${files * fileMiB * MIB}`);
    return { idleKiB: idle, peakKiB: Math.max(peak, rssKiB(pid)), uploadMs: uploaded - started, downloadMs: done - uploaded, ids };
  } finally {
    clearInterval(sampler);
  }
}

async function removeAll(base: string, session: Session, ids: string[]): Promise<void> {
  for (const id of ids) {
    const removed = await fetch(`${base}/api/evidence/${id}`, { method: 'DELETE', headers: { cookie: session.cookie, 'x-xsrf-token': session.xsrf } });
    if (removed.status !== 204) throw new Error(`removing evidence answered ${removed.status}`);
  }
}

export function evidence(): BenchPart {
  return {
    name: 'evidence',
    plans: [],
    async run(bench) {
      console.log(`The API's memory while ${FILES * FILE_MIB} MB of evidence files are uploaded and downloaded...`);
      const { appBase } = bench;
      const pid = bench.app.pid;
      if (pid === undefined) throw new Error('the API has no process id to read its memory from');
      const session = await signInAsSecretariat(appBase);
      const outputs = (await (await fetch(`${appBase}/api/outputs?partnership=${await bench.defaultPartnership()}`)).json()) as { id: string }[];
      if (!outputs.length) throw new Error('the Work Plan has no output to attach evidence to');
      const rounds: Round[] = [];
      // One small file up and down first, untimed: the code paths have then run once, as in a server
      // that has been serving, and what the rounds add is what the volume costs.
      const warmUp = await oneRound(appBase, pid, session, outputs[0].id, 1, 1);
      await removeAll(appBase, session, warmUp.ids);
      for (let i = 0; i < settings.ROUNDS; i++) {
        const result = await oneRound(appBase, pid, session, outputs[0].id);
        rounds.push(result);
        await removeAll(appBase, session, result.ids);
      }
      const total = FILES * FILE_MIB;
      const worst = rounds.reduce((a, b) => (b.peakKiB - b.idleKiB > a.peakKiB - a.idleKiB ? b : a));
      const figures: EvidenceFigures = {
        totalMiB: total,
        files: FILES,
        fileMiB: FILE_MIB,
        rounds: rounds.length,
        idleMiB: mib(worst.idleKiB),
        peakMiB: mib(worst.peakKiB),
        growthMiB: mib(worst.peakKiB - worst.idleKiB),
        uploadMiBps: round(total / (median(rounds.map((r) => r.uploadMs)) / 1000)),
        downloadMiBps: round(total / (median(rounds.map((r) => r.downloadMs)) / 1000)),
        perRound: rounds.map((r) => ({ idleMiB: mib(r.idleKiB), peakMiB: mib(r.peakKiB), uploadMs: round(r.uploadMs, 0), downloadMs: round(r.downloadMs, 0) })),
      };
      bench.results.evidence = figures;
      console.log(
        `  RSS idle ${figures.idleMiB} MiB, peak ${figures.peakMiB} MiB (+${figures.growthMiB} MiB); upload ${figures.uploadMiBps} MiB/s, download ${figures.downloadMiBps} MiB/s`,
      );
    },
  };
}
