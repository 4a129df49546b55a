import type { GanttData, Output } from '@tracker/contracts';
import { parse } from 'csv-parse/sync';
import readXlsxFile from 'read-excel-file/node';
import type { RunningServer } from '../src/app/server';
import { type Client, signedIn } from './client';
import { createTestDatabase, type TestDatabase } from './database';
import { startTestServer } from './server';

/** The links between plan items in the files: the exports write them, the import reads them back, approved versions keep them. */
describe('dependencies in files and versions', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let secretariat: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db.url);
    secretariat = await signedIn(server.url, 'secretariat@example.org');
  });

  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  const download = async (path: string): Promise<Buffer> => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(response.status).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };
  const csv = (bytes: Buffer): Record<string, string>[] => parse(bytes.toString('utf8'), { bom: true, columns: true });

  describe('exports', () => {
    it('writes each item\'s predecessors in a "Depends on" column, by title, another Action\'s named, with the lag', async () => {
      const gantt = (await secretariat.get<GanttData>('/api/gantt')).body;
      const byTitle = (title: string) => gantt.items.find((i) => i.title === title)!;
      const draft = byTitle('Document to be drafted to present resources in a practical way');
      const review = byTitle('Action group members to review and validate collection of resources');
      const rows = csv(await download('/api/exports/plan.csv'));
      const reviewRow = rows.find((r) => r['Title'] === review.title)!;
      expect(reviewRow['Depends on']).toBe(draft.title);
      expect(rows.find((r) => r['Title'] === draft.title)!['Depends on']).toBe('');

      // A link from another Action, with a lag: "Action N: title (+2 months)", one predecessor a line.
      const other = gantt.items.find((i) => i.actionNumber === 1 && i.parentId === null)!;
      const added = await secretariat.post('/api/dependencies', { predecessorId: other.id, successorId: review.id, lagMonths: 2 });
      expect(added.status).toBe(201);
      const again = csv(await download('/api/exports/plan.csv')).find((r) => r['Title'] === review.title)!;
      expect(again['Depends on']).toBe(`${draft.title}\nAction 1: ${other.title} (+2 months)`);
      const [sheet] = await readXlsxFile(await download('/api/exports/plan.xlsx'));
      const header = sheet.data[0] as string[];
      const row = sheet.data.find((r) => r[header.indexOf('Title')] === review.title)!;
      expect(row[header.indexOf('Depends on')]).toBe(`${draft.title}\nAction 1: ${other.title} (+2 months)`);

      // Outputs too: an output follows its step.
      const outputs = (await secretariat.get<Output[]>('/api/outputs')).body;
      const outputRows = csv(await download('/api/exports/outputs.csv'));
      const linked = outputRows.filter((r) => r['Depends on'] !== '');
      expect(linked.length).toBeGreaterThan(0);
      expect(outputs.map((o) => o.title)).toEqual(expect.arrayContaining(linked.map((r) => r['Title'])));
    });
  });
});
