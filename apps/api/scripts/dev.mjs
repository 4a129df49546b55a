// `npm run dev`: the API rebuilt on every change and restarted (http://localhost:3000/api), and the
// Angular dev server with live reload on http://localhost:4200, which passes /api to the API.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const main = join(root, 'dist/api/main.js');
const children = [];

function run(label, args, env = {}, command = process.execPath) {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`dev: ${label} stopped (${signal ?? `code ${code}`}); stopping the rest`);
      void stop(code ?? 1);
    }
  });
  return child;
}

let stopping = false;
async function stop(code) {
  stopping = true;
  for (const child of children) child.kill('SIGINT');
  await Promise.all(children.map((child) => (child.exitCode === null && child.signalCode === null ? new Promise((ok) => child.once('exit', ok)) : null)));
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

rmSync(main, { force: true });
run('the API build', [join(root, 'apps/api/scripts/build.mjs'), '--watch', 'apps/api/src/main.ts', 'apps/api/src/app/exports/render/export-worker.ts']);
while (!existsSync(main)) await sleep(200);
// The API alone (the dev server serves the web app); node --watch restarts it after each rebuild.
run('the API', ['--watch', main], { WEB_DIST: '', NODE_ENV: process.env.NODE_ENV ?? 'development' });
run('the web dev server', ['run', 'web:serve', '--outputStyle=stream'], { NX_DAEMON: 'false' }, join(root, 'node_modules/.bin/nx'));
