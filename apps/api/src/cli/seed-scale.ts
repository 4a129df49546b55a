import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { createDataSource } from '../app/database/data-source';
import { startEmbeddedPostgres } from '../app/database/embedded-postgres';
import { seedScalePlans } from '../app/seed/scale-plan';
import { ensureDemoAccounts } from '../app/users/accounts';
import { seedWorkPlan } from '../app/seed/seed-work-plan';
import { WORK_PLAN } from '../app/seed/work-plan.data';

/**
 * `npm run seed:scale -- --partnerships 50 --items 100`: fills the database (DATABASE_URL, or the
 * embedded Postgres in DATA_DIR as `npm start` uses it) with many partnerships of generated plans.
 */
const logger = new Logger('seed:scale');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: number): number => {
    const index = args.indexOf(`--${name}`);
    if (index === -1) return fallback;
    const value = Number(args[index + 1]);
    if (!Number.isInteger(value) || value < 1 || value > 100_000) {
      throw new Error(`--${name} must be a whole number from 1 to 100000, got "${args[index + 1]}"`);
    }
    return value;
  };
  const partnerships = option('partnerships', 10);
  const prefixIndex = args.indexOf('--prefix');
  const prefix = prefixIndex === -1 ? 'scale' : String(args[prefixIndex + 1]);
  if (!/^[a-z][a-z0-9]{0,30}$/.test(prefix)) {
    throw new Error(`--prefix must be lower-case letters and digits, got "${prefix}"`);
  }
  const items = option('items', 100);
  const embedded = process.env['DATABASE_URL'] ? null : await startEmbeddedPostgres(resolve(process.env['DATA_DIR'] || '.data'));
  const dataSource = createDataSource(process.env['DATABASE_URL'] ?? embedded!.url);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const started = Date.now();
    const report = await dataSource.transaction(async (manager) => {
      await seedWorkPlan(manager, WORK_PLAN);
      if (process.env['NODE_ENV'] !== 'production') {
        await ensureDemoAccounts(manager); // the generated history is written in the Secretariat's name
      }
      return seedScalePlans(manager, { partnerships, items, prefix });
    });
    logger.log(
      `Added ${report.partnerships} partnerships (${report.skipped} already there), ${report.actions} Actions, ${report.milestones} milestones and ${report.history} history entries in ${Date.now() - started} ms`,
    );
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
