import { compareDates, type CalendarDate } from './calendar';
import { CLOSED_STATUSES } from './flags';
import type { DatePrecision } from './window';

/**
 * The forecast of a plan: when each item is expected to end, as a range, given what people set,
 * the plan's (approximate) windows, the finish-to-start links between items and the pace of the work.
 * Pure and calendar-only: the caller gives the items, the links and the day.
 */

/** One milestone or output as the forecast reads it. */
export interface ForecastItem {
  id: string;
  start: CalendarDate | null;
  end: CalendarDate | null;
  precision: DatePrecision;
  status: string;
  /** Percent done (0-100) where the item reports it (milestones); null or absent otherwise. */
  progress?: number | null;
  actualStart?: CalendarDate | null;
  actualEnd?: CalendarDate | null;
  /** A forecast end set by a person. */
  forecastEnd?: CalendarDate | null;
}

/** A finish-to-start link: the successor starts once the predecessor ends, plus `lagMonths` whole months. */
export interface ForecastLink {
  predecessorId: string;
  successorId: string;
  lagMonths: number;
}

/** Which rule set the figure: the item itself, its pace, or (by id) the predecessor that pushes it. */
export type ForecastDriver = 'self' | 'pace' | (string & {});

export interface Forecast {
  /** The earliest day the item is expected to end; null when the plan gives no date and nothing pushes it. */
  earliestEnd: CalendarDate | null;
  /** The latest day the item is expected to end (the end of its window's precision). */
  latestEnd: CalendarDate | null;
  drivenBy: ForecastDriver;
}

interface Range {
  earliest: CalendarDate | null;
  latest: CalendarDate | null;
}

const later = (a: CalendarDate | null, b: CalendarDate | null): CalendarDate | null => (a === null ? b : b === null ? a : compareDates(a, b) >= 0 ? a : b);

/*
 * Day and month arithmetic on the numbers of a calendar date. The forecast of a large plan does a few
 * of these per item and link, and a Date per step (parse, local midnight, format) costs some fifty
 * times more. Days are counted from 1970-01-01 with the proleptic Gregorian calendar's own rules
 * (H. Hinnant's days_from_civil and civil_from_days): plain integers, no time zone, no Date.
 */
