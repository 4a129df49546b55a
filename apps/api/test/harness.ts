import { type Role, ROLES } from '@tracker/contracts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../src/app/config/config';
import { createDataSource } from '../src/app/database/data-source';
import type { Clock } from '../src/app/reminders/clock';
import type { RunningServer } from '../src/app/server';
import { DEMO_ACCOUNTS } from '../src/app/accounts/account-setup';
import { Client, DEMO_PASSWORD } from './client';
import { createTestDatabase, type TestDatabase, withClient } from './database';
import { startTestServer } from './server';
import { TestSmtpServer } from './smtp';

/**
 * The one fixture of the API specs: a fresh database, the server on it, and a signed-in client per
 * role, set up by jest's beforeAll and torn down by its afterAll. Call the `use...` functions in a
 * `describe` block (not inside a test); what they return is usable from the first hook or test on.
 *
 *     const tracker = useTracker();
 *     const secretariat = tracker.as('secretariat');
 *     it('...', async () => expect((await secretariat.get('/api/actions')).status).toBe(200));
 */

/** The email of the demo account of each role, from the table the server creates outside production. */
export const DEMO_EMAIL: Readonly<Record<Role, string>> = Object.fromEntries(
  ROLES.map((role) => {
    const account = DEMO_ACCOUNTS.find((a) => a.role === role);
    if (!account) {
      throw new Error(`no demo account has the role ${role}`);
    }
    return [role, account.email];
  }),
) as Record<Role, string>;

export interface Database {
  /** The connection string of the database. */
  readonly url: string;
  /** Runs one statement on its own connection and gives the rows. */
  query<T extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Opens a TypeORM data source on the database (no migration run) for the length of `fn`, and closes it after. */
  withDataSource<T>(fn: (dataSource: DataSource) => Promise<T>): Promise<T>;
}

export interface TrackerOptions {
  /** Settings of the server; a function is called as it starts (after the spec's earlier beforeAll hooks). */
  config?: Partial<AppConfig> | ((context: { smtp: TestSmtpServer | null }) => Partial<AppConfig>);
  clock?: Clock;
  /** How many servers to start together on the one database (behind a load balancer); 1 by default. */
  instances?: number;
  /** A test SMTP server to receive the mail, given to the server as its SMTP_URL. */
  smtp?: boolean;
}

export interface Tracker extends Database {
  readonly db: Database;
  /** The first (or only) server, and its address. */
  readonly server: RunningServer;
  readonly url: string;
  /** Every server started on the database, in order. */
  readonly servers: readonly RunningServer[];
  readonly dataSource: RunningServer['dataSource'];
  /** The test SMTP server and the mail it received (with `smtp: true`); there from the start, listening from the beforeAll on. */
  readonly smtp: TestSmtpServer;
  /** A client that will be signed in as the demo account of the role before the first test. Call it in a describe block. */
  as(role: Role): Client;
  /** A new client signed in on the first server. */
  signIn(email: string, password?: string): Promise<Client>;
}

function ready<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) {
    throw new Error(`${what} is not ready: use it in a hook or a test, after the beforeAll of the fixture`);
  }
  return value;
}

function databaseOf(current: () => TestDatabase | undefined): Database {
  return {
    get url() {
      return ready(current(), 'the test database').url;
    },
    query: <T extends object>(sql: string, params: unknown[] = []) =>
      withClient(ready(current(), 'the test database').url, async (client) => (await client.query<T>(sql, params)).rows),
    async withDataSource<T>(fn: (dataSource: DataSource) => Promise<T>): Promise<T> {
      const dataSource = createDataSource(ready(current(), 'the test database').url);
      await dataSource.initialize();
      try {
        return await fn(dataSource);
      } finally {
        await dataSource.destroy();
      }
    },
  };
}

/** A fresh, empty database (no server) for the specs of this block, dropped after them. */
export function useDatabase(): Database {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.drop();
  });
  return databaseOf(() => db);
}

/** A fresh database with the tracker started on it (migrated, seeded, the demo accounts created). */
export function useTracker(options: TrackerOptions = {}): Tracker {
  let db: TestDatabase | undefined;
  const smtp = options.smtp ? new TestSmtpServer() : undefined;
  const servers: RunningServer[] = [];
  beforeAll(async () => {
    db = await createTestDatabase();
    await smtp?.start();
    const config = typeof options.config === 'function' ? options.config({ smtp: smtp ?? null }) : options.config;
    const url = db.url;
    const started = await Promise.all(
      Array.from({ length: options.instances ?? 1 }, () => startTestServer(url, { ...(smtp ? { smtpUrl: smtp.url } : {}), ...config }, options.clock)),
    );
    servers.push(...started);
  });
  afterAll(async () => {
    for (const server of servers) {
      await server.close();
    }
    await smtp?.stop();
    await db?.drop();
  });
  const database = databaseOf(() => db);
  const tracker: Tracker = {
    db: database,
    get url() {
      return tracker.server.url;
    },
    query: database.query,
    withDataSource: database.withDataSource,
    get server() {
      return ready(servers[0], 'the test server');
    },
    servers,
    get dataSource() {
      return tracker.server.dataSource;
    },
    get smtp() {
      return ready(smtp, 'the test SMTP server (useTracker({ smtp: true }))');
    },
    as(role) {
      const client = new Client('');
      beforeAll(async () => {
        client.base = tracker.url;
        await client.signIn(DEMO_EMAIL[role]);
      });
      return client;
    },
    async signIn(email, password = DEMO_PASSWORD) {
      const client = new Client(tracker.url);
      await client.signIn(email, password);
      return client;
    },
  };
  return tracker;
}

/**
 * Another server on the database of a tracker (or any test database) for the specs of this block,
 * with other settings (a function is called as it starts, after the block's earlier beforeAll
 * hooks); closed after them.
 */
export function useServer(
  on: Pick<Database, 'url'>,
  config: Partial<AppConfig> | (() => Partial<AppConfig>) = {},
): { readonly server: RunningServer; readonly url: string } {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startTestServer(on.url, typeof config === 'function' ? config() : config);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      return ready(server, 'the test server');
    },
    get url() {
      return ready(server, 'the test server').url;
    },
  };
}

/** Starts a server on a database for the length of `fn` and closes it after, whether `fn` passed or threw. */
export async function withServer<T>(databaseUrl: string, config: Partial<AppConfig>, fn: (server: RunningServer) => Promise<T>): Promise<T> {
  const server = await startTestServer(databaseUrl, config);
  try {
    return await fn(server);
  } finally {
    await server.close();
  }
}

/** A new, empty folder under the system's temporary one for the specs of this block, removed after them. */
export function useTempDir(prefix: string): { readonly path: string } {
  let path: string | undefined;
  beforeAll(async () => {
    path = await mkdtemp(join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (path) {
      await rm(path, { recursive: true, force: true });
    }
  });
  return {
    get path() {
      return ready(path, 'the temporary folder');
    },
  };
}
