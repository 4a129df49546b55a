import type { ApiError, Milestone } from '@tracker/contracts';
import { loadConfig } from '../src/app/config/config';
import { Client, DEMO_PASSWORD } from './client';
import { startTestServer } from './server';
import { useTracker } from './harness';

/** The XSRF token belongs to its session; signed-in answers are not stored; the API docs are a setting. */
describe('tokens bound to the session, and what may be cached', () => {
  const tracker = useTracker();

  async function firstMilestone(client: Client): Promise<Milestone> {
    const list = await client.get<Milestone[]>('/api/milestones');
    expect(list.status).toBe(200);
    return list.body[0];
  }

  it('refuses a write whose XSRF cookie and header were planted together, with a valid session', async () => {
    const victim = await tracker.signIn('secretariat@example.org');
    const milestone = await firstMilestone(victim);
    // An attacker who can set cookies for the site plants a token of their choosing and sends it back.
    victim.cookies.set('XSRF-TOKEN', 'planted-by-someone-else');
    const forged = await victim.patch<ApiError>(`/api/milestones/${milestone.id}`, { version: milestone.version, progress: 42 });
    expect(forged.status).toBe(403);
    expect(forged.body.message).toMatch(/missing or wrong X-XSRF-TOKEN header/);
    // A token issued for another session is refused too.
    const other = await tracker.signIn('coordinator@example.org');
    victim.cookies.set('XSRF-TOKEN', other.cookies.get('XSRF-TOKEN')!);
    expect((await victim.patch(`/api/milestones/${milestone.id}`, { version: milestone.version, progress: 42 })).status).toBe(403);
  });

  it('gives a new, bound token on the next GET, with which writes work again', async () => {
    const client = await tracker.signIn('secretariat@example.org');
    client.cookies.set('XSRF-TOKEN', 'planted');
    await client.get('/api/auth/me');
    expect(client.cookies.get('XSRF-TOKEN')).not.toBe('planted');
    const milestone = await firstMilestone(client);
    const saved = await client.patch<Milestone>(`/api/milestones/${milestone.id}`, {
      version: milestone.version,
      progress: milestone.progress === 30 ? 40 : 30,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(milestone.version + 1);
  });

  it('lets a signed-out browser sign in again without another GET', async () => {
    const client = await tracker.signIn('member@example.org');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.post('/api/auth/login', { email: 'member@example.org', password: DEMO_PASSWORD })).status).not.toBe(403);
  });

  it('marks every signed-in API answer no-store, and anonymous ones no-cache', async () => {
    const client = await tracker.signIn('secretariat@example.org');
    for (const path of ['/api/auth/me', '/api/milestones', '/api/gantt', '/api/risks', '/api/nothing-here']) {
      const answer = await client.get(path);
      expect([path, answer.headers.get('cache-control')]).toEqual([path, 'no-store']);
    }
    const anonymous = await new Client(tracker.url).get('/api/milestones');
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the API docs outside production, and in production only when API_DOCS=true', async () => {
    expect((await new Client(tracker.url).get('/api/docs/openapi.json')).status).toBe(200);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@h/d' }, { webDist: null }).apiDocs).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u:p@h/d', API_DOCS: 'true' }, { webDist: null }).apiDocs).toBe(true);
    const closed = await startTestServer(tracker.db.url, { apiDocs: false });
    try {
      expect((await new Client(closed.url).get('/api/docs/openapi.json')).status).toBe(404);
      expect((await new Client(closed.url).get('/api/docs')).status).toBe(404);
    } finally {
      await closed.close();
    }
  });
});
