import 'reflect-metadata';
import { ROLES, type Role } from '@tracker/contracts';
import { ConfigError, loadConfig } from '../app/config/config';
import { createDataSource } from '../app/database/data-source';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../app/database/embedded-postgres';
import { prepareDatabase } from '../app/server';
import { AccountError, checkPassword, createAccount } from '../app/accounts/account-setup';

const USAGE =
  'usage: npm run user:create -- --email <address> --name <full name> --role <' +
  ROLES.join('|') +
  '> --organisation <key, id or name>\n' +
  '  The password is read from TRACKER_USER_PASSWORD, else asked for (twice) on the terminal.\n' +
  '  The database is DATABASE_URL, else the embedded one in DATA_DIR (stop the server first).';

/**
 * `npm run user:create -- --email ... --name ... --role ... --organisation ...`: the way accounts are
 * made in production (the server creates none there). In the Docker image: `node dist/api/user-create.js ...`.
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const missing = ['email', 'name', 'role', 'organisation'].filter((k) => !args[k]);
  if (missing.length > 0) {
    throw new AccountError(`missing --${missing.join(', --')}\n${USAGE}`);
  }
  if (!ROLES.includes(args['role'] as Role)) {
    throw new AccountError(`--role must be one of ${ROLES.join(', ')}, got "${args['role']}"`);
  }
  const password = await readPassword();
  checkPassword(password);

  const config = loadConfig(process.env, { webDist: null });
  let embedded: EmbeddedDatabase | null = null;
  if (config.databaseUrl === null) {
    embedded = await startEmbeddedPostgres(config.dataDir);
  }
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url);
  try {
    await dataSource.initialize();
    // The organisations must be there: migrate and seed as the server would (both are idempotent).
    await prepareDatabase(dataSource, config, { accounts: false });
    const created = await dataSource.transaction((manager) =>
      createAccount(manager, { email: args['email'], name: args['name'], role: args['role'] as Role, organisation: args['organisation'] }, password),
    );
    console.log(`Created the ${args['role']} account ${args['email'].trim().toLowerCase()} (${created.organisation}).`);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await embedded?.stop();
  }
}

function parseArgs(argv: string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match || !['email', 'name', 'role', 'organisation'].includes(match[1])) {
      throw new AccountError(`unknown argument "${argv[i]}"\n${USAGE}`);
    }
    result[match[1]] = match[2] ?? argv[++i] ?? '';
  }
  return result;
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env['TRACKER_USER_PASSWORD'];
  if (fromEnv !== undefined && fromEnv !== '') {
    return fromEnv;
  }
  if (!process.stdin.isTTY) {
    throw new AccountError('no terminal to ask for the password on: set TRACKER_USER_PASSWORD');
  }
  const first = await askHidden('Password: ');
  const second = await askHidden('Password again: ');
  if (first !== second) {
    throw new AccountError('the two passwords differ');
  }
  return first;
}

/** Reads a line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let line = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          done();
          resolveLine(line);
          return;
        }
        if (char === '\u0003') {
          done();
          reject(new AccountError('cancelled'));
          return;
        }
        line = char === '\u007f' || char === '\b' ? line.slice(0, -1) : line + char;
      }
    };
    const done = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
    };
    stdin.on('data', onData);
  });
}

main().catch((error: unknown) => {
  const known = error instanceof AccountError || error instanceof ConfigError;
  console.error(`Cannot create the account: ${known || error instanceof Error ? (error as Error).message : String(error)}`);
  process.exit(1);
});
