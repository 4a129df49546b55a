import type { ApiError, FollowUp, Milestone, MonitoringCall, Output, RegisterRisk } from '@tracker/contracts';
import { Client } from './client';
import { useTracker } from './harness';

/**
 * A corpus of bad inputs, each answered with a 4xx that says what is wrong (never a 500), and
 * nothing of it stored.
 */
describe('bad input', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  let milestone: Milestone;
  let output: Output;
  let risk: RegisterRisk;
  let call: MonitoringCall;
  let followUp: FollowUp;

  beforeAll(async () => {
    milestone = (await secretariat.get<Milestone[]>('/api/milestones')).body[0];
    output = (await secretariat.get<Output[]>('/api/outputs')).body[0];
    risk = (await secretariat.get<RegisterRisk[]>('/api/risk-register')).body[0];
    const created = await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: '2026-11-20', actionNumbers: [1], attendees: ['Ana'] });
    expect(created.status).toBe(201);
    call = created.body;
    const added = await secretariat.post<FollowUp>(`/api/monitoring-calls/${call.id}/follow-ups`, { what: 'Send the minutes' });
    expect(added.status).toBe(201);
    followUp = added.body;
  });

  const patchTargets = () => [
    { path: `/api/milestones/${milestone.id}`, version: milestone.version, text: 'note' },
    { path: `/api/outputs/${output.id}`, version: output.version, text: 'note' },
    { path: `/api/risk-register/${risk.id}`, version: risk.version, text: 'mitigation' },
    { path: `/api/monitoring-calls/${call.id}`, version: call.version, text: 'notes' },
    { path: `/api/follow-ups/${followUp.id}`, version: followUp.version, text: 'what' },
  ];

  async function expect400(answer: Promise<{ status: number; body: unknown }>, field: RegExp, label: string) {
    const { status, body } = await answer;
    expect([label, status]).toEqual([label, 400]);
    // Validation answers list their messages; the others give one.
    const message = (body as { message: string | string[] }).message;
    expect([label, Array.isArray(message) ? message[0] : message]).toEqual([label, expect.stringMatching(field)]);
  }

  it('refuses a version of 2^31 or more on every versioned item', async () => {
    for (const target of patchTargets()) {
      for (const version of [2 ** 31, 2 ** 53, 1e300]) {
        await expect400(secretariat.patch(target.path, { version, [target.text]: 'x' }), /^version must be a whole number/, `${target.path} ${version}`);
      }
    }
  });

  it('refuses a NUL character in any text field, in the sign-in email and in a query', async () => {
    for (const target of patchTargets()) {
      await expect400(
        secretariat.patch(target.path, { version: target.version, [target.text]: 'a\u0000b' }),
        new RegExp(`^${target.text} must not contain`),
        target.path,
      );
    }
    await expect400(
      secretariat.post(`/api/monitoring-calls`, { heldOn: '2026-11-21', actionNumbers: [1], attendees: ['A\u0000'] }),
      /^attendees\[0\] must not contain/,
      'attendee',
    );
    await expect400(
      new Client(tracker.url).get('/api/auth/me').then(() => secretariat.post('/api/auth/login', { email: 'x\u0000@example.org', password: 'p' })),
      /^email must not contain/,
      'email',
    );
    await expect400(secretariat.get('/api/milestones?partnership=a%00b'), /partnership/, 'query');
  });

  it('refuses deeply nested bodies without overflowing the stack', async () => {
    const nested = '['.repeat(5000) + ']'.repeat(5000);
    await expect400(secretariat.patch(`/api/milestones/${milestone.id}`, `{"version":1,"note":${nested}}`), /nested/, 'arrays');
    const objects = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
    await expect400(secretariat.post('/api/monitoring-calls', objects), /nested/, 'objects');
  });

  it('refuses a body whose brotli or gzip encoding is broken', async () => {
    for (const encoding of ['br', 'gzip', 'deflate']) {
      const response = await fetch(`${tracker.url}/api/milestones/${milestone.id}`, {
        method: 'PATCH',
        headers: {
          'content-type': 'application/json',
          'content-encoding': encoding,
          cookie: [...secretariat.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-xsrf-token': decodeURIComponent(secretariat.cookies.get('XSRF-TOKEN')!),
        },
        body: Buffer.from('definitely not compressed'),
      });
      expect([encoding, response.status]).toEqual([encoding, 400]);
      expect(((await response.json()) as ApiError).message).toMatch(/request body could not be read/);
    }
  });

  it('refuses whitespace-only texts where text is required', async () => {
    await expect400(secretariat.patch(`/api/follow-ups/${followUp.id}`, { version: followUp.version, what: '   \t ' }), /^what must be non-empty/, 'what');
    await expect400(secretariat.post(`/api/monitoring-calls/${call.id}/follow-ups`, { what: ' \n ' }), /^what must be non-empty/, 'new what');
    await expect400(
      secretariat.post('/api/monitoring-calls', { heldOn: '2026-11-21', actionNumbers: [1], attendees: ['Ana', '  '] }),
      /^attendees must be/,
      'attendee',
    );
    for (const field of ['title', 'description', 'mitigation']) {
      await expect400(
        secretariat.patch(`/api/risk-register/${risk.id}`, { version: risk.version, [field]: '   ' }),
        new RegExp(`^${field} must be non-empty`),
        field,
      );
    }
  });

  it('refuses dates outside 2000-2100', async () => {
    for (const day of ['0001-01-01', '1999-12-31', '2101-01-01', '9999-12-31']) {
      await expect400(secretariat.patch(`/api/milestones/${milestone.id}`, { version: milestone.version, forecastEnd: day }), /^forecastEnd must be/, day);
      await expect400(secretariat.post('/api/monitoring-calls', { heldOn: day, actionNumbers: [1] }), /^heldOn must be/, day);
      await expect400(secretariat.patch(`/api/follow-ups/${followUp.id}`, { version: followUp.version, dueDate: day }), /^dueDate must be/, day);
    }
  });

  it('refuses __proto__, constructor and prototype as unknown fields', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      await expect400(
        secretariat.patch(`/api/milestones/${milestone.id}`, `{"version":${milestone.version},"${key}":{"progress":5}}`),
        new RegExp(`${key}`),
        key,
      );
    }
  });

  it('answers 404 for an unknown partnership and names a bad Action number as given', async () => {
    const actions = await secretariat.get<ApiError>('/api/actions?partnership=nope');
    expect(actions.status).toBe(404);
    expect(actions.body.message).toMatch(/partnership "nope"/);
    const action = await secretariat.get<ApiError>('/api/actions/abc');
    expect(action.status).toBe(400);
    expect(action.body.message).toBe('number must be a whole Action number, e.g. /api/actions/1, got "abc"');
  });

  it('left every item as it was', async () => {
    expect((await secretariat.get<Milestone>(`/api/milestones/${milestone.id}`)).body.version).toBe(milestone.version);
    expect((await secretariat.get<FollowUp>(`/api/follow-ups/${followUp.id}`)).body).toEqual(followUp);
    expect((await secretariat.get<RegisterRisk>(`/api/risk-register/${risk.id}`)).body.version).toBe(risk.version);
    expect((await secretariat.get<MonitoringCall[]>('/api/monitoring-calls')).body).toHaveLength(1);
  });
});
