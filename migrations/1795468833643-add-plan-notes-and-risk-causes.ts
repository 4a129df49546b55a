import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPlanNotesAndRiskCauses1795468833643 implements MigrationInterface {
  name = 'AddPlanNotesAndRiskCauses1795468833643';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "notes" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "partnership" ADD "notes" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "milestone" ADD "notes" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "output" ADD "notes" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`ALTER TABLE "risk" ADD "causes" text array NOT NULL DEFAULT '{}'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "risk" DROP COLUMN "causes"`);
    await queryRunner.query(`ALTER TABLE "output" DROP COLUMN "notes"`);
    await queryRunner.query(`ALTER TABLE "milestone" DROP COLUMN "notes"`);
    await queryRunner.query(`ALTER TABLE "partnership" DROP COLUMN "notes"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "notes"`);
  }
}
