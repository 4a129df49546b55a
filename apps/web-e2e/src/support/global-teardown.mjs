import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const state = globalThis.__TRACKER_E2E__;
  if (!state) return;
  const exited = new Promise((ok) => state.child.once('exit', ok));
  state.child.kill('SIGINT');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 20_000))]);
  if (state.child.exitCode === null) state.child.kill('SIGKILL');
  await rm(state.dataDir, { recursive: true, force: true });
  await new Promise((ok) => state.smtp.close(ok));
  state.oidc.removeAllListeners('exit');
  const oidcExited = new Promise((ok) => state.oidc.once('exit', ok));
  state.oidc.kill('SIGTERM');
  await Promise.race([oidcExited, new Promise((ok) => setTimeout(ok, 5_000))]);
  await rm(state.mailDir, { recursive: true, force: true });
}
