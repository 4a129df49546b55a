// Runs the evidence memory measurement alone: `node apps/bench/src/evidence-memory-run.mjs` after
// `npx nx run api:build`. Starts an embedded Postgres and the built API (dist/api/main.js) on it,
// signs in as the demo Secretariat, measures (evidence-memory.mjs), prints the figures as JSON, stops.
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evidenceMemory } from './evidence-memory.mjs';
import { signInForWrites } from './storm.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(import.meta.url);

const freePort = () =>
  new Promise((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });

function startApi(env) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['dist/api/main.js'], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => fail(new Error(`the API did not start:\n${output}`)), 120_000);
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes('Work Plan tracker ready')) {
        clearTimeout(timer);
        child.stdout.removeAllListeners('data');
        child.stderr.removeAllListeners('data');
        child.stdout.resume();
        child.stderr.resume();
        ok(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => fail(new Error(`the API exited with ${code}:\n${output}`)));
  });
}

const dir = await mkdtemp(join(tmpdir(), 'tracker-evidence-bench-'));
await chmod(dir, 0o755);
const { launchPostgres } = require(join(root, 'dist/api/embedded-postgres.js'));
const pg = await launchPostgres({ clusterDir: join(dir, 'pg'), user: 'postgres', password: 'bench', persistent: false });
let api = null;
try {
  await pg.createDatabase('tracker');
  const port = await freePort();
  api = await startApi({ DATABASE_URL: pg.url('tracker'), PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development' });
  const base = `http://127.0.0.1:${port}`;
  const session = await signInForWrites(base);
  const outputs = await (await fetch(`${base}/api/outputs`)).json();
  const figures = await evidenceMemory(base, api.pid, session, outputs[0].id);
  console.log(JSON.stringify(figures, null, 2));
} finally {
  api?.kill('SIGINT');
  await new Promise((ok) => (api ? api.once('exit', ok) : ok()));
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