const digit = (date: CalendarDate, at: number): number => date.charCodeAt(at) - 48;
const yearOf = (date: CalendarDate): number => digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
const monthOf = (date: CalendarDate): number => digit(date, 5) * 10 + digit(date, 6);
const dayOf = (date: CalendarDate): number => digit(date, 8) * 10 + digit(date, 9);
const dayNumber = (date: CalendarDate): number => {
  const m = monthOf(date);
  const y = yearOf(date) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + dayOf(date) - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
};
const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const ofNumbers = (y: number, m: number, d: number): CalendarDate => `${y}-${pad(m)}-${pad(d)}`;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (y: number, m: number): number => (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]);
const daysBetween = (from: CalendarDate, to: CalendarDate): number => dayNumber(to) - dayNumber(from);
const plusDays = (date: CalendarDate, days: number): CalendarDate => {
  const z = dayNumber(date) + days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return ofNumbers(yoe + era * 400 + (m <= 2 ? 1 : 0), m, doy - Math.floor((153 * mp + 2) / 5) + 1);
};
const isMonthEnd = (date: CalendarDate): boolean => dayOf(date) === daysInMonth(yearOf(date), monthOf(date));
const monthsBetween = (from: CalendarDate, to: CalendarDate): number => {
  return yearOf(to) * 12 + monthOf(to) - (yearOf(from) * 12 + monthOf(from));
};
/** Whole months later; the last day of a month stays the last day of a month (30 September + 1 is 31 October). */
const plusMonths = (date: CalendarDate, months: number): CalendarDate => {
  if (months === 0) return date;
  const y = yearOf(date);
  const m = monthOf(date);
  const d = dayOf(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  const last = daysInMonth(ny, nm);
  return ofNumbers(ny, nm, d === daysInMonth(y, m) ? last : Math.min(d, last));
};

/**
 * The work the plan puts between `from` and `to`, carried after `ready`: in whole months when both
 * are month ends (a window of months stays a window of months), else in days.
 */
function carry(ready: CalendarDate, from: CalendarDate, to: CalendarDate): CalendarDate {
  if (isMonthEnd(from) && isMonthEnd(to)) {
    return plusMonths(ready, Math.max(0, monthsBetween(from, to)));
  }
  return plusDays(ready, Math.max(0, daysBetween(from, to)));
}

/**
 * The range the plan's window gives its end: a day window ends on that day; a month window some
 * day of the month its end falls in ("October - December 2025": 1 to 31 December 2025); a year
 * window some day of its last year ("2026": 1 January to 31 December 2026); an undated one: unknown.
 */
export function plannedEndRange(item: Pick<ForecastItem, 'end' | 'precision'>): Range {
  const { end, precision } = item;
  if (end === null || precision === 'unknown') {
    return { earliest: null, latest: null };
  }
  if (precision === 'day') {
    return { earliest: end, latest: end };
  }
  return { earliest: precision === 'month' ? `${end.slice(0, 8)}01` : `${end.slice(0, 5)}01-01`, latest: end };
}

/**
 * Where the pace of an item in progress takes its end: the progress reported against the days
 * elapsed since it started (its actual start, else its planned one), carried on to 100%. Null when
 * it is not in progress, reports no progress, or has not started by the as-of day.
 */
export function paceEnd(item: ForecastItem, asOf: CalendarDate): CalendarDate | null {
  const start = item.actualStart ?? item.start;
  const progress = item.progress ?? null;
  if (item.status !== 'in_progress' || start === null || progress === null || progress <= 0 || progress >= 100) {
    return null;
  }
  const elapsed = daysBetween(start, asOf) + 1;
  if (elapsed <= 0) {
    return null;
  }
  return plusDays(start, Math.ceil((elapsed * 100) / progress) - 1);
}

/**
 * The items of one cycle of the links, in link order (each links to the next, the last to the
 * first), or an empty list when the links have no cycle.
 */
export function findCycle(links: readonly Pick<ForecastLink, 'predecessorId' | 'successorId'>[]): string[] {
  const next = new Map<string, string[]>();
  for (const link of links) {
    const list = next.get(link.predecessorId);
    if (list) list.push(link.successorId);
    else next.set(link.predecessorId, [link.successorId]);
  }
  // Iterative depth-first search: 0 unseen, 1 on the current path, 2 done.
  const state = new Map<string, 1 | 2>();
  for (const root of next.keys()) {
    if (state.has(root)) continue;
    const path: string[] = [root];
    const cursor: number[] = [0];
    state.set(root, 1);
    while (path.length > 0) {
      const node = path[path.length - 1];
      const children = next.get(node) ?? [];
      const i = cursor[cursor.length - 1];
      if (i >= children.length) {
        state.set(node, 2);
        path.pop();
        cursor.pop();
        continue;
      }
      cursor[cursor.length - 1] = i + 1;
      const child = children[i];
      const seen = state.get(child);
      if (seen === 1) {
        return path.slice(path.indexOf(child));
      }
      if (seen === undefined) {
        state.set(child, 1);
        path.push(child);
        cursor.push(0);
      }
    }
  }
  return [];
}

/**
 * Every item's forecast as of a day, in topological order of the links:
 *
 * - an actual end, else a forecast end set by a person, stands: the range is that day ('self');
 * - otherwise the planned window, with its precision as the range ({@link plannedEndRange}); an item
 *   still open cannot end before the as-of day;
 * - pushed later by each predecessor (finish-to-start, plus the lag in whole months): the part of
 *   the item's window the plan put after the last of its predecessors' planned ends (plus lag) starts
 *   only when each predecessor's forecast end (plus lag) is past, so its end moves by a predecessor's
 *   slip beyond the room the plan left; a cancelled predecessor pushes nothing;
 * - for an item in progress, pushed later by its pace ({@link paceEnd}).
 *
 * `drivenBy` names the rule that gives the latest end (the item itself on a tie). Items in a cycle of
 * links (see {@link findCycle}) are forecast without their links. Done, delivered and cancelled items
 * are never pushed.
 */
export function forecastPlan(items: readonly ForecastItem[], links: readonly ForecastLink[], asOf: CalendarDate): Map<string, Forecast> {
  const byId = new Map(items.map((item) => [item.id, item]));
  const incoming = new Map<string, ForecastLink[]>();
  const outgoing = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const link of links) {
    if (!byId.has(link.predecessorId) || !byId.has(link.successorId)) continue;
    const into = incoming.get(link.successorId);
    if (into) into.push(link);
    else incoming.set(link.successorId, [link]);
    const out = outgoing.get(link.predecessorId);
    if (out) out.push(link.successorId);
    else outgoing.set(link.predecessorId, [link.successorId]);
    waiting.set(link.successorId, (waiting.get(link.successorId) ?? 0) + 1);
  }
  const result = new Map<string, Forecast>();
  const queue = items.filter((item) => !waiting.has(item.id)).map((item) => item.id);
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head];
    result.set(id, forecastOne(byId.get(id) as ForecastItem, incoming.get(id) ?? [], byId, result, asOf));
    for (const successor of outgoing.get(id) ?? []) {
      const left = (waiting.get(successor) as number) - 1;
      waiting.set(successor, left);
      if (left === 0) queue.push(successor);
    }
  }
  // Whatever is left waits on a cycle: forecast on its own.
  for (const item of items) {
    if (!result.has(item.id)) {
      result.set(item.id, forecastOne(item, [], byId, result, asOf));
    }
  }
  return result;
}

