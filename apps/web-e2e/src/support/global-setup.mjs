// Starts the built tracker exactly as `npm start` runs it (node dist/api/main.js, embedded
// Postgres in a fresh DATA_DIR), on a free port, once for all browser tests.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rename, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

export default async function globalSetup() {
  const main = join(root, 'dist/api/main.js');
  if (!existsSync(main) || !existsSync(join(root, 'dist/web/browser/index.html'))) {
    throw new Error('Build the API and the web app first (npm test does): dist/api/main.js or dist/web/browser is missing');
  }
  if (!existsSync('/usr/bin/chromium')) {
    throw new Error("Debian's chromium is missing: apt-get install chromium (.ci/run does)");
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'tracker-e2e-'));
  await chmod(dataDir, 0o755);
  // A second partnership beside the Work Plan, as `npm run seed:scale` adds it (partnerships.spec.ts).
  await new Promise((ok, fail) => {
    const seed = spawn(process.execPath, [join(root, 'dist/api/seed-scale.js'), '--partnerships', '1', '--items', '40'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    seed.stdout.on('data', (chunk) => (log += chunk));
    seed.stderr.on('data', (chunk) => (log += chunk));
    seed.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`seed:scale exited with code ${code}:\n${log}`))));
  });
  // A real SMTP server for the tracker's mail; each parsed mail is written as JSON to mailDir,
  // where the tests (in other processes) read it.
  const mailDir = await mkdtemp(join(tmpdir(), 'tracker-e2e-mail-'));
  let received = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          received += 1;
          const to = [mail.to ?? []].flat().flatMap((a) => a.value.map((v) => v.address));
          const body = { to, subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '' };
          // Written aside, then renamed: a spec watching the folder never reads half a mail.
          const name = join(mailDir, String(received).padStart(5, '0'));
          await writeFile(`${name}.tmp`, JSON.stringify(body));
          await rename(`${name}.tmp`, `${name}.json`);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((ok, fail) => {
    smtp.once('error', fail);
    smtp.listen(0, '127.0.0.1', ok);
  });
  const smtpPort = smtp.server.address().port;
  const port = await freePort();
  // A real OpenID Connect provider (oidc-provider, ESM-only, so in its own process).
  const oidcPort = await freePort();
  const oidc = spawn(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'oidc-provider.mjs')], {
    env: {
      PATH: process.env.PATH,
      PORT: String(oidcPort),
      CLIENT_ID: 'tracker-e2e',
      CLIENT_SECRET: 'e2e-client-secret',
      REDIRECT_URI: `http://127.0.0.1:${port}/api/auth/oidc/callback`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise((ok, fail) => {
    let said = '';
    const timer = setTimeout(() => fail(new Error(`the OpenID Connect provider did not start:\n${said}`)), 30_000);
    const onData = (chunk) => {
      said += chunk.toString();
      if (said.includes('oidc provider ready')) {
        clearTimeout(timer);
        ok();
      }
    };
    oidc.stdout.on('data', onData);
    oidc.stderr.on('data', onData);
    oidc.on('exit', (code) => fail(new Error(`the OpenID Connect provider exited with ${code}:\n${said}`)));
  });
  oidc.stdout.resume();
  oidc.stderr.resume();
  const child = spawn(process.execPath, [main], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      NODE_ENV: 'development',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
      OIDC_CLIENT_ID: 'tracker-e2e',
      OIDC_CLIENT_SECRET: 'e2e-client-secret',
      OIDC_NAME: 'the test provider',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the tracker did not start within 120 s:\n${output}`)), 120_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes('Work Plan tracker ready at')) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`the tracker exited with code ${code} before it was ready:\n${output}`));
    });
  });
  child.stdout.removeAllListeners('data');
  child.stderr.removeAllListeners('data');
  child.stdout.resume();
  child.stderr.resume();
  globalThis.__TRACKER_E2E__ = { child, dataDir, smtp, mailDir, oidc };
  process.env.E2E_BASE_URL = `http://127.0.0.1:${port}`;
  process.env.E2E_MAIL_DIR = mailDir;
}
