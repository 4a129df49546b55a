/**
 * The read queries of the plan (the chart, Actions, milestones, outputs), as SQL that makes Postgres
 * build the JSON response itself: one round trip per request, and the API passes the text through.
 * Plain SQL on a minimal client, so the benchmark's bare node:http + pg server runs exactly the same
 * statements. Each record type has exactly one serialiser (MILESTONE_JSON, OUTPUT_JSON, ACTION_JSON):
 * its list, the chart, one record, the PATCH answer and the 409 body all come from it.
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
  'predecessorIds', COALESCE((SELECT json_agg(d.predecessor_id ORDER BY d.created_at, d.predecessor_id) FROM dependency d WHERE d.successor_id = m.id), '[]'::json),
  'predecessorLags', COALESCE((SELECT json_agg(d.lag_months ORDER BY d.created_at, d.predecessor_id) FROM dependency d WHERE d.successor_id = m.id), '[]'::json),
  'updatedAt', to_char(m.updated_at AT TIME ZONE 'UTC', ${ISO_INSTANT}))`;

/** The revision of the plan of partnership `p` (see migrations/*-plan-revision.ts), as text. */
const REVISION_OF_P = `COALESCE((SELECT r.revision FROM plan_revision r WHERE r.partnership_id = p.id), 0)::text`;

/**
 * $1 partnership key, $2 Action number or null. No row for an unknown partnership. With the body,
 * in the same snapshot, the partnership and the plan revision it shows: the cache files it under them.
 */
export const MILESTONES_SQL = `
SELECT p.id AS partnership_id, ${REVISION_OF_P} AS revision,
       COALESCE((SELECT json_agg(${MILESTONE_JSON} ORDER BY a.number, m.sort_order)
                   FROM milestone m JOIN action a ON a.id = m.action_id
                  WHERE a.partnership_id = p.id AND ($2::int IS NULL OR a.number = $2::int)), '[]'::json)::text AS body
  FROM partnership p WHERE p.seed_key = $1`;

/** $1 milestone id. No row for an unknown id. The same JSON as an element of MILESTONES_SQL. */
export const MILESTONE_SQL = `
SELECT ${MILESTONE_JSON}::text AS body FROM milestone m JOIN action a ON a.id = m.action_id WHERE m.id = $1`;

/** One output as the `Output` contract, for rows `o` (output) joined to `a` (action). */
const OUTPUT_JSON = `json_build_object(
  'id', o.id, 'actionNumber', a.number, 'title', o.title, 'dueText', o.due_text,
  'start', o.start_date, 'end', o.end_date, 'precision', o.precision, 'tentative', o.tentative,
  'status', o.status, 'actualStart', o.actual_start, 'actualEnd', o.actual_end, 'forecastEnd', o.forecast_end,
  'version', o.version, 'source', o.source,
  'milestoneIds', COALESCE((SELECT json_agg(om.milestone_id ORDER BY om.milestone_id::text) FROM output_milestone om WHERE om.output_id = o.id), '[]'::json),
  'sortOrder', o.sort_order, 'notes', o.notes,
  'updatedAt', to_char(o.updated_at AT TIME ZONE 'UTC', ${ISO_INSTANT}))`;

/** $1 partnership key, $2 Action number or null. `found` is false for an unknown partnership. */
export const OUTPUTS_SQL = `
WITH p AS (SELECT id FROM partnership WHERE seed_key = $1)
SELECT EXISTS (SELECT 1 FROM p) AS found,
       COALESCE((SELECT json_agg(${OUTPUT_JSON} ORDER BY a.number, o.sort_order)
                   FROM output o JOIN action a ON a.id = o.action_id
                  WHERE a.partnership_id = (SELECT id FROM p) AND ($2::int IS NULL OR a.number = $2::int)), '[]'::json)::text AS body`;

/** $1 output id. No row for an unknown id. The same JSON as an element of OUTPUTS_SQL. */
export const OUTPUT_SQL = `
SELECT ${OUTPUT_JSON}::text AS body FROM output o JOIN action a ON a.id = o.action_id WHERE o.id = $1`;

