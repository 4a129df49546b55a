import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@tracker/migrations';
import { ENTITIES } from './entities';
import { keepCalendarDatesAsText } from './pg-types';

keepCalendarDatesAsText();

/**
 * The one description of the database, used by the Nest app, the migration commands and the tests.
 * The schema comes from the migrations only: `synchronize` stays off.
 */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into Postgres 13+: no extension to install, no superuser needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    extra: { max: 10, connectionTimeoutMillis: 10_000 },
  };
}

export function createDataSource(url: string): DataSource {
  return new DataSource(dataSourceOptions(url));
}
