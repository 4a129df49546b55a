import type { AuditField, AuditItemType, AuditValue } from '@tracker/contracts';
import type { Permission } from '../auth/permissions';

/** How one kind of item is updated: its table, the fields a PATCH may change, and its finished status. */
export interface ItemSpec {
  itemType: AuditItemType;
  table: 'milestone' | 'output';
  permission: Permission;
  /** Changeable fields with their columns, in the order history lists them. */
  fields: readonly { field: AuditField; column: string }[];
  /** The status that means finished: it needs an actual end (and progress 100 where there is progress). */
  finishedStatus: string;
}

export const MILESTONE_SPEC: ItemSpec = {
  itemType: 'milestone',
  table: 'milestone',
  permission: 'milestone.update',
  fields: [
    { field: 'status', column: 'status' },
    { field: 'progress', column: 'progress' },
    { field: 'actualStart', column: 'actual_start' },
    { field: 'actualEnd', column: 'actual_end' },
    { field: 'forecastEnd', column: 'forecast_end' },
  ],
  finishedStatus: 'done',
};

/** Outputs have no progress of their own: they are planned, in progress, delivered or cancelled. */
export const OUTPUT_SPEC: ItemSpec = {
  itemType: 'output',
  table: 'output',
  permission: 'output.update',
  fields: [
    { field: 'status', column: 'status' },
    { field: 'actualStart', column: 'actual_start' },
    { field: 'actualEnd', column: 'actual_end' },
    { field: 'forecastEnd', column: 'forecast_end' },
  ],
  finishedStatus: 'delivered',
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
  if (after['status'] === spec.finishedStatus) {
    if (hasProgress) {
      if (given['progress'] !== undefined && given['progress'] !== 100) {
        return { ok: false, message: `progress must be 100 when status is ${spec.finishedStatus}, got ${given['progress']}` };
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
    .filter(({ field }) => (before[field] ?? null) !== (after[field] ?? null))
    .map(({ field }) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
  return { ok: true, after, changes };
}
