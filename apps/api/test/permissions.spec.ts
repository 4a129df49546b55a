import { ROLES, type Role } from '@tracker/contracts';
import {
  ACCOUNT_WRITE_ENDPOINTS,
  PERMISSIONS,
  PUBLIC_WRITE_ENDPOINTS,
  SIGNED_IN_WRITE_ENDPOINTS,
  WRITE_ENDPOINTS,
  type WriteEndpoint,
} from '../src/app/auth/permissions';
import { Client } from './client';
import { withClient } from './database';
import { itemsOf, newUser, TEST_PASSWORD } from './fixtures';
import { useTracker } from './harness';

/**
 * The permission matrix, driven by the table in permissions.ts: every role x every write endpoint x
 * an item of an Action the user's organisation co-leads (own) and of one it does not (other).
 * Every test user belongs to Ashoka Hello Europe, which co-leads Action 1 and not Action 2, so only
 * the role decides.
 */
describe('who may change what', () => {
  const tracker = useTracker();
  let ids: Record<WriteEndpoint['itemType'], Record<1 | 2, string>>;
  /** Milestones added for the links' cases, per Action: no seeded link touches them, so no case makes a cycle. */
  const linkable: Record<1 | 2, string[]> = { 1: [], 2: [] };
  const clients = new Map<Role, Client>();
  let day = 0;

  beforeAll(async () => {
    const items = await itemsOf(tracker.url);
    for (const role of ROLES) {
      clients.set(role, await tracker.signIn(await newUser(tracker, { role, organisation: 'ashoka-hello-europe' }), TEST_PASSWORD));
    }
    const risks = async (action: number) => (await clients.get('secretariat')!.get<{ id: string }[]>(`/api/risk-register?action=${action}`)).body[0].id;
    ids = {
      milestone: { 1: items.milestones[1].id, 2: items.milestones[2].id },
      output: { 1: items.outputs[1].id, 2: items.outputs[2].id },
      risk: { 1: await risks(1), 2: await risks(2) },
      monitoring_call: { 1: '', 2: '' },
      follow_up: { 1: '', 2: '' },
      plan_version: { 1: '', 2: '' },
      target: { 1: '', 2: '' },
    };
    // Calls and follow-ups belong to no Action: one of each serves as "own" and "other".
    const secretariat = clients.get('secretariat')!;
    const call = await secretariat.post<{ id: string }>('/api/monitoring-calls', { heldOn: '2026-04-01', actionNumbers: [1, 2] });
    const followUp = await secretariat.post<{ id: string }>(`/api/monitoring-calls/${call.body.id}/follow-ups`, { what: 'send the minutes' });
    ids.monitoring_call = { 1: call.body.id, 2: call.body.id };
    ids.follow_up = { 1: followUp.body.id, 2: followUp.body.id };
    const target = async (action: number) =>
      (await secretariat.post<{ id: string }>('/api/targets', { actionNumber: action, description: `Target of Action ${action}` })).body.id;
    ids.target = { 1: await target(1), 2: await target(2) };
    for (const action of [1, 2] as const) {
      for (let i = 0; i < 6; i++) {
        linkable[action].push(
          (await secretariat.post<{ id: string }>('/api/milestones', { actionNumber: action, title: `Linkable ${i}`, windowText: 'June 2026' })).body.id,
        );
      }
    }
  });

  function path(endpoint: WriteEndpoint, id: string): string {
    return endpoint.path.replace(':id', id);
  }

  async function versionOf(endpoint: WriteEndpoint, id: string): Promise<number> {
    const { body } = await clients.get('secretariat')!.get<{ version: number }>(path(endpoint, id).replace(/\/move$/, ''));
    return body.version;
  }

  /**
   * What a POST route creates, and how to count it: calls, follow-ups of a call, milestones, outputs
   * and risks of the Action (1 own, 2 other), versions of the plan.
   */
  const CREATIONS: Record<string, { body: (role: Role, action: 1 | 2, date: string) => object; list: (id: string) => string; refusal: RegExp }> = {
    '/api/monitoring-calls': {
      body: (_r, _a, date) => ({ heldOn: date, actionNumbers: [1] }),
      list: () => '/api/monitoring-calls',
      refusal: /may not record monitoring calls/,
    },
    '/api/monitoring-calls/:id/follow-ups': {
      body: (role, _a, date) => ({ what: `${role} asks`, dueDate: date }),
      list: (id) => `/api/monitoring-calls/${id}`,
      refusal: /may not record monitoring calls/,
    },
    '/api/milestones': {
      body: (role, action) => ({ actionNumber: action, title: `${role} adds`, windowText: 'June 2026' }),
      list: () => '/api/milestones',
      refusal: /may (not change milestones|change only)/,
    },
    '/api/outputs': {
      body: (role, action) => ({ actionNumber: action, title: `${role} adds`, dueText: 'June 2026' }),
      list: () => '/api/outputs',
      refusal: /may (not change outputs|change only)/,
    },
    '/api/risk-register': {
      body: (role, action) => ({ actionNumber: action, title: `${role} adds` }),
      list: () => '/api/risk-register',
      refusal: /may (not change risks|change only)/,
    },
    '/api/targets': {
      body: (role, action) => ({ actionNumber: action, description: `${role} adds` }),
      list: () => '/api/targets',
      refusal: /may (not change milestones|change only)/,
    },
    '/api/dependencies': {
      // One successor per Action, a different predecessor for each role.
      body: (role, action) => ({ predecessorId: linkable[action][1 + ROLES.indexOf(role)], successorId: linkable[action][0] }),
      list: () => '/api/dependencies',
      refusal: /may (not change milestones|change only)/,
    },
    '/api/outputs/:id/evidence': {
      body: (role) => ({ url: 'https://example.org/report', title: `${role} attaches` }),
      list: (id) => `/api/outputs/${id}/evidence`,
      refusal: /may (not change outputs|change only)/,
    },
    '/api/milestones/:id/evidence': {
      body: (role) => ({ url: 'https://example.org/report', title: `${role} attaches` }),
      list: (id) => `/api/milestones/${id}/evidence`,
      refusal: /may (not change milestones|change only)/,
    },
    '/api/plan-versions': {
      body: (role, _a, date) => ({ name: `${role} approves on ${date}` }),
      list: () => '/api/plan-versions',
      refusal: /may not approve versions/,
    },
  };

  async function countOf(endpoint: WriteEndpoint, id: string): Promise<number> {
    const { body } = await clients.get('secretariat')!.get<unknown[] | { followUps: unknown[] }>(CREATIONS[endpoint.path].list(id));
    return Array.isArray(body) ? body.length : body.followUps.length;
  }

  const cases = ROLES.flatMap((role) =>
    WRITE_ENDPOINTS.flatMap((endpoint) =>
      (['own', 'other'] as const).map((which) => {
        const scope = PERMISSIONS[role][endpoint.permission];
        const allowed = scope === 'all' || (scope === 'own_action' && which === 'own');
        return { role, endpoint, which, allowed };
      }),
    ),
  );

  it('has a case for every role, endpoint and Action', () => {
    expect(cases).toHaveLength(ROLES.length * WRITE_ENDPOINTS.length * 2);
    // The table grants exactly what the issue says.
    expect(cases.filter((c) => c.allowed).map((c) => `${c.role} ${c.endpoint.path} ${c.which}`)).toEqual([
      'secretariat /api/milestones/:id own',
      'secretariat /api/milestones/:id other',
      'secretariat /api/outputs/:id own',
      'secretariat /api/outputs/:id other',
      'secretariat /api/risk-register/:id own',
      'secretariat /api/risk-register/:id other',
      'secretariat /api/milestones own',
      'secretariat /api/milestones other',
      'secretariat /api/milestones/:id/move own',
      'secretariat /api/milestones/:id/move other',
      'secretariat /api/outputs own',
      'secretariat /api/outputs other',
      'secretariat /api/risk-register own',
      'secretariat /api/risk-register other',
      'secretariat /api/plan-versions own',
      'secretariat /api/plan-versions other',
      'secretariat /api/targets own',
      'secretariat /api/targets other',
      'secretariat /api/targets/:id own',
      'secretariat /api/targets/:id other',
      'secretariat /api/monitoring-calls own',
      'secretariat /api/monitoring-calls other',
      'secretariat /api/monitoring-calls/:id own',
      'secretariat /api/monitoring-calls/:id other',
      'secretariat /api/monitoring-calls/:id/follow-ups own',
      'secretariat /api/monitoring-calls/:id/follow-ups other',
      'secretariat /api/follow-ups/:id own',
      'secretariat /api/follow-ups/:id other',
      'secretariat /api/dependencies own',
      'secretariat /api/dependencies other',
      'secretariat /api/dependencies/:id own',
      'secretariat /api/dependencies/:id other',
      'secretariat /api/outputs/:id/evidence own',
      'secretariat /api/outputs/:id/evidence other',
      'secretariat /api/milestones/:id/evidence own',
      'secretariat /api/milestones/:id/evidence other',
      'secretariat /api/evidence/:id own',
      'secretariat /api/evidence/:id other',
      'co_leader /api/milestones/:id own',
      'co_leader /api/outputs/:id own',
      'co_leader /api/risk-register/:id own',
      'co_leader /api/milestones own',
      'co_leader /api/milestones/:id/move own',
      'co_leader /api/outputs own',
      'co_leader /api/risk-register own',
      'co_leader /api/targets own',
      'co_leader /api/targets/:id own',
      'co_leader /api/dependencies own',
      'co_leader /api/dependencies/:id own',
      'co_leader /api/outputs/:id/evidence own',
      'co_leader /api/milestones/:id/evidence own',
      'co_leader /api/evidence/:id own',
    ]);
  });

  it.each(cases.map((c) => [c.role, c.endpoint.method, c.endpoint.path, c.which, c.allowed ? 'allowed' : 'refused', c] as const))(
    '%s: %s %s of the %s Action is %s',
    async (role, method, _path, which, _verdict, { endpoint, allowed }) => {
      const id = ids[endpoint.itemType][which === 'own' ? 1 : 2];
      day += 1;
      const date = new Date(Date.UTC(2026, 4, day)).toISOString().slice(0, 10); // 1 May 2026 onwards, a different day each case
      if (endpoint.method === 'POST' && CREATIONS[endpoint.path]) {
        const before = await countOf(endpoint, id);
        const body = CREATIONS[endpoint.path].body(role, which === 'own' ? 1 : 2, date);
        const created = await clients.get(role)!.request<{ message: string }>(method, path(endpoint, id), body);
        expect(created.status).toBe(allowed ? 201 : 403);
        expect(await countOf(endpoint, id)).toBe(before + (allowed ? 1 : 0));
        if (!allowed) {
          expect(created.body.message).toMatch(CREATIONS[endpoint.path].refusal);
        }
        return;
      }
      if (endpoint.method === 'DELETE' && endpoint.path === '/api/evidence/:id') {
        const secretariat = clients.get('secretariat')!;
        const added = await secretariat.post<{ id: string }>(`/api/outputs/${id}/evidence`, { url: 'https://example.org/minutes', title: `${role} ${date}` });
        expect(added.status).toBe(201);
        const removed = await clients.get(role)!.request<{ message: string }>(method, path(endpoint, added.body.id));
        expect(removed.status).toBe(allowed ? 204 : 403);
        const listed = await secretariat.get<{ id: string; removedAt: string | null }[]>(`/api/outputs/${id}/evidence`);
        expect(listed.body.find((e) => e.id === added.body.id)?.removedAt === null).toBe(!allowed);
        if (!allowed) {
          expect(removed.body.message).toMatch(/may (not change outputs|change only)/);
        }
        return;
      }
      if (endpoint.method === 'DELETE') {
        const action = which === 'own' ? 1 : 2;
        const secretariat = clients.get('secretariat')!;
        const extra = await secretariat.post<{ id: string }>('/api/milestones', {
          actionNumber: action,
          title: `${role} link ${date}`,
          windowText: 'May 2026',
        });
        const link = await secretariat.post<{ id: string }>('/api/dependencies', { predecessorId: extra.body.id, successorId: linkable[action][0] });
        expect(link.status).toBe(201);
        const removed = await clients.get(role)!.request<{ message: string }>(method, path(endpoint, link.body.id));
        expect(removed.status).toBe(allowed ? 204 : 403);
        const links = await secretariat.get<{ id: string }[]>('/api/dependencies');
        expect(links.body.some((l) => l.id === link.body.id)).toBe(!allowed);
        if (!allowed) {
          expect(removed.body.message).toMatch(/may (not change milestones|change only)/);
        }
        return;
      }
      const version = await versionOf(endpoint, id);
      const changes: Record<WriteEndpoint['itemType'], Record<string, unknown>> = {
        milestone: { forecastEnd: date, note: `${role} tries` },
        output: { forecastEnd: date, note: `${role} tries` },
        risk: { nextReview: date },
        monitoring_call: { heldOn: date },
        follow_up: { dueDate: date },
        plan_version: {},
        target: { description: `${role} rewords on ${date}` },
      };
      // A move changes the place, not a field the answer names.
      const change = endpoint.path.endsWith('/move') ? { direction: 'later' } : changes[endpoint.itemType];
      const answer = await clients.get(role)!.request<{ version: number; message: string }>(method, path(endpoint, id), { version, ...change });
      if (allowed) {
        expect(answer.status).toBe(200);
        const { note: _note, direction: _direction, ...changed } = change as Record<string, unknown>;
        expect(answer.body).toMatchObject({ version: version + 1, ...changed });
      } else {
        expect(answer.status).toBe(403);
        expect(answer.body.message).toMatch(/may (not|change only)/);
        expect(await versionOf(endpoint, id)).toBe(version);
      }
    },
  );

  it.each(WRITE_ENDPOINTS.map((e) => [e.method, e.path, e] as const))('%s %s needs sign-in (401), and the refusal is logged', async (method, _p, endpoint) => {
    const anonymous = new Client(tracker.url);
    await anonymous.get('/api/health');
    const id = ids[endpoint.itemType][1];
    const answer = await anonymous.request(method, path(endpoint, id), { version: 1, forecastEnd: '2026-01-01' });
    expect(answer.status).toBe(401);
    const logged = await withClient(tracker.db.url, (c) =>
      c.query(`SELECT detail FROM auth_event WHERE kind = 'write_refused' AND detail LIKE $1`, [`${method} ${path(endpoint, id)}: 401%`]),
    );
    expect(logged.rowCount).toBeGreaterThan(0);
  });

  it('logs every refused write with who tried', async () => {
    const { rows } = await withClient(tracker.db.url, (c) =>
      c.query<{ email: string; detail: string }>(`SELECT email, detail FROM auth_event WHERE kind = 'write_refused' AND detail LIKE '%: 403 %'`),
    );
    const refused = cases.filter((c) => !c.allowed).length;
    expect(rows).toHaveLength(refused);
    expect(rows.every((row) => row.email !== null)).toBe(true);
  });

  it('lists every write route of the API in the table (or as public), so the matrix misses none', () => {
    // Express 5 keeps the routes on app.router.
    const express = tracker.server.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    const writes = express.router.stack
      .filter((layer) => layer.route)
      .flatMap((layer) =>
        Object.keys(layer.route!.methods)
          .filter((m) => !['get', 'head', 'options', '_all'].includes(m))
          .map((m) => `${m.toUpperCase()} ${layer.route!.path}`),
      )
      .sort();
    const known = [...WRITE_ENDPOINTS, ...ACCOUNT_WRITE_ENDPOINTS, ...SIGNED_IN_WRITE_ENDPOINTS, ...PUBLIC_WRITE_ENDPOINTS]
      .map((e) => `${e.method} ${e.path}`)
      .sort();
    expect(writes).toEqual(known);
  });

  it('lets the demo co-leader change Action 1 and nothing of Action 2', async () => {
    const colead = await tracker.signIn('colead.labour@example.org');
    const me = await colead.get<{ editableActions: number[] }>('/api/auth/me');
    expect(me.body.editableActions).toEqual([1]);
    const own = await colead.patch(`/api/milestones/${ids.milestone[1]}`, { version: await versionOf(WRITE_ENDPOINTS[0], ids.milestone[1]), progress: 10 });
    expect(own.status).toBe(200);
    const other = await colead.patch(`/api/milestones/${ids.milestone[2]}`, { version: await versionOf(WRITE_ENDPOINTS[0], ids.milestone[2]), progress: 10 });
    expect(other.status).toBe(403);
    expect(other.body).toMatchObject({ message: 'co-leaders may change only the milestones and outputs of the Actions their organisation co-leads' });
  });

  it('tells each demo account which Actions it may change', async () => {
    const editable = async (email: string) => (await (await tracker.signIn(email)).get<{ editableActions: number[] }>('/api/auth/me')).body.editableActions;
    expect(await editable('secretariat@example.org')).toEqual([1, 2, 3, 4]);
    expect(await editable('coordinator@example.org')).toEqual([]);
    expect(await editable('member@example.org')).toEqual([]);
  });
});
