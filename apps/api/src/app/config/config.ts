import { availableParallelism } from 'node:os';
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
  /** Whether reading the plan (actions, milestones, outputs, organisations) needs no sign-in. */
  publicRead: boolean;
  /** A session ends after this many minutes without a request (sliding)... */
  sessionIdleMinutes: number;
  /** ...and this many hours after sign-in, whatever happens. */
  sessionAbsoluteHours: number;
  /** Failed sign-ins allowed per email address within `loginWindowMinutes` before 429. */
  loginMaxFailures: number;
  /** Failed sign-ins allowed per client IP address within `loginWindowMinutes` before 429. */
  loginMaxFailuresPerIp: number;
  loginWindowMinutes: number;
  /** Origins allowed to call the API from another site (CORS); empty: none. */
  corsOrigins: string[];
  /** Reverse proxies in front of the app whose X-Forwarded-For is trusted (0: none). */
  trustProxy: number;
  /** Days the security log (`auth_event`) keeps an event. */
  authEventRetentionDays: number;
  /** Whether /api/docs (Swagger UI and the OpenAPI document) is served; off by default in production. */
  apiDocs: boolean;
  /**
   * Whether every success answer is checked against its operation's contract, a mismatch answered
   * 500 and logged (see http/response-check.interceptor.ts); on under test only, by default.
   */
  checkResponses: boolean;
  /** smtp:// or smtps:// URL of the mail server; null: mail stays in the outbox the Secretariat reads in the app. */
  smtpUrl: string | null;
  /** From: of every mail. */
  mailFrom: string;
  /** Address of the app as people reach it, for the links in mails; null: http://localhost:<port>. */
  publicUrl: string | null;
  /** Whether this instance runs the reminder jobs (weekly digests, follow-ups falling due). */
  reminders: boolean;
  /** Sign-in with an OpenID Connect provider, or null when not configured. */
  oidc: OidcConfig | null;
  /** Chart files and calendars are drawn in a pool of worker threads, off the request loop: see docs/exports.md. */
  exports: ExportsConfig;
  /** Evidence of delivery on outputs and milestones: see docs/evidence.md. */
  evidence: EvidenceConfig;
}

export interface EvidenceConfig {
  /** Largest file one upload may be, in bytes (EVIDENCE_MAX_FILE_MB, 25 by default). */
  maxFileBytes: number;
  /** Bytes of files one partnership may keep, removed ones aside (EVIDENCE_QUOTA_MB, 2048 by default). */
  quotaBytes: number;
}

export interface ExportsConfig {
  /** The built worker (dist/api/export-worker.js, beside main.js). */
  worker: string;
  /** Worker threads drawing files at once. */
  threads: number;
  /** Files waiting for a thread at most; beyond it a request is answered 503 with Retry-After. */
  queue: number;
  /** Memory kept for drawn files (by plan revision and parameters), in MiB; 0: none kept. */
  cacheMb: number;
  /** Export requests without a session allowed per client address per minute before 429; 0: no limit. */
  anonymousPerMinute: number;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button, e.g. "EU Login". */
  name: string;
}

