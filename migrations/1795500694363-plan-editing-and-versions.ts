import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PlanEditingAndVersions1795500694363 implements MigrationInterface {
  name = 'PlanEditingAndVersions1795500694363';

  async up(queryRunner: QueryRunner): Promise<void> {
    // History of plan editing: the planned window, its words and precision, tentative, the activity of a step, its place.
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_field_name"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_field_name" CHECK ("field" IS NULL OR "field" IN ('status', 'progress', 'actualStart', 'actualEnd', 'forecastEnd', 'title', 'description', 'likelihood', 'impact', 'ownerOrganisationId', 'mitigation', 'nextReview', 'heldOn', 'actionNumbers', 'attendees', 'notes', 'decisions', 'what', 'ownerText', 'dueDate', 'done', 'windowText', 'start', 'end', 'precision', 'tentative', 'parentId', 'dueText', 'position'))`);
    await queryRunner.query(`CREATE TABLE "plan_version" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partnership_id" uuid NOT NULL, "number" integer NOT NULL, "name" character varying(200) NOT NULL, "approved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "approved_by" uuid, "items" jsonb NOT NULL, CONSTRAINT "PK_plan_version" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_plan_version_number" ON "plan_version" ("partnership_id", "number") `);
    await queryRunner.query(`ALTER TABLE "monitoring_call" ADD "compared_version_id" uuid`);
    await queryRunner.query(`ALTER TABLE "plan_version" ADD CONSTRAINT "FK_plan_version_partnership" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "plan_version" ADD CONSTRAINT "FK_plan_version_approved_by" FOREIGN KEY ("approved_by") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "monitoring_call" ADD CONSTRAINT "FK_monitoring_call_compared_version" FOREIGN KEY ("compared_version_id") REFERENCES "plan_version"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "audit_entry" WHERE "field" IN ('windowText', 'start', 'end', 'precision', 'tentative', 'parentId', 'dueText', 'position')`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_field_name"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_field_name" CHECK ("field" IS NULL OR "field" IN ('status', 'progress', 'actualStart', 'actualEnd', 'forecastEnd', 'title', 'description', 'likelihood', 'impact', 'ownerOrganisationId', 'mitigation', 'nextReview', 'heldOn', 'actionNumbers', 'attendees', 'notes', 'decisions', 'what', 'ownerText', 'dueDate', 'done'))`);
    await queryRunner.query(`ALTER TABLE "monitoring_call" DROP CONSTRAINT "FK_monitoring_call_compared_version"`);
    await queryRunner.query(`ALTER TABLE "plan_version" DROP CONSTRAINT "FK_plan_version_approved_by"`);
    await queryRunner.query(`ALTER TABLE "plan_version" DROP CONSTRAINT "FK_plan_version_partnership"`);
    await queryRunner.query(`ALTER TABLE "monitoring_call" DROP COLUMN "compared_version_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_plan_version_number"`);
    await queryRunner.query(`DROP TABLE "plan_version"`);
  }
}
