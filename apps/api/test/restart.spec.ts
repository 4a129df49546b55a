import type { Milestone } from '@tracker/contracts';
import { createTestDatabase, withClient } from './database';
import { getJson, startTestServer } from './server';
import { useDatabase } from './harness';

async function counts(url: string): Promise<Record<string, number>> {
  return withClient(url, async (client) => {
    const result: Record<string, number> = {};
    for (const table of [
      'organisation',
      'partnership',
      'partnership_member',
      'action',
      'action_participant',
      'milestone',
      'milestone_alternative',
      'output',
      'output_milestone',
      'target',
      'risk',
    ]) {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM "${table}"`);
      result[table] = rows[0].n;
    }
    return result;
  });
}

describe('restarting the tracker', () => {
  const db = useDatabase();

  it('keeps what users changed and does not duplicate the seed', async () => {
    const first = await startTestServer(db.url);
    let target: Milestone;
    try {
      expect(first.seeded.milestones).toBeGreaterThan(30);
      expect(first.seeded.risks).toBe(4);
      const { body } = await getJson<Milestone[]>(first.url, '/api/milestones?action=1');
      target = body[0];
      // A user's change, as the status-update endpoint will write it.
      await withClient(db.url, (client) =>
        client.query(
          `UPDATE milestone SET status = 'in_progress', progress = 40, forecast_end = '2025-07-15', title = 'Renamed by a user', version = version + 1 WHERE id = $1`,
          [target.id],
        ),
      );
      await withClient(db.url, (client) =>
        client.query(`UPDATE risk SET likelihood = 4, status = 'closed', version = version + 1 WHERE seed_key = 'a1-risk-objectives-not-met'`),
      );
    } finally {
      await first.close();
    }
    const before = await counts(db.url);

    const second = await startTestServer(db.url);
    try {
      expect(second.seeded).toEqual({ organisations: 0, actions: 0, milestones: 0, outputs: 0, targets: 0, risks: 0, dependencies: 0, corrected: 0 });
      const risk = await withClient(db.url, (client) =>
        client.query(`SELECT likelihood, status, version FROM risk WHERE seed_key = 'a1-risk-objectives-not-met'`),
      );
      expect(risk.rows).toEqual([{ likelihood: 4, status: 'closed', version: 2 }]);
      expect(await counts(db.url)).toEqual(before);
      const { body } = await getJson<Milestone[]>(second.url, '/api/milestones?action=1');
      expect(body.find((m) => m.id === target.id)).toMatchObject({
        status: 'in_progress',
        progress: 40,
        forecastEnd: '2025-07-15',
        title: 'Renamed by a user',
        version: 2,
      });
    } finally {
      await second.close();
    }
  });

  it('answers 503 on the health check when the database goes away', async () => {
    const own = await createTestDatabase();
    const server = await startTestServer(own.url);
    try {
      await expect(getJson(server.url, '/api/health')).resolves.toEqual({ status: 200, body: { status: 'ok' } });
      await own.drop();
      await expect(getJson(server.url, '/api/health')).resolves.toEqual({ status: 503, body: { status: 'unavailable' } });
    } finally {
      await server.close();
    }
  });
});
