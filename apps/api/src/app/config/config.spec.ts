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
    });
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
  ])('refuses %j with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env, defaults)).toThrow(new ConfigError(message));
  });

  it('hides the password when it describes a database URL', () => {
    expect(describeDatabaseUrl('postgres://tracker:s3cret@db:5432/tracker')).toBe('postgres://tracker:***@db:5432/tracker');
  });
});
