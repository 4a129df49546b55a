import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { alive, exitWithin, launchBuilt, postmasterPid, useDataDir } from './support/built-tracker';

const launch = (dataDir: string) => launchBuilt({ DATA_DIR: dataDir });

function errorLines(stderr: string): string[] {
  return stderr.split('\n').filter((l) => l.trim() !== '' && !l.includes('DeprecationWarning') && !l.includes('--trace-deprecation'));
}

describe('a start after a crash, a second instance, a damaged database', () => {
  const data = useDataDir('tracker-crash-');
  const leftovers = data.leftovers;

  it('comes up again after the tracker was killed with SIGKILL, stopping the Postgres it left', async () => {
    const first = launch(data.path);
    await first.ready;
    const orphan = await postmasterPid(data.path);
    leftovers.push(orphan);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(alive(orphan)).toBe(true); // what a crash leaves behind

    const second = launch(data.path);
    await second.ready;
    expect(alive(orphan)).toBe(false);
    const fresh = await postmasterPid(data.path);
    leftovers.push(fresh);
    second.child.kill('SIGTERM');
    expect((await exitWithin(second, 30_000)).code).toBe(0);
    expect(alive(fresh)).toBe(false);
  });

  it('refuses a second tracker on the same DATA_DIR in one line, exit code 1, while the first keeps running', async () => {
    const first = launch(data.path);
    await first.ready;
    leftovers.push(await postmasterPid(data.path));
    try {
      const second = await exitWithin(launch(data.path), 30_000);
      expect(second.code).toBe(1);
      const lines = errorLines(second.stderr);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^Cannot start: another tracker \(process \d+\) is running on the database in .*; stop it first, or give this one another DATA_DIR$/,
      );
      expect(first.child.exitCode).toBeNull();
    } finally {
      first.child.kill('SIGTERM');
      await exitWithin(first, 30_000);
    }
  });

  it('exits with code 1 and says so when its embedded Postgres dies under it', async () => {
    const tracker = launch(data.path);
    await tracker.ready;
    const pid = await postmasterPid(data.path);
    leftovers.push(pid);
    process.kill(pid, 'SIGKILL');
    const exit = await exitWithin(tracker, 30_000);
    expect(exit.code).toBe(1);
    // The database driver may report the lost connections first; the last line says what happened.
    expect(errorLines(exit.stderr).at(-1)).toMatch(/^Stopping: the embedded Postgres in .* stopped \(signal SIGKILL\); start the tracker again/);
  });

  it('exits with code 1 and one line when the cluster is damaged', async () => {
    await writeFile(join(data.path, 'postgres', 'global', 'pg_control'), 'damaged');
    const exit = await exitWithin(launch(data.path), 60_000);
    expect(exit.code).toBe(1);
    const lines = errorLines(exit.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Cannot start: the embedded Postgres in .*postgres did not start: /);
  });
});
