import type { EntityManager } from 'typeorm';
import { rowsOf } from '../common/pg-result';
import type { SeedDependency } from './work-plan-dependencies.data';

/** A milestone or output of partnership $1 by its seed key, as `alias` (id, type). */
const ITEM_BY_KEY = (alias: string, key: string) => `(
  SELECT m.id, 'milestone' AS type FROM milestone m JOIN action a ON a.id = m.action_id WHERE a.partnership_id = $1 AND m.seed_key = ${key}
  UNION ALL
  SELECT o.id, 'output' FROM output o JOIN action a ON a.id = o.action_id WHERE a.partnership_id = $1 AND o.seed_key = ${key}) ${alias}`;

/**
 * Writes the plan's links into a partnership, in the caller's transaction. Idempotent, with the
 * seed's rule: a link missing is added unless someone has changed its successor's links in the
 * tracker (its history has a "predecessors" entry: a link removed stays removed); a seeded link
 * present takes the current section, note and lag. A link whose items are not in the partnership is
 * skipped. Returns how many links were added and how many corrected.
 */
export async function seedDependencies(
  manager: EntityManager,
  partnershipId: string,
  links: readonly SeedDependency[],
): Promise<{ added: number; corrected: number }> {
  let added = 0;
  let corrected = 0;
  for (const link of links) {
    const notes = JSON.stringify([{ kind: 'derived', text: link.words, source: link.source }]);
    const params = [partnershipId, link.predecessor, link.successor, link.lagMonths ?? 0, link.source, notes];
    const inserted = rowsOf(
      await manager.query(
        `INSERT INTO dependency (partnership_id, predecessor_id, predecessor_type, successor_id, successor_type, lag_months, source, notes)
         SELECT $1, p.id, p.type, s.id, s.type, $4, $5, $6::jsonb FROM ${ITEM_BY_KEY('p', '$2')}, ${ITEM_BY_KEY('s', '$3')}
          WHERE NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.item_id = s.id AND e.field = 'predecessors')
         ON CONFLICT (predecessor_id, successor_id) DO NOTHING RETURNING id`,
        params,
      ),
    );
    added += inserted.length;
    if (inserted.length === 0) {
      corrected += rowsOf(
        await manager.query(
          `UPDATE dependency d SET lag_months = $4, source = $5, notes = $6::jsonb FROM ${ITEM_BY_KEY('p', '$2')}, ${ITEM_BY_KEY('s', '$3')}
            WHERE d.predecessor_id = p.id AND d.successor_id = s.id AND d.source IS NOT NULL
              AND (d.lag_months, d.source, d.notes) IS DISTINCT FROM ($4::int, $5::varchar, $6::jsonb) RETURNING 1`,
          params,
        ),
      ).length;
    }
  }
  return { added, corrected };
}
