import { compareDates, daysBetween, type CalendarDate } from './calendar';
import type { DatePrecision } from './window';

/** Statuses after which an item no longer needs chasing. */
export const CLOSED_STATUSES: readonly string[] = ['done', 'delivered', 'cancelled'];

export interface ScheduledItem {
  end: CalendarDate | null;
  forecastEnd?: CalendarDate | null;
  status: string;
}

/** The end that counts: the forecast where one is set, else the planned end. */
export function effectiveEnd(item: Pick<ScheduledItem, 'end' | 'forecastEnd'>): CalendarDate | null {
  return item.forecastEnd ?? item.end;
}

/** Days past the effective end as of a date, or 0 when the item is not overdue. */
export function daysLate(item: ScheduledItem, asOf: CalendarDate): number {
  const end = effectiveEnd(item);
  // yyyy-MM-dd text sorts as the days do: an end on or after the day is not late, without date arithmetic
  // (a chart of thousands of items asks this of every one).
  if (end === null || compareDates(end, asOf) >= 0 || CLOSED_STATUSES.includes(item.status)) {
    return 0;
  }
  return daysBetween(end, asOf);
}

/** Overdue: its (forecast or planned) end has passed and it is not done, delivered or cancelled. */
export function isOverdue(item: ScheduledItem, asOf: CalendarDate): boolean {
  return daysLate(item, asOf) > 0;
}

/**
 * Whether a planned end is firm enough to put an item past the deadline: a month or a day in the
 * plan is, and so is ongoing work's end (the deadline it runs to); a year alone ("2026 - 2027") only
 * says "some time in that year", so it never does.
 * Without a precision the end counts (callers that know none).
 */
export function plannedEndCounts(precision: DatePrecision | undefined): boolean {
  return precision === undefined || precision === 'day' || precision === 'month' || precision === 'ongoing';
}

/**
 * Ends after the partnership's deadline, so cannot finish within the phase: a forecast end after it, or a
 * planned end after it where the plan gives a month or a day (see {@link plannedEndCounts}).
 */
export function isBeyondDeadline(item: Pick<ScheduledItem, 'end' | 'forecastEnd'> & { precision?: DatePrecision }, deadline: CalendarDate): boolean {
  const ends = [plannedEndCounts(item.precision) ? item.end : null, item.forecastEnd].filter((d): d is CalendarDate => typeof d === 'string');
  return ends.some((d) => compareDates(d, deadline) > 0);
}

/** Days left until the deadline, counting the deadline day as the last one (0 on the day itself). */
export function daysToDeadline(asOf: CalendarDate, deadline: CalendarDate): number {
  return daysBetween(asOf, deadline);
}
