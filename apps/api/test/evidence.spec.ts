import { createHash, randomBytes } from 'node:crypto';
import type { ApiError, AuditEntry, Evidence, Output } from '@tracker/contracts';
import { restoreBackup, takeBackup, writeBackup } from '../src/app/database/backup';
import { type Answer, type Client, signedIn } from './client';
import { DEMO_EMAIL, useDatabase, useServer, useTracker, withServer } from './harness';

const MIB = 1024 * 1024;

/** Bytes that read as a PDF (its signature), then `size` bytes in all. */
const pdfBytes = (size: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n', 'latin1'), randomBytes(size - 15)]).subarray(0, size);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** POSTs a file as multipart/form-data, as a browser's form would, with the client's cookies and XSRF token. */
async function upload(client: Client, path: string, bytes: Buffer, fileName: string, title?: string): Promise<Answer<Evidence & ApiError>> {
  const form = new FormData();
  if (title !== undefined) {
    form.append('title', title);
  }
  form.append('file', new Blob([bytes]), fileName);
  const response = await fetch(`${client.base}${path}`, {
    method: 'POST',
    body: form,
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-xsrf-token': decodeURIComponent(client.cookies.get('XSRF-TOKEN') ?? ''),
    },
  });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Evidence & ApiError, headers: response.headers };
}

