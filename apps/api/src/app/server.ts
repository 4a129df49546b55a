import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { type LogLevel, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { XSRF_HEADER } from '@tracker/contracts';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { xsrfCookieMiddleware } from './auth/xsrf';
import { Links } from './mail/links';
import type { Clock } from './reminders/clock';
import { type AppConfig, describeDatabaseUrl } from './config/config';
import { createDataSource } from './database/data-source';
import { type EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { type SeedReport, seedWorkPlan } from './seed/seed-work-plan';
import { WORK_PLAN } from './seed/work-plan.data';
import { demoAccountsPresent, ensureDemoAccounts } from './users/accounts';

/** Largest JSON (or form) body the API reads. */
export const BODY_LIMIT = '100kb';

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

    const seeded = await prepareDatabase(dataSource, config);

    const app = await NestFactory.create<NestExpressApplication>(AppModule.register(dataSource, config, options.clock), {
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
    app.get(Links).setListeningUrl(`http://localhost:${port}`);
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

/** Angular inlines its critical CSS and loads the rest with this handler, `onload="this.media='all'"`. */
const STYLESHEET_SWAP = "this.media='all'";

/**
 * Security headers. The Content-Security-Policy allows only this origin's scripts (the web app's
 * bundles and Swagger UI's files), inline styles (Angular and frappe-gantt set style attributes),
 * data: images and fonts, and the one inline handler Angular's stylesheet loader uses, by its hash.
 */
export function securityHeaders(config: Pick<AppConfig, 'environment'>) {
  const production = config.environment === 'production';
  const swapHash = createHash('sha256').update(STYLESHEET_SWAP).digest('base64');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'unsafe-hashes'", `'sha256-${swapHash}'`],
        styleSrc: ["'self'", "'unsafe-inline'"],
        workerSrc: ["'self'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Over plain http (development, tests) HSTS would only get in the way.
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/**
 * Everything a request meets before a controller: security headers, CORS (closed unless
 * CORS_ORIGINS lists origins), body and cookie parsing with a size limit, the XSRF cookie, the global
 * prefix and validation, OpenAPI, and the web app.
 */
export function configureApp(app: NestExpressApplication, config: Pick<AppConfig, 'webDist' | 'environment' | 'corsOrigins' | 'trustProxy'>): void {
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders(config));
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      credentials: true,
      methods: ['GET', 'HEAD', 'POST', 'PATCH', 'PUT', 'DELETE'],
      allowedHeaders: ['Content-Type', XSRF_HEADER],
    });
  }
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT, extended: false });
  app.use(cookieParser());
  app.use(xsrfCookieMiddleware(config.environment === 'production'));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, stopAtFirstError: true }));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Work Plan tracker API')
      .setDescription('Urban Agenda for the EU, Partnership on the Inclusion of Migrants and Refugees. Dates are calendar dates, yyyy-MM-dd.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs/openapi.json',
    swaggerOptions: {
      // Runs in the browser, from swagger-ui-init.js: echoes the XSRF cookie as Angular does, so that
      // "Try it out" can sign in and write.
      requestInterceptor: (request: { headers: Record<string, string> }) => {
        const match = /(?:^|;\s*)XSRF-TOKEN=([^;]*)/.exec((globalThis as unknown as { document: { cookie: string } }).document.cookie);
        if (match) {
          request.headers['X-XSRF-TOKEN'] = decodeURIComponent(match[1]);
        }
        return request;
      },
    },
  });

  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    const webDist = config.webDist;
    app.useStaticAssets(webDist, { index: false, maxAge: '1h' });
    // Any other GET outside /api is a route of the web app: answer with its index page.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api') && req.accepts('html')) {
        readFile(join(webDist, 'index.html'), 'utf8').then(
          (html) => {
            res.setHeader('Cache-Control', 'no-cache');
            res.type('html').send(withPlainStylesheets(html));
          },
          next,
        );
        return;
      }
      next();
    });
  }
}

/**
 * Angular's build loads its stylesheet with `media="print" onload="this.media='all'"`. The CSP allows
 * that handler by hash, but not every browser honours hashes for handlers: serve a plain stylesheet
 * link instead (the critical CSS is inlined anyway).
 */
export function withPlainStylesheets(html: string): string {
  return html.replace(/<link rel="stylesheet" href="([^"]+)" media="print" onload="this\.media='all'">/g, '<link rel="stylesheet" href="$1">');
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
