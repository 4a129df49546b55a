/**
 * The read queries of the chart and of milestones, as SQL that makes Postgres build the JSON
 * response itself: one round trip per request, and the API passes the text through. Plain SQL on a
 * minimal client, so the benchmark's bare node:http + pg server runs exactly the same statements.
 * A milestone has exactly one serialiser, MILESTONE_JSON: the list, the chart, one milestone, the
 * PATCH answer and the 409 body all come from it.
 */

/** The part of a pg Pool / Client these queries need. */
export interface SqlClient {
  query(sql: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** One milestone as the `Milestone` contract, for rows `m` (milestone) joined to `a` (action). */
const MILESTONE_JSON = `json_build_object(
  'id', m.id, 'actionNumber', a.number, 'parentId', m.parent_id, 'title', m.title, 'windowText', m.window_text,
  'start', m.start_date, 'end', m.end_date, 'precision', m.precision, 'tentative', m.tentative,
  'status', m.status, 'progress', m.progress, 'actualStart', m.actual_start, 'actualEnd', m.actual_end,
  'forecastEnd', m.forecast_end, 'version', m.version, 'source', m.source, 'sortOrder', m.sort_order,
  'alternatives', COALESCE((
    SELECT json_agg(json_build_object('text', alt.window_text, 'start', alt.start_date, 'end', alt.end_date,
                                      'precision', alt.precision, 'source', alt.source) ORDER BY alt.sort_order)
      FROM milestone_alternative alt WHERE alt.milestone_id = m.id), '[]'::json),
  'notes', m.notes,
  'updatedAt', to_char(m.updated_at AT TIME ZONE 'UTC', ${ISO_INSTANT}))`;

/** $1 partnership key, $2 Action number or null. `found` is false for an unknown partnership. */
export const MILESTONES_SQL = `
WITH p AS (SELECT id FROM partnership WHERE seed_key = $1)
SELECT EXISTS (SELECT 1 FROM p) AS found,
       COALESCE((SELECT json_agg(${MILESTONE_JSON} ORDER BY a.number, m.sort_order)
                   FROM milestone m JOIN action a ON a.id = m.action_id
                  WHERE a.partnership_id = (SELECT id FROM p) AND ($2::int IS NULL OR a.number = $2::int)), '[]'::json)::text AS body`;

/** $1 milestone id. No row for an unknown id. The same JSON as an element of MILESTONES_SQL. */
export const MILESTONE_SQL = `
SELECT ${MILESTONE_JSON}::text AS body FROM milestone m JOIN action a ON a.id = m.action_id WHERE m.id = $1`;

/** $1 partnership key. No row for an unknown partnership. */
export const GANTT_SQL = `
SELECT json_build_object(
  'partnership', json_build_object('id', p.id, 'key', p.seed_key, 'name', p.name, 'deadline', p.deadline),
  'actions', COALESCE((SELECT json_agg(json_build_object('number', a.number, 'shortName', a.short_name, 'title', a.title) ORDER BY a.number)
                         FROM action a WHERE a.partnership_id = p.id), '[]'::json),
  'items', COALESCE((SELECT json_agg(${MILESTONE_JSON} ORDER BY a.number, m.sort_order)
                       FROM milestone m JOIN action a ON a.id = m.action_id WHERE a.partnership_id = p.id), '[]'::json)
)::text AS body
  FROM partnership p WHERE p.seed_key = $1`;

/** The JSON text of `GET /api/milestones`, or null for an unknown partnership. */
export async function milestonesJson(db: SqlClient, partnershipKey: string, actionNumber: number | null): Promise<string | null> {
  const { rows } = await db.query(MILESTONES_SQL, [partnershipKey, actionNumber]);
  return rows[0]?.['found'] ? String(rows[0]['body']) : null;
}

/** The JSON text of `GET /api/milestones/:id`, or null for an unknown id. */
export async function milestoneJson(db: SqlClient, id: string): Promise<string | null> {
  const { rows } = await db.query(MILESTONE_SQL, [id]);
  return rows.length ? String(rows[0]['body']) : null;
}

/** The JSON text of `GET /api/gantt`, or null for an unknown partnership. */
export async function ganttJson(db: SqlClient, partnershipKey: string): Promise<string | null> {
  const { rows } = await db.query(GANTT_SQL, [partnershipKey]);
  return rows.length ? String(rows[0]['body']) : null;
}

/** A TypeORM DataSource (or EntityManager) as a SqlClient. */
export function sqlClientOf(source: { query(sql: string, params?: unknown[]): Promise<unknown> }): SqlClient {
  return { query: async (sql, params) => ({ rows: (await source.query(sql, params)) as Record<string, unknown>[] }) };
}
