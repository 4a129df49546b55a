import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AUDIT_FIELDS, type AuditEntry, type AuditField, type AuditItemType, type AuditValue, PLAN_ITEM_TYPES, type Role } from '@tracker/contracts';
import { DataSource } from 'typeorm';

interface EntryRow {
  id: string;
  at: Date;
  user_id: string;
  user_name: string;
  user_role: Role;
  organisation_name: string;
  item_type: AuditItemType;
  item_id: string;
  item_title: string;
  action_number: number | null;
  version: number;
  field: AuditField | null;
  from_value: AuditValue;
  to_value: AuditValue;
  note: string | null;
}

const SELECT_ENTRIES = `
  SELECT e.id, e.at, e.user_id, u.name AS user_name, u.role AS user_role, o.name AS organisation_name,
         e.item_type, e.item_id,
         COALESCE(m.title, op.title, r.title, 'Monitoring call of ' || to_char(c.held_on, 'YYYY-MM-DD'), f.what, 'Target: ' || t.description) AS item_title,
         a.number AS action_number, e.version, e.field, e.from_value, e.to_value, e.note
    FROM audit_entry e
    JOIN user_account u ON u.id = e.user_id
    JOIN organisation o ON o.id = u.organisation_id
    LEFT JOIN milestone m ON e.item_type = 'milestone' AND m.id = e.item_id
    LEFT JOIN output op ON e.item_type = 'output' AND op.id = e.item_id
    LEFT JOIN risk r ON e.item_type = 'risk' AND r.id = e.item_id
    LEFT JOIN monitoring_call c ON e.item_type = 'monitoring_call' AND c.id = e.item_id
    LEFT JOIN follow_up f ON e.item_type = 'follow_up' AND f.id = e.item_id
    LEFT JOIN target t ON e.item_type = 'target' AND t.id = e.item_id
    LEFT JOIN action a ON a.id = COALESCE(m.action_id, op.action_id, r.action_id, t.action_id)`;

/** The activity feed and a call's changes list the plan's own items: milestones and outputs. */
const PLAN_ITEMS_ONLY = `e.item_type IN (${PLAN_ITEM_TYPES.map((type) => `'${type}'`).join(', ')})`;

/** Table of each kind of record with a history. */
const TABLES: Record<AuditItemType, string> = {
  milestone: 'milestone',
  output: 'output',
  risk: 'risk',
  monitoring_call: 'monitoring_call',
  follow_up: 'follow_up',
  target: 'target',
};

/** How a 404 names each kind. */
const NOUNS: Record<AuditItemType, string> = {
  milestone: 'milestone',
  output: 'output',
  risk: 'risk',
  monitoring_call: 'monitoring call',
  follow_up: 'follow-up',
  target: 'target',
};

/** Newest update first; within one update, fields in their usual order and a bare note last. */
const ORDER = `ORDER BY e.at DESC, e.version DESC, COALESCE(array_position($FIELDS::varchar[], e.field), 99)`;

/** Reads the history of changes written by VersionedUpdateService, for every versioned record. */
@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every change of one item, newest first; 404 when there is no such item. */
  async history(itemType: AuditItemType, itemId: string): Promise<AuditEntry[]> {
    const [item] = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM "${TABLES[itemType]}" WHERE id = $1`, [itemId]);
    if (!item) {
      throw new NotFoundException(`${NOUNS[itemType]} ${itemId} not found`);
    }
    const rows = await this.dataSource.query<EntryRow[]>(`${SELECT_ENTRIES} WHERE e.item_type = $1 AND e.item_id = $2 ${ORDER.replace('$FIELDS', '$3')}`, [
      itemType,
      itemId,
      AUDIT_FIELDS,
    ]);
    return rows.map(toEntry);
  }

  /** The latest changes of one partnership's milestones and outputs, newest first. */
  async activity(partnershipId: string, limit: number): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query<EntryRow[]>(
      `${SELECT_ENTRIES} WHERE ${PLAN_ITEMS_ONLY} AND a.partnership_id = $3 ${ORDER.replace('$FIELDS', '$2')} LIMIT $1`,
      [limit, AUDIT_FIELDS, partnershipId],
    );
    return rows.map(toEntry);
  }

  /**
   * Every change to the items of one partnership made on the Brussels calendar days from `from`
   * (inclusive; null: from the beginning) up to `to` (inclusive), newest first.
   */
  async between(partnershipId: string, from: string | null, to: string, timeZone: string): Promise<AuditEntry[]> {
    const rows = await this.dataSource.query<EntryRow[]>(
      `${SELECT_ENTRIES}
        WHERE ${PLAN_ITEMS_ONLY} AND a.partnership_id = $1 AND ($2::date IS NULL OR (e.at AT TIME ZONE $4)::date >= $2::date) AND (e.at AT TIME ZONE $4)::date <= $3::date
        ${ORDER.replace('$FIELDS', '$5')}`,
      [partnershipId, from, to, timeZone, AUDIT_FIELDS],
    );
    return rows.map(toEntry);
  }
}

function toEntry(row: EntryRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    by: { id: row.user_id, name: row.user_name, role: row.user_role, organisation: row.organisation_name },
    itemType: row.item_type,
    itemId: row.item_id,
    itemTitle: row.item_title,
    actionNumber: row.action_number,
    version: row.version,
    field: row.field,
    from: row.from_value,
    to: row.to_value,
    note: row.note,
  };
}
