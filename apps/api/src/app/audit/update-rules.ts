import type { AuditField, AuditItemType, AuditValue } from '@tracker/contracts';
import type { Permission } from '../auth/permissions';

/**
 * How one kind of versioned record is updated (see VersionedUpdateService): its table, the fields a
 * PATCH may change, who may change it, and the rules across its fields.
 */
export interface ItemSpec {
  itemType: AuditItemType;
  table: 'milestone' | 'output' | 'risk' | 'monitoring_call' | 'follow_up' | 'target';
  /** How a 404 names it: "milestone", "monitoring call". */
  noun: string;
  /** How a 409 names it: "someone else changed this call". */
  shortNoun: string;
  /** Checked against the Action of the row (its `action_id`). */
  permission: Permission | null;
  /**
   * For records of no single Action (calls, follow-ups): SQL giving the row's partnership; the user's
   * organisation must have a seat there (their route has checked the role).
   */
  partnershipOf?: string;
  /**
   * Changeable fields with their columns, in the order history lists them; `read` is the SQL that
   * reads the column, when not the column itself; `derived` fields are not given by clients but read
   * from another (the dates from the window's words).
   */
  fields: readonly { field: AuditField; column: string; read?: string; derived?: boolean }[];
  /** The status that means finished: it needs an actual end (and progress 100 where there is progress). */
  finishedStatus: string | null;
}

/**
 * The planned part of an item, changed when the plan is amended: its title, the window as the plan
 * words it and the dates read from those words (the three change together, each with its history
 * entry), and whether it is tentative.
 */
const PLAN_FIELDS = (textColumn: string, textField: 'windowText' | 'dueText'): ItemSpec['fields'] => [
  { field: 'title', column: 'title' },
  { field: textField, column: textColumn },
  { field: 'start', column: 'start_date', derived: true },
  { field: 'end', column: 'end_date', derived: true },
  { field: 'precision', column: 'precision', derived: true },
  { field: 'tentative', column: 'tentative' },
];

export const MILESTONE_SPEC: ItemSpec = {
  itemType: 'milestone',
  table: 'milestone',
  noun: 'milestone',
  shortNoun: 'milestone',
  permission: 'milestone.update',
  fields: [
    { field: 'status', column: 'status' },
    { field: 'progress', column: 'progress' },
    { field: 'actualStart', column: 'actual_start' },
    { field: 'actualEnd', column: 'actual_end' },
    { field: 'forecastEnd', column: 'forecast_end' },
    ...PLAN_FIELDS('window_text', 'windowText'),
    { field: 'parentId', column: 'parent_id', read: 'parent_id::text' },
  ],
  finishedStatus: 'done',
};

/** Outputs have no progress of their own: they are planned, in progress, delivered or cancelled. */
export const OUTPUT_SPEC: ItemSpec = {
  itemType: 'output',
  table: 'output',
  noun: 'output',
  shortNoun: 'output',
  permission: 'output.update',
  fields: [
    { field: 'status', column: 'status' },
    { field: 'actualStart', column: 'actual_start' },
    { field: 'actualEnd', column: 'actual_end' },
    { field: 'forecastEnd', column: 'forecast_end' },
    ...PLAN_FIELDS('due_text', 'dueText'),
  ],
  finishedStatus: 'delivered',
};

/** A risk of an Action's register: the Secretariat, or the co-leaders of its Action. */
export const RISK_SPEC: ItemSpec = {
  itemType: 'risk',
  table: 'risk',
  noun: 'risk',
  shortNoun: 'risk',
  permission: 'risk.update',
  fields: [
    { field: 'title', column: 'title' },
    { field: 'description', column: 'description' },
    { field: 'likelihood', column: 'likelihood' },
    { field: 'impact', column: 'impact' },
    { field: 'ownerOrganisationId', column: 'owner_organisation_id' },
    { field: 'mitigation', column: 'mitigation' },
    { field: 'status', column: 'status' },
    { field: 'nextReview', column: 'next_review' },
  ],
  finishedStatus: null,
};

