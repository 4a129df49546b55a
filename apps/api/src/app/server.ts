import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { type LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { type AppConfig, describeDatabaseUrl } from './config/config';
import { createDataSource } from './database/data-source';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { type SeedReport, seedWorkPlan } from './seed/seed-work-plan';
import { WORK_PLAN } from './seed/work-plan.data';

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
  close(): Promise<void>;
}

export interface ServerOptions {
  logger?: false | LogLevel[];
  /** Log lines of the embedded Postgres. */
  databaseLog?: (line: string) => void;
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
    // Fail fast, before a database is started, when the port is taken.
    await assertPortFree(config.port, config.host);
    let url = config.databaseUrl;
    if (url === null) {
      let embedded: EmbeddedDatabase;
      try {
        embedded = await startEmbeddedPostgres(config.dataDir, options.databaseLog);
      } catch (error) {
        throw new StartupError(message(error));
      }
      cleanups.push(() => embedded.stop());
      url = embedded.url;
    }

    const dataSource = createDataSource(url);
    try {
      await dataSource.initialize();
    } catch (error) {
      throw new StartupError(`cannot connect to the database at ${describeDatabaseUrl(url)}: ${message(error)}`);
    }
    cleanups.push(() => dataSource.destroy());

    await dataSource.runMigrations({ transaction: 'each' });
    const seeded = await dataSource.transaction((manager) => seedWorkPlan(manager, WORK_PLAN));

    const app = await NestFactory.create<NestExpressApplication>(AppModule.register(dataSource), {
      logger: options.logger ?? ['log', 'warn', 'error'],
      abortOnError: false,
    });
    configureApp(app, config);
    cleanups.push(() => app.close());
    try {
      await app.listen(config.port, config.host);
    } catch (error) {
      throw portError(error, config);
    }
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      app,
      dataSource,
      url: `http://127.0.0.1:${port}`,
      seeded,
      close: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** Global prefix, validation, OpenAPI and the web app: everything a request meets before a controller. */
export function configureApp(app: NestExpressApplication, config: Pick<AppConfig, 'webDist'>): void {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true }));
  app.disable('x-powered-by');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Work Plan tracker API')
      .setDescription('Urban Agenda for the EU, Partnership on the Inclusion of Migrants and Refugees. Dates are calendar dates, yyyy-MM-dd.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    const webDist = config.webDist;
    app.useStaticAssets(webDist, { index: false, maxAge: '1h' });
    // Any other GET outside /api is a route of the web app: answer with its index page.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api') && req.accepts('html')) {
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(join(webDist, 'index.html'));
        return;
      }
      next();
    });
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
