import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { JobQueue } from '../jobs/job-queue';
import { Links } from './links';
import { MailController } from './mail.controller';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';

/** The job queue, mail (SMTP or the outbox) and the links mails carry. */
@Global()
@Module({})
export class MailModule {
  static register(databaseUrl: string): DynamicModule {
    return {
      module: MailModule,
      controllers: [MailController],
      providers: [{ provide: JobQueue, useFactory: () => new JobQueue(databaseUrl) }, MailRepository, MailService, Links],
      exports: [JobQueue, MailService, Links],
    };
  }
}

/** The connection URL of a data source (pg-boss opens its own small pool on it). */
export function urlOf(dataSource: DataSource): string {
  const url = (dataSource.options as { url?: string }).url;
  if (!url) {
    throw new Error('the data source has no url');
  }
  return url;
}
