import { differenceInCalendarMonths, format } from 'date-fns';
import type { ChangedLink, ForecastMove, MovedItem, PlanComparison, PlanSnapshotItem, Slip } from '@tracker/contracts';
import { toLocalDate } from './calendar';
import type { PlanWindow } from './window';

/** Slip beyond which the risk view lists an item as slipped, in months, unless asked otherwise. */
export const DEFAULT_SLIP_THRESHOLD_MONTHS = 1;

const months = (n: number) => `${n} month${n === 1 ? '' : 's'}`;
/** "31 Jan 2027". */
const formatDay = (date: string): string => format(toLocalDate(date), 'd MMM yyyy');

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

/** A forecast end set, changed or cleared, in words; null when it stayed. */
export function forecastMoveOf(item: PlanSnapshotItem, from: string | null, to: string | null): ForecastMove | null {
  if (from === to) {
    return null;
  }
  let words: string;
  if (to === null) {
    words = `forecast ${formatDay(from as string)} cleared`;
  } else if (from === null) {
    const gap = item.end === null ? 0 : differenceInCalendarMonths(toLocalDate(to), toLocalDate(item.end));
    const against = gap === 0 ? '' : `, ${months(Math.abs(gap))} ${gap > 0 ? 'after' : 'before'} its planned end`;
    words = `forecast ${formatDay(to)}${against}`;
  } else {
    words = `forecast moved from ${formatDay(from)} to ${formatDay(to)}`;
  }
  return { item, from, to, words };
}

/** A comparison of two plans that finds nothing changed: every list empty. */
export function noChanges(from: { number: number | null; name: string }, to: { number: number | null; name: string }): PlanComparison {
  return {
    from: { number: from.number, name: from.name },
    to: { number: to.number, name: to.name },
    added: [],
    removed: [],
    cancelled: [],
    renamed: [],
    moved: [],
    reparented: [],
    forecastMoved: [],
    linksAdded: [],
    linksRemoved: [],
  };
}

/**
 * What changed from one snapshot of a plan to another: items added and removed, cancelled since,
 * renamed, moved (with the slip in months and words), put under another activity, their forecast
 * ends set by a person, and the links between them (only when both snapshots hold links: versions
 * approved before the tracker kept them say nothing about links). Each list in plan order of `to`
 * (or `from` for removed items and links).
 */
export function comparePlans(
  from: { number: number | null; name: string; items: readonly PlanSnapshotItem[] },
  to: { number: number | null; name: string; items: readonly PlanSnapshotItem[] },
): PlanComparison {
  const key = (item: PlanSnapshotItem) => `${item.kind}:${item.id}`;
  const order = (a: PlanSnapshotItem, b: PlanSnapshotItem) => a.actionNumber - b.actionNumber || a.kind.localeCompare(b.kind) || a.sortOrder - b.sortOrder;
  const before = new Map(from.items.map((item) => [key(item), item]));
  const after = new Map(to.items.map((item) => [key(item), item]));
  const result = noChanges(from, to);
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
    const forecast = forecastMoveOf(item, old.forecastEnd ?? null, item.forecastEnd ?? null);
    if (forecast) result.forecastMoved.push(forecast);
  }
  result.removed = [...from.items].filter((item) => !after.has(key(item))).sort(order);
  if (from.items.some((item) => item.predecessors !== undefined) && to.items.some((item) => item.predecessors !== undefined)) {
    result.linksAdded = linksOnlyIn(to.items, from.items, order);
    result.linksRemoved = linksOnlyIn(from.items, to.items, order);
  }
  return result;
}

/** The links of `items` that `other` does not hold (same items, same lag), in plan order of their successors. */
function linksOnlyIn(
  items: readonly PlanSnapshotItem[],
  other: readonly PlanSnapshotItem[],
  order: (a: PlanSnapshotItem, b: PlanSnapshotItem) => number,
): ChangedLink[] {
  const linkKey = (predecessorId: string, successorId: string, lagMonths: number) => `${predecessorId}>${successorId}+${lagMonths}`;
  const known = new Set(other.flatMap((item) => (item.predecessors ?? []).map((p) => linkKey(p.id, item.id, p.lagMonths))));
  const byId = new Map(items.map((item) => [item.id, item]));
  const links: ChangedLink[] = [];
  for (const successor of [...items].sort(order)) {
    for (const { id, lagMonths } of successor.predecessors ?? []) {
      const predecessor = byId.get(id);
      if (predecessor && !known.has(linkKey(id, successor.id, lagMonths))) {
        links.push({ predecessor, successor, lagMonths });
      }
    }
  }
  return links;
}