/** GETs a download: its status, headers and bytes. */
async function download(client: Client, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${client.base}${path}`, { headers: { cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** Evidence of delivery: files and links on outputs and milestones, and delivery that needs them. */
describe('evidence of delivery', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  const colead = tracker.as('co_leader');
  const readers = { member: tracker.as('member'), coordinator: tracker.as('coordinator') };
  let outputs: Output[];

  beforeAll(async () => {
    outputs = (await secretariat.get<Output[]>('/api/outputs')).body;
  });

  const outputOf = (actionNumber: number, index = 0): Output => outputs.filter((o) => o.actionNumber === actionNumber)[index];
  const evidenceOf = async (id: string) => (await secretariat.get<Evidence[]>(`/api/outputs/${id}/evidence`)).body;

  it('stores an upload and gives it back byte-identical, as a sandboxed attachment, in the history', async () => {
    const output = outputOf(1);
    const bytes = pdfBytes(3 * MIB + 12_345); // four chunks, the last one short
    const added = await upload(secretariat, `/api/outputs/${output.id}/evidence`, bytes, 'Mapping report.pdf', 'Mapping report, final');
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      itemType: 'output',
      itemId: output.id,
      kind: 'file',
      title: 'Mapping report, final',
      fileName: 'Mapping report.pdf',
      mediaType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      downloadUrl: `/api/evidence/${added.body.id}/download`,
      createdBy: expect.any(String),
      removedAt: null,
    });
    expect(await evidenceOf(output.id)).toContainEqual(added.body);

    const file = await download(secretariat, added.body.downloadUrl!);
    expect(file.status).toBe(200);
    expect(file.bytes.equals(bytes)).toBe(true);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-length')).toBe(String(bytes.length));
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="Mapping report.pdf"');

    const history = await secretariat.get<AuditEntry[]>(`/api/outputs/${output.id}/history`);
    expect(history.body[0]).toMatchObject({ field: 'evidence', from: null, to: 'Mapping report, final' });
  });

  it('refuses a file of 26 MB with a 413 naming the limit, and keeps nothing of it', async () => {
    const output = outputOf(1);
    const before = await evidenceOf(output.id);
    const refused = await upload(secretariat, `/api/outputs/${output.id}/evidence`, pdfBytes(26 * MIB), 'too-big.pdf');
    expect(refused.status).toBe(413);
    expect(refused.body.message).toBe('file: larger than the limit of 25 MB (26214400 bytes) per file (EVIDENCE_MAX_FILE_MB)');
    expect(await evidenceOf(output.id)).toEqual(before);
  });

  it('counts the bytes as they stream in when no length is declared, and stops at the limit', async () => {
    const output = outputOf(1);
    const before = await evidenceOf(output.id);
    const boundary = 'evidence-boundary';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="streamed.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    let sent = 0;
    // 26 MB in 1 MB pieces, sent chunked: the server cannot know the size before reading it.
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(Buffer.concat([head, pdfBytes(MIB)]));
        else if (sent < 26) controller.enqueue(randomBytes(MIB));
        else {
          controller.enqueue(tail);
          controller.close();
        }
        sent += 1;
      },
    });
    const response = await fetch(`${tracker.url}/api/outputs/${output.id}/evidence`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        'x-xsrf-token': decodeURIComponent(secretariat.cookies.get('XSRF-TOKEN') ?? ''),
      },
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as ApiError).message).toBe('file: larger than the limit of 25 MB (26214400 bytes) per file (EVIDENCE_MAX_FILE_MB)');
    expect(await evidenceOf(output.id)).toEqual(before);
  });

  it('serves an HTML-bearing file and an SVG only as attachments, with nosniff and a sandbox, and refuses plain HTML', async () => {
    const output = outputOf(1, 1);
    const script = '<script>fetch("/api/auth/me").then(r => r.text()).then(alert)</script>';
    // A PDF by its signature that a sniffing browser could take for HTML.
    const polyglot = Buffer.from(`%PDF-1.4\n<html><body>${script}</body></html>\n`);
    const svg = Buffer.from(`<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">${script}<rect width="5" height="5"/></svg>`);
    for (const [bytes, name, type] of [
      [polyglot, 'page.html', 'application/pdf'],
      [svg, 'drawing.svg', 'image/svg+xml'],
    ] as const) {
      const added = await upload(secretariat, `/api/outputs/${output.id}/evidence`, bytes, name);
      expect(added.status).toBe(201);
      expect(added.body.mediaType).toBe(type);
      const file = await download(secretariat, added.body.downloadUrl!);
      expect(file.status).toBe(200);
      expect(file.bytes.equals(bytes)).toBe(true);
      expect(file.headers.get('content-type')).toBe(type);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
      expect(file.headers.get('x-content-type-options')).toBe('nosniff');
      expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    }
    // The type comes from the bytes, never from the name.
    const html = await upload(secretariat, `/api/outputs/${output.id}/evidence`, Buffer.from(`<!DOCTYPE html><html>${script}</html>`), 'report.pdf');
    expect(html.status).toBe(415);
    expect(html.body.message).toMatch(/^file: its bytes read as an HTML page; evidence may be PDF/);
  });

  it('lets the Secretariat and a co-leader for their Action attach, and refuses a member, a coordinator and another Action', async () => {
    const own = outputOf(1);
    const other = outputOf(2);
    const link = { url: 'https://example.org/recommendations', title: 'List of recommendations' };
    expect((await colead.post<Evidence>(`/api/outputs/${own.id}/evidence`, link)).status).toBe(201);
    const elsewhere = await colead.post<ApiError>(`/api/outputs/${other.id}/evidence`, link);
    expect(elsewhere.status).toBe(403);
    expect((await upload(colead, `/api/outputs/${other.id}/evidence`, pdfBytes(1000), 'a.pdf')).status).toBe(403);
    for (const reader of [readers.member, readers.coordinator]) {
      const before = await evidenceOf(own.id);
      expect((await upload(reader, `/api/outputs/${own.id}/evidence`, pdfBytes(1000), 'a.pdf')).status).toBe(403);
      expect((await reader.post(`/api/outputs/${own.id}/evidence`, link)).status).toBe(403);
      expect((await reader.request('DELETE', `/api/evidence/${before[0].id}`)).status).toBe(403);
      expect(await evidenceOf(own.id)).toEqual(before);
      // Reading stays open to them.
      expect((await reader.get<Evidence[]>(`/api/outputs/${own.id}/evidence`)).status).toBe(200);
    }
  });

  it('takes links over http and https only, naming the field otherwise', async () => {
    const output = outputOf(3);
    for (const url of ['javascript:alert(1)', 'ftp://example.org/file', 'not a url', 'data:text/html,<b>x</b>']) {
      const refused = await secretariat.post<ApiError>(`/api/outputs/${output.id}/evidence`, { url, title: 'Bad' });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/^url must be an http or https address/);
    }
    const untitled = await secretariat.post<ApiError>(`/api/outputs/${output.id}/evidence`, { url: 'https://example.org' });
    expect(untitled.status).toBe(400);
    expect(untitled.body.message).toMatch(/^title must be/);
    const added = await secretariat.post<Evidence>(`/api/outputs/${output.id}/evidence`, { url: 'http://example.org/guidelines', title: 'Guidelines' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ kind: 'link', url: 'http://example.org/guidelines', title: 'Guidelines', downloadUrl: null });
  });

  it('removes evidence keeping its history; a removed file no longer downloads', async () => {
    const output = outputOf(3, 1);
    const added = await upload(secretariat, `/api/outputs/${output.id}/evidence`, pdfBytes(2000), 'draft.pdf', 'Draft');
    expect(added.status).toBe(201);
    expect((await secretariat.request('DELETE', `/api/evidence/${added.body.id}`)).status).toBe(204);
    const listed = (await evidenceOf(output.id)).find((e) => e.id === added.body.id);
    expect(listed).toMatchObject({ title: 'Draft', removedAt: expect.any(String), removedBy: expect.any(String), downloadUrl: null });
    expect((await download(secretariat, `/api/evidence/${added.body.id}/download`)).status).toBe(404);
    expect((await secretariat.request('DELETE', `/api/evidence/${added.body.id}`)).status).toBe(404);
    const history = await secretariat.get<AuditEntry[]>(`/api/outputs/${output.id}/history`);
    expect(history.body[0]).toMatchObject({ field: 'evidence', from: 'Draft', to: null });
    const all = await secretariat.get<Evidence[]>('/api/evidence');
    expect(all.body.map((e) => e.id)).not.toContain(added.body.id);
  });

  it('attaches to milestones the same way', async () => {
    const milestone = (await secretariat.get<{ id: string }[]>('/api/milestones?action=2')).body[0];
    const bytes = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(5000)]);
    const added = await upload(secretariat, `/api/milestones/${milestone.id}/evidence`, bytes, 'photo.png');
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ itemType: 'milestone', itemId: milestone.id, mediaType: 'image/png', title: 'photo.png' });
    expect((await colead.post(`/api/milestones/${milestone.id}/evidence`, { url: 'https://example.org', title: 'x' })).status).toBe(403);
    expect((await secretariat.get<Evidence[]>(`/api/milestones/${milestone.id}/evidence`)).body).toEqual([added.body]);
  });

  describe('delivered means evidenced', () => {
    const deliver = (output: Output, extra: Record<string, unknown> = {}) =>
      secretariat.patch<Output & ApiError>(`/api/outputs/${output.id}`, { version: output.version, status: 'delivered', actualEnd: '2026-11-30', ...extra });

    it('refuses to mark an output delivered with no evidence, naming evidenceNote, and changes nothing', async () => {
      const output = outputOf(4);
      expect(await evidenceOf(output.id)).toEqual([]);
      const refused = await deliver(output);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/^evidenceNote: a delivered output needs its evidence/);
      expect((await secretariat.get<Output>(`/api/outputs/${output.id}`)).body).toMatchObject({ status: output.status, version: output.version });
    });

    it('takes a note saying why there is no file or link, kept as its evidence', async () => {
      const output = outputOf(4, 1);
      const delivered = await deliver(output, { evidenceNote: 'Delivered orally at the plenary of 12 November; no slides' });
      expect(delivered.status).toBe(200);
      expect(delivered.body.status).toBe('delivered');
      expect(await evidenceOf(output.id)).toEqual([
        expect.objectContaining({ kind: 'note', title: 'Delivered orally at the plenary of 12 November; no slides', url: null, downloadUrl: null }),
      ]);
      const history = await secretariat.get<AuditEntry[]>(`/api/outputs/${output.id}/history`);
      expect(history.body.map((entry) => entry.field)).toEqual(expect.arrayContaining(['status', 'evidence']));
    });

    it('marks an output with a file delivered, and refuses a note without the status', async () => {
      const output = outputOf(4, 2);
      expect((await upload(secretariat, `/api/outputs/${output.id}/evidence`, pdfBytes(4000), 'guidelines.pdf')).status).toBe(201);
      const noteAlone = await secretariat.patch<ApiError>(`/api/outputs/${output.id}`, { version: output.version, evidenceNote: 'why' });
      expect(noteAlone.status).toBe(400);
      expect(noteAlone.body.message).toMatch(/^evidenceNote goes with status delivered/);
      const delivered = await deliver(output);
      expect(delivered.status).toBe(200);
      expect(delivered.body.status).toBe('delivered');
    });
  });

  describe('with a second server on the database whose quota is 3 to 4 MB above what is stored so far', () => {
    let quotaMb = 0;
    beforeAll(async () => {
      const stored = (await secretariat.get<Evidence[]>('/api/evidence')).body.reduce((sum, e) => sum + (e.sizeBytes ?? 0), 0);
      quotaMb = Math.ceil(stored / MIB) + 3;
    });
    const small = useServer(tracker.db, () => ({ evidence: { maxFileBytes: 25 * MIB, quotaBytes: quotaMb * MIB } }));

    it('refuses a file beyond the partnership quota with a 413 naming it, and takes it once room is made', async () => {
      const client = secretariat.on(small.url);
      const output = outputOf(2, 1);
      const first = await upload(client, `/api/outputs/${output.id}/evidence`, pdfBytes(MIB), 'first.pdf');
      expect(first.status).toBe(201);
      const before = await evidenceOf(output.id);
      const refused = await upload(client, `/api/outputs/${output.id}/evidence`, pdfBytes(3 * MIB), 'second.pdf');
      expect(refused.status).toBe(413);
      expect(refused.body.message).toContain(`file: the partnership's files would pass its quota of ${quotaMb} MB (EVIDENCE_QUOTA_MB)`);
      expect(await evidenceOf(output.id)).toEqual(before);
      expect((await client.request('DELETE', `/api/evidence/${first.body.id}`)).status).toBe(204);
      expect((await upload(client, `/api/outputs/${output.id}/evidence`, pdfBytes(3 * MIB), 'second.pdf')).status).toBe(201);
    });
  });

  describe('with an empty database to restore into', () => {
    const target = useDatabase();

    it('keeps every file byte-identical through a backup and a restore', async () => {
      const output = outputOf(2, 2);
      const bytes = pdfBytes(9 * MIB + 7); // ten chunks: more than one page of the backup's writer
      const added = await upload(secretariat, `/api/outputs/${output.id}/evidence`, bytes, 'kept.pdf');
      expect(added.status).toBe(201);
      const files = (await secretariat.get<Evidence[]>('/api/evidence')).body.filter((e) => e.kind === 'file');
      const digests = new Map<string, string>();
      for (const file of files) {
        digests.set(file.id, sha256((await download(secretariat, file.downloadUrl!)).bytes));
        expect(digests.get(file.id)).toBe(file.sha256);
      }
      await tracker.withDataSource((from) =>
        target.withDataSource(async (to) => {
          await to.runMigrations({ transaction: 'each' });
          // Written piece by piece as db:backup writes it: the same JSON as the backup taken whole.
          const pieces: string[] = [];
          const summary = await writeBackup(from, async (text) => {
            pieces.push(text);
          });
          const backup = JSON.parse(pieces.join('')) as { tables: Record<string, unknown[]> };
          const whole = await takeBackup(from);
          const sortedRows = (tables: Record<string, unknown[]>) =>
            Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.map((row) => JSON.stringify(row)).sort()]));
          expect(sortedRows(backup.tables)).toEqual(sortedRows(JSON.parse(JSON.stringify(whole.tables)) as Record<string, unknown[]>));
          expect(backup.tables['evidence_chunk'].length).toBeGreaterThan(8);
          expect(summary.rows).toBe(Object.values(backup.tables).reduce((sum, rows) => sum + rows.length, 0));
          await restoreBackup(to, backup);
        }),
      );
      await withServer(target.url, {}, async (restored) => {
        const client = await signedIn(restored.url, DEMO_EMAIL.secretariat);
        const after = (await client.get<Evidence[]>('/api/evidence')).body.filter((e) => e.kind === 'file');
        expect(after.map((e) => e.id).sort()).toEqual([...digests.keys()].sort());
        for (const file of after) {
          const copy = await download(client, file.downloadUrl!);
          expect(copy.status).toBe(200);
          expect(sha256(copy.bytes)).toBe(digests.get(file.id));
        }
        const big = await download(client, added.body.downloadUrl!);
        expect(big.bytes.equals(bytes)).toBe(true);
      });
    });
  });
});