function forecastOne(
  item: ForecastItem,
  links: readonly ForecastLink[],
  byId: Map<string, ForecastItem>,
  known: Map<string, Forecast>,
  asOf: CalendarDate,
): Forecast {
  const set = item.actualEnd ?? item.forecastEnd ?? null;
  if (set !== null) {
    return { earliestEnd: set, latestEnd: set, drivenBy: 'self' };
  }
  const planned = plannedEndRange(item);
  if (CLOSED_STATUSES.includes(item.status)) {
    return { earliestEnd: planned.earliest, latestEnd: planned.latest, drivenBy: 'self' };
  }
  // Still open: it cannot end before today.
  let best: Forecast = {
    earliestEnd: planned.earliest === null ? null : later(planned.earliest, asOf),
    latestEnd: planned.latest === null ? null : later(planned.latest, asOf),
    drivenBy: 'self',
  };
  const consider = (range: Range, drivenBy: ForecastDriver) => {
    const latest = later(best.latestEnd, range.latest);
    const earliest = later(best.earliestEnd, range.earliest);
    const raisesLatest = range.latest !== null && (best.latestEnd === null || compareDates(range.latest, best.latestEnd) > 0);
    const raisesEarliest =
      range.latest === best.latestEnd && range.earliest !== null && (best.earliestEnd === null || compareDates(range.earliest, best.earliestEnd) > 0);
    best = { earliestEnd: earliest, latestEnd: latest, drivenBy: raisesLatest || raisesEarliest ? drivenBy : best.drivenBy };
  };
  const pace = paceEnd(item, asOf);
  if (pace !== null) {
    consider({ earliest: pace, latest: pace }, 'pace');
  }
  // The room the plan gives the item after the last of its predecessors (plus lag) was due to end: an
  // output that comes from two exchanges is due after the second, whatever the first does meanwhile.
  if (links.length === 0) {
    return best;
  }
  const counts = (link: ForecastLink) => (byId.get(link.predecessorId) as ForecastItem).status !== 'cancelled';
  let plannedReady = item.start === null ? null : plusDays(item.start, -1);
  for (const link of links) {
    const end = (byId.get(link.predecessorId) as ForecastItem).end;
    if (counts(link) && end !== null) plannedReady = later(plannedReady, plusMonths(end, link.lagMonths));
  }
  const push = (end: CalendarDate | null, lagMonths: number) => {
    if (end === null) return null;
    const ready = plusMonths(end, lagMonths);
    return item.end === null || plannedReady === null ? ready : carry(ready, plannedReady, item.end);
  };
  for (const link of links) {
    const theirs = known.get(link.predecessorId);
    if (!counts(link) || theirs === undefined || theirs.latestEnd === null) continue;
    consider({ earliest: push(theirs.earliestEnd ?? theirs.latestEnd, link.lagMonths), latest: push(theirs.latestEnd, link.lagMonths) }, link.predecessorId);
  }
  return best;
}

