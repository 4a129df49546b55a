import type { DataSource, EntityManager } from 'typeorm';

/**
 * A logical backup of the tracker's database: every row of every table of the schema (the
 * migrations' own bookkeeping and the plan revisions aside), read in one REPEATABLE READ snapshot, with the list of
 * migrations it was taken at. Restoring needs a database at the same migrations (an empty one
 * gets them first) and replaces all of its rows in one transaction.
 */
export interface Backup {
  format: 'tracker-backup';
  formatVersion: 1;
  takenAt: string;
  migrations: string[];
  tables: Record<string, unknown[]>;
}

export class BackupError extends Error {
  override name = 'BackupError';
}

/** The table TypeORM keeps its list of applied migrations in. */
const MIGRATIONS_TABLE = 'migrations';
/**
 * Revisions of each partnership's plan: derived state, moved by triggers. Not backed up; a restore
 * writes the plan anew, which moves every revision on, so no cache keeps the plan from before.
 */
const DERIVED_TABLES = ['plan_revision'];

export async function takeBackup(dataSource: DataSource): Promise<Backup> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const manager = runner.manager;
    const tables: Record<string, unknown[]> = {};
    for (const table of await tableNames(manager)) {
      const [row] = (await manager.query(`SELECT coalesce(json_agg(t), '[]'::json) AS rows FROM ${ident(table)} t`)) as { rows: unknown[] }[];
      tables[table] = row.rows;
    }
    const migrations = await appliedMigrations(manager);
    await runner.query('COMMIT');
    return { format: 'tracker-backup', formatVersion: 1, takenAt: new Date().toISOString(), migrations, tables };
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * Tables written page by page, in the order of their key: a file's bytes (evidence_chunk, 256 KiB a
 * row) would otherwise come back from Postgres as one JSON text of every file, in hex.
 */
const PAGED_TABLES: Record<string, { key: string[]; types: string[]; rows: number }> = {
  evidence_chunk: { key: ['evidence_id', 'seq'], types: ['uuid', 'int'], rows: 8 },
};

/** What {@link writeBackup} wrote. */
export interface BackupSummary {
  tables: number;
  rows: number;
  migrations: string[];
}

/**
 * The backup of {@link takeBackup}, the same JSON, handed to `write` piece by piece as it is read
 * (in the same REPEATABLE READ snapshot): a table at a time, and the paged tables a few rows at a
 * time, so the files' bytes are never all in memory. `write` should wait while its stream is full.
 */
