import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlanSnapshotItem, PlanVersion, PlanVersionSummary } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/** The links into item `alias` as `PlanSnapshotLink`s, in the order they were made. */
const PREDECESSORS = (alias: string) => `(SELECT COALESCE(json_agg(json_build_object('id', d.predecessor_id, 'lagMonths', d.lag_months)
  ORDER BY d.created_at, d.predecessor_id), '[]'::json) FROM dependency d WHERE d.successor_id = ${alias}.id)`;

/** Every milestone and output of partnership $1 as `PlanSnapshotItem`s (with their links and forecast ends), in plan order. */
const SNAPSHOT_SQL = `
SELECT COALESCE(json_agg(s.item ORDER BY s.action_number, s.kind, s.sort_order), '[]'::json) AS items FROM (
  SELECT a.number AS action_number, 'milestone' AS kind, m.sort_order,
         json_build_object('id', m.id, 'kind', 'milestone', 'actionNumber', a.number, 'parentId', m.parent_id, 'title', m.title,
                           'windowText', m.window_text, 'start', m.start_date, 'end', m.end_date, 'precision', m.precision,
                           'tentative', m.tentative, 'status', m.status, 'sortOrder', m.sort_order, 'forecastEnd', m.forecast_end,
                           'predecessors', ${PREDECESSORS('m')}) AS item
    FROM milestone m JOIN action a ON a.id = m.action_id WHERE a.partnership_id = $1
  UNION ALL
  SELECT a.number, 'output', o.sort_order,
         json_build_object('id', o.id, 'kind', 'output', 'actionNumber', a.number, 'parentId', NULL, 'title', o.title,
                           'windowText', COALESCE(o.due_text, ''), 'start', o.start_date, 'end', o.end_date, 'precision', o.precision,
                           'tentative', o.tentative, 'status', o.status, 'sortOrder', o.sort_order, 'forecastEnd', o.forecast_end,
                           'predecessors', ${PREDECESSORS('o')})
    FROM output o JOIN action a ON a.id = o.action_id WHERE a.partnership_id = $1
) s`;

interface VersionRow {
  id: string;
  number: number;
  name: string;
  approved_at: Date;
  approver_id: string | null;
  approver_name: string | null;
  item_count: number;
  partnership: string;
  items?: PlanSnapshotItem[];
}

const SELECT = `
  SELECT v.id, v.number, v.name, v.approved_at, u.id AS approver_id, u.name AS approver_name,
         jsonb_array_length(v.items) AS item_count, p.seed_key AS partnership`;
const FROM = `
    FROM plan_version v JOIN partnership p ON p.id = v.partnership_id LEFT JOIN user_account u ON u.id = v.approved_by`;

/** Approved versions of a partnership's plan: immutable snapshots, numbered from 1. */
@Injectable()
export class PlanVersionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The plan as it is now, as a version would hold it. */
  async currentItems(partnershipId: string, manager: EntityManager = this.dataSource.manager): Promise<PlanSnapshotItem[]> {
    const [row] = await manager.query<{ items: PlanSnapshotItem[] }[]>(SNAPSHOT_SQL, [partnershipId]);
    return row.items;
  }

  async list(partnershipId: string): Promise<PlanVersionSummary[]> {
    const rows = await this.dataSource.query<VersionRow[]>(`${SELECT}${FROM} WHERE v.partnership_id = $1 ORDER BY v.number DESC`, [partnershipId]);
    return rows.map(toSummary);
  }

  async get(id: string): Promise<PlanVersion> {
    const [row] = await this.dataSource.query<VersionRow[]>(`${SELECT}, v.items${FROM} WHERE v.id = $1`, [id]);
    if (!row) {
      throw new NotFoundException(`plan version ${id} not found`);
    }
    return { ...toSummary(row), partnership: row.partnership, items: row.items ?? [] };
  }

  /** Version `number` of a partnership; 404 naming the parameter when it has none. */
  async byNumber(partnershipId: string, number: number, parameter: string): Promise<PlanVersion> {
    const id = await this.idOf(partnershipId, number);
    if (id === null) {
      throw new NotFoundException(`${parameter}: the partnership has no plan version ${number}`);
    }
    return this.get(id);
  }

  /** The id of version `number` of a partnership, or null when it has none. */
  async idOf(partnershipId: string, number: number): Promise<string | null> {
    const [row] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM plan_version WHERE partnership_id = $1 AND number = $2`, [
      partnershipId,
      number,
    ]);
    return row?.id ?? null;
  }

  /** The number of the version with this id, or null for none. */
  async numberOf(id: string | null): Promise<number | null> {
    if (id === null) {
      return null;
    }
    const [row] = await this.dataSource.query<{ number: number }[]>(`SELECT number FROM plan_version WHERE id = $1`, [id]);
    return row?.number ?? null;
  }

  /** Snapshots the current plan as the next version (see insertPlanVersion). */
  approve(partnershipId: string, name: string, approvedBy: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    return insertPlanVersion(manager, partnershipId, name, approvedBy);
  }
}

/**
 * Snapshots the current plan as the next version, in one statement (of two approvals at the same
 * moment, the later one gets a 409). `approvedBy` is null for the version approved before the tracker.
 */
export async function insertPlanVersion(manager: EntityManager, partnershipId: string, name: string, approvedBy: string | null): Promise<string> {
  try {
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO plan_version (partnership_id, number, name, approved_by, items)
       SELECT $1, COALESCE((SELECT MAX(number) FROM plan_version WHERE partnership_id = $1), 0) + 1, $2, $3, (${SNAPSHOT_SQL})::jsonb
       RETURNING id`,
      [partnershipId, name, approvedBy],
    );
    return row.id;
  } catch (error) {
    if ((error as { code?: string }).code === '23505') {
      throw new ConflictException('someone else approved a version at the same moment: reload the list of versions and try again');
    }
    throw error;
  }
}

/** Version 1, once: the plan as first seeded is the plan as approved. True when it was written now. */
export async function approveFirstVersionIfNone(manager: EntityManager, partnershipId: string, name: string): Promise<boolean> {
  const [existing] = await manager.query<unknown[]>(`SELECT 1 FROM plan_version WHERE partnership_id = $1 LIMIT 1`, [partnershipId]);
  if (existing) {
    return false;
  }
  await insertPlanVersion(manager, partnershipId, name, null);
  return true;
}

function toSummary(row: VersionRow): PlanVersionSummary {
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    approvedAt: row.approved_at.toISOString(),
    approvedBy: row.approver_id ? { id: row.approver_id, name: row.approver_name ?? '' } : null,
    itemCount: row.item_count,
  };
}
