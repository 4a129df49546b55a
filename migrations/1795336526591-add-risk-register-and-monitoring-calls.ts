import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRiskRegisterAndMonitoringCalls1795336526591 implements MigrationInterface {
  name = 'AddRiskRegisterAndMonitoringCalls1795336526591';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "monitoring_call" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "held_on" date NOT NULL, "action_numbers" smallint array NOT NULL DEFAULT '{}', "attendees" text array NOT NULL DEFAULT '{}', "notes" text NOT NULL DEFAULT '', "decisions" text NOT NULL DEFAULT '', "version" integer NOT NULL DEFAULT '1', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_monitoring_call" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_monitoring_call_held_on" ON "monitoring_call" ("held_on", "created_at") `);
    await queryRunner.query(`CREATE TABLE "follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "call_id" uuid NOT NULL, "what" text NOT NULL, "owner_organisation_id" uuid, "owner_text" character varying(200), "due_date" date, "done" boolean NOT NULL DEFAULT false, "version" integer NOT NULL DEFAULT '1', "sort_order" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_follow_up" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_follow_up_call" ON "follow_up" ("call_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_follow_up_done" ON "follow_up" ("done") `);
    await queryRunner.query(`CREATE TABLE "risk" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seed_key" character varying(100), "action_id" uuid NOT NULL, "title" text NOT NULL, "description" text NOT NULL, "likelihood" smallint, "impact" smallint, "owner_organisation_id" uuid, "mitigation" text NOT NULL, "status" character varying(10) NOT NULL DEFAULT 'open', "next_review" date, "version" integer NOT NULL DEFAULT '1', "source" character varying(100), "sort_order" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_risk_impact" CHECK ("impact" IS NULL OR "impact" BETWEEN 1 AND 5), CONSTRAINT "CHK_risk_likelihood" CHECK ("likelihood" IS NULL OR "likelihood" BETWEEN 1 AND 5), CONSTRAINT "CHK_risk_status" CHECK ("status" IN ('open', 'closed')), CONSTRAINT "PK_risk" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_risk_seed_key" ON "risk" ("seed_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_risk_owner" ON "risk" ("owner_organisation_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_risk_action_order" ON "risk" ("action_id", "sort_order") `);
    await queryRunner.query(`ALTER TABLE "monitoring_call" ADD CONSTRAINT "FK_monitoring_call_created_by" FOREIGN KEY ("created_by") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "follow_up" ADD CONSTRAINT "FK_follow_up_call" FOREIGN KEY ("call_id") REFERENCES "monitoring_call"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "follow_up" ADD CONSTRAINT "FK_follow_up_owner_organisation" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "risk" ADD CONSTRAINT "FK_risk_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "risk" ADD CONSTRAINT "FK_risk_owner_organisation" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "risk" DROP CONSTRAINT "FK_risk_owner_organisation"`);
    await queryRunner.query(`ALTER TABLE "risk" DROP CONSTRAINT "FK_risk_action"`);
    await queryRunner.query(`ALTER TABLE "follow_up" DROP CONSTRAINT "FK_follow_up_owner_organisation"`);
    await queryRunner.query(`ALTER TABLE "follow_up" DROP CONSTRAINT "FK_follow_up_call"`);
    await queryRunner.query(`ALTER TABLE "monitoring_call" DROP CONSTRAINT "FK_monitoring_call_created_by"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_risk_action_order"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_risk_owner"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_risk_seed_key"`);
    await queryRunner.query(`DROP TABLE "risk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_follow_up_done"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_follow_up_call"`);
    await queryRunner.query(`DROP TABLE "follow_up"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_monitoring_call_held_on"`);
    await queryRunner.query(`DROP TABLE "monitoring_call"`);
  }
}
