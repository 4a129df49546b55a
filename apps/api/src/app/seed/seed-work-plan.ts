import type { EntityManager } from 'typeorm';
import type { SeedAction, SeedMilestone, SeedWorkPlan } from './seed.types';

export interface SeedReport {
  organisations: number;
  actions: number;
  milestones: number;
  outputs: number;
  targets: number;
  risks: number;
}

/**
 * Loads the Work Plan into an empty or existing database, in the caller's transaction.
 * Idempotent and non-destructive: a record whose seed key is already present is left exactly as
 * it is (users may have changed it), so a restart never overwrites status, progress or dates.
 * Records added to the plan later are inserted. Returns how many records were inserted.
 */
export async function seedWorkPlan(manager: EntityManager, plan: SeedWorkPlan): Promise<SeedReport> {
  const report: SeedReport = { organisations: 0, actions: 0, milestones: 0, outputs: 0, targets: 0, risks: 0 };
  const orgIds = new Map<string, string>();

  for (const org of plan.organisations) {
    const inserted = await insertIfMissing(
      manager,
      `INSERT INTO organisation (seed_key, name, type, country, aliases, source) VALUES ($1, $2, $3, $4, $5, $6)`,
      [org.key, org.name, org.type, org.country, org.aliases, org.source],
    );
    report.organisations += inserted ? 1 : 0;
  }
  const orgRows: { id: string; seed_key: string }[] = await manager.query(`SELECT id, seed_key FROM organisation WHERE seed_key IS NOT NULL`);
  orgRows.forEach((row) => orgIds.set(row.seed_key, row.id));
  const orgId = (key: string): string => {
    const id = orgIds.get(key);
    if (!id) {
      throw new Error(`seed refers to unknown organisation "${key}"`);
    }
    return id;
  };

  const { partnership } = plan;
  await insertIfMissing(manager, `INSERT INTO partnership (seed_key, name, deadline, source) VALUES ($1, $2, $3, $4)`, [
    partnership.key,
    partnership.name,
    partnership.deadline,
    partnership.source,
  ]);
  const partnershipId = await idOf(manager, 'partnership', partnership.key);
  const memberKeys = [...new Set([...partnership.coordinators, ...partnership.members])];
  for (const key of memberKeys) {
    await manager.query(
      `INSERT INTO partnership_member (partnership_id, organisation_id, coordinator) VALUES ($1, $2, $3)
       ON CONFLICT (partnership_id, organisation_id) DO NOTHING`,
      [partnershipId, orgId(key), partnership.coordinators.includes(key)],
    );
  }

  for (const action of plan.actions) {
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
    ];
    for (const [role, keys] of roles) {
      for (const [index, key] of [...new Set(keys)].entries()) {
        await manager.query(
          `INSERT INTO action_participant (action_id, organisation_id, role, sort_order) VALUES ($1, $2, $3, $4)
           ON CONFLICT (action_id, organisation_id, role) DO NOTHING`,
          [actionId, orgId(key), role, index],
        );
      }
    }

    let order = 0;
    const milestoneIds = new Map<string, string>();
    const insertMilestone = async (milestone: SeedMilestone, parentId: string | null): Promise<void> => {
      order += 1;
      const createdNow = await insertIfMissing(
        manager,
        `INSERT INTO milestone (seed_key, action_id, parent_id, title, window_text, start_date, end_date, precision, tentative, source, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
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
        ],
      );
      const id = await idOf(manager, 'milestone', milestone.key);
      milestoneIds.set(milestone.key, id);
      if (createdNow) {
        report.milestones += 1;
        for (const [index, alt] of milestone.alternatives.entries()) {
          await manager.query(
            `INSERT INTO milestone_alternative (milestone_id, window_text, start_date, end_date, precision, source, sort_order)
             VALUES ($1, $2, $3, $4, $5, $6, $7)`,
            [id, alt.text, alt.start, alt.end, alt.precision, alt.source, index],
          );
        }
      }
      for (const child of milestone.children) {
        await insertMilestone(child, id);
      }
    };
    for (const milestone of action.milestones) {
      await insertMilestone(milestone, null);
    }

    for (const [index, output] of action.outputs.entries()) {
      const createdNow = await insertIfMissing(
        manager,
        `INSERT INTO output (seed_key, action_id, title, due_text, start_date, end_date, precision, tentative, source, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          output.key,
          actionId,
          output.title,
          output.due?.text ?? null,
          output.due?.start ?? null,
          output.due?.end ?? null,
          output.due?.precision ?? 'unknown',
          output.tentative,
          output.source,
          index + 1,
        ],
      );
      if (createdNow) {
        report.outputs += 1;
        const outputId = await idOf(manager, 'output', output.key);
        for (const key of output.milestoneKeys) {
          const milestoneId = milestoneIds.get(key);
          if (!milestoneId) {
            throw new Error(`output "${output.key}" refers to unknown milestone "${key}"`);
          }
          await manager.query(`INSERT INTO output_milestone (output_id, milestone_id) VALUES ($1, $2)`, [outputId, milestoneId]);
        }
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

    // The risk register starts with the risks and mitigation each Action names (2.x.7); nobody has
    // scored them yet, so likelihood, impact, owner and next review stay empty.
    for (const [index, risk] of action.risks.entries()) {
      const createdNow = await insertIfMissing(
        manager,
        `INSERT INTO risk (seed_key, action_id, title, description, mitigation, source, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [risk.key, actionId, risk.title, risk.description, risk.mitigation, risk.source, index + 1],
      );
      report.risks += createdNow ? 1 : 0;
    }
  }
  return report;
}

function actionKey(partnershipKey: string, action: SeedAction): string {
  return `${partnershipKey}/action-${action.number}`;
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
