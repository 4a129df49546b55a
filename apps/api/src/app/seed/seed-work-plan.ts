import type { EntityManager } from 'typeorm';
import { FIRST_VERSION_NAME } from '@tracker/contracts';
import { firstDayOfMonth, lastDayOfMonth } from '@tracker/schedule';
import { rowsOf } from '../common/pg-result';
import { approveFirstVersionIfNone } from '../plan-versions/plan-versions.repository';
import { seedDependencies } from './seed-dependencies';
import type { PlanAction, SeedMilestone, SeedOutput, SeedPartnership, SeedWindow, SeedWorkPlan } from './seed.types';
import { workPlanDependencies } from './work-plan-dependencies.data';

export interface SeedReport {
  organisations: number;
  actions: number;
  milestones: number;
  outputs: number;
  targets: number;
  risks: number;
  /** Links between items the plan states (work-plan-dependencies.data.ts). */
  dependencies: number;
  /** Rows already present that were brought to the current reading of the plan (see {@link seedWorkPlan}). */
  corrected: number;
}

/**
 * SQL condition: nobody has changed the item (`milestone` or `output`, as the table's own name) in
 * the tracker: its version is still 1 and it has no history entry (a note alone leaves one).
 */
const untouched = (table: 'milestone' | 'output'): string =>
  `${table}.version = 1 AND NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.item_type = '${table}' AND e.item_id = ${table}.id)`;

/**
 * Loads the Work Plan into an empty or existing database, in the caller's transaction. Idempotent.
 *
 * Records missing by seed key are inserted. Records already present are brought to the current
 * reading of the plan only where that overwrites nothing a user did:
 * - milestones and outputs nobody has touched (version 1 and no history entry) take the plan's
 *   current title, window, tentative mark and section; touched ones keep every field as it is;
 * - so do their other readings of the dates (alternatives) and an output's links to the milestones
 *   it comes from;
 * - notes (derived readings, inconsistencies, "Annex 1 only") are the tracker's reading of the plan,
 *   not user data: every seeded item, partnership and organisation gets the current ones;
 * - organisations, the partnership and the Actions' participants cannot be changed in the tracker and
 *   follow the plan (a participant the plan no longer names is removed);
 * - risks of the register nobody has changed (version 1) take the plan's wording; a seeded risk the
 *   plan no longer names is deleted while untouched, and kept once a user has changed it.
 * - version 1 of the plan ("Work Plan as approved, April 2025") is snapshotted once, when the
 *   partnership has no version yet.
 * - the links the plan states between its items (see seed-dependencies.ts) are added unless someone
 *   changed the successor's links; seeded links take the current section and note.
 * Returns how many records were inserted, and how many were corrected.
 */
