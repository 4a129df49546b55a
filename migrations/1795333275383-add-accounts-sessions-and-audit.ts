import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAccountsSessionsAndAudit1795333275383 implements MigrationInterface {
  name = 'AddAccountsSessionsAndAudit1795333275383';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(200) NOT NULL, "role" character varying(20) NOT NULL, "organisation_id" uuid NOT NULL, "password_hash" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_user_account_email_lower" CHECK ("email" = lower("email")), CONSTRAINT "CHK_user_account_role" CHECK ("role" IN ('secretariat', 'coordinator', 'co_leader', 'member')), CONSTRAINT "PK_user_account" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_account_email" ON "user_account" ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_user_account_organisation" ON "user_account" ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "item_type" character varying(20) NOT NULL, "item_id" uuid NOT NULL, "version" integer NOT NULL, "field" character varying(30), "from_value" jsonb, "to_value" jsonb, "note" text, CONSTRAINT "CHK_audit_entry_field" CHECK ("field" IS NULL OR "field" IN ('status', 'progress', 'actualStart', 'actualEnd', 'forecastEnd')), CONSTRAINT "CHK_audit_entry_item_type" CHECK ("item_type" IN ('milestone', 'output')), CONSTRAINT "PK_audit_entry" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_user" ON "audit_entry" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_at" ON "audit_entry" ("at") `);
    await queryRunner.query(`CREATE INDEX "IDX_audit_entry_item" ON "audit_entry" ("item_type", "item_id", "at") `);
    await queryRunner.query(`CREATE TABLE "auth_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying(30) NOT NULL, "email" character varying(254), "user_id" uuid, "ip" character varying(64), "detail" text, CONSTRAINT "CHK_auth_event_kind" CHECK ("kind" IN ('sign_in', 'sign_in_failed', 'sign_in_throttled', 'sign_out', 'write_refused')), CONSTRAINT "PK_auth_event" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_auth_event_user" ON "auth_event" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_auth_event_at" ON "auth_event" ("at") `);
    await queryRunner.query(`CREATE TABLE "login_throttle" ("key" character varying(300) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "failures" integer NOT NULL, CONSTRAINT "PK_login_throttle" PRIMARY KEY ("key"))`);
    await queryRunner.query(`CREATE TABLE "session" ("token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_session" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE INDEX "IDX_session_user" ON "session" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_session_expires_at" ON "session" ("expires_at") `);
    await queryRunner.query(`ALTER TABLE "output" ADD "actual_start" date`);
    await queryRunner.query(`ALTER TABLE "output" ADD "actual_end" date`);
    await queryRunner.query(`ALTER TABLE "output" ADD "forecast_end" date`);
    await queryRunner.query(`ALTER TABLE "output" ADD CONSTRAINT "CHK_output_actual" CHECK ("actual_start" IS NULL OR "actual_end" IS NULL OR "actual_start" <= "actual_end")`);
    await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "FK_user_account_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "audit_entry" ADD CONSTRAINT "FK_audit_entry_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "auth_event" ADD CONSTRAINT "FK_auth_event_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "session" ADD CONSTRAINT "FK_session_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_session_user"`);
    await queryRunner.query(`ALTER TABLE "auth_event" DROP CONSTRAINT "FK_auth_event_user"`);
    await queryRunner.query(`ALTER TABLE "audit_entry" DROP CONSTRAINT "FK_audit_entry_user"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "FK_user_account_organisation"`);
    await queryRunner.query(`ALTER TABLE "output" DROP CONSTRAINT "CHK_output_actual"`);
    await queryRunner.query(`ALTER TABLE "output" DROP COLUMN "forecast_end"`);
    await queryRunner.query(`ALTER TABLE "output" DROP COLUMN "actual_end"`);
    await queryRunner.query(`ALTER TABLE "output" DROP COLUMN "actual_start"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_expires_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_session_user"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_auth_event_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_auth_event_user"`);
    await queryRunner.query(`DROP TABLE "auth_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_item"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_audit_entry_user"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_user_account_organisation"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_account_email"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
  }
}
