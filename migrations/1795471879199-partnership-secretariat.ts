import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PartnershipSecretariat1795471879199 implements MigrationInterface {
  name = 'PartnershipSecretariat1795471879199';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partnership" ADD "secretariat_organisation_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_partnership_secretariat" ON "partnership" ("secretariat_organisation_id") `);
    await queryRunner.query(`ALTER TABLE "partnership" ADD CONSTRAINT "FK_partnership_secretariat" FOREIGN KEY ("secretariat_organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "partnership" DROP CONSTRAINT "FK_partnership_secretariat"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_partnership_secretariat"`);
    await queryRunner.query(`ALTER TABLE "partnership" DROP COLUMN "secretariat_organisation_id"`);
  }
}