export async function seedWorkPlan(manager: EntityManager, plan: SeedWorkPlan): Promise<SeedReport> {
  const report: SeedReport = { organisations: 0, actions: 0, milestones: 0, outputs: 0, targets: 0, risks: 0, dependencies: 0, corrected: 0 };
  const orgIds = new Map<string, string>();
  const corrected = async (sql: string, params: unknown[]): Promise<void> => {
    report.corrected += rowsOf(await manager.query(`${sql} RETURNING 1`, params)).length;
  };

  for (const org of plan.organisations) {
    const notes = JSON.stringify(org.notes ?? []);
    const inserted = await insertIfMissing(
      manager,
      `INSERT INTO organisation (seed_key, name, type, country, aliases, source, notes) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [org.key, org.name, org.type, org.country, org.aliases, org.source, notes],
    );
    report.organisations += inserted ? 1 : 0;
    if (!inserted) {
      await corrected(
        `UPDATE organisation SET name = $2, type = $3, country = $4, aliases = $5, source = $6, notes = $7::jsonb, updated_at = now()
          WHERE seed_key = $1 AND (name, type, country, aliases, source, notes) IS DISTINCT FROM ($2, $3, $4::char(2), $5::text[], $6, $7::jsonb)`,
        [org.key, org.name, org.type, org.country, org.aliases, org.source, notes],
      );
    }
  }
  const orgRows: { id: string; seed_key: string }[] = await manager.query(`SELECT id, seed_key FROM organisation WHERE seed_key IS NOT NULL`);
  orgRows.forEach((row) => orgIds.set(row.seed_key, row.id));

  const partnershipId = await seedPartnershipPlan(manager, plan.partnership, plan.actions, orgIds, report);
  const links = await seedDependencies(manager, partnershipId, workPlanDependencies(plan));
  report.dependencies += links.added;
  report.corrected += links.corrected;
  // The plan as first written, with its links, is the plan as approved: version 1, the first baseline.
  await approveFirstVersionIfNone(manager, partnershipId, plan.partnership.firstVersionName ?? FIRST_VERSION_NAME);
  return report;
}

/**
 * Writes one partnership and its Actions (participants, milestones with their sub-steps, outputs,
 * targets, risks) in the caller's transaction, with the same rules as {@link seedWorkPlan}: a record
 * missing by seed key is inserted, one present is corrected only where nobody changed it. The Work
 * Plan seed and the spreadsheet import (imports/plan-import.repository.ts) both write through it.
 * `orgIds` maps the organisation keys the plan names to organisation ids; adds to `report` and returns the partnership's id.
 */
export async function seedPartnershipPlan(
  manager: EntityManager,
  partnership: SeedPartnership,
  actions: readonly PlanAction[],
  orgIds: ReadonlyMap<string, string>,
  report: SeedReport,
): Promise<string> {
  const corrected = async (sql: string, params: unknown[]): Promise<void> => {
    report.corrected += rowsOf(await manager.query(`${sql} RETURNING 1`, params)).length;
  };
  const orgId = (key: string): string => {
    const id = orgIds.get(key);
    if (!id) {
      throw new Error(`seed refers to unknown organisation "${key}"`);
    }
    return id;
  };
  const partnershipNotes = JSON.stringify(partnership.notes);
  const partnershipCreated = await insertIfMissing(manager, `INSERT INTO partnership (seed_key, name, deadline, source, notes) VALUES ($1, $2, $3, $4, $5)`, [
    partnership.key,
    partnership.name,
    partnership.deadline,
    partnership.source,
    partnershipNotes,
  ]);
  if (!partnershipCreated) {
    await corrected(`UPDATE partnership SET notes = $2::jsonb, updated_at = now() WHERE seed_key = $1 AND notes IS DISTINCT FROM $2::jsonb`, [
      partnership.key,
      partnershipNotes,
    ]);
  }
  const partnershipId = await idOf(manager, 'partnership', partnership.key);
  // The Secretariat's organisation: its accounts' roles hold in this partnership (an earlier plan may not list it yet).
  await manager.query(`UPDATE partnership SET secretariat_organisation_id = $2 WHERE id = $1 AND secretariat_organisation_id IS DISTINCT FROM $2`, [
    partnershipId,
    orgIds.get(partnership.secretariat) ?? null,
  ]);
  const memberKeys = [...new Set([...partnership.coordinators, ...partnership.members])];
  for (const key of memberKeys) {
    await manager.query(
      `INSERT INTO partnership_member (partnership_id, organisation_id, coordinator) VALUES ($1, $2, $3)
       ON CONFLICT (partnership_id, organisation_id) DO NOTHING`,
      [partnershipId, orgId(key), partnership.coordinators.includes(key)],
    );
  }

  for (const action of actions) {
    const created = await insertIfMissing(
      manager,
      `INSERT INTO action (seed_key, partnership_id, number, short_name, title, objective, pillar, governance_levels, deadline, stakeholder_notes, source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        actionKey(partnership.key, action),
        partnershipId,
        action.number,
        action.shortName,
        action.title,
        action.objective,
        action.pillar,
        action.governanceLevels,
        action.deadline,
        action.stakeholderNotes,
        action.source,
      ],
    );
    report.actions += created ? 1 : 0;
    const actionId = await idOf(manager, 'action', actionKey(partnership.key, action));
    const roles: [string, string[]][] = [
      ['co_leader', action.coLeaders],
      ['member', action.members],
      ['external_stakeholder', action.externalStakeholders],
      ['potential_stakeholder', action.potentialStakeholders ?? []],
    ];
    for (const [role, keys] of roles) {
      for (const [index, key] of [...new Set(keys)].entries()) {
        await manager.query(
          `INSERT INTO action_participant (action_id, organisation_id, role, sort_order) VALUES ($1, $2, $3, $4)
           ON CONFLICT (action_id, organisation_id, role) DO NOTHING`,
          [actionId, orgId(key), role, index],
        );
      }
      // A participant the plan no longer names in this role (e.g. a network read as its members).
      await corrected(`DELETE FROM action_participant WHERE action_id = $1 AND role = $2 AND NOT (organisation_id = ANY($3::uuid[]))`, [
        actionId,
        role,
        keys.map(orgId),
      ]);
    }

    let order = 0;
    const milestoneIds = new Map<string, string>();
    const windowOf = new Map<string, SeedWindow>();
    const insertMilestone = async (milestone: SeedMilestone, parentId: string | null): Promise<void> => {
      order += 1;
      windowOf.set(milestone.key, milestone.window);
      const notes = JSON.stringify(milestone.notes ?? []);
      const createdNow = await insertIfMissing(
        manager,
        `INSERT INTO milestone (seed_key, action_id, parent_id, title, window_text, start_date, end_date, precision, tentative, source, sort_order, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          milestone.key,
          actionId,
          parentId,
          milestone.title,
          milestone.window.text,
          milestone.window.start,
          milestone.window.end,
          milestone.window.precision,
          milestone.tentative,
          milestone.source,
          order,
          notes,
        ],
      );
      if (!createdNow) {
        await corrected(
          `UPDATE milestone SET title = $2, window_text = $3, start_date = $4, end_date = $5, precision = $6, tentative = $7, source = $8
            WHERE seed_key = $1 AND ${untouched('milestone')}
              AND (title, window_text, start_date, end_date, precision, tentative, source) IS DISTINCT FROM ($2, $3, $4::date, $5::date, $6, $7::boolean, $8)`,
          [
            milestone.key,
            milestone.title,
            milestone.window.text,
            milestone.window.start,
            milestone.window.end,
            milestone.window.precision,
            milestone.tentative,
            milestone.source,
          ],
        );
        await corrected(`UPDATE milestone SET notes = $2::jsonb WHERE seed_key = $1 AND notes IS DISTINCT FROM $2::jsonb`, [milestone.key, notes]);
      }
      const id = await idOf(manager, 'milestone', milestone.key);
      milestoneIds.set(milestone.key, id);
      report.milestones += createdNow ? 1 : 0;
      // The other readings of its dates: written with the row, and brought to the current reading
      // of the plan while nobody has touched the milestone.
      const alternatives = milestone.alternatives.map((alt) => [alt.text, alt.start, alt.end, alt.precision, alt.source]);
      const stored: { window_text: string; start_date: string | null; end_date: string | null; precision: string; source: string }[] = createdNow
        ? []
        : await manager.query(
            `SELECT window_text, start_date, end_date, precision, source FROM milestone_alternative WHERE milestone_id = $1 ORDER BY sort_order`,
            [id],
          );
      const same = JSON.stringify(stored.map((r) => [r.window_text, r.start_date, r.end_date, r.precision, r.source])) === JSON.stringify(alternatives);
      if (createdNow || (!same && (await isUntouched(manager, 'milestone', id)))) {
        await manager.query(`DELETE FROM milestone_alternative WHERE milestone_id = $1`, [id]);
        for (const [index, alt] of milestone.alternatives.entries()) {
          await manager.query(
            `INSERT INTO milestone_alternative (milestone_id, window_text, start_date, end_date, precision, source, sort_order)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [id, alt.text, alt.start, alt.end, alt.precision, alt.source, index],
          );
        }
        report.corrected += createdNow ? 0 : 1;
      }
      for (const child of milestone.children) {
        await insertMilestone(child, id);
      }
    };
    for (const milestone of action.milestones) {
      await insertMilestone(milestone, null);
    }

    for (const [index, output] of action.outputs.entries()) {
      const due = dueOf(output, windowOf, action.deadline);
      const notes = JSON.stringify(output.notes ?? []);
      const createdNow = await insertIfMissing(
        manager,
        `INSERT INTO output (seed_key, action_id, title, due_text, start_date, end_date, precision, tentative, source, sort_order, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [output.key, actionId, output.title, output.due?.text ?? null, due.start, due.end, due.precision, output.tentative, output.source, index + 1, notes],
      );
      if (!createdNow) {
        await corrected(
          `UPDATE output SET title = $2, due_text = $3, start_date = $4, end_date = $5, precision = $6, tentative = $7, source = $8
            WHERE seed_key = $1 AND ${untouched('output')}
              AND (title, due_text, start_date, end_date, precision, tentative, source) IS DISTINCT FROM ($2, $3, $4::date, $5::date, $6, $7::boolean, $8)`,
          [output.key, output.title, output.due?.text ?? null, due.start, due.end, due.precision, output.tentative, output.source],
        );
        await corrected(`UPDATE output SET notes = $2::jsonb WHERE seed_key = $1 AND notes IS DISTINCT FROM $2::jsonb`, [output.key, notes]);
      }
      report.outputs += createdNow ? 1 : 0;
      // The milestones it comes from: written with the row, and brought to the current reading of
      // the plan while nobody has touched the output.
      const outputId = await idOf(manager, 'output', output.key);
      const linked = output.milestoneKeys.map((key) => {
        const milestoneId = milestoneIds.get(key);
        if (!milestoneId) {
          throw new Error(`output "${output.key}" refers to unknown milestone "${key}"`);
        }
        return milestoneId;
      });
      const links: { milestone_id: string }[] = createdNow
        ? []
        : await manager.query(`SELECT milestone_id FROM output_milestone WHERE output_id = $1`, [outputId]);
      const sameLinks =
        links
          .map((l) => l.milestone_id)
          .sort()
          .join() === [...linked].sort().join();
      if (createdNow || (!sameLinks && (await isUntouched(manager, 'output', outputId)))) {
        await manager.query(`DELETE FROM output_milestone WHERE output_id = $1`, [outputId]);
        for (const milestoneId of linked) {
          await manager.query(`INSERT INTO output_milestone (output_id, milestone_id) VALUES ($1, $2)`, [outputId, milestoneId]);
        }
        report.corrected += createdNow ? 0 : 1;
      }
    }

    for (const [index, target] of action.targets.entries()) {
      const createdNow = await insertIfMissing(
        manager,
        `INSERT INTO target (seed_key, action_id, description, source, sort_order) VALUES ($1, $2, $3, $4, $5)`,
        [target.key, actionId, target.description, target.source, index + 1],
      );
      report.targets += createdNow ? 1 : 0;
    }

    // The risk register starts with the risk, its causes and the mitigation each Action names (2.x.7);
    // nobody has scored it yet, so likelihood, impact, owner and next review stay empty.
    for (const [index, risk] of action.risks.entries()) {
      const createdNow = await insertIfMissing(
        manager,
        `INSERT INTO risk (seed_key, action_id, title, description, causes, mitigation, source, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [risk.key, actionId, risk.title, risk.description, risk.causes, risk.mitigation, risk.source, index + 1],
      );
      report.risks += createdNow ? 1 : 0;
      if (!createdNow) {
        await corrected(
          `UPDATE risk SET title = $2, description = $3, causes = $4, mitigation = $5, source = $6, sort_order = $7, updated_at = now()
            WHERE seed_key = $1 AND version = 1
              AND (title, description, causes, mitigation, source, sort_order) IS DISTINCT FROM ($2, $3, $4::text[], $5, $6, $7::int)`,
          [risk.key, risk.title, risk.description, risk.causes, risk.mitigation, risk.source, index + 1],
        );
      }
    }
    // Seeded risks the plan no longer names (the register once held one risk per cause).
    await corrected(`DELETE FROM risk WHERE action_id = $1 AND seed_key IS NOT NULL AND NOT (seed_key = ANY($2::text[])) AND version = 1`, [
      actionId,
      action.risks.map((r) => r.key),
    ]);
  }
  return partnershipId;
}

