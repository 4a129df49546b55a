import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables the chart's JSON (GET /api/gantt) reads, and how a changed row finds its partnership. */
const PLAN_TABLES: { table: string; partnerships: (rows: string) => string }[] = [
  { table: 'action', partnerships: (rows) => `SELECT r.partnership_id FROM ${rows} r` },
  { table: 'milestone', partnerships: (rows) => `SELECT a.partnership_id FROM ${rows} r JOIN action a ON a.id = r.action_id` },
  {
    table: 'milestone_alternative',
    partnerships: (rows) => `SELECT a.partnership_id FROM ${rows} r JOIN milestone m ON m.id = r.milestone_id JOIN action a ON a.id = m.action_id`,
  },
];

/**
 * A revision per partnership, taken from one sequence and moved by triggers, in the writing
 * transaction, whenever a row the chart's JSON reads changes: the API keeps the built JSON by
 * (partnership, revision) and asks Postgres only for the revision on each request. Values never
 * repeat in a database, so a revision names one state of the plan; a rolled-back write leaves the
 * revision as it was. Derived state: backups leave the table out, and a restore moves every
 * revision on.
 */
export class PlanRevision1795560000000 implements MigrationInterface {
  name = 'PlanRevision1795560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "plan_revision_seq"`);
    await queryRunner.query(
      `CREATE TABLE "plan_revision" ("partnership_id" uuid NOT NULL, "revision" bigint NOT NULL, CONSTRAINT "PK_plan_revision" PRIMARY KEY ("partnership_id"), CONSTRAINT "FK_plan_revision_partnership" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE CASCADE ON UPDATE NO ACTION)`,
    );
    await queryRunner.query(`INSERT INTO "plan_revision" ("partnership_id", "revision") SELECT "id", nextval('plan_revision_seq') FROM "partnership" ORDER BY "id"`);
    await queryRunner.query(`CREATE FUNCTION "bump_plan_revision"(partnership_ids uuid[]) RETURNS void LANGUAGE sql AS $$
      INSERT INTO plan_revision (partnership_id, revision)
      SELECT id, nextval('plan_revision_seq') FROM (SELECT DISTINCT unnest(partnership_ids) AS id) ids WHERE id IS NOT NULL ORDER BY id
      ON CONFLICT (partnership_id) DO UPDATE SET revision = EXCLUDED.revision
    $$`);
    for (const { table, partnerships } of PLAN_TABLES) {
      // Statement-level, with the changed rows as transition tables: one bump per statement, however many rows.
      await queryRunner.query(`CREATE FUNCTION "plan_revision_${table}"() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP = 'INSERT' THEN
            PERFORM bump_plan_revision(ARRAY(${partnerships('new_rows')}));
          ELSIF TG_OP = 'DELETE' THEN
            PERFORM bump_plan_revision(ARRAY(${partnerships('old_rows')}));
          ELSIF TG_OP = 'UPDATE' THEN
            PERFORM bump_plan_revision(ARRAY(
              ${partnerships('(SELECT n.* FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n IS DISTINCT FROM o)')}
              UNION
              ${partnerships('(SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE n IS DISTINCT FROM o)')}));
          ELSE
            PERFORM bump_plan_revision(ARRAY(SELECT id FROM partnership));
          END IF;
          RETURN NULL;
        END
      $$`);
      await queryRunner.query(
        `CREATE TRIGGER "plan_revision_${table}_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_${table}"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "plan_revision_${table}_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_${table}"()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "plan_revision_${table}_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_${table}"()`,
      );
      await queryRunner.query(`CREATE TRIGGER "plan_revision_${table}_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_${table}"()`);
    }
    // The partnership's own fields the chart shows.
    await queryRunner.query(`CREATE FUNCTION "plan_revision_partnership"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM bump_plan_revision(ARRAY[NEW.id]);
        RETURN NULL;
      END
    $$`);
    await queryRunner.query(`CREATE TRIGGER "plan_revision_partnership_insert" AFTER INSERT ON "partnership" FOR EACH ROW EXECUTE FUNCTION "plan_revision_partnership"()`);
    await queryRunner.query(
      `CREATE TRIGGER "plan_revision_partnership_update" AFTER UPDATE ON "partnership" FOR EACH ROW WHEN (OLD.seed_key IS DISTINCT FROM NEW.seed_key OR OLD.name IS DISTINCT FROM NEW.name OR OLD.deadline IS DISTINCT FROM NEW.deadline) EXECUTE FUNCTION "plan_revision_partnership"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "plan_revision_partnership_update" ON "partnership"`);
    await queryRunner.query(`DROP TRIGGER "plan_revision_partnership_insert" ON "partnership"`);
    await queryRunner.query(`DROP FUNCTION "plan_revision_partnership"()`);
    for (const { table } of [...PLAN_TABLES].reverse()) {
      for (const event of ['truncate', 'delete', 'update', 'insert']) {
        await queryRunner.query(`DROP TRIGGER "plan_revision_${table}_${event}" ON "${table}"`);
      }
      await queryRunner.query(`DROP FUNCTION "plan_revision_${table}"()`);
    }
    await queryRunner.query(`DROP FUNCTION "bump_plan_revision"(uuid[])`);
    await queryRunner.query(`DROP TABLE "plan_revision"`);
    await queryRunner.query(`DROP SEQUENCE "plan_revision_seq"`);
  }
}
