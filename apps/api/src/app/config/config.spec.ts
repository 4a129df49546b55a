import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { ConfigError, describeDatabaseUrl, loadConfig } from './config';

const defaults = { webDist: '/srv/web' };

describe('loadConfig', () => {
  it('defaults to port 3000, the embedded database in ./.data and the built web app', () => {
    expect(loadConfig({}, defaults)).toEqual({
      environment: 'development',
      port: 3000,
      host: '0.0.0.0',
      databaseUrl: null,
      dataDir: resolve('.data'),
      webDist: '/srv/web',
      publicRead: true,
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      loginMaxFailures: 5,
      loginMaxFailuresPerIp: 20,
      loginWindowMinutes: 15,
      corsOrigins: [],
      trustProxy: 0,
      authEventRetentionDays: 90,
      apiDocs: true,
      checkResponses: false,
      smtpUrl: null,
      mailFrom: 'Work Plan tracker <tracker@localhost>',
      publicUrl: null,
      reminders: true,
      oidc: null,
      exports: {
        worker: resolve(__dirname, 'export-worker.js'),
        threads: Math.max(1, availableParallelism() - 1),
        queue: 8,
        cacheMb: 64,
        anonymousPerMinute: 30,
      },
      evidence: { maxFileBytes: 25 * 1024 * 1024, quotaBytes: 2048 * 1024 * 1024 },
    });
  });

  it('reads the evidence size limit and quota in megabytes, and names a bad one', () => {
    const config = loadConfig({ EVIDENCE_MAX_FILE_MB: '10', EVIDENCE_QUOTA_MB: '500' }, defaults);
    expect(config.evidence).toEqual({ maxFileBytes: 10 * 1024 * 1024, quotaBytes: 500 * 1024 * 1024 });
    expect(() => loadConfig({ EVIDENCE_MAX_FILE_MB: '0' }, defaults)).toThrow(/EVIDENCE_MAX_FILE_MB must be a whole number from 1 to 1024, got "0"/);
    expect(() => loadConfig({ EVIDENCE_QUOTA_MB: 'lots' }, defaults)).toThrow(/EVIDENCE_QUOTA_MB must be a whole number/);
  });

  it('reads the export pool, cache and rate limit, and names a bad one', () => {
    const config = loadConfig(
      { EXPORT_WORKER: 'build/worker.js', EXPORT_THREADS: '3', EXPORT_QUEUE: '0', EXPORT_CACHE_MB: '0', EXPORT_RATE_LIMIT: '5' },
      defaults,
    );
    expect(config.exports).toEqual({ worker: resolve('build/worker.js'), threads: 3, queue: 0, cacheMb: 0, anonymousPerMinute: 5 });
    expect(() => loadConfig({ EXPORT_THREADS: '0' }, defaults)).toThrow(/EXPORT_THREADS must be a whole number from 1 to 64, got "0"/);
    expect(() => loadConfig({ EXPORT_QUEUE: 'many' }, defaults)).toThrow(/EXPORT_QUEUE must be a whole number/);
  });

  it('reads the mail, reminder and OpenID Connect settings', () => {
    const config = loadConfig(
      {
        SMTP_URL: 'smtps://user:pw@mail.example.org:465',
        MAIL_FROM: 'Partnership tracker <tracker@example.org>',
        PUBLIC_URL: 'https://tracker.example.org/',
        REMINDERS: 'false',
        OIDC_ISSUER: 'https://login.example.eu',
        OIDC_CLIENT_ID: 'tracker',
        OIDC_CLIENT_SECRET: 's3cret',
        OIDC_NAME: 'EU Login',
      },
      defaults,
    );
    expect(config).toMatchObject({
      smtpUrl: 'smtps://user:pw@mail.example.org:465',
      mailFrom: 'Partnership tracker <tracker@example.org>',
      publicUrl: 'https://tracker.example.org',
      reminders: false,
      oidc: { issuer: 'https://login.example.eu', clientId: 'tracker', clientSecret: 's3cret', name: 'EU Login' },
    });
  });

  it('reads the sign-in, read-access and CORS settings', () => {
    const config = loadConfig(
      {
        PUBLIC_READ: 'false',
        SESSION_IDLE_MINUTES: '10',
        SESSION_ABSOLUTE_HOURS: '8',
        LOGIN_MAX_FAILURES: '3',
        LOGIN_MAX_FAILURES_PER_IP: '50',
        LOGIN_WINDOW_MINUTES: '5',
        CORS_ORIGINS: 'https://a.example.org, http://localhost:4200',
        TRUST_PROXY: '1',
      },
      defaults,
    );
    expect(config).toMatchObject({
      publicRead: false,
      sessionIdleMinutes: 10,
      sessionAbsoluteHours: 8,
      loginMaxFailures: 3,
      loginMaxFailuresPerIp: 50,
      loginWindowMinutes: 5,
      corsOrigins: ['https://a.example.org', 'http://localhost:4200'],
      trustProxy: 1,
    });
    expect(loadConfig({ PUBLIC_READ: '1' }, defaults).publicRead).toBe(true);
    expect(loadConfig({ PUBLIC_READ: '0' }, defaults).publicRead).toBe(false);
  });

  it('reads PORT, DATABASE_URL, DATA_DIR and WEB_DIST', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u:p@db:5432/tracker', DATA_DIR: '/var/tracker', WEB_DIST: '' }, defaults);
    expect(config).toMatchObject({ port: 8080, databaseUrl: 'postgres://u:p@db:5432/tracker', dataDir: '/var/tracker', webDist: null });
  });

  it.each([
    [{ PORT: '3000x' }, 'PORT must be a whole number from 0 to 65535, got "3000x"'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535, got "70000"'],
    [{ PORT: '-1' }, 'PORT must be a whole number from 0 to 65535, got "-1"'],
    [{ DATABASE_URL: 'localhost:5432' }, 'DATABASE_URL must start with postgres:// or postgresql://, not localhost:'],
    [{ DATABASE_URL: 'mysql://u:p@h/db' }, 'DATABASE_URL must start with postgres:// or postgresql://, not mysql:'],
    [{ DATABASE_URL: 'postgres://u:p@host' }, 'DATABASE_URL must name a host and a database, e.g. postgres://user:password@host:5432/database'],
    [{ DATABASE_URL: 'nonsense' }, 'DATABASE_URL must be a URL such as postgres://user:password@host:5432/database'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV must be one of production, development, test, got "staging"'],
    [{ NODE_ENV: 'production' }, 'DATABASE_URL must be set in production (the embedded Postgres is for development and tests)'],
    [{ PUBLIC_READ: 'no' }, 'PUBLIC_READ must be true or false, got "no"'],
    [{ SESSION_IDLE_MINUTES: '0' }, 'SESSION_IDLE_MINUTES must be a whole number from 1 to 1440, got "0"'],
    [{ SESSION_IDLE_MINUTES: '2.5' }, 'SESSION_IDLE_MINUTES must be a whole number from 1 to 1440, got "2.5"'],
    [{ SESSION_ABSOLUTE_HOURS: 'twelve' }, 'SESSION_ABSOLUTE_HOURS must be a whole number from 1 to 720, got "twelve"'],
    [{ LOGIN_MAX_FAILURES: '0' }, 'LOGIN_MAX_FAILURES must be a whole number from 1 to 1000, got "0"'],
    [{ LOGIN_MAX_FAILURES_PER_IP: '-3' }, 'LOGIN_MAX_FAILURES_PER_IP must be a whole number from 1 to 100000, got "-3"'],
    [{ LOGIN_WINDOW_MINUTES: '1e3' }, 'LOGIN_WINDOW_MINUTES must be a whole number from 1 to 1440, got "1e3"'],
    [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY must be a whole number from 0 to 10, got "yes"'],
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS must be a comma-separated list of origins such as https://tracker.example.org (no path, no trailing slash), got "*"'],
    [
      { CORS_ORIGINS: 'https://a.example.org/' },
      'CORS_ORIGINS must be a comma-separated list of origins such as https://tracker.example.org (no path, no trailing slash), got "https://a.example.org/"',
    ],
    [
      { CORS_ORIGINS: 'ftp://a.example.org' },
      'CORS_ORIGINS must be a comma-separated list of origins such as https://tracker.example.org (no path, no trailing slash), got "ftp://a.example.org"',
    ],
    [{ SMTP_URL: 'mail.example.org' }, 'SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org:465'],
    [{ SMTP_URL: 'http://mail.example.org' }, 'SMTP_URL must be a URL such as smtp://user:password@mail.example.org:587 or smtps://mail.example.org:465'],
    [{ MAIL_FROM: 'tracker' }, 'MAIL_FROM must be an address such as "Work Plan tracker <tracker@example.org>", got "tracker"'],
    [{ PUBLIC_URL: 'tracker.example.org' }, 'PUBLIC_URL must be the address people open, such as https://tracker.example.org, got "tracker.example.org"'],
    [{ REMINDERS: 'weekly' }, 'REMINDERS must be true or false, got "weekly"'],
    [
      { OIDC_ISSUER: 'login.example.eu', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b' },
      'OIDC_ISSUER must be the provider\'s issuer URL, such as https://login.example.eu, got "login.example.eu"',
    ],
    [{ OIDC_ISSUER: 'https://login.example.eu', OIDC_CLIENT_SECRET: 'b' }, 'OIDC_CLIENT_ID must be set with OIDC_ISSUER'],
    [{ OIDC_ISSUER: 'https://login.example.eu', OIDC_CLIENT_ID: 'a' }, 'OIDC_CLIENT_SECRET must be set with OIDC_ISSUER'],
    [{ OIDC_CLIENT_ID: 'a' }, 'OIDC_ISSUER must be the provider\'s issuer URL, such as https://login.example.eu, got ""'],
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env, defaults)).toThrow(new ConfigError(message));
  });

  it('hides the password when it describes a database URL', () => {
    expect(describeDatabaseUrl('postgres://tracker:s3cret@db:5432/tracker')).toBe('postgres://tracker:***@db:5432/tracker');
  });
});
