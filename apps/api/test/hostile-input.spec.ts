import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FollowUp, MonitoringCall, Organisation, PlanImportPreview, PlanImportProblem } from '@tracker/contracts';
import { Workbook } from 'exceljs';
import readXlsxFile from 'read-excel-file/node';
import { LoginThrottleService } from '../src/app/auth/login-throttle.service';
import { Client, DEMO_PASSWORD } from './client';
import { useTracker } from './harness';

/**
 * What an attacker sends that an honest client does not: texts that are not Unicode, NUL bytes and
 * decompression bombs in an uploaded plan, formulas in texts that spreadsheets download, and a storm
 * of correct sign-ins. Each is a clear 4xx or simply works, never a 500 nor a live formula.
 */
describe('hostile input', () => {
  // Limits high enough that a storm of sign-ins from one address is let through (see below).
  const tracker = useTracker({ config: { loginMaxFailures: 1000, loginMaxFailuresPerIp: 100_000 } });
  const secretariat = tracker.as('secretariat');

  /** POSTs a file as the raw body of a plan import, with the Secretariat's cookies and XSRF token. */
  const upload = async <T>(path: string, bytes: Buffer, type: string) => {
    const headers: Record<string, string> = {
      'content-type': type,
      cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-xsrf-token': decodeURIComponent(secretariat.cookies.get('XSRF-TOKEN')!),
    };
    const response = await fetch(`${tracker.url}${path}`, { method: 'POST', headers, body: new Uint8Array(bytes) });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const importQuery = (key: string) => `?key=${key}&name=${encodeURIComponent('Partnership on Sustainable Tourism')}&deadline=2027-12-31`;
  const count = async (table: string): Promise<number> => Number((await tracker.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  describe('a lone surrogate in a JSON text', () => {
    // The raw JSON text: `\ud800` escapes a UTF-16 half that is no character (JSON.parse accepts it).
    const LONE = '"a\\ud800b"';

    it('is refused with a 400 naming the field, on every write', async () => {
      const organisations = (await secretariat.get<Organisation[]>('/api/organisations')).body;
      const call = await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: '2026-11-20', actionNumbers: [1] });
      expect(call.status).toBe(201);
      const followUp = await secretariat.post<FollowUp>(`/api/monitoring-calls/${call.body.id}/follow-ups`, { what: 'Send the minutes' });
      expect(followUp.status).toBe(201);
      const cases: { method: 'POST' | 'PATCH'; path: string; body: string; field: string }[] = [
        { method: 'POST', path: '/api/milestones', body: `{"actionNumber":1,"title":${LONE},"windowText":"June 2026"}`, field: 'title' },
        { method: 'POST', path: '/api/milestones', body: `{"actionNumber":1,"title":"Visit","windowText":${LONE}}`, field: 'windowText' },
        { method: 'POST', path: '/api/outputs', body: `{"actionNumber":1,"title":${LONE},"dueText":"June 2026"}`, field: 'title' },
        { method: 'POST', path: '/api/targets', body: `{"actionNumber":1,"description":${LONE}}`, field: 'description' },
        { method: 'POST', path: '/api/risk-register', body: `{"actionNumber":1,"title":"Delay","causes":["late",${LONE}]}`, field: 'causes\\[1\\]' },
        {
          method: 'POST',
          path: '/api/accounts',
          body: `{"email":"lone@example.org","name":${LONE},"role":"member","organisationId":"${organisations[0].id}"}`,
          field: 'name',
        },
        { method: 'PATCH', path: '/api/profile', body: `{"name":${LONE}}`, field: 'name' },
        { method: 'PATCH', path: `/api/monitoring-calls/${call.body.id}`, body: `{"version":${call.body.version},"notes":${LONE}}`, field: 'notes' },
        { method: 'PATCH', path: `/api/follow-ups/${followUp.body.id}`, body: `{"version":${followUp.body.version},"what":${LONE}}`, field: 'what' },
        // A key is text too.
        { method: 'PATCH', path: '/api/profile', body: `{"name":"Ana",${LONE}:1}`, field: 'a field name' },
      ];
      for (const { method, path, body, field } of cases) {
        const answer = await secretariat.request<{ message: string }>(method, path, body);
        expect([method, path, field, answer.status]).toEqual([method, path, field, 400]);
        expect([path, answer.body.message]).toEqual([path, expect.stringMatching(new RegExp(`^${field} .*must be Unicode text`))]);
      }
      // Nothing was written.
      expect((await secretariat.get<FollowUp>(`/api/follow-ups/${followUp.body.id}`)).body).toEqual(followUp.body);
      expect((await secretariat.get<{ name: string }>('/api/auth/me')).body.name).toBe('Demo Secretariat');
    });

    it('is accepted when it is half of a pair (a real character such as an emoji)', async () => {
      const answer = await secretariat.request<{ name: string }>('PATCH', '/api/profile', '{"name":"Ana \\ud83d\\ude00"}');
      expect(answer.status).toBe(200);
      expect(answer.body.name).toBe('Ana \u{1F600}');
    });
  });

  describe('a NUL byte in an imported CSV', () => {
    const SAMPLE = readFileSync(resolve(__dirname, '../src/app/imports/sample/sample-plan.csv'), 'utf8');

    it('is a problem of its cell in the preview, and the import refuses the file and writes nothing', async () => {
      const lines = SAMPLE.split('\n');
      // Row 2 (a co-leader): its organisation; row 4 (a member): its country. Every other cell as it was.
      lines[1] = lines[1].replace('City of Seville', 'City of\u0000 Seville');
      lines[3] = lines[3].replace(',FR', ',F\u0000R');
      const bytes = Buffer.from(lines.join('\n'), 'utf8');
      const expected: PlanImportProblem[] = [
        { row: 2, column: 'Organisation', message: expect.stringMatching(/^row 2, column "Organisation": the cell holds a NUL character/) },
        { row: 4, column: 'Country', message: expect.stringMatching(/^row 4, column "Country": the cell holds a NUL character/) },
      ];

      const preview = await upload<PlanImportPreview>(`/api/plan-imports/preview${importQuery('nul-bytes')}`, bytes, 'text/csv');
      expect(preview.status).toBe(200);
      expect(preview.body.ok).toBe(false);
      expect(preview.body.problems).toEqual(expected);

      const partnerships = await count('partnership');
      const organisations = await count('organisation');
      const refused = await upload<{ message: string; problems: PlanImportProblem[] }>(`/api/plan-imports${importQuery('nul-bytes')}`, bytes, 'text/csv');
      expect(refused.status).toBe(400);
      expect(refused.body.problems).toEqual(expected);
      expect([await count('partnership'), await count('organisation')]).toEqual([partnerships, organisations]);
      expect((await secretariat.get(`/api/partnership?partnership=nul-bytes`)).status).toBe(404);
    });
  });

  describe('a storm of correct sign-ins', () => {
    it('never deadlocks the throttle: 50 at once, 8 rounds, for a few accounts from one address', async () => {
      // What a correct sign-in does to the throttle: reserve an attempt, check the password (a few ms
      // with argon2, which alone spaces the requests of an HTTP storm too much on a small machine),
      // give the attempt back. Postgres answers a deadlock by failing one of the two: a 500.
      const throttle = tracker.server.app.get(LoginThrottleService);
      const emails = ['secretariat@example.org', 'coordinator@example.org', 'colead.labour@example.org', 'member@example.org'];
      const failures: string[] = [];
      for (let round = 0; round < 8; round++) {
        await Promise.all(
          Array.from({ length: 50 }, async (_, i) => {
            const email = emails[i % emails.length];
            try {
              for (let attempt = 0; attempt < 5; attempt++) {
                expect(await throttle.reserve(email, '127.0.0.1')).toEqual({ allowed: true });
                await throttle.recordSuccess(email, '127.0.0.1');
              }
            } catch (error) {
              failures.push(`round ${round}: ${(error as Error).message}`);
            }
          }),
        );
      }
      expect(failures).toEqual([]);
      // Every attempt was given back, and a correct sign-in over HTTP still goes through.
      expect(await tracker.dataSource.query(`SELECT key, failures FROM login_throttle WHERE failures > 0`)).toEqual([]);
      const client = new Client(tracker.url);
      await client.get('/api/auth/me');
      expect((await client.post('/api/auth/login', { email: emails[1], password: DEMO_PASSWORD })).status).toBe(200);
    });
  });

  describe('a formula in a text', () => {
    const FORMULA = '=HYPERLINK("http://x","y")';

    it('is written as text, behind a single quote, in every CSV and XLSX export', async () => {
      const created = await Promise.all([
        secretariat.post('/api/milestones', { actionNumber: 1, title: FORMULA, windowText: 'June 2025' }), // overdue: in the risk view too
        secretariat.post('/api/outputs', { actionNumber: 1, title: FORMULA, dueText: 'June 2025' }),
        secretariat.post('/api/risk-register', { actionNumber: 1, title: FORMULA, description: '+ a cause', mitigation: '@ outreach' }),
        secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: '2026-11-27', actionNumbers: [1], notes: FORMULA, decisions: '-1 step' }),
      ]);
      expect(created.map((answer) => answer.status)).toEqual([201, 201, 201, 201]);
      const call = created[3].body as MonitoringCall;
      expect((await secretariat.post(`/api/monitoring-calls/${call.id}/follow-ups`, { what: FORMULA })).status).toBe(201);

      const headers = { cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
      for (const table of ['plan', 'outputs', 'risks', 'risk-register', 'monitoring-calls', 'follow-ups']) {
        const csv = await fetch(`${tracker.url}/api/exports/${table}.csv`, { headers });
        expect([table, csv.status]).toEqual([table, 200]);
        const cells = (parse(await csv.text(), { bom: true }) as string[][]).flat();
        expect([table, cells.includes(`'${FORMULA}`), cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && Number.isNaN(Number(cell)))]).toEqual([
          table,
          true,
          [],
        ]);

        const xlsx = await fetch(`${tracker.url}/api/exports/${table}.xlsx`, { headers });
        expect([table, xlsx.status]).toEqual([table, 200]);
        const bytes = Buffer.from(await xlsx.arrayBuffer());
        const texts = (await readXlsxFile(bytes)).flatMap((sheet) => sheet.data.flat()).filter((cell) => typeof cell === 'string');
        expect([table, texts.includes(`'${FORMULA}`), texts.filter((cell) => /^[=+\-@\t\r]/.test(cell))]).toEqual([table, true, []]);
        // No formula element in any sheet: every cell is a value.
        const zip = await JSZip.loadAsync(bytes);
        const sheets = await Promise.all(zip.file(/^xl\/worksheets\/sheet\d+\.xml$/).map((file) => file.async('string')));
        expect([table, sheets.length > 0, sheets.some((xml) => /<f[ >]/.test(xml))]).toEqual([table, true, false]);
      }
    });
  });

  describe('an XLSX decompression bomb', () => {
    const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    const MB = 1024 * 1024;

    /** A workbook whose sheet "Plan" has the template's header, with its parts changed by `change`. */
    const workbook = async (change: (zip: JSZip) => void): Promise<Buffer> => {
      const book = new Workbook();
      book.addWorksheet('Plan').addRow(['Action', 'Action title', 'Type', 'Parent', 'Title', 'Window']);
      const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
      change(zip);
      return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    };
    /** A sheet of `count` times the same activity row (about 130 bytes each): it compresses about 1,000 to 1. */
    const sheetXml = (count: number): string =>
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      '<row r="2"><c r="A2"><v>1</v></c><c r="C2" t="inlineStr"><is><t>activity</t></is></c><c r="E2" t="inlineStr"><is><t>Mapping</t></is></c></row>'.repeat(
        count,
      ) +
      '</sheetData></worksheet>';
    const preview = (bytes: Buffer) =>
      upload<{ statusCode: number; message: string } & PlanImportPreview>(`/api/plan-imports/preview${importQuery('bomb')}`, bytes, XLSX);

    it('refuses, before inflating it, a sheet of about 100 MB of rows sent in a few hundred kB (413)', async () => {
      const bytes = await workbook((zip) => zip.file('xl/worksheets/sheet1.xml', sheetXml(800_000)));
      expect(bytes.length).toBeLessThan(2 * MB);
      const answer = await preview(bytes);
      expect(answer.status).toBe(413);
      expect(answer.body.message).toMatch(
        /^the file's part xl\/worksheets\/sheet1\.xml inflates to \d{3} MB, more than the 20 MB one part of an XLSX plan may have$/,
      );
      const partnerships = await count('partnership');
      expect((await upload(`/api/plan-imports${importQuery('bomb')}`, bytes, XLSX)).status).toBe(413);
      expect(await count('partnership')).toBe(partnerships);
    });

    it('refuses a workbook with a huge part nothing reads, and one whose parts together inflate too much (413)', async () => {
      const unused = await workbook((zip) => zip.file('xl/media/unused.bin', Buffer.alloc(64 * MB)));
      const one = await preview(unused);
      expect([one.status, one.body.message]).toEqual([
        413,
        "the file's part xl/media/unused.bin inflates to 64 MB, more than the 20 MB one part of an XLSX plan may have",
      ]);
      const many = await workbook((zip) => [1, 2, 3].forEach((n) => zip.file(`xl/media/image${n}.bin`, Buffer.alloc(15 * MB))));
      const all = await preview(many);
      expect([all.status, all.body.message]).toEqual([413, 'the file inflates to more than the 40 MB an XLSX plan may have in all']);
    });

    it('stops inflating a part that inflates to more than it declares (400)', async () => {
      const honest = await workbook((zip) => zip.file('xl/worksheets/sheet1.xml', sheetXml(50_000)));
      // The sheet declares 1,000 bytes, in its local header and in the central directory, and inflates to about 6 MB.
      const name = Buffer.from('xl/worksheets/sheet1.xml');
      const lying = Buffer.from(honest);
      for (const [signature, sizeAt, nameAt] of [
        [0x04034b50, 22, 30],
        [0x02014b50, 24, 46],
      ]) {
        for (let at = 0; at < lying.length - 4; at++) {
          if (lying.readUInt32LE(at) === signature && lying.subarray(at + nameAt, at + nameAt + name.length).equals(name)) {
            lying.writeUInt32LE(1000, at + sizeAt);
          }
        }
      }
      const answer = await preview(lying);
      expect([answer.status, answer.body.message]).toEqual([
        400,
        "the file's part xl/worksheets/sheet1.xml inflates to more than the 1000 bytes it declares: the workbook is damaged",
      ]);
    });

    it('reads a sheet of more rows than a plan may have only up to its limit, and says so', async () => {
      const bytes = await workbook((zip) => zip.file('xl/worksheets/sheet1.xml', sheetXml(100_000)));
      const answer = await preview(bytes);
      expect(answer.status).toBe(200);
      expect(answer.body.problems).toEqual([{ row: null, column: null, message: 'the sheet has more than 5000 rows, the most a plan may have' }]);
    });
  });
});
