import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDataSource } from '../app/database/data-source';
import { startEmbeddedPostgres } from '../app/database/embedded-postgres';
import { seedScalePlans } from '../app/seed/scale-plan';
import { ensureDemoAccounts } from '../app/accounts/account-setup';
import { seedWorkPlan } from '../app/seed/seed-work-plan';
import { WORK_PLAN } from '../app/seed/work-plan.data';

/**
 * `npm run seed:scale -- --partnerships 50 --items 100`: fills the database (DATABASE_URL, or the
 * embedded Postgres in DATA_DIR as `npm start` uses it) with many partnerships of generated plans.
 */
const logger = new Logger('seed:scale');

const USAGE = `Usage: npm run seed:scale -- [--partnerships N] [--items N] [--prefix name]

Adds generated partnerships to the database (DATABASE_URL, or the embedded one in DATA_DIR).

  --partnerships N  how many partnerships (1 to 100000; default 10)
  --items N         milestones per partnership (1 to 100000; default 100)
  --prefix name     their keys' prefix, lower-case letters and digits (default scale: scale-0001, ...)
  --help            this text`;

/** The command's options, strictly: an unknown flag or a stray argument is refused, not ignored. */
function parseSeedScaleArgs(args: string[]): { help: true } | { help: false; partnerships: number; items: number; prefix: string } {
  let values: { partnerships?: string; items?: string; prefix?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        partnerships: { type: 'string' },
        items: { type: 'string' },
        prefix: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    return { help: true };
  }
  const count = (name: 'partnerships' | 'items', fallback: number): number => {
    const raw = values[name];
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isInteger(value) || value < 1 || value > 100_000) {
      throw new Error(`--${name} must be a whole number from 1 to 100000, got "${raw}"`);
    }
    return value;
  };
  const prefix = values.prefix ?? 'scale';
  if (!/^[a-z][a-z0-9]{0,30}$/.test(prefix)) {
    throw new Error(`--prefix must be lower-case letters and digits, got "${prefix}"`);
  }
  return { help: false, partnerships: count('partnerships', 10), items: count('items', 100), prefix };
}

async function main(): Promise<void> {
  const options = parseSeedScaleArgs(process.argv.slice(2));
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const { partnerships, items, prefix } = options;
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