/** Raised for a bad setting; the message names the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A megabyte of the settings: 1,048,576 bytes. */
const MIB = 1024 * 1024;

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
    publicRead: parseBoolean(env, 'PUBLIC_READ', true),
    sessionIdleMinutes: parseWhole(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: parseWhole(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    loginMaxFailures: parseWhole(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginMaxFailuresPerIp: parseWhole(env, 'LOGIN_MAX_FAILURES_PER_IP', 20, 1, 100_000),
    loginWindowMinutes: parseWhole(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    corsOrigins: parseOrigins(env['CORS_ORIGINS']),
    trustProxy: parseWhole(env, 'TRUST_PROXY', 0, 0, 10),
    authEventRetentionDays: parseWhole(env, 'AUTH_EVENT_RETENTION_DAYS', 90, 1, 3650),
    apiDocs: parseBoolean(env, 'API_DOCS', environment !== 'production'),
    checkResponses: parseBoolean(env, 'CHECK_RESPONSES', environment === 'test'),
    smtpUrl: parseSmtpUrl(env['SMTP_URL']),
    mailFrom: parseMailFrom(env['MAIL_FROM']),
    publicUrl: parsePublicUrl(env['PUBLIC_URL']),
    reminders: parseBoolean(env, 'REMINDERS', true),
    oidc: parseOidc(env),
    exports: {
      // Every bundle in dist/api (main.js and the commands) lies beside the worker's.
      worker: resolve(env['EXPORT_WORKER'] || resolve(__dirname, 'export-worker.js')),
      threads: parseWhole(env, 'EXPORT_THREADS', Math.max(1, availableParallelism() - 1), 1, 64),
      queue: parseWhole(env, 'EXPORT_QUEUE', 8, 0, 10_000),
      cacheMb: parseWhole(env, 'EXPORT_CACHE_MB', 64, 0, 16_384),
      anonymousPerMinute: parseWhole(env, 'EXPORT_RATE_LIMIT', 30, 0, 1_000_000),
    },
    evidence: {
      maxFileBytes: parseWhole(env, 'EVIDENCE_MAX_FILE_MB', 25, 1, 1024) * MIB,
      quotaBytes: parseWhole(env, 'EVIDENCE_QUOTA_MB', 2048, 1, 1_048_576) * MIB,
    },
  };
}

/** The text as a URL, or null when it is none. */
function urlOrNull(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function parseSmtpUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') {
    return null;
  }
  const url = urlOrNull(value);
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
    throw new ConfigError('SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org:465');
  }
  return value;
}

function parseMailFrom(value: string | undefined): string {
  if (value === undefined || value.trim() === '') {
    return 'Work Plan tracker <tracker@localhost>';
  }
  if (!/^([^<>@]*<[^\s@<>]+@[^\s@<>]+>|[^\s@<>]+@[^\s@<>]+)$/.test(value.trim())) {
    throw new ConfigError(`MAIL_FROM must be an address such as "Work Plan tracker <tracker@example.org>", got "${value}"`);
  }
  return value.trim();
}

function parsePublicUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') {
    return null;
  }
  const url = urlOrNull(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new ConfigError(`PUBLIC_URL must be the address people open, such as https://tracker.example.org, got "${value}"`);
  }
  return value.replace(/\/+$/, '');
}

function parseOidc(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env['OIDC_ISSUER'] ?? '';
  const clientId = env['OIDC_CLIENT_ID'] ?? '';
  const clientSecret = env['OIDC_CLIENT_SECRET'] ?? '';
  if (issuer === '' && clientId === '' && clientSecret === '') {
    return null;
  }
  const url = urlOrNull(issuer);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw new ConfigError(`OIDC_ISSUER must be the provider's issuer URL, such as https://login.example.eu, got "${issuer}"`);
  }
  if (clientId === '') {
    throw new ConfigError('OIDC_CLIENT_ID must be set with OIDC_ISSUER');
  }
  if (clientSecret === '') {
    throw new ConfigError('OIDC_CLIENT_SECRET must be set with OIDC_ISSUER');
  }
  return { issuer, clientId, clientSecret, name: env['OIDC_NAME']?.trim() || 'your organisation' };
}

function parseBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === '') {
    return fallback;
  }
  if (value === 'true' || value === '1') {
    return true;
  }
  if (value === 'false' || value === '0') {
    return false;
  }
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parseWhole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') {
    return fallback;
  }
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return number;
}

function parseOrigins(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') {
    return [];
  }
  return value.split(',').map((item) => {
    const origin = item.trim();
    const url = urlOrNull(origin);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.origin !== origin) {
      throw new ConfigError(
        `CORS_ORIGINS must be a comma-separated list of origins such as https://tracker.example.org (no path, no trailing slash), got "${origin}"`,
      );
    }
    return origin;
  });
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