/**
 * The due window an output is seeded with: the plan's own; or, where the plan implies it
 * (`deriveDueFromMilestones`), the span of the windows of the milestones it is borrowed from
 * (`dueFrom`, else all its milestones) with the coarsest precision, a month later where the output
 * follows them (`dueFollowsMilestones`); or, for ongoing work (`ongoing`), from the first start of
 * the Action's milestones through the Action's `deadline`.
 */
export function dueOf(output: SeedOutput, windowOf: ReadonlyMap<string, SeedWindow>, deadline?: string): Pick<SeedWindow, 'start' | 'end' | 'precision'> {
  if (output.ongoing && deadline) {
    const start = [...windowOf.values()]
      .map((w) => w.start)
      .filter((d): d is string => d !== null)
      .sort()[0];
    return start ? { start, end: deadline, precision: 'ongoing' } : { start: null, end: null, precision: 'unknown' };
  }
  if (output.due || !output.deriveDueFromMilestones) {
    return { start: output.due?.start ?? null, end: output.due?.end ?? null, precision: output.due?.precision ?? 'unknown' };
  }
  const windows = (output.dueFrom ?? output.milestoneKeys).map((key) => {
    const window = windowOf.get(key);
    if (!window) {
      throw new Error(`output "${output.key}" refers to unknown milestone "${key}"`);
    }
    return window;
  });
  if (windows.length === 0 || windows.some((w) => w.start === null || w.end === null)) {
    return { start: null, end: null, precision: 'unknown' };
  }
  const order = ['day', 'month', 'year'] as const;
  const precision = order[Math.max(...windows.map((w) => order.indexOf(w.precision as (typeof order)[number])))];
  const ends = windows.map((w) => w.end as string).sort();
  if (output.dueFollowsMilestones) {
    return { start: firstDayOfMonth(...monthAfter(ends[0])), end: lastDayOfMonth(...monthAfter(ends[ends.length - 1])), precision: 'month' };
  }
  const start = windows.map((w) => w.start as string).sort()[0];
  return { start, end: ends[ends.length - 1], precision };
}

