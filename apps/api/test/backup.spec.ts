import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Milestone, MonitoringCall } from '@tracker/contracts';
import { signedIn } from './client';
import { withClient } from './database';
import { startTestServer } from './server';
import { useDatabase, useTempDir } from './harness';
import { DIST, runBuilt } from './support/built-tracker';

const run = (script: string, args: string[], env: Record<string, string>) => runBuilt(script, args, env);
/**
 * Every table's rows, each as JSON text, sorted: two databases hold the same data when these are
 * equal. The plan revisions are derived state (moved by triggers), not data, and are left out.
 */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'plan_revision' ORDER BY table_name`,
    );
    const result: Record<string, string[]> = {};
    for (const { table_name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${table_name}" t`);
      result[table_name] = rows.rows.map((r) => r.row).sort();
    }
    return result;
  });
}

describe('backup and restore', () => {
  beforeAll(() => {
    if (!existsSync(join(DIST, 'db-backup.js')) || !existsSync(join(DIST, 'db-restore.js'))) {
      throw new Error('dist/api/db-backup.js or db-restore.js is missing: build first (npm test does)');
    }
  });
  const source = useDatabase();
  const target = useDatabase();
  const files = useTempDir('tracker-backup-');

  beforeAll(async () => {
    // Data in every kind of table: the seed, accounts and sessions, history, a call with a follow-up, security events.
    const server = await startTestServer(source.url);
    const secretariat = await signedIn(server.url, 'secretariat@example.org');
    const milestone = (await secretariat.get<Milestone[]>('/api/milestones')).body[0];
    expect(
      (await secretariat.patch(`/api/milestones/${milestone.id}`, { version: milestone.version, progress: 35, note: 'a line\nwith "quotes" and ü' })).status,
    ).toBe(200);
    const call = await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: '2026-11-20', actionNumbers: [1, 2], attendees: ['Ana', 'Bo'] });
    expect(call.status).toBe(201);
    expect((await secretariat.post(`/api/monitoring-calls/${call.body.id}/follow-ups`, { what: 'Send the minutes', dueDate: '2026-12-01' })).status).toBe(201);
    await signedIn(server.url, 'member@example.org').catch(() => undefined);
    await server.close();
  });

  it('round-trips every row of every table into an empty database', async () => {
    const file = join(files.path, 'one.json.gz');
    const backup = await run('db-backup.js', [file], { DATABASE_URL: source.url });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up \d+ rows of \d+ tables \(at migration \w+\) to /);

    const restore = await run('db-restore.js', [file], { DATABASE_URL: target.url });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);

    const before = await snapshot(source.url);
    const after = await snapshot(target.url);
    const nonEmpty = Object.entries(before)
      .filter(([name, rows]) => name !== 'migrations' && rows.length > 0)
      .map(([name]) => name);
    expect(nonEmpty).toEqual(expect.arrayContaining(['milestone', 'audit_entry', 'monitoring_call', 'follow_up', 'user_account', 'session', 'auth_event']));
    expect(after).toEqual(before);
  });

  it('restores over a database with other data, and the tracker starts on it', async () => {
    const file = join(files.path, 'one.json.gz');
    await withClient(target.url, (c) => c.query(`UPDATE milestone SET progress = 99`));
    const revisions = () =>
      withClient(target.url, async (c) => (await c.query<{ partnership_id: string; revision: string }>(`SELECT * FROM plan_revision`)).rows);
    const before = await revisions();
    expect(before.length).toBeGreaterThan(0);
    expect((await run('db-restore.js', [file], { DATABASE_URL: target.url })).code).toBe(0);
    expect(await snapshot(target.url)).toEqual(await snapshot(source.url));
    // Every plan's revision moved on: no cache serves the plan as it was before the restore.
    const after = await revisions();
    for (const { partnership_id, revision } of before) {
      const now = after.find((r) => r.partnership_id === partnership_id);
      expect(BigInt(now?.revision ?? '0')).toBeGreaterThan(BigInt(revision));
    }
    const restarted = await startTestServer(target.url);
    try {
      const client = await signedIn(restarted.url, 'secretariat@example.org');
      expect((await client.get('/api/milestones')).status).toBe(200);
    } finally {
      await restarted.close();
    }
  });

  it('refuses a file that is not a backup, changing nothing, in one line', async () => {
    const file = join(files.path, 'not-a-backup.json');
    await writeFile(file, JSON.stringify({ hello: 'world' }));
    const before = await snapshot(target.url);
    const restore = await run('db-restore.js', [file], { DATABASE_URL: target.url });
    expect(restore.code).toBe(1);
    expect(restore.stderr.trim()).toBe('Restore failed: this file is not a tracker backup (format tracker-backup, version 1)');
    expect(await snapshot(target.url)).toEqual(before);
  });

  it('refuses a backup that lacks a table or a column of its schema, or has one more, naming it and changing nothing', async () => {
    const backup = JSON.parse(gunzipSync(await readFile(join(files.path, 'one.json.gz'))).toString('utf8')) as {
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(backup.tables['audit_entry'].length).toBeGreaterThan(0);
    const damaged = async (name: string, damage: (tables: Record<string, Record<string, unknown>[]>) => void) => {
      const copy = structuredClone(backup);
      damage(copy.tables);
      const file = join(files.path, `${name}.json`);
      await writeFile(file, JSON.stringify(copy));
      return file;
    };
    const cases: [string, (tables: Record<string, Record<string, unknown>[]>) => void, string][] = [
      ['no-audit', (tables) => delete tables['audit_entry'], 'it lacks the table audit_entry'],
      ['no-progress', (tables) => tables['milestone'].forEach((row) => delete row['progress']), 'table milestone lacks the column progress'],
      ['extra-column', (tables) => tables['milestone'].forEach((row) => (row['colour'] = 'red')), 'table milestone has the unknown column colour'],
    ];
    const before = await snapshot(target.url);
    expect(before['audit_entry'].length).toBeGreaterThan(0);
    for (const [name, damage, says] of cases) {
      const restore = await run('db-restore.js', [await damaged(name, damage)], { DATABASE_URL: target.url });
      expect([name, restore.code]).toEqual([name, 1]);
      expect(restore.stderr.trim()).toMatch(/^Restore failed: the backup does not hold the schema of migration \w+ it claims, so nothing was restored: /);
      expect(restore.stderr).toContain(says);
      expect(await snapshot(target.url)).toEqual(before);
    }
  });
});