const participants = (role: string) => `COALESCE((
    SELECT json_agg(json_build_object('id', org.id, 'name', org.name) ORDER BY ap.sort_order, org.name)
      FROM action_participant ap JOIN organisation org ON org.id = ap.organisation_id
     WHERE ap.action_id = a.id AND ap.role = '${role}'), '[]'::json)`;

/** One Action as the `Action` contract, for rows `a` (action). */
const ACTION_JSON = `json_build_object(
  'id', a.id, 'number', a.number, 'shortName', a.short_name, 'title', a.title, 'objective', a.objective,
  'pillar', a.pillar, 'governanceLevels', to_json(a.governance_levels), 'deadline', a.deadline,
  'coLeaders', ${participants('co_leader')}, 'members', ${participants('member')},
  'externalStakeholders', ${participants('external_stakeholder')}, 'potentialStakeholders', ${participants('potential_stakeholder')},
  'stakeholderNotes', to_json(a.stakeholder_notes), 'source', a.source)`;

/** $1 partnership key, $2 Action number or null. `found` is false for an unknown partnership. */
export const ACTIONS_SQL = `
WITH p AS (SELECT id FROM partnership WHERE seed_key = $1)
SELECT EXISTS (SELECT 1 FROM p) AS found,
       COALESCE((SELECT json_agg(${ACTION_JSON} ORDER BY a.number)
                   FROM action a WHERE a.partnership_id = (SELECT id FROM p) AND ($2::int IS NULL OR a.number = $2::int)), '[]'::json)::text AS body`;

/** $1 partnership key, $2 Action number: the Action's targets as the `Target` contract, in plan order. */
/** One target as the `Target` contract, for rows `t` (target) joined to `a` (action). */
const TARGET_JSON = `json_build_object('id', t.id, 'actionNumber', a.number, 'description', t.description, 'source', t.source, 'status', t.status, 'version', t.version)`;

export const TARGETS_SQL = `
SELECT COALESCE(json_agg(${TARGET_JSON} ORDER BY a.number, t.sort_order), '[]'::json)::text AS body
  FROM target t JOIN action a ON a.id = t.action_id JOIN partnership p ON p.id = a.partnership_id
 WHERE p.seed_key = $1 AND ($2::int IS NULL OR a.number = $2::int)`;

/** $1 target id. No row for an unknown id. The same JSON as an element of TARGETS_SQL. */
export const TARGET_SQL = `SELECT ${TARGET_JSON}::text AS body FROM target t JOIN action a ON a.id = t.action_id WHERE t.id = $1`;

/**
 * $1 partnership key. No row for an unknown partnership. With the body, in the same snapshot, the
 * plan revision it shows (see migrations/*-plan-revision.ts): the cache files the body under it.
 */
export const GANTT_SQL = `
SELECT p.id AS partnership_id, ${REVISION_OF_P} AS revision, json_build_object(
  'partnership', json_build_object('id', p.id, 'key', p.seed_key, 'name', p.name, 'deadline', p.deadline),
  'actions', COALESCE((SELECT json_agg(json_build_object('number', a.number, 'shortName', a.short_name, 'title', a.title) ORDER BY a.number)
                         FROM action a WHERE a.partnership_id = p.id), '[]'::json),
  'items', COALESCE((SELECT json_agg(${MILESTONE_JSON} ORDER BY a.number, m.sort_order)
                       FROM milestone m JOIN action a ON a.id = m.action_id WHERE a.partnership_id = p.id), '[]'::json)
)::text AS body
  FROM partnership p WHERE p.seed_key = $1`;

/** The JSON text of `GET /api/milestones`, or null for an unknown partnership. */
export async function milestonesJson(db: SqlClient, partnershipKey: string, actionNumber: number | null): Promise<string | null> {
  return (await milestonesSnapshot(db, partnershipKey, actionNumber))?.body ?? null;
}

/** The JSON text of `GET /api/milestones` with the revision it shows, or null for an unknown partnership. */
export async function milestonesSnapshot(db: SqlClient, partnershipKey: string, actionNumber: number | null): Promise<PlanSnapshot | null> {
  return snapshotOf(await db.query(MILESTONES_SQL, [partnershipKey, actionNumber]));
}

