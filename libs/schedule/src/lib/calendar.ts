import { differenceInCalendarDays, endOfMonth, format, isMatch, isValid, parse } from 'date-fns';

/** A calendar date written `yyyy-MM-dd`. It names a day, not an instant: no time zone applies. */
export type CalendarDate = string;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PATTERN = 'yyyy-MM-dd';
/** A fixed reference keeps parsing independent of the clock. */
const REFERENCE = new Date(2000, 0, 1);

/** True for a real day written `yyyy-MM-dd` (rejects 2026-02-30, 2026-2-1, timestamps). */
export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && CALENDAR_DATE.test(value) && isMatch(value, PATTERN) && isValid(toLocalDate(value));
}

/**
 * The local-midnight Date of a calendar date. Only for date-fns arithmetic: the result goes back
 * through `fromLocalDate`, so the time zone cancels out and never moves the day.
 */
export function toLocalDate(date: CalendarDate): Date {
  // The string is yyyy-MM-dd by contract (see isCalendarDate, which validates with date-fns); reading
  // the three numbers directly is some fifty times faster than a format-driven parse, which matters
  // when a chart of thousands of items computes its flags.
  if (CALENDAR_DATE.test(date)) {
    const result = new Date(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    // A day that does not exist (2026-02-30) rolls over in the Date constructor: make it invalid instead.
    return result.getDate() === Number(date.slice(8, 10)) ? result : new Date(NaN);
  }
  return parse(date, PATTERN, REFERENCE);
}

export function fromLocalDate(date: Date): CalendarDate {
  return format(date, PATTERN);
}

/** Throws a RangeError naming the value when it is not a calendar date. */
export function assertCalendarDate(value: unknown, name = 'date'): asserts value is CalendarDate {
  if (!isCalendarDate(value)) {
    throw new RangeError(`${name} must be a calendar date written yyyy-MM-dd, got ${JSON.stringify(value)}`);
  }
}

/** The calendar date a given instant falls on in the process's local time zone. */
export function calendarDateOf(instant: Date): CalendarDate {
  return fromLocalDate(instant);
}

/** Today, as the calendar date of the local time zone. */
export function today(): CalendarDate {
  return calendarDateOf(new Date());
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return differenceInCalendarDays(toLocalDate(to), toLocalDate(from));
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First day of a month; `month` is 1-12. */
export function firstDayOfMonth(year: number, month: number): CalendarDate {
  assertMonth(year, month);
  return fromLocalDate(new Date(year, month - 1, 1));
}

/** Last day of a month; `month` is 1-12 (2028-02 gives 2028-02-29). */
export function lastDayOfMonth(year: number, month: number): CalendarDate {
  assertMonth(year, month);
  return fromLocalDate(endOfMonth(new Date(year, month - 1, 1)));
}

function assertMonth(year: number, month: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`year must be a four-digit integer, got ${year}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) {
    throw new RangeError(`month must be an integer from 1 to 12, got ${month}`);
  }
}
