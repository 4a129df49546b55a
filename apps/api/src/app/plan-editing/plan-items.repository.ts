import { BadRequestException, NotFoundException } from '@nestjs/common';
import { readWindowText, type DatePrecision } from '@tracker/schedule';
import type { EntityManager } from 'typeorm';

/**
 * The SQL of amending a plan: adding activities, steps and outputs, checking where a step may go,
 * and keeping an Action's plan order (each activity followed by its steps). Every function runs in
 * the caller's transaction.
 */

/** Where added items say they come from (the seeded ones cite the plan's section). */
export const ADDED_SOURCE = 'Added in the tracker';

export interface ReadWindow {
  text: string;
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  tentative: boolean;
}

/** Reads a window from the words a form or a request gives, with the plan's parser; a 400 naming the field otherwise. */
export function readWindowField(field: 'windowText' | 'dueText', text: string): ReadWindow {
  const result = readWindowText(text);
  if (!result.ok) {
    throw new BadRequestException(`${field} "${text.trim()}" cannot be read: ${result.reason}`);
  }
  const { words, start, end, precision, tentative } = result.reading;
  return { text: words, start, end, precision, tentative };
}

/**
 * The plan entry of a PATCH as the versioned update takes it: the title trimmed, and new window words
 * with the dates and precision read from them (a 400 naming the field when they cannot be read); words
 * that say "tbc" make the item tentative unless the PATCH says otherwise.
 */
export function planEntryOf<P extends { title?: string; tentative?: boolean }>(
  patch: P,
  field: 'windowText' | 'dueText',
): P & { start?: string | null; end?: string | null; precision?: DatePrecision } {
  const given: P & { start?: string | null; end?: string | null; precision?: DatePrecision } = { ...patch };
  if (patch.title !== undefined) {
    given.title = patch.title.trim();
  }
  const words = (patch as Record<string, unknown>)[field];
  if (typeof words === 'string') {
    const window = readWindowField(field, words);
    Object.assign(given, { [field]: window.text, start: window.start, end: window.end, precision: window.precision });
    if (patch.tentative === undefined && window.tentative) {
      given.tentative = true;
    }
  }
  return given;
}

/** The id of an Action of a partnership: 404 for an unknown partnership, 400 naming actionNumber for an unknown Action. */
export async function actionIdOf(manager: EntityManager, partnershipKey: string, actionNumber: number): Promise<string> {
  const [row] = await manager.query<{ partnership: string; action_id: string | null }[]>(
    `SELECT p.id AS partnership, (SELECT a.id FROM action a WHERE a.partnership_id = p.id AND a.number = $2) AS action_id
       FROM partnership p WHERE p.seed_key = $1`,
    [partnershipKey, actionNumber],
  );
  if (!row) {
    throw new NotFoundException(`partnership "${partnershipKey}" not found`);
  }
  if (!row.action_id) {
    throw new BadRequestException(`actionNumber must be the number of an Action of the partnership: it has no Action ${actionNumber}`);
  }
  return row.action_id;
}

/**
 * Why `parentId` cannot be the activity of milestone `id` (null for a new one) in Action `actionId`,
 * or null when it can: the parent is an activity (no parent itself) of the same Action, and a
 * milestone with steps of its own stays an activity.
 */
export async function parentProblem(manager: EntityManager, actionId: string, id: string | null, parentId: string | null): Promise<string | null> {
  if (parentId === null) {
    return null;
  }
  if (parentId === id) {
    return 'parentId must be another milestone: a step cannot be its own activity';
  }
  const [parent] = await manager.query<{ action_id: string; parent_id: string | null }[]>(`SELECT action_id, parent_id FROM milestone WHERE id = $1`, [
    parentId,
  ]);
  if (!parent || parent.action_id !== actionId) {
    return 'parentId must be an activity of the same Action';
  }
  if (parent.parent_id !== null) {
    return 'parentId must be an activity, not a step: the plan has two levels';
  }
  if (id !== null) {
    const [child] = await manager.query<unknown[]>(`SELECT 1 FROM milestone WHERE parent_id = $1 LIMIT 1`, [id]);
    if (child) {
      return 'parentId must stay null: this activity has steps of its own';
    }
  }
  return null;
}