/** The JSON text of `GET /api/milestones/:id`, or null for an unknown id. */
export async function milestoneJson(db: SqlClient, id: string): Promise<string | null> {
  const { rows } = await db.query(MILESTONE_SQL, [id]);
  return rows.length ? String(rows[0]['body']) : null;
}

/** The JSON text of `GET /api/outputs`, or null for an unknown partnership. */
export async function outputsJson(db: SqlClient, partnershipKey: string, actionNumber: number | null): Promise<string | null> {
  const { rows } = await db.query(OUTPUTS_SQL, [partnershipKey, actionNumber]);
  return rows[0]?.['found'] ? String(rows[0]['body']) : null;
}

/** The JSON text of `GET /api/outputs/:id`, or null for an unknown id. */
export async function outputJson(db: SqlClient, id: string): Promise<string | null> {
  const { rows } = await db.query(OUTPUT_SQL, [id]);
  return rows.length ? String(rows[0]['body']) : null;
}

/** The JSON text of the Actions of a partnership (one Action when `actionNumber` is given), or null for an unknown partnership. */
export async function actionsJson(db: SqlClient, partnershipKey: string, actionNumber: number | null): Promise<string | null> {
  const { rows } = await db.query(ACTIONS_SQL, [partnershipKey, actionNumber]);
  return rows[0]?.['found'] ? String(rows[0]['body']) : null;
}

/** The JSON text of one Action's targets (every Action's, by Action, when `actionNumber` is null). */
export async function targetsJson(db: SqlClient, partnershipKey: string, actionNumber: number | null): Promise<string> {
  const { rows } = await db.query(TARGETS_SQL, [partnershipKey, actionNumber]);
  return String(rows[0]['body']);
}

/** $1 partnership key: the partnership and the revision of its plan; no row for an unknown partnership. One index lookup each. */
export const PLAN_REVISION_SQL = `
SELECT p.id AS partnership_id, ${REVISION_OF_P} AS revision
  FROM partnership p WHERE p.seed_key = $1`;

/** One state of a partnership's plan: its revision (a bigint, as text). */
export interface PlanRevision {
  partnershipId: string;
  revision: string;
}

/** A view of the plan (the chart, the milestones list) as JSON text, with the state of the plan it shows. */
export interface PlanSnapshot extends PlanRevision {
  body: string;
}

/** The JSON text of one target, or null for an unknown id. */
export async function targetJson(db: SqlClient, id: string): Promise<string | null> {
  const { rows } = await db.query(TARGET_SQL, [id]);
  return rows.length ? String(rows[0]['body']) : null;
}

/** The JSON text of `GET /api/gantt`, or null for an unknown partnership. */
export async function ganttJson(db: SqlClient, partnershipKey: string): Promise<string | null> {
  return (await ganttSnapshot(db, partnershipKey))?.body ?? null;
}

/** The JSON text of `GET /api/gantt` with the revision it shows, or null for an unknown partnership. */
export async function ganttSnapshot(db: SqlClient, partnershipKey: string): Promise<PlanSnapshot | null> {
  return snapshotOf(await db.query(GANTT_SQL, [partnershipKey]));
}

function snapshotOf({ rows }: { rows: Record<string, unknown>[] }): PlanSnapshot | null {
  return rows.length ? { partnershipId: String(rows[0]['partnership_id']), revision: String(rows[0]['revision']), body: String(rows[0]['body']) } : null;
}

/** The revision of a partnership's plan now, or null for an unknown partnership. */
export async function planRevision(db: SqlClient, partnershipKey: string): Promise<PlanRevision | null> {
  const { rows } = await db.query(PLAN_REVISION_SQL, [partnershipKey]);
  return rows.length ? { partnershipId: String(rows[0]['partnership_id']), revision: String(rows[0]['revision']) } : null;
}

/** A TypeORM DataSource (or EntityManager) as a SqlClient. */
export function sqlClientOf(source: { query(sql: string, params?: unknown[]): Promise<unknown> }): SqlClient {
  return { query: async (sql, params) => ({ rows: (await source.query(sql, params)) as Record<string, unknown>[] }) };
}
