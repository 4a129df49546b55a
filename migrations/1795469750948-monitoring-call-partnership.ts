import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MonitoringCallPartnership1795469750948 implements MigrationInterface {
  name = 'MonitoringCallPartnership1795469750948';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Calls recorded before partnerships were told apart were all calls of the first partnership, the seeded Work Plan.
    await queryRunner.query(`ALTER TABLE "monitoring_call" ADD "partnership_id" uuid`);
    await queryRunner.query(`UPDATE "monitoring_call" SET "partnership_id" = (SELECT "id" FROM "partnership" ORDER BY "created_at", "id" LIMIT 1)`);
    await queryRunner.query(`ALTER TABLE "monitoring_call" ALTER COLUMN "partnership_id" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "IDX_monitoring_call_partnership" ON "monitoring_call" ("partnership_id") `);
    await queryRunner.query(`ALTER TABLE "monitoring_call" ADD CONSTRAINT "FK_monitoring_call_partnership" FOREIGN KEY ("partnership_id") REFERENCES "partnership"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "monitoring_call" DROP CONSTRAINT "FK_monitoring_call_partnership"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_monitoring_call_partnership"`);
    await queryRunner.query(`ALTER TABLE "monitoring_call" DROP COLUMN "partnership_id"`);
  }
}
