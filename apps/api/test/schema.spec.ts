import { MIGRATIONS } from '@tracker/migrations';
import { useDatabase } from './harness';

describe('migrations', () => {
  const db = useDatabase();

  it('build exactly the schema the entities describe, and undo cleanly', async () => {
    await db.withDataSource(async (dataSource) => {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((M) => new M().name ?? M.name));

      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);

      for (let i = 0; i < MIGRATIONS.length; i++) {
        await dataSource.undoLastMigration({ transaction: 'each' });
      }
      const tables: { table_name: string }[] = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
      );
      expect(tables).toEqual([]);
    });
  });
});
