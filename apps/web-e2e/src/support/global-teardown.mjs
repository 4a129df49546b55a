import { rm } from 'node:fs/promises';

export default async function globalTeardown() {
  const state = globalThis.__TRACKER_E2E__;
  if (!state) return;
  const { child } = state;
  if (child.exitCode === null && child.signalCode === null) {
    // Wait for the tracker to stop its database cleanly, at most 20 s. The timer is cleared as soon
    // as the child exits: a pending timer would keep jest's process alive after the run.
    let timer;
    const exited = new Promise((ok) => child.once('exit', ok));
    const waited = new Promise((ok) => {
      timer = setTimeout(ok, 20_000);
    });
    child.kill('SIGINT');
    await Promise.race([exited, waited]);
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  await rm(state.dataDir, { recursive: true, force: true });
  await new Promise((ok) => state.smtp.close(ok));
  state.oidc.removeAllListeners('exit');
  const oidcExited = new Promise((ok) => state.oidc.once('exit', ok));
  state.oidc.kill('SIGTERM');
  let oidcTimer;
  await Promise.race([oidcExited, new Promise((ok) => (oidcTimer = setTimeout(ok, 5_000)))]);
  clearTimeout(oidcTimer);
  await rm(state.mailDir, { recursive: true, force: true });
}
