/**
 * Links a generated plan's milestones, as the forecast and the chart with arrows need them: the
 * generator (`seed:scale`) writes plans without links.
 */
import { Client } from 'pg';

/**
 * Links the milestones of a partnership in plan order, each to the one at half its place (a tree
 * of finish-to-start links, lag 0 to 2 months), plus one more: as many links as milestones. Written
 * directly, in one transaction, with the plan's revision moved so the tracker reads the plan again.
 * Answers the links added.
 */
export async function linkPlan(databaseUrl: string, partnership: string): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; partnership_id: string }>(
      `SELECT m.id, a.partnership_id FROM milestone m JOIN action a ON a.id = m.action_id JOIN partnership p ON p.id = a.partnership_id
        WHERE p.seed_key = $1 ORDER BY a.number, m.sort_order`,
      [partnership],
    );
    if (rows.length < 3) throw new Error(`partnership "${partnership}" has ${rows.length} milestones: seed it first`);
    const pairs: [number, number][] = rows.slice(1).map((_, k) => [Math.floor((k + 1) / 2), k + 1]);
    pairs.push([Math.floor((rows.length - 1) / 3), rows.length - 1]);
    await client.query(
      `INSERT INTO dependency (partnership_id, predecessor_id, predecessor_type, successor_id, successor_type, lag_months, source, notes)
       SELECT $1, p, 'milestone', s, 'milestone', lag, NULL, '[]'::jsonb FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS t(p, s, lag)`,
      [rows[0].partnership_id, pairs.map(([p]) => rows[p].id), pairs.map(([, s]) => rows[s].id), pairs.map(([, s]) => s % 3)],
    );
    await client.query(`UPDATE plan_revision SET revision = nextval('plan_revision_seq') WHERE partnership_id = $1`, [rows[0].partnership_id]);
    await client.query('COMMIT');
    return pairs.length;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
