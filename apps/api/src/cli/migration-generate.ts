import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDataSource } from '../app/database/data-source';
import { startEmbeddedPostgres } from '../app/database/embedded-postgres';

/**
 * `npm run migration:generate -- <kebab-name>`: compares the entities with the schema the existing
 * migrations build (on a throwaway embedded Postgres, or DATABASE_URL) and writes the difference as
 * migrations/<timestamp>-<kebab-name>.ts, added to migrations/index.ts.
 */
const logger = new Logger('migration:generate');

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
    throw new Error('give the migration a kebab-case name, e.g. npm run migration:generate -- add-risk-register');
  }
  const root = resolve(__dirname, '../..');
  const scratch = await mkdtemp(join(tmpdir(), 'tracker-migration-'));
  await chmod(scratch, 0o755); // the embedded server may run as its own system user
  const embedded = process.env['DATABASE_URL'] ? null : await startEmbeddedPostgres(scratch);
  const dataSource = createDataSource(process.env['DATABASE_URL'] ?? embedded!.url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      logger.log('The entities match the migrations: nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase())}${timestamp}`;
    const q = (s: string) => '`' + s.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const up = sql.upQueries.map((query) => `    await queryRunner.query(${q(query.query)});`).join('\n');
    const down = [...sql.downQueries]
      .reverse()
      .map((query) => `    await queryRunner.query(${q(query.query)});`)
      .join('\n');
    const file = `${timestamp}-${name}`;
    await writeFile(
      join(root, 'migrations', `${file}.ts`),
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    const indexFile = join(root, 'migrations', 'index.ts');
    let index = await readFile(indexFile, 'utf8');
    index = index.replace(/(\ntype MigrationClass)/, `import { ${className} } from './${file}';\n$1`);
    index = index.replace(/(MIGRATIONS: MigrationClass\[\] = \[)([^\]]*)\]/, (_, head: string, list: string) => {
      const items = list
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      return `${head}${[...items, className].join(', ')}]`;
    });
    await writeFile(indexFile, index);
    logger.log(`Wrote migrations/${file}.ts (${sql.upQueries.length} statements) and added it to migrations/index.ts`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
