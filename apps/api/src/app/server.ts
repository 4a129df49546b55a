import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { Links } from './mail/links';
import type { Clock } from './reminders/clock';
import { type AppConfig, describeDatabaseUrl } from './config/config';
import { createDataSource } from './database/data-source';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { type SeedReport, seedWorkPlan } from './seed/seed-work-plan';
import { WORK_PLAN } from './seed/work-plan.data';
import { configureApp } from './http/configure-app';
import { demoAccountsPresent, ensureDemoAccounts } from './accounts/account-setup';

/** A start-up failure with a message fit to print as the one line the process ends with. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export interface RunningServer {
  app: NestExpressApplication;
  dataSource: DataSource;
  /** Base URL the server listens on, e.g. http://127.0.0.1:3000 */
  url: string;
  seeded: SeedReport;
  /** With the embedded database: settles, with a sentence, if that database stops on its own. */
  databaseLost: Promise<string> | null;
  close(): Promise<void>;
}

export interface ServerOptions {
  /** Nest's console logger with these levels, a logger of our own (pino), or none. */
  logger?: false | LogLevel[] | LoggerService;
  /** Log lines of the embedded Postgres. */
  databaseLog?: (line: string) => void;
  /** The time reminders go by (tests move it); the system clock otherwise. */
  clock?: Clock;
}

/**
 * Starts the tracker: the database (embedded unless DATABASE_URL is set), migrations, the seed,
 * then the HTTP API and the built web app. Throws StartupError with a one-line reason.
 */
export async function startServer(config: AppConfig, options: ServerOptions = {}): Promise<RunningServer> {
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) {
      await fn().catch(() => undefined);
    }
  };
  try {
    // Fail fast, before a database is started, when the port is taken or the export worker was not built.
    await assertPortFree(config.port, config.host);
    if (!existsSync(config.exports.worker)) {
      throw new StartupError(
        `the export worker ${config.exports.worker} is missing: build the API first (npm run build), or set EXPORT_WORKER to the built export-worker.js`,
      );
    }
    let url = config.databaseUrl;
    let databaseLost: Promise<string> | null = null;
    if (url === null) {
      let embedded: EmbeddedDatabase;
      try {
        // This process stops the database itself (close() below), after the queue and the pools that use it.
        embedded = await startEmbeddedPostgres(config.dataDir, options.databaseLog, { ownSignals: true });
      } catch (error) {
        throw new StartupError(message(error));
      }
      cleanups.push(() => embedded.stop());
      url = embedded.url;
      databaseLost = embedded.lost;
    }

    const dataSource = createDataSource(url);
    try {
      await dataSource.initialize();
    } catch (error) {
      throw new StartupError(`cannot connect to the database at ${describeDatabaseUrl(url)}: ${message(error)}`);
    }
    cleanups.push(() => dataSource.destroy());

    const seeded = await prepareDatabase(dataSource, config);

    const app = await NestFactory.create<NestExpressApplication>(AppModule.register(dataSource, config, options.clock), {
      logger: options.logger ?? ['log', 'warn', 'error'],
      abortOnError: false,
    });
    const firstPaint = configureApp(app, config);
    cleanups.push(() => app.close());
    try {
      await app.listen(config.port, config.host);
    } catch (error) {
      throw portError(error, config);
    }
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    app.get(Links).setListeningUrl(`http://localhost:${port}`);
    // The home page drawn once now, not for its first visitor (the drawing's code compiled, its answers read).
    const warmed = firstPaint?.warm(`http://127.0.0.1:${port}`);
    if (warmed) cleanups.push(() => warmed);
    return {
      app,
      dataSource,
      url: `http://127.0.0.1:${port}`,
      seeded,
      databaseLost,
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Key of the advisory lock that lets one instance at a time migrate and seed a shared database. */
const STARTUP_LOCK = 4_720_270_331;

/**
 * Migrations, the seed, and the accounts check, under an advisory lock so that instances starting
 * together on one database take turns. Outside production the demo accounts are created; in
 * production their presence stops the start.
 */
export async function prepareDatabase(
  dataSource: DataSource,
  config: Pick<AppConfig, 'environment'>,
  options: { accounts: boolean } = { accounts: true },
): Promise<SeedReport> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
      const seeded = await dataSource.transaction((manager) => seedWorkPlan(manager, WORK_PLAN));
      if (!options.accounts) {
        return seeded;
      }
      if (config.environment === 'production') {
        const demo = await demoAccountsPresent(dataSource.manager);
        if (demo.length > 0) {
          throw new StartupError(
            `the database has demo accounts with the published password (${demo.join(', ')}); delete them from user_account before starting in production`,
          );
        }
      } else {
        await dataSource.transaction((manager) => ensureDemoAccounts(manager));
      }
      return seeded;
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    }
  } finally {
    await runner.release();
  }
}

function portError(error: unknown, config: Pick<AppConfig, 'port' | 'host'>): StartupError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return new StartupError(`PORT ${config.port} is already in use; stop the other program or set PORT to a free port`);
  }
  if (code === 'EACCES') {
    return new StartupError(`PORT ${config.port} needs privileges this process does not have; set PORT above 1023`);
  }
  return new StartupError(`cannot listen on ${config.host}:${config.port}: ${message(error)}`);
}

async function assertPortFree(port: number, host: string): Promise<void> {
  if (port === 0) {
    return;
  }
  await new Promise<void>((resolveFree, reject) => {
    const probe = createNetServer();
    probe.once('error', (error) => reject(portError(error, { port, host })));
    probe.listen(port, host, () => probe.close(() => resolveFree()));
  });
}

function message(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return message(error.errors[0]);
  }
  return error instanceof Error ? error.message || error.name : String(error);
}
