import { resolve } from 'node:path';

export type Environment = 'production' | 'development' | 'test';

export interface AppConfig {
  environment: Environment;
  /** HTTP port of the API and web app; 0 picks a free one (tests). */
  port: number;
  /** Bind address. */
  host: string;
  /** A Postgres URL, or null to run the embedded Postgres in `dataDir`. */
  databaseUrl: string | null;
  /** Where the embedded Postgres keeps its files. */
  dataDir: string;
  /** Folder of the built web app, or null to serve the API alone. */
  webDist: string | null;
}

/** Raised for a bad setting; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const ENVIRONMENTS: readonly Environment[] = ['production', 'development', 'test'];

/** Reads and checks the configuration once, at start-up. */
export function loadConfig(env: NodeJS.ProcessEnv, defaults: { webDist: string | null }): AppConfig {
  const environment = (env['NODE_ENV'] || 'development') as Environment;
  if (!ENVIRONMENTS.includes(environment)) {
    throw new ConfigError(`NODE_ENV must be one of ${ENVIRONMENTS.join(', ')}, got "${env['NODE_ENV']}"`);
  }
  const databaseUrl = parseDatabaseUrl(env['DATABASE_URL']);
  if (environment === 'production' && databaseUrl === null) {
    throw new ConfigError('DATABASE_URL must be set in production (the embedded Postgres is for development and tests)');
  }
  return {
    environment,
    port: parsePort(env['PORT']),
    host: env['HOST'] || '0.0.0.0',
    databaseUrl,
    dataDir: resolve(env['DATA_DIR'] || '.data'),
    webDist: env['WEB_DIST'] === undefined ? defaults.webDist : env['WEB_DIST'] === '' ? null : resolve(env['WEB_DIST']),
  };
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') {
    return 3000;
  }
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, got "${value}"`);
  }
  return port;
}

function parseDatabaseUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL must be a URL such as postgres://user:password@host:5432/database');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, not ${url.protocol}`);
  }
  if (!url.hostname || url.pathname.length < 2) {
    throw new ConfigError('DATABASE_URL must name a host and a database, e.g. postgres://user:password@host:5432/database');
  }
  return value;
}

/** The URL without its password, for messages. */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = parsed.password ? '***' : '';
  return parsed.toString();
}
