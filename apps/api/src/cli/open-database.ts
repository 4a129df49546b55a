import type { DataSource } from 'typeorm';
import { loadConfig } from '../app/config/config';
import { createDataSource } from '../app/database/data-source';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../app/database/embedded-postgres';

/** The database of the commands: DATABASE_URL, else the embedded one in DATA_DIR (started for the command). */
export async function openDatabase(options: { migrate?: boolean } = {}): Promise<{ dataSource: DataSource; close(): Promise<void> }> {
  const config = loadConfig(process.env, { webDist: null });
  let embedded: EmbeddedDatabase | null = null;
  if (config.databaseUrl === null) {
    embedded = await startEmbeddedPostgres(config.dataDir);
  }
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url);
  try {
    await dataSource.initialize();
    if (options.migrate) {
      await dataSource.runMigrations({ transaction: 'each' });
    }
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
    throw error;
  }
  return {
    dataSource,
    close: async () => {
      await dataSource.destroy().catch(() => undefined);
      await embedded?.stop();
    },
  };
}