/** A target of an Action: reworded or cancelled as the plan is amended (who amends its milestones). */
export const TARGET_SPEC: ItemSpec = {
  itemType: 'target',
  table: 'target',
  noun: 'target',
  shortNoun: 'target',
  permission: 'milestone.update',
  fields: [
    { field: 'description', column: 'description' },
    { field: 'status', column: 'status' },
  ],
  finishedStatus: null,
};

/** A monitoring call: only the Secretariat writes calls (the route checks `monitoring.write`). */
export const MONITORING_CALL_SPEC: ItemSpec = {
  itemType: 'monitoring_call',
  table: 'monitoring_call',
  noun: 'monitoring call',
  shortNoun: 'call',
  permission: null,
  partnershipOf: 'partnership_id',
  fields: [
    { field: 'heldOn', column: 'held_on' },
    { field: 'actionNumbers', column: 'action_numbers', read: 'action_numbers::int[]' },
    { field: 'attendees', column: 'attendees' },
    { field: 'notes', column: 'notes' },
    { field: 'decisions', column: 'decisions' },
  ],
  finishedStatus: null,
};

/** A follow-up of a monitoring call (the route checks `monitoring.write`). */
export const FOLLOW_UP_SPEC: ItemSpec = {
  itemType: 'follow_up',
  table: 'follow_up',
  noun: 'follow-up',
  shortNoun: 'follow-up',
  permission: null,
  partnershipOf: '(SELECT c.partnership_id FROM monitoring_call c WHERE c.id = call_id)',
  fields: [
    { field: 'what', column: 'what' },
    { field: 'ownerOrganisationId', column: 'owner_organisation_id' },
    { field: 'ownerText', column: 'owner_text' },
    { field: 'dueDate', column: 'due_date' },
    { field: 'done', column: 'done' },
  ],
  finishedStatus: null,
};

export type ItemValues = Partial<Record<AuditField, AuditValue>>;

export interface Change {
  field: AuditField;
  from: AuditValue;
  to: AuditValue;
}

export type UpdatePlan = { ok: true; after: ItemValues; changes: Change[] } | { ok: false; message: string };

/**
 * Merges the fields a PATCH gives into the stored values and checks the rules that span fields:
 * - an actual end is never before the actual start;
 * - the finished status (`done`, `delivered`) needs an actual end, given or stored: no day is invented;
 * - a `done` milestone is at 100 %: progress is set to 100 when the update does not give it, and an
 *   update that gives another number is refused.
 * Returns the new values and the fields that really change, or the message of a 400.
 */
export function planUpdate(spec: ItemSpec, before: ItemValues, given: ItemValues): UpdatePlan {
  const after: ItemValues = { ...before };
  for (const { field } of spec.fields) {
    if (given[field] !== undefined) {
      after[field] = given[field];
    }
  }
  const hasProgress = spec.fields.some((f) => f.field === 'progress');
  if (spec.finishedStatus !== null && after['status'] === spec.finishedStatus) {
    if (hasProgress) {
      if (given['progress'] !== undefined && given['progress'] !== 100) {
        return { ok: false, message: `progress must be 100 when status is ${spec.finishedStatus}, got ${String(given['progress'])}` };
      }
      after['progress'] = 100;
    }
    if (!after['actualEnd']) {
      return {
        ok: false,
        message: `actualEnd is required when status is ${spec.finishedStatus}: give the day it was ${spec.finishedStatus === 'done' ? 'finished' : 'delivered'}`,
      };
    }
  }
  const start = after['actualStart'];
  const end = after['actualEnd'];
  if (typeof start === 'string' && typeof end === 'string' && end < start) {
    return { ok: false, message: `actualEnd (${end}) must not be before actualStart (${start})` };
  }
  const changes = spec.fields
    .filter(({ field }) => !sameValue(before[field] ?? null, after[field] ?? null))
    .map(({ field }) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
  return { ok: true, after, changes };
}

/** Lists (a call's Actions and attendees) compare by their elements, in order. */
function sameValue(a: AuditValue, b: AuditValue): boolean {
  return Array.isArray(a) || Array.isArray(b) ? JSON.stringify(a) === JSON.stringify(b) : a === b;
}
