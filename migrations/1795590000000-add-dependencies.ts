import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How a changed link finds its partnership, for the plan's revision (see *-plan-revision.ts). */
const PARTNERSHIPS = (rows: string) => `SELECT r.partnership_id FROM ${rows} r`;

/**
 * Finish-to-start links between milestones and outputs. A change to them moves the plan's revision
 * (the chart and the milestones list carry each item's predecessors), and deleting an item deletes
 * its links. A link's history is kept on its successor, as a change of its "predecessors".
 */
export class AddDependencies1795590000000 implements MigrationInterface {
  name = 'AddDependencies1795590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "dependency" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partnership_id" uuid NOT NULL, "predecessor_id" uuid NOT NULL, "predecessor_type" character varying(10) NOT NULL, "successor_id" uuid NOT NULL, "successor_type" character varying(10) NOT NULL, "lag_months" integer NOT NULL DEFAULT '0', "source" character varying(100), "notes" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_dependency_not_itself" CHECK ("predecessor_id" <> "successor_id"), CONSTRAINT "CHK_dependency_types" CHECK ("predecessor_type" IN ('milestone', 'output') AND "successor_type" IN ('milestone', 'output')), CONSTRAINT "CHK_dependency_lag" CHECK ("lag_months" >= 0), CONSTRAINT "PK_dependency" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dependency_partnership" ON "dependency" ("partnership_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_dependency_successor" ON "dependency" ("successor_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_dependency_link" ON "dependency" ("predecessor_id", "successor_id") `);
    await queryRunner.query(
      `ALTER TABLE "dependency" ADD CONSTRAINT "FK_dependency_partnership" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_field_name"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_field_name" CHECK ("field" IS NULL OR "field" IN ('status', 'progress', 'actualStart', 'actualEnd', 'forecastEnd', 'title', 'description', 'likelihood', 'impact', 'ownerOrganisationId', 'mitigation', 'nextReview', 'heldOn', 'actionNumbers', 'attendees', 'notes', 'decisions', 'what', 'ownerText', 'dueDate', 'done', 'windowText', 'start', 'end', 'precision', 'tentative', 'parentId', 'dueText', 'position', 'predecessors'))`);

    // A deleted milestone or output takes its links with it.
    await queryRunner.query(`CREATE FUNCTION "dependency_item_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM dependency WHERE predecessor_id IN (SELECT id FROM old_rows) OR successor_id IN (SELECT id FROM old_rows);
        RETURN NULL;
      END
    $$`);
    for (const table of ['milestone', 'output']) {
      await queryRunner.query(
        `CREATE TRIGGER "dependency_${table}_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "dependency_item_deleted"()`,
      );
    }

    // The plan's revision moves with every change of a link, in the writing transaction.
    await queryRunner.query(`CREATE FUNCTION "plan_revision_dependency"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM bump_plan_revision(ARRAY(${PARTNERSHIPS('new_rows')}));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM bump_plan_revision(ARRAY(${PARTNERSHIPS('old_rows')}));
        ELSIF TG_OP = 'UPDATE' THEN
          PERFORM bump_plan_revision(ARRAY(${PARTNERSHIPS('new_rows')} UNION ${PARTNERSHIPS('old_rows')}));
        ELSE
          PERFORM bump_plan_revision(ARRAY(SELECT id FROM partnership));
        END IF;
        RETURN NULL;
      END
    $$`);
    await queryRunner.query(
      `CREATE TRIGGER "plan_revision_dependency_insert" AFTER INSERT ON "dependency" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_dependency"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "plan_revision_dependency_update" AFTER UPDATE ON "dependency" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_dependency"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "plan_revision_dependency_delete" AFTER DELETE ON "dependency" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_dependency"()`,
    );
    await queryRunner.query(`CREATE TRIGGER "plan_revision_dependency_truncate" AFTER TRUNCATE ON "dependency" FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_dependency"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['truncate', 'delete', 'update', 'insert']) {
      await queryRunner.query(`DROP TRIGGER "plan_revision_dependency_${event}" ON "dependency"`);
    }
    await queryRunner.query(`DROP FUNCTION "plan_revision_dependency"()`);
    for (const table of ['output', 'milestone']) {
      await queryRunner.query(`DROP TRIGGER "dependency_${table}_delete" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "dependency_item_deleted"()`);
    await queryRunner.query(`DELETE FROM "audit_entry" WHERE "field" = 'predecessors'`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_field_name"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_field_name" CHECK ("field" IS NULL OR "field" IN ('status', 'progress', 'actualStart', 'actualEnd', 'forecastEnd', 'title', 'description', 'likelihood', 'impact', 'ownerOrganisationId', 'mitigation', 'nextReview', 'heldOn', 'actionNumbers', 'attendees', 'notes', 'decisions', 'what', 'ownerText', 'dueDate', 'done', 'windowText', 'start', 'end', 'precision', 'tentative', 'parentId', 'dueText', 'position'))`);
    await queryRunner.query(`ALTER TABLE "dependency" DROP CONSTRAINT "FK_dependency_partnership"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_dependency_link"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dependency_successor"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dependency_partnership"`);
    await queryRunner.query(`DROP TABLE "dependency"`);
  }
}