/** Renumbers an Action's milestones 1..n: activities in their order, each followed by its steps in theirs. */
export async function normaliseMilestoneOrder(manager: EntityManager, actionId: string): Promise<void> {
  await manager.query(
    `WITH ordered AS (
       SELECT m.id, row_number() OVER (ORDER BY COALESCE(p.sort_order, m.sort_order), COALESCE(p.id, m.id), m.parent_id IS NOT NULL, m.sort_order, m.created_at) AS n
         FROM milestone m LEFT JOIN milestone p ON p.id = m.parent_id
        WHERE m.action_id = $1)
     UPDATE milestone m SET sort_order = o.n FROM ordered o WHERE m.id = o.id AND m.sort_order <> o.n`,
    [actionId],
  );
}

/** The sort order of the sibling just before or after milestone `id` (same activity, or both activities), or null at the end. */
export async function neighbourOf(manager: EntityManager, id: string, direction: 'earlier' | 'later'): Promise<{ id: string; sortOrder: number } | null> {
  const [row] = await manager.query<{ id: string; sort_order: number }[]>(
    `SELECT n.id, n.sort_order FROM milestone m JOIN milestone n
         ON n.action_id = m.action_id AND n.parent_id IS NOT DISTINCT FROM m.parent_id AND n.id <> m.id
      WHERE m.id = $1 AND ${direction === 'earlier' ? 'n.sort_order < m.sort_order' : 'n.sort_order > m.sort_order'}
      ORDER BY n.sort_order ${direction === 'earlier' ? 'DESC' : 'ASC'} LIMIT 1`,
    [id],
  );
  return row ? { id: row.id, sortOrder: row.sort_order } : null;
}

export async function setSortOrder(manager: EntityManager, id: string, sortOrder: number): Promise<void> {
  await manager.query(`UPDATE milestone SET sort_order = $2 WHERE id = $1`, [id, sortOrder]);
}

/**
 * Holds the Action's row until the transaction ends, so that additions to one Action take their
 * places one after another: each reads the last position after the previous one committed. Without
 * it, two concurrent additions read the same maximum and get the same position. FOR NO KEY UPDATE
 * leaves the foreign-key checks of other writers (FOR KEY SHARE) free.
 */
export async function lockActionOrder(manager: EntityManager, actionId: string): Promise<void> {
  await manager.query(`SELECT 1 FROM action WHERE id = $1 FOR NO KEY UPDATE`, [actionId]);
}

/** Inserts a milestone at the end of its activity's steps (or after the Action's last item) and answers its id. */
export async function insertMilestone(
  manager: EntityManager,
  values: { actionId: string; parentId: string | null; title: string; window: ReadWindow; tentative: boolean },
): Promise<string> {
  await lockActionOrder(manager, values.actionId);
  const [{ after }] = await manager.query<{ after: number }[]>(
    `SELECT COALESCE(MAX(sort_order), 0) AS after FROM milestone
      WHERE action_id = $1 AND ($2::uuid IS NULL OR id = $2 OR parent_id = $2)`,
    [values.actionId, values.parentId],
  );
  await manager.query(`UPDATE milestone SET sort_order = sort_order + 1 WHERE action_id = $1 AND sort_order > $2`, [values.actionId, after]);
  const [{ id }] = await manager.query<{ id: string }[]>(
    `INSERT INTO milestone (action_id, parent_id, title, window_text, start_date, end_date, precision, tentative, source, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      values.actionId,
      values.parentId,
      values.title,
      values.window.text,
      values.window.start,
      values.window.end,
      values.window.precision,
      values.tentative,
      ADDED_SOURCE,
      after + 1,
    ],
  );
  return id;
}

/** Inserts an output after the Action's last one, linked to milestones of the same Action, and answers its id. */
export async function insertOutput(
  manager: EntityManager,
  values: { actionId: string; title: string; window: ReadWindow; milestoneIds: readonly string[] },
): Promise<string> {
  await lockActionOrder(manager, values.actionId);
  const ids = [...new Set(values.milestoneIds)];
  if (ids.length > 0) {
    const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM milestone WHERE action_id = $1 AND id = ANY($2::uuid[])`, [
      values.actionId,
      ids,
    ]);
    if (count !== ids.length) {
      throw new BadRequestException('milestoneIds must be milestones of the same Action');
    }
  }
  const [{ id }] = await manager.query<{ id: string }[]>(
    `INSERT INTO output (action_id, title, due_text, start_date, end_date, precision, tentative, source, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM output WHERE action_id = $1)) RETURNING id`,
    [values.actionId, values.title, values.window.text, values.window.start, values.window.end, values.window.precision, values.window.tentative, ADDED_SOURCE],
  );
  for (const milestoneId of ids) {
    await manager.query(`INSERT INTO output_milestone (output_id, milestone_id) VALUES ($1, $2)`, [id, milestoneId]);
  }
  return id;
}
