import { compareDates, daysBetween, type CalendarDate } from './calendar';

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
  if (end === null || CLOSED_STATUSES.includes(item.status)) {
    return 0;
  }
  return Math.max(0, daysBetween(end, asOf));
}

/** Overdue: its (forecast or planned) end has passed and it is not done, delivered or cancelled. */
export function isOverdue(item: ScheduledItem, asOf: CalendarDate): boolean {
  return daysLate(item, asOf) > 0;
}

/** Ends after the partnership's deadline (planned or forecast), so cannot finish within the phase. */
export function isBeyondDeadline(item: Pick<ScheduledItem, 'end' | 'forecastEnd'>, deadline: CalendarDate): boolean {
  const ends = [item.end, item.forecastEnd].filter((d): d is CalendarDate => typeof d === 'string');
  return ends.some((d) => compareDates(d, deadline) > 0);
}

/** Days left until the deadline, counting the deadline day as the last one (0 on the day itself). */
export function daysToDeadline(asOf: CalendarDate, deadline: CalendarDate): number {
  return daysBetween(asOf, deadline);
}