/**
 * The chain of predecessors that drives an item's forecast, from the first cause to the item itself
 * (just the item when nothing before it pushes it).
 */
export function forecastChain(id: string, forecasts: ReadonlyMap<string, Forecast>): string[] {
  const chain = [id];
  const seen = new Set(chain);
  let driver = forecasts.get(id)?.drivenBy;
  while (driver !== undefined && driver !== 'self' && driver !== 'pace' && !seen.has(driver)) {
    chain.unshift(driver);
    seen.add(driver);
    driver = forecasts.get(driver)?.drivenBy;
  }
  return chain;
}

/** An item of the plan as the chart reads it: its own dates and the links into it, as `GET /api/gantt` gives them. */
export interface LinkedPlanItem extends ForecastItem {
  /** The items that must end before it starts. */
  predecessorIds: readonly string[];
  /** The lag of each of those links in whole months, in the same order (0 where absent). */
  predecessorLags?: readonly number[];
  /** False for a reading outside the plan of record (a step found only in Annex 1): only what a person sets counts for it. */
  planOfRecord?: boolean;
}

/**
 * The forecast of a plan's items from the links they carry ({@link forecastPlan}), as the risk view
 * computes it: the chart and its file exports draw this, so they show what the risk view says.
 */
export function forecastLinkedItems(items: readonly LinkedPlanItem[], asOf: CalendarDate): Map<string, Forecast> {
  const links: ForecastLink[] = [];
  const read: ForecastItem[] = items.map((item) => {
    item.predecessorIds.forEach((predecessorId, i) => links.push({ predecessorId, successorId: item.id, lagMonths: item.predecessorLags?.[i] ?? 0 }));
    const planned =
      item.planOfRecord === false ? { start: null, end: null, precision: 'unknown' as const } : { start: item.start, end: item.end, precision: item.precision };
    return {
      id: item.id,
      ...planned,
      status: item.status,
      progress: item.progress ?? null,
      actualStart: item.actualStart ?? null,
      actualEnd: item.actualEnd ?? null,
      forecastEnd: item.forecastEnd ?? null,
    };
  });
  return forecastPlan(read, links, asOf);
}

/**
 * What a chart draws beyond a bar: the days from the day after its planned end to its latest
 * expected end, the part up to the earliest expected end being expected for sure; null when the
 * item is expected to end within its planned window, or has no planned end.
 */
export function forecastBeyond(
  plannedEnd: CalendarDate | null,
  forecast: Pick<Forecast, 'earliestEnd' | 'latestEnd'> | null | undefined,
): { from: CalendarDate; earliestEnd: CalendarDate; latestEnd: CalendarDate } | null {
  if (plannedEnd === null || !forecast || forecast.latestEnd === null || compareDates(forecast.latestEnd, plannedEnd) <= 0) {
    return null;
  }
  const earliest = forecast.earliestEnd === null || compareDates(forecast.earliestEnd, plannedEnd) <= 0 ? plannedEnd : forecast.earliestEnd;
  return { from: plusDays(plannedEnd, 1), earliestEnd: earliest, latestEnd: forecast.latestEnd };
}
