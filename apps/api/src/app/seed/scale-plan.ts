import type { EntityManager } from 'typeorm';
import { lastDayOfMonth } from '@tracker/schedule';
import { approveFirstVersionIfNone } from '../plan-versions/plan-versions.repository';

/** Name of version 1 of a generated partnership's plan. */
export const GENERATED_FIRST_VERSION_NAME = 'Plan as generated';

export interface ScaleOptions {
  partnerships: number;
  /** Milestones (activities and sub-steps) per partnership. */
  items: number;
  /** Seed of the pseudo-random generator: the same options give the same plans. */
  seed?: number;
  /** Partnership keys are `<prefix>-0001`, ... (default `scale`). */
  prefix?: string;
}

export interface ScaleReport {
  partnerships: number;
  actions: number;
  milestones: number;
  history: number;
  skipped: number;
}

const THEMES = ['Housing', 'Health', 'Labour', 'Education', 'Funds', 'Data', 'Skills', 'Participation', 'Disinformation', 'Reception'];
const VERBS = ['Mapping of', 'Exchange on', 'Study visit on', 'Guidance on', 'Survey of', 'Recommendations on', 'Webinar on', 'Peer review of'];
const STATUSES = ['not_started', 'not_started', 'in_progress', 'in_progress', 'done', 'on_hold', 'cancelled'] as const;

/** A small deterministic generator (mulberry32), so scaled databases are reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Adds partnerships `scale-0001`... with realistic plans: 4-8 Actions each, activities with sub-steps,
 * month, year, day and unknown windows between 2025 and 2027, a spread of statuses, and a history
 * entry for every item that has moved. Version 1 of each new plan is the plan as generated (as the
 * Work Plan's is the plan as approved). Partnerships already present are left alone.
 */
