import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccountsMailAndReminders1795470448956 implements MigrationInterface {
  name = 'AccountsMailAndReminders1795470448956';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "account_action" ("user_id" uuid NOT NULL, "action_id" uuid NOT NULL, CONSTRAINT "PK_account_action" PRIMARY KEY ("user_id", "action_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_account_action_action" ON "account_action" ("action_id") `);
    await queryRunner.query(`CREATE TABLE "account_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "purpose" character varying(20) NOT NULL, "token_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_account_token_purpose" CHECK ("purpose" IN ('invitation', 'password_reset')), CONSTRAINT "PK_account_token" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_account_token_user" ON "account_token" ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_account_token_hash" ON "account_token" ("token_hash") `);
    await queryRunner.query(`CREATE TABLE "account_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "actor_id" uuid, "change" character varying(40) NOT NULL, "detail" jsonb NOT NULL, CONSTRAINT "PK_account_change" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_account_change_user" ON "account_change" ("user_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_account_change_at" ON "account_change" ("at") `);
    await queryRunner.query(`CREATE TABLE "mail_outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "to_address" character varying(254) NOT NULL, "subject" character varying(300) NOT NULL, "text" text NOT NULL, "html" text NOT NULL, "kind" character varying(30) NOT NULL, "unsubscribe_url" text, "dedupe_key" character varying(200), "status" character varying(10) NOT NULL DEFAULT 'pending', "sent_at" TIMESTAMP WITH TIME ZONE, "error" text, CONSTRAINT "CHK_mail_outbox_status" CHECK ("status" IN ('pending', 'sent', 'outbox', 'failed')), CONSTRAINT "PK_mail_outbox" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_mail_outbox_dedupe_key" ON "mail_outbox" ("dedupe_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_mail_outbox_created" ON "mail_outbox" ("created_at") `);
    await queryRunner.query(`ALTER TABLE "user_account" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "user_account" ADD "digest" character varying(10) NOT NULL DEFAULT 'weekly'`);
    await queryRunner.query(`ALTER TABLE "user_account" ADD "unsubscribe_token" character varying(64)`);
    await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_user_account_unsubscribe_token" ON "user_account" ("unsubscribe_token") `);
    await queryRunner.query(`ALTER TABLE "user_account" ADD CONSTRAINT "CHK_user_account_digest" CHECK ("digest" IN ('weekly', 'off'))`);
    await queryRunner.query(`ALTER TABLE "account_action" ADD CONSTRAINT "FK_account_action_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_action" ADD CONSTRAINT "FK_account_action_action" FOREIGN KEY ("action_id") REFERENCES "action"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_token" ADD CONSTRAINT "FK_account_token_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_change" ADD CONSTRAINT "FK_account_change_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "account_change" ADD CONSTRAINT "FK_account_change_actor" FOREIGN KEY ("actor_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "account_change" DROP CONSTRAINT "FK_account_change_actor"`);
    await queryRunner.query(`ALTER TABLE "account_change" DROP CONSTRAINT "FK_account_change_user"`);
    await queryRunner.query(`ALTER TABLE "account_token" DROP CONSTRAINT "FK_account_token_user"`);
    await queryRunner.query(`ALTER TABLE "account_action" DROP CONSTRAINT "FK_account_action_action"`);
    await queryRunner.query(`ALTER TABLE "account_action" DROP CONSTRAINT "FK_account_action_user"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP CONSTRAINT "CHK_user_account_digest"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_user_account_unsubscribe_token"`);
    await queryRunner.query(`ALTER TABLE "user_account" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "unsubscribe_token"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "digest"`);
    await queryRunner.query(`ALTER TABLE "user_account" DROP COLUMN "deactivated_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mail_outbox_created"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_mail_outbox_dedupe_key"`);
    await queryRunner.query(`DROP TABLE "mail_outbox"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_account_change_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_account_change_user"`);
    await queryRunner.query(`DROP TABLE "account_change"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_account_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_account_token_user"`);
    await queryRunner.query(`DROP TABLE "account_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_account_action_action"`);
    await queryRunner.query(`DROP TABLE "account_action"`);
  }
}
