import type { MigrationInterface, QueryRunner } from 'typeorm';

const PRECISION_CHECKS: [table: string, constraint: string][] = [
  ['milestone', 'CHK_milestone_precision'],
  ['milestone_alternative', 'CHK_milestone_alternative_precision'],
  ['output', 'CHK_output_precision'],
];

export class OngoingWorkAndPotentialStakeholders1795580000000 implements MigrationInterface {
  name = 'OngoingWorkAndPotentialStakeholders1795580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Work that runs throughout the phase (communication) is ongoing to the deadline, not undated.
    for (const [table, constraint] of PRECISION_CHECKS) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" CHECK ("precision" IN ('day', 'month', 'year', 'unknown', 'ongoing'))`);
    }
    // Stakeholders the plan names only as potential partners for cooperation (2.x.8).
    await queryRunner.query(`ALTER TABLE "action_participant" DROP CONSTRAINT "CHK_action_participant_role"`);
    await queryRunner.query(
      `ALTER TABLE "action_participant" ADD CONSTRAINT "CHK_action_participant_role" CHECK ("role" IN ('co_leader', 'member', 'external_stakeholder', 'potential_stakeholder'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "action_participant" SET "role" = 'external_stakeholder' WHERE "role" = 'potential_stakeholder'
      AND NOT EXISTS (SELECT 1 FROM "action_participant" p WHERE p."action_id" = "action_participant"."action_id" AND p."organisation_id" = "action_participant"."organisation_id" AND p."role" = 'external_stakeholder')`);
    await queryRunner.query(`DELETE FROM "action_participant" WHERE "role" = 'potential_stakeholder'`);
    await queryRunner.query(`ALTER TABLE "action_participant" DROP CONSTRAINT "CHK_action_participant_role"`);
    await queryRunner.query(`ALTER TABLE "action_participant" ADD CONSTRAINT "CHK_action_participant_role" CHECK ("role" IN ('co_leader', 'member', 'external_stakeholder'))`);
    // An ongoing window becomes the span it covers, to the month.
    for (const [table, constraint] of PRECISION_CHECKS) {
      await queryRunner.query(`UPDATE "${table}" SET "precision" = 'month' WHERE "precision" = 'ongoing'`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${constraint}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${constraint}" CHECK ("precision" IN ('day', 'month', 'year', 'unknown'))`);
    }
  }
}
