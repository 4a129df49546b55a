import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEveryVersionedRecord1795469370823 implements MigrationInterface {
  name = 'AuditEveryVersionedRecord1795469370823';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_field"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_item_type"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_field_name" CHECK ("field" IS NULL OR "field" IN ('status', 'progress', 'actualStart', 'actualEnd', 'forecastEnd', 'title', 'description', 'likelihood', 'impact', 'ownerOrganisationId', 'mitigation', 'nextReview', 'heldOn', 'actionNumbers', 'attendees', 'notes', 'decisions', 'what', 'ownerText', 'dueDate', 'done'))`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_item_kind" CHECK ("item_type" IN ('milestone', 'output', 'risk', 'monitoring_call', 'follow_up'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_item_kind"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_field_name"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_item_type" CHECK (((item_type)::text = ANY ((ARRAY['milestone'::character varying, 'output'::character varying])::text[])))`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_field" CHECK (((field IS NULL) OR ((field)::text = ANY ((ARRAY['status'::character varying, 'progress'::character varying, 'actualStart'::character varying, 'actualEnd'::character varying, 'forecastEnd'::character varying])::text[]))))`);
  }
}