/** The year and month after the month of a yyyy-MM-dd date. */
function monthAfter(date: string): [number, number] {
  const [year, month] = date.split('-').map(Number);
  return month === 12 ? [year + 1, 1] : [year, month + 1];
}

function actionKey(partnershipKey: string, action: PlanAction): string {
  return `${partnershipKey}/action-${action.number}`;
}

/** True when nobody has changed the milestone or output `id` in the tracker (see {@link untouched}). */
async function isUntouched(manager: EntityManager, table: 'milestone' | 'output', id: string): Promise<boolean> {
  return rowsOf(await manager.query(`SELECT 1 FROM ${table} WHERE id = $1 AND ${untouched(table)}`, [id])).length > 0;
}

/** Runs an INSERT with `ON CONFLICT (seed_key) DO NOTHING`; true when a row was inserted. */
async function insertIfMissing(manager: EntityManager, insert: string, params: unknown[]): Promise<boolean> {
  const rows: unknown[] = await manager.query(`${insert} ON CONFLICT (seed_key) DO NOTHING RETURNING id`, params);
  return rows.length > 0;
}

async function idOf(manager: EntityManager, table: 'partnership' | 'action' | 'milestone' | 'output', seedKey: string): Promise<string> {
  const rows: { id: string }[] = await manager.query(`SELECT id FROM "${table}" WHERE seed_key = $1`, [seedKey]);
  if (rows.length !== 1) {
    throw new Error(`${table} with seed key "${seedKey}" is missing`);
  }
  return rows[0].id;
}
