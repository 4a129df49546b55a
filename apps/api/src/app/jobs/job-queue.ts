import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { rowsOf } from '../common/pg-result';

/** Schema of the queue's own tables (created by pg-boss on first start; no superuser needed). */
export const QUEUE_SCHEMA = 'pgboss';

export type JobHandler<T> = (data: T) => Promise<void>;

/**
 * Jobs on a Postgres-backed queue (pg-boss): a job is taken by exactly one worker of one instance
 * (SELECT ... FOR UPDATE SKIP LOCKED), retried when it fails, and kept across restarts. Cron
 * schedules are shared by every instance and fire once per slot.
 */
@Injectable()
export class JobQueue implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly boss: PgBoss;
  private started: Promise<void> | null = null;

  constructor(databaseUrl: string) {
    this.boss = new PgBoss({
      connectionString: databaseUrl,
      schema: QUEUE_SCHEMA,
      max: 4,
      application_name: 'tracker-jobs',
      retryLimit: 5,
      retryDelay: 30,
      retryBackoff: true,
      // Cron schedules are looked at every 30 s; finished jobs kept a week.
      cronWorkerIntervalSeconds: 30,
      deleteAfterDays: 7,
    });
    this.boss.on('error', (error) => this.logger.error(`queue: ${error instanceof Error ? error.message : String(error)}`));
  }

  start(): Promise<void> {
    this.started ??= this.boss.start().then(() => undefined);
    return this.started;
  }

  /** Makes the queue (idempotent) and runs `handler` for each of its jobs, one at a time. */
  async work<T extends object>(queue: string, handler: JobHandler<T>, pollingIntervalSeconds = 2): Promise<void> {
    await this.start();
    await this.boss.createQueue(queue);
    await this.boss.work<T>(queue, { batchSize: 1, pollingIntervalSeconds }, async ([job]) => {
      await handler(job.data);
    });
  }

  /** Cron in Europe/Brussels time; every instance may call it, the schedule is one row. */
  async schedule(queue: string, cron: string, timeZone: string): Promise<void> {
    await this.start();
    await this.boss.createQueue(queue);
    await this.boss.schedule(queue, cron, {}, { tz: timeZone, retryLimit: 2 });
  }

  /**
   * Queues a job. Given `manager`, the job is written in that transaction: it exists exactly when
   * what it is about was committed.
   */
  async send<T extends object>(queue: string, data: T, manager?: EntityManager): Promise<void> {
    await this.start();
    const db = manager ? { executeSql: async (text: string, values: unknown[]) => ({ rows: rowsOf(await manager.query(text, values)) }) } : undefined;
    await this.boss.send(queue, data, db ? { db } : {});
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.started) {
      await this.started.catch(() => undefined);
      await this.boss.stop({ graceful: true, wait: true, timeout: 10_000 }).catch(() => undefined);
    }
  }
}
