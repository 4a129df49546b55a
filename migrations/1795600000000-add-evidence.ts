import type { MigrationInterface, QueryRunner } from 'typeorm';

const FIELDS_BEFORE = `'status', 'progress', 'actualStart', 'actualEnd', 'forecastEnd', 'title', 'description', 'likelihood', 'impact', 'ownerOrganisationId', 'mitigation', 'nextReview', 'heldOn', 'actionNumbers', 'attendees', 'notes', 'decisions', 'what', 'ownerText', 'dueDate', 'done', 'windowText', 'start', 'end', 'precision', 'tentative', 'parentId', 'dueText', 'position', 'predecessors'`;

/** How a changed piece of evidence finds its partnership, for the plan's revision (see *-plan-revision.ts). */
const PARTNERSHIPS = (rows: string) => `SELECT r.partnership_id FROM ${rows} r`;

/**
 * Evidence of delivery on outputs and milestones: files, links and notes, with a file's bytes in
 * ordered chunks of at most 1 MiB (plain rows, so the logical backup carries them, and a download
 * streams chunk by chunk). Chunks are stored uncompressed: PDFs, Office files and images are
 * compressed already. A change of evidence moves the plan's revision (the chart shows it), and is
 * audited on its item under the field "evidence".
 */
export class AddEvidence1795600000000 implements MigrationInterface {
  name = 'AddEvidence1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "partnership_id" uuid NOT NULL, "output_id" uuid, "milestone_id" uuid, "kind" character varying(10) NOT NULL, "url" text, "title" text NOT NULL, "file_name" text, "media_type" character varying(255), "size_bytes" bigint, "sha256" character(64), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "removed_at" TIMESTAMP WITH TIME ZONE, "removed_by" uuid, CONSTRAINT "CHK_evidence_removed" CHECK (("removed_at" IS NULL) = ("removed_by" IS NULL)), CONSTRAINT "CHK_evidence_link" CHECK ("kind" <> 'link' OR "url" IS NOT NULL), CONSTRAINT "CHK_evidence_file" CHECK ("kind" <> 'file' OR ("file_name" IS NOT NULL AND "media_type" IS NOT NULL AND "size_bytes" IS NOT NULL AND "sha256" IS NOT NULL)), CONSTRAINT "CHK_evidence_one_item" CHECK (num_nonnulls("output_id", "milestone_id") = 1), CONSTRAINT "CHK_evidence_kind" CHECK ("kind" IN ('file', 'link', 'note')), CONSTRAINT "PK_evidence" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_evidence_partnership" ON "evidence" ("partnership_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_evidence_output" ON "evidence" ("output_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_evidence_milestone" ON "evidence" ("milestone_id") `);
    await queryRunner.query(
      `CREATE TABLE "evidence_chunk" ("evidence_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "CHK_evidence_chunk_seq" CHECK ("seq" >= 0), CONSTRAINT "PK_evidence_chunk" PRIMARY KEY ("evidence_id", "seq"))`,
    );
    await queryRunner.query(`ALTER TABLE "evidence_chunk" ALTER COLUMN "data" SET STORAGE EXTERNAL`);
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_evidence_partnership" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_evidence_output" FOREIGN KEY ("output_id") REFERENCES "output"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_evidence_milestone" FOREIGN KEY ("milestone_id") REFERENCES "milestone"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_evidence_created_by" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_evidence_removed_by" FOREIGN KEY ("removed_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence_chunk" ADD CONSTRAINT "FK_evidence_chunk_evidence" FOREIGN KEY ("evidence_id") REFERENCES "evidence"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_field_name"`);
    await queryRunner.query(
      `ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_field_name" CHECK ("field" IS NULL OR "field" IN (${FIELDS_BEFORE}, 'evidence'))`,
    );

    // The plan's revision moves with every change of evidence, in the writing transaction.
    await queryRunner.query(`CREATE FUNCTION "plan_revision_evidence"() RETURNS trigger LANGUAGE plpgsql AS $$
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
      `CREATE TRIGGER "plan_revision_evidence_insert" AFTER INSERT ON "evidence" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_evidence"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "plan_revision_evidence_update" AFTER UPDATE ON "evidence" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_evidence"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "plan_revision_evidence_delete" AFTER DELETE ON "evidence" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_evidence"()`,
    );
    await queryRunner.query(`CREATE TRIGGER "plan_revision_evidence_truncate" AFTER TRUNCATE ON "evidence" FOR EACH STATEMENT EXECUTE FUNCTION "plan_revision_evidence"()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const event of ['truncate', 'delete', 'update', 'insert']) {
      await queryRunner.query(`DROP TRIGGER "plan_revision_evidence_${event}" ON "evidence"`);
    }
    await queryRunner.query(`DROP FUNCTION "plan_revision_evidence"()`);
    await queryRunner.query(`DELETE FROM "audit_entry" WHERE "field" = 'evidence'`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_field_name"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_field_name" CHECK ("field" IS NULL OR "field" IN (${FIELDS_BEFORE}))`);
    await queryRunner.query(`ALTER TABLE "evidence_chunk" DROP CONSTRAINT "FK_evidence_chunk_evidence"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_evidence_removed_by"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_evidence_created_by"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_evidence_milestone"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_evidence_output"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_evidence_partnership"`);
    await queryRunner.query(`DROP TABLE "evidence_chunk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_evidence_milestone"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_evidence_output"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_evidence_partnership"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
  }
}