export async function seedScalePlans(manager: EntityManager, options: ScaleOptions): Promise<ScaleReport> {
  const rnd = random((options.seed ?? 20261122) + hash(options.prefix ?? 'scale'));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const report: ScaleReport = { partnerships: 0, actions: 0, milestones: 0, history: 0, skipped: 0 };
  const organisations: { id: string }[] = await manager.query(`SELECT id FROM organisation ORDER BY name`);
  const users: { id: string }[] = await manager.query(`SELECT id FROM user_account WHERE role = 'secretariat' ORDER BY email LIMIT 1`).catch(() => []);

  for (let p = 1; p <= options.partnerships; p++) {
    const key = `${options.prefix ?? 'scale'}-${String(p).padStart(4, '0')}`;
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO partnership (seed_key, name, deadline, source) VALUES ($1, $2, '2027-12-31', 'generated') ON CONFLICT (seed_key) DO NOTHING RETURNING id`,
      [key, `Scale partnership ${p} (${pick(THEMES)})`],
    );
    if (inserted.length === 0) {
      report.skipped += 1;
      continue;
    }
    const partnershipId = inserted[0].id;
    report.partnerships += 1;
    const actionCount = 4 + Math.floor(rnd() * 5);
    const actionIds: string[] = [];
    for (let a = 1; a <= actionCount; a++) {
      const theme = pick(THEMES);
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO action (seed_key, partnership_id, number, short_name, title, objective, pillar, governance_levels, deadline, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, '2027-12-31', 'generated') RETURNING id`,
        [
          `${key}/action-${a}`,
          partnershipId,
          a,
          theme,
          `${theme} action ${a}`,
          `Improve ${theme.toLowerCase()} outcomes through exchange.`,
          pick(['Better Regulation', 'Better Funding', 'Better Knowledge']),
          ['Local', 'Regional'],
        ],
      );
      actionIds.push(id);
      report.actions += 1;
      if (organisations.length >= 2) {
        const lead = Math.floor(rnd() * organisations.length);
        await manager.query(
          `INSERT INTO action_participant (action_id, organisation_id, role, sort_order) VALUES ($1, $2, 'co_leader', 0), ($1, $3, 'member', 1) ON CONFLICT DO NOTHING`,
          [id, organisations[lead].id, organisations[(lead + 1) % organisations.length].id],
        );
      }
    }

    // Items spread over the Actions: about one activity in three, each followed by its sub-steps.
    const rows: unknown[][] = [];
    let parent: { id: string; action: number } | null = null;
    for (let i = 0; i < options.items; i++) {
      const isActivity: boolean = parent === null || rnd() < 0.33;
      const actionIndex: number = isActivity ? Math.min(actionCount - 1, Math.floor((i / options.items) * actionCount)) : parent!.action;
      const id = uuid(rnd);
      const startMonth = Math.floor(rnd() * 30); // from January 2025
      const length = 1 + Math.floor(rnd() * 6);
      const y1 = 2025 + Math.floor(startMonth / 12);
      const m1 = (startMonth % 12) + 1;
      const endMonth = startMonth + length - 1;
      const y2 = 2025 + Math.floor(endMonth / 12);
      const m2 = (endMonth % 12) + 1;
      const kind = rnd();
      let window: [string, string | null, string | null, string];
      if (kind < 0.7) window = [`${MONTHS[m1 - 1]} ${y1} - ${MONTHS[m2 - 1]} ${y2}`, `${y1}-${pad(m1)}-01`, lastDayOfMonth(y2, m2), 'month'];
      else if (kind < 0.85) window = [`${y1}, precise timing TBD`, `${y1}-01-01`, `${y1}-12-31`, 'year'];
      else if (kind < 0.95) window = [`${pad(10)} ${MONTHS[m1 - 1]} ${y1}`, `${y1}-${pad(m1)}-10`, `${y1}-${pad(m1)}-10`, 'day'];
      else window = ['tbc', null, null, 'unknown'];
      const status = pick(STATUSES);
      const progress = status === 'done' ? 100 : status === 'in_progress' ? Math.floor(rnd() * 90) + 5 : 0;
      rows.push([
        id,
        `${key}/item-${i + 1}`,
        actionIds[actionIndex],
        isActivity ? null : parent!.id,
        `${pick(VERBS)} ${pick(THEMES).toLowerCase()} ${i + 1}`,
        ...window,
        rnd() < 0.05,
        status,
        progress,
        status === 'done' ? window[2] : null,
        i + 1,
      ]);
      if (isActivity) parent = { id, action: actionIndex };
    }
    for (let start = 0; start < rows.length; start += 500) {
      const chunk = rows.slice(start, start + 500);
      const params: unknown[] = [];
      const values = chunk.map((row) => {
        const base = params.length;
        params.push(...row);
        return `(${row.map((_, k) => `$${base + k + 1}`).join(', ')}, 'generated')`;
      });
      await manager.query(
        `INSERT INTO milestone (id, seed_key, action_id, parent_id, title, window_text, start_date, end_date, precision, tentative, status, progress, actual_end, sort_order, source)
         VALUES ${values.join(', ')}`,
        params,
      );
    }
    report.milestones += rows.length;

    if (users.length) {
      const moved = rows.filter((row) => row[10] !== 'not_started');
      for (let start = 0; start < moved.length; start += 500) {
        const chunk = moved.slice(start, start + 500);
        const params: unknown[] = [users[0].id];
        const values = chunk.map((row) => {
          params.push(row[0], JSON.stringify(row[10]));
          return `($1, 'milestone', $${params.length - 1}, 1, 'status', '"not_started"'::jsonb, $${params.length}::jsonb, 'generated')`;
        });
        await manager.query(
          `INSERT INTO audit_entry (user_id, item_type, item_id, version, field, from_value, to_value, note) VALUES ${values.join(', ')}`,
          params,
        );
        report.history += chunk.length;
      }
    }
    await approveFirstVersionIfNone(manager, partnershipId, GENERATED_FIRST_VERSION_NAME);
  }
  return report;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h >>> 0;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function uuid(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rnd() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
