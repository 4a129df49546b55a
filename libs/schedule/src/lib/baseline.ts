import { differenceInCalendarMonths } from 'date-fns';
import type { MovedItem, PlanComparison, PlanSnapshotItem, Slip } from '@tracker/contracts';
import { toLocalDate } from './calendar';
import type { PlanWindow } from './window';

/** Slip beyond which the risk view lists an item as slipped, in months, unless asked otherwise. */
export const DEFAULT_SLIP_THRESHOLD_MONTHS = 1;

const months = (n: number) => `${n} month${n === 1 ? '' : 's'}`;

/**
 * How far a window moved from its baseline, in whole calendar months, read by the end of the window
 * (when the work is due), or by its start when the end stayed. Month arithmetic on calendar dates:
 * "December 2025 - February 2026" against "October - December 2025" is 2 months later, whatever the
 * time zone. An undated window on either side is said in words with no months.
 */
export function slipOf(baseline: PlanWindow, current: PlanWindow): Slip {
  if (baseline.end === null || baseline.start === null) {
    return current.end === null ? { months: 0, words: 'as approved (no date)' } : { months: 0, words: 'dated since approval' };
  }
  if (current.end === null || current.start === null) {
    return { months: 0, words: 'no date now, dated when approved' };
  }
  const byEnd = differenceInCalendarMonths(toLocalDate(current.end), toLocalDate(baseline.end));
  if (byEnd !== 0) {
    return { months: byEnd, words: `${months(Math.abs(byEnd))} ${byEnd > 0 ? 'later' : 'earlier'} than approved` };
  }
  const byStart = differenceInCalendarMonths(toLocalDate(current.start), toLocalDate(baseline.start));
  if (byStart !== 0) {
    return { months: 0, words: `starts ${months(Math.abs(byStart))} ${byStart > 0 ? 'later' : 'earlier'} than approved, same end` };
  }
  return { months: 0, words: 'as approved' };
}

/** True when the two windows differ (dates or precision). */
export function windowChanged(a: PlanWindow, b: PlanWindow): boolean {
  return a.start !== b.start || a.end !== b.end || a.precision !== b.precision;
}

/**
 * What changed from one snapshot of a plan to another: items added and removed, cancelled since,
 * renamed, moved (with the slip in months and words) and put under another activity. Each list in
 * plan order of `to` (or `from` for removed items).
 */
export function comparePlans(
  from: { number: number | null; name: string; items: readonly PlanSnapshotItem[] },
  to: { number: number | null; name: string; items: readonly PlanSnapshotItem[] },
): PlanComparison {
  const key = (item: PlanSnapshotItem) => `${item.kind}:${item.id}`;
  const order = (a: PlanSnapshotItem, b: PlanSnapshotItem) => a.actionNumber - b.actionNumber || a.kind.localeCompare(b.kind) || a.sortOrder - b.sortOrder;
  const before = new Map(from.items.map((item) => [key(item), item]));
  const after = new Map(to.items.map((item) => [key(item), item]));
  const result: PlanComparison = {
    from: { number: from.number, name: from.name },
    to: { number: to.number, name: to.name },
    added: [],
    removed: [],
    cancelled: [],
    renamed: [],
    moved: [],
    reparented: [],
  };
  for (const item of [...to.items].sort(order)) {
    const old = before.get(key(item));
    if (!old) {
      result.added.push(item);
      continue;
    }
    if (item.status === 'cancelled' && old.status !== 'cancelled') result.cancelled.push(item);
    if (item.title !== old.title) result.renamed.push({ item, fromTitle: old.title });
    if (windowChanged(old, item)) {
      const moved: MovedItem = {
        item,
        from: { windowText: old.windowText, start: old.start, end: old.end, precision: old.precision },
        slip: slipOf(old, item),
      };
      result.moved.push(moved);
    }
    if (item.parentId !== old.parentId) result.reparented.push({ item, fromParentId: old.parentId });
  }
  result.removed = [...from.items].filter((item) => !after.has(key(item))).sort(order);
  return result;
}
