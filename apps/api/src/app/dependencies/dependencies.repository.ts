import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Dependency, PlanNote } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** One link as the `Dependency` contract, for rows `d` (dependency): the list and the POST answer both come from it. */
const DEPENDENCY_JSON = `json_build_object('id', d.id, 'predecessorId', d.predecessor_id, 'successorId', d.successor_id,
  'lagMonths', d.lag_months, 'source', d.source, 'notes', d.notes)`;

/** A milestone or output as a link needs it: its kind, title, Action, partnership and version. */
export interface LinkedItem {
  type: 'milestone' | 'output';
  id: string;
  title: string;
  actionId: string;
  actionNumber: number;
  partnershipId: string;
  version: number;
}

/** A link to write, as the seed and the API give it. */
export interface NewDependency {
  partnershipId: string;
  predecessor: Pick<LinkedItem, 'id' | 'type'>;
  successor: Pick<LinkedItem, 'id' | 'type'>;
  lagMonths: number;
  source: string | null;
  notes: PlanNote[];
}

/** Every SQL statement of the `dependency` table. */
@Injectable()
export class DependenciesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The links of a partnership, oldest first. */
  async list(partnershipId: string, manager: EntityManager = this.dataSource.manager): Promise<Dependency[]> {
    const rows = await manager.query<{ body: Dependency }[]>(
      `SELECT ${DEPENDENCY_JSON} AS body FROM dependency d WHERE d.partnership_id = $1 ORDER BY d.created_at, d.id`,
      [partnershipId],
    );
    return rows.map((row) => row.body);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Dependency | null> {
    const [row] = await manager.query<{ body: Dependency }[]>(`SELECT ${DEPENDENCY_JSON} AS body FROM dependency d WHERE d.id = $1`, [id]);
    return row?.body ?? null;
  }

  /** The milestone or output with this id, or null. */
  async item(id: string, manager: EntityManager = this.dataSource.manager): Promise<LinkedItem | null> {
    const [row] = await manager.query<LinkedItem[]>(
      `SELECT 'milestone' AS type, m.id, m.title, m.action_id AS "actionId", a.number AS "actionNumber", a.partnership_id AS "partnershipId", m.version
         FROM milestone m JOIN action a ON a.id = m.action_id WHERE m.id = $1
       UNION ALL
       SELECT 'output', o.id, o.title, o.action_id, a.number, a.partnership_id, o.version
         FROM output o JOIN action a ON a.id = o.action_id WHERE o.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Titles of items by id (milestones and outputs). */
  async titles(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const rows = await manager.query<{ id: string; title: string }[]>(
      `SELECT id, title FROM milestone WHERE id = ANY($1::uuid[]) UNION ALL SELECT id, title FROM output WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.title]));
  }

  /** The titles of an item's predecessors, in the order `predecessorIds` lists them. */
  async predecessorTitles(successorId: string, manager: EntityManager): Promise<string[]> {
    const rows = await manager.query<{ title: string }[]>(
      `SELECT COALESCE(m.title, o.title) AS title FROM dependency d
         LEFT JOIN milestone m ON m.id = d.predecessor_id LEFT JOIN output o ON o.id = d.predecessor_id
        WHERE d.successor_id = $1 ORDER BY d.created_at, d.predecessor_id`,
      [successorId],
    );
    return rows.map((row) => row.title);
  }

  /** The link from one item to another, or null. */
  async between(predecessorId: string, successorId: string, manager: EntityManager): Promise<Dependency | null> {
    const [row] = await manager.query<{ body: Dependency }[]>(
      `SELECT ${DEPENDENCY_JSON} AS body FROM dependency d WHERE d.predecessor_id = $1 AND d.successor_id = $2`,
      [predecessorId, successorId],
    );
    return row?.body ?? null;
  }

  /** Serialises the writes to one partnership's links until the transaction ends (a cycle check sees every link). */
  async lock(partnershipId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('dependency:' || $1::text, 0))`, [partnershipId]);
  }

  /** Adds a link; returns its id, or null when the link exists already. */
  async insert(link: NewDependency, manager: EntityManager): Promise<string | null> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO dependency (partnership_id, predecessor_id, predecessor_type, successor_id, successor_type, lag_months, source, notes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
       ON CONFLICT (predecessor_id, successor_id) DO NOTHING RETURNING id`,
      [
        link.partnershipId,
        link.predecessor.id,
        link.predecessor.type,
        link.successor.id,
        link.successor.type,
        link.lagMonths,
        link.source,
        JSON.stringify(link.notes),
      ],
    );
    return rows[0]?.id ?? null;
  }

  async delete(id: string, manager: EntityManager): Promise<void> {
    await manager.query(`DELETE FROM dependency WHERE id = $1`, [id]);
  }
}
