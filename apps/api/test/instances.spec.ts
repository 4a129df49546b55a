import type { ApiError, Milestone } from '@tracker/contracts';
import type { RunningServer } from '../src/app/server';
import { Client } from './client';
import { withClient } from './database';
import { useTracker } from './harness';

/** Two API instances on one database behave as one: sessions and throttling live in Postgres. */
describe('several instances behind a load balancer', () => {
  // Started together: the start-up lock makes them take turns at migrating and seeding.
  const tracker = useTracker({ instances: 2 });
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(() => {
    [a, b] = tracker.servers;
  });

  it('accepts on one instance a session opened on the other, and ends it everywhere', async () => {
    const onA = new Client(a.url);
    await onA.signIn('secretariat@example.org');
    const onB = onA.on(b.url);
    const target = (await onB.get<Milestone[]>('/api/milestones?action=4')).body[0];
    const patched = await onB.patch<Milestone>(`/api/milestones/${target.id}`, { version: target.version, progress: 15, note: 'written on B' });
    expect(patched.status).toBe(200);
    expect((await onA.get<Milestone>(`/api/milestones/${target.id}`)).body).toMatchObject({ progress: 15, version: target.version + 1 });

    // A stale write on A after the write on B is a conflict.
    expect((await onA.patch(`/api/milestones/${target.id}`, { version: target.version, progress: 99 })).status).toBe(409);

    expect((await onB.post('/api/auth/logout')).status).toBe(204);
    expect((await onA.get('/api/auth/me')).status).toBe(401);
  });

  it('counts failed sign-ins across instances', async () => {
    for (let i = 0; i < 5; i++) {
      const client = new Client(i % 2 === 0 ? a.url : b.url);
      await client.get('/api/health');
      expect((await client.post('/api/auth/login', { email: 'coordinator@example.org', password: `guess-${i}` })).status).toBe(401);
    }
    for (const url of [a.url, b.url]) {
      const client = new Client(url);
      await client.get('/api/health');
      const answer = await client.post<ApiError>('/api/auth/login', { email: 'coordinator@example.org', password: 'demo-password' });
      expect(answer.status).toBe(429);
    }
  });

  it('seeded the plan and the demo accounts once', async () => {
    expect(a.seeded.milestones + b.seeded.milestones).toBeGreaterThan(30);
    expect(Math.min(a.seeded.milestones, b.seeded.milestones)).toBe(0);
    const rows = await withClient(tracker.db.url, async (c) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM user_account`)).rows);
    expect(rows).toEqual([{ n: 4 }]);
  });
});
