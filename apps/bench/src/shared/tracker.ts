/**
 * The tracker under measure: one embedded Postgres, the built API on it, the generated plans the
 * parts ask for, and a signed-in Secretariat.
 */
import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// Types only: the bench starts the Postgres the built API starts (dist/api/embedded-postgres.js).
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { launchPostgres } from '../../../api/src/app/database/embedded-postgres';
import { linkPlan } from './links';
import { freePort, runScript, startProcess } from './processes';
import { requireBuilt } from './settings';

export interface RunningTracker {
  databaseUrl: string;
  app: ChildProcess;
  appBase: string;
  stop(): Promise<void>;
}

/** Starts an embedded Postgres in a temporary folder and the built API on it. */
export async function startTracker(): Promise<RunningTracker> {
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    const dir = await mkdtemp(join(tmpdir(), 'tracker-bench-'));
    await chmod(dir, 0o755);
    // Started as the tracker starts its own (dist/api/embedded-postgres.js is built from the API).
    const { launchPostgres: launch } = requireBuilt<{ launchPostgres: typeof launchPostgres }>('dist/api/embedded-postgres.js');
    const pg = await launch({ clusterDir: join(dir, 'pg'), user: 'postgres', password: 'bench', persistent: false });
    stops.push(async () => {
      await pg.stop();
      await rm(dir, { recursive: true, force: true });
    });
    await pg.createDatabase('tracker');
    const databaseUrl = pg.url('tracker');

    const appPort = await freePort();
    const app = await startProcess(
      ['dist/api/main.js'],
      // Every client of the bench is 127.0.0.1: without the per-client limit of anonymous exports, the
      // export parts and the storm measure the pool and its queue, not the limit.
      { DATABASE_URL: databaseUrl, PORT: String(appPort), HOST: '127.0.0.1', NODE_ENV: 'development', EXPORT_RATE_LIMIT: '0' },
      'Work Plan tracker ready',
    );
    stops.push(async () => app.kill('SIGINT'));
    return { databaseUrl, app, appBase: `http://127.0.0.1:${appPort}`, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The plans `npm run seed:scale` generates for the parts, in the order they are added. */
export const GENERATED_PLANS = {
  /** 99 more partnerships of the Work Plan's size: the API at 100x. */
  scale: { say: '99 more partnerships of the same size (100x data)', args: ['--partnerships', '99', '--items', '41'] },
  /** One plan of 4,100 items (big-0001). */
  big: { say: 'a 4,100-item plan (big-0001)', args: ['--prefix', 'big', '--partnerships', '1', '--items', '4100'] },
  /** One plan of 1,000 items (chartk-0001). */
  chartk: { say: 'a 1,000-item plan (chartk-0001)', args: ['--prefix', 'chartk', '--partnerships', '1', '--items', '1000'] },
  /** One plan of 5,000 items (chartfivek-0001). */
  chartfivek: { say: 'a 5,000-item plan (chartfivek-0001)', args: ['--prefix', 'chartfivek', '--partnerships', '1', '--items', '5000'] },
  /**
   * One plan of 5,000 items with 5,000 links (linkedfivek-0001, linked by `linkPlan`): a plan of its
   * own, so that the unlinked 5,000-item plan's figures stay comparable with earlier runs.
   */
  linkedfivek: {
    say: 'a 5,000-item plan with 5,000 links (linkedfivek-0001)',
    args: ['--prefix', 'linkedfivek', '--partnerships', '1', '--items', '5000'],
    link: 'linkedfivek-0001',
  },
} as const;

export type GeneratedPlan = keyof typeof GENERATED_PLANS;

/** Adds the generated plans named, in the order of GENERATED_PLANS, and links those that say so. */
export async function seedPlans(databaseUrl: string, plans: ReadonlySet<GeneratedPlan>): Promise<void> {
  const chosen = (Object.keys(GENERATED_PLANS) as GeneratedPlan[]).filter((plan) => plans.has(plan));
  if (!chosen.length) return;
  console.log(`Adding ${chosen.map((plan) => GENERATED_PLANS[plan].say).join(', ')}...`);
  for (const plan of chosen) {
    const generated: { args: readonly string[]; link?: string } = GENERATED_PLANS[plan];
    console.log('  ' + (await runScript(['dist/api/seed-scale.js', ...generated.args], { DATABASE_URL: databaseUrl })));
    if (generated.link) console.log(`  Linked ${await linkPlan(databaseUrl, generated.link)} pairs of milestones of ${generated.link}`);
  }
}

const cookieOf = (response: Response, name: string): string | undefined => new RegExp(`${name}=([^;]+)`).exec(response.headers.getSetCookie().join('\n'))?.[1];

/** Signs in as the demo Secretariat: the cookies and the XSRF token a write sends. */
export async function signInAsSecretariat(base: string): Promise<{ cookie: string; xsrf: string }> {
  const me = await fetch(`${base}/api/auth/me`);
  const before = cookieOf(me, 'XSRF-TOKEN');
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xsrf-token': decodeURIComponent(before ?? ''), cookie: `XSRF-TOKEN=${before}` },
    body: JSON.stringify({ email: 'secretariat@example.org', password: 'demo-password' }),
  });
  const session = cookieOf(login, 'tracker_session');
  const xsrf = cookieOf(login, 'XSRF-TOKEN') ?? before;
  if (!session) throw new Error(`the bench's sign-in was refused: ${login.status}`);
  return { cookie: `tracker_session=${session}; XSRF-TOKEN=${xsrf}`, xsrf: decodeURIComponent(xsrf ?? '') };
}