export async function writeBackup(dataSource: DataSource, write: (text: string) => Promise<void>): Promise<BackupSummary> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const manager = runner.manager;
    const migrations = await appliedMigrations(manager);
    const tables = await tableNames(manager);
    await write(
      `{"format":"tracker-backup","formatVersion":1,"takenAt":${JSON.stringify(new Date().toISOString())},"migrations":${JSON.stringify(migrations)},"tables":{`,
    );
    let rows = 0;
    for (const [index, table] of tables.entries()) {
      await write(`${index === 0 ? '' : ','}${JSON.stringify(table)}:[`);
      const paged = PAGED_TABLES[table];
      if (paged) {
        const key = paged.key.map(ident).join(', ');
        const after = paged.key.map((_, i) => `$${i + 1}::${paged.types[i]}`).join(', ');
        let last: unknown[] | null = null;
        for (;;) {
          const page = (await manager.query(
            `SELECT row_to_json(t)::text AS row, ${paged.key.map((k, i) => `t.${ident(k)} AS k${i}`).join(', ')} FROM ${ident(table)} t
              WHERE $${paged.key.length + 1}::boolean OR (${key}) > (${after}) ORDER BY ${key} LIMIT ${paged.rows}`,
            [...(last ?? paged.key.map(() => null)), last === null],
          )) as Record<string, unknown>[];
          if (page.length === 0) {
            break;
          }
          await write(`${last === null ? '' : ','}${page.map((r) => String(r['row'])).join(',')}`);
          const end = page[page.length - 1];
          last = paged.key.map((_, i) => end[`k${i}`]);
          rows += page.length;
        }
      } else {
        const [result] = (await manager.query(`SELECT coalesce(json_agg(t), '[]'::json)::text AS rows, count(*)::int AS n FROM ${ident(table)} t`)) as {
          rows: string;
          n: number;
        }[];
        await write(result.rows.trim().slice(1, -1));
        rows += result.n;
      }
      await write(']');
    }
    await write('}}');
    await runner.query('COMMIT');
    return { tables: tables.length, rows, migrations };
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * Replaces every row of the database with the backup's, in one transaction (all or nothing). The
 * database must be at the backup's migrations, and the backup must hold every table and every column
 * of that schema and nothing else: a file that lacks one is refused before anything is written
 * (restoring it would empty that table, or drop that column's values, without a word).
 */
export async function restoreBackup(dataSource: DataSource, backup: unknown): Promise<{ tables: number; rows: number }> {
  const valid = backup as Partial<Backup> | null;
  if (!valid || valid.format !== 'tracker-backup' || valid.formatVersion !== 1 || typeof valid.tables !== 'object' || !Array.isArray(valid.migrations)) {
    throw new BackupError('this file is not a tracker backup (format tracker-backup, version 1)');
  }
  return dataSource.transaction(async (manager) => {
    const present = await appliedMigrations(manager);
    if (present.join('\n') !== valid.migrations!.join('\n')) {
      throw new BackupError(
        `the backup was taken at migration ${valid.migrations!.at(-1) ?? '(none)'}, the database is at ${present.at(-1) ?? '(none)'}: restore with the tracker version that took it, then upgrade`,
      );
    }
    const tables = await tableNames(manager);
    const unknown = Object.keys(valid.tables!).filter((t) => !tables.includes(t));
    if (unknown.length > 0) {
      throw new BackupError(`the backup has tables this database lacks: ${unknown.join(', ')}`);
    }
    const problems = schemaProblems(valid.tables!, tables, await tableColumns(manager));
    if (problems.length > 0) {
      throw new BackupError(
        `the backup does not hold the schema of migration ${present.at(-1) ?? '(none)'} it claims, so nothing was restored: ${problems.join('; ')}`,
      );
    }
    await manager.query(`TRUNCATE ${tables.map(ident).join(', ')} CASCADE`);
    let rows = 0;
    for (const table of await insertionOrder(manager, tables)) {
      const data = valid.tables![table] ?? [];
      if (data.length === 0) {
        continue;
      }
      // Generated columns are computed again, not written.
      const columns = (
        (await manager.query(
          `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
          [table],
        )) as { column_name: string }[]
      )
        .map((c) => ident(c.column_name))
        .join(', ');
      await manager.query(
        `INSERT INTO ${ident(table)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM json_populate_recordset(NULL::${ident(table)}, $1::json)`,
        [JSON.stringify(data)],
      );
      rows += data.length;
    }
    // Sequences (serial and identity columns) continue after the restored rows.
    const sequenced = (await manager.query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES') AND table_name <> $1`,
      [MIGRATIONS_TABLE],
    )) as { table_name: string; column_name: string }[];
    for (const { table_name, column_name } of sequenced) {
      await manager.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${ident(column_name)}) FROM ${ident(table_name)}), 0) + 1, false)`,
        [table_name, column_name],
      );
    }
    return { tables: Object.keys(valid.tables!).length, rows };
  });
}

/** Each table's columns: `all` of them, and those a row must hold (`written`: all but the generated ones). */
async function tableColumns(manager: EntityManager): Promise<Map<string, { all: Set<string>; written: string[] }>> {
  const rows = (await manager.query(
    `SELECT table_name, column_name, is_generated FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  )) as { table_name: string; column_name: string; is_generated: string }[];
  const columns = new Map<string, { all: Set<string>; written: string[] }>();
  for (const row of rows) {
    const table = columns.get(row.table_name) ?? { all: new Set<string>(), written: [] };
    table.all.add(row.column_name);
    if (row.is_generated === 'NEVER') {
      table.written.push(row.column_name);
    }
    columns.set(row.table_name, table);
  }
  return columns;
}

/**
 * What a backup lacks or has beyond the schema, one phrase each: tables it does not hold, rows that
 * are not objects, columns a row lacks, columns no table of the schema has.
 */
function schemaProblems(backup: Record<string, unknown>, tables: string[], columns: Map<string, { all: Set<string>; written: string[] }>): string[] {
  const problems: string[] = [];
  const absent = tables.filter((t) => !Object.prototype.hasOwnProperty.call(backup, t));
  if (absent.length > 0) {
    problems.push(`it lacks the table${absent.length === 1 ? '' : 's'} ${absent.join(', ')}`);
  }
  for (const table of tables.filter((t) => !absent.includes(t))) {
    const rows = backup[table];
    if (!Array.isArray(rows)) {
      problems.push(`table ${table} is not a list of rows`);
      continue;
    }
    const { all, written } = columns.get(table) ?? { all: new Set<string>(), written: [] };
    const missing = new Set<string>();
    const extra = new Set<string>();
    let notObjects = 0;
    for (const row of rows) {
      if (row === null || typeof row !== 'object' || Array.isArray(row)) {
        notObjects += 1;
        continue;
      }
      for (const column of written) {
        if (!Object.prototype.hasOwnProperty.call(row, column)) missing.add(column);
      }
      for (const key of Object.keys(row)) {
        if (!all.has(key)) extra.add(key);
      }
    }
    if (notObjects > 0) {
      problems.push(`table ${table} has ${notObjects} row${notObjects === 1 ? '' : 's'} that ${notObjects === 1 ? 'is' : 'are'} not an object`);
    }
    if (missing.size > 0) {
      problems.push(`table ${table} lacks the column${missing.size === 1 ? '' : 's'} ${[...missing].join(', ')}`);
    }
    if (extra.size > 0) {
      problems.push(`table ${table} has the unknown column${extra.size === 1 ? '' : 's'} ${[...extra].join(', ')}`);
    }
  }
  return problems;
}

async function tableNames(manager: EntityManager): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> $1 AND table_name <> ALL($2::text[]) ORDER BY table_name`,
    [MIGRATIONS_TABLE, DERIVED_TABLES],
  )) as { table_name: string }[];
  return rows.map((r) => r.table_name);
}

async function appliedMigrations(manager: EntityManager): Promise<string[]> {
  const rows = (await manager.query(`SELECT name FROM ${ident(MIGRATIONS_TABLE)} ORDER BY timestamp, id`)) as { name: string }[];
  return rows.map((r) => r.name);
}

/** Tables ordered so that each comes after the tables its foreign keys point to (self-references aside). */
async function insertionOrder(manager: EntityManager, tables: string[]): Promise<string[]> {
  const edges = (await manager.query(
    `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  )) as { child: string; parent: string }[];
  const unquote = (name: string) => name.replace(/^"|"$/g, '');
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) {
    if (unquote(child) !== unquote(parent)) {
      parents.get(unquote(child))?.add(unquote(parent));
    }
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)));
    if (!next) {
      throw new BackupError('the tables refer to each other in a cycle; cannot order the restore');
    }
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
