import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AmendableTargets1795570000000 implements MigrationInterface {
  name = 'AmendableTargets1795570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Targets change with a history like every versioned record.
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_item_kind"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_item_kind" CHECK ("item_type" IN ('milestone', 'output', 'risk', 'monitoring_call', 'follow_up', 'target'))`);
    await queryRunner.query(`ALTER TABLE "target" ADD "status" character varying(20) NOT NULL DEFAULT 'active'`);
    await queryRunner.query(`ALTER TABLE "target" ADD "version" integer NOT NULL DEFAULT '1'`);
    await queryRunner.query(`ALTER TABLE "target" ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "target" ADD CONSTRAINT "CHK_target_status" CHECK ("status" IN ('active', 'cancelled'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "audit_entry" WHERE "item_type" = 'target'`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "CHK_audit_entry_item_kind"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "CHK_audit_entry_item_kind" CHECK ("item_type" IN ('milestone', 'output', 'risk', 'monitoring_call', 'follow_up'))`);
    await queryRunner.query(`ALTER TABLE "target" DROP CONSTRAINT "CHK_target_status"`);
    await queryRunner.query(`ALTER TABLE "target" DROP COLUMN "updated_at"`);
    await queryRunner.query(`ALTER TABLE "target" DROP COLUMN "version"`);
    await queryRunner.query(`ALTER TABLE "target" DROP COLUMN "status"`);
  }
}
