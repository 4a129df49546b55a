import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Secretariat's overrides of an Action's stage of implementation (the Monitoring Table of
 * Actions), kept as an append-only history: the latest row of an Action is in force.
 */
export class ActionStageOverrides1795605000000 implements MigrationInterface {
  name = 'ActionStageOverrides1795605000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "action_stage_override" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "action_id" uuid NOT NULL, "stage" character varying(20), "note" text NOT NULL, "set_by" uuid NOT NULL, "set_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_action_stage_override_stage" CHECK ("stage" IS NULL OR "stage" IN ('not_started', 'initial', 'mid_level', 'advanced', 'completed')), CONSTRAINT "PK_action_stage_override" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_action_stage_override_user" ON "action_stage_override" ("set_by") `);
    await queryRunner.query(`CREATE INDEX "IDX_action_stage_override_action" ON "action_stage_override" ("action_id", "set_at") `);
    await queryRunner.query(
      `ALTER TABLE "action_stage_override" ADD CONSTRAINT "FK_action_stage_override_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "action_stage_override" ADD CONSTRAINT "FK_action_stage_override_user" FOREIGN KEY ("set_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "action_stage_override" DROP CONSTRAINT "FK_action_stage_override_user"`);
    await queryRunner.query(`ALTER TABLE "action_stage_override" DROP CONSTRAINT "FK_action_stage_override_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_action_stage_override_action"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_action_stage_override_user"`);
    await queryRunner.query(`DROP TABLE "action_stage_override"`);
  }
}
