import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCalendarTokens1795472460015 implements MigrationInterface {
  name = 'AddCalendarTokens1795472460015';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "calendar_token" ("token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_calendar_token" PRIMARY KEY ("token_hash"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_calendar_token_user" ON "calendar_token" ("user_id") `);
    await queryRunner.query(`ALTER TABLE "calendar_token" ADD CONSTRAINT "FK_calendar_token_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "calendar_token" DROP CONSTRAINT "FK_calendar_token_user"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_calendar_token_user"`);
    await queryRunner.query(`DROP TABLE "calendar_token"`);
  }
}
