import { compareDates, firstDayOfMonth, lastDayOfMonth, toLocalDate, type CalendarDate } from './calendar';

/**
 * How exactly the plan fixes a window: to the day, to the month, to the year, or not at all; or
 * `ongoing`: work the plan gives no date because it runs throughout (communication activities),
 * held from its start through the partnership's deadline.
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown' | 'ongoing';

export const DATE_PRECISIONS: readonly DatePrecision[] = ['day', 'month', 'year', 'unknown', 'ongoing'];

/** A planned window. `unknown` windows have no dates; the others have both. */
export interface PlanWindow {
  start: CalendarDate | null;
  end: CalendarDate | null;
  precision: DatePrecision;
}

/** One month: "June 2025" is 2025-06-01 to 2025-06-30. */
export function monthWindow(year: number, month: number): PlanWindow {
  return monthRangeWindow(year, month, year, month);
}

/** A month range: "October - December 2025" is 2025-10-01 to 2025-12-31. */
export function monthRangeWindow(fromYear: number, fromMonth: number, toYear: number, toMonth: number): PlanWindow {
  const start = firstDayOfMonth(fromYear, fromMonth);
  const end = lastDayOfMonth(toYear, toMonth);
  if (compareDates(start, end) > 0) {
    throw new RangeError(`window starts (${start}) after it ends (${end})`);
  }
  return { start, end, precision: 'month' };
}

/** A whole year: "2026, precise timing TBD" is 2026-01-01 to 2026-12-31. */
export function yearWindow(year: number): PlanWindow {
  return { start: firstDayOfMonth(year, 1), end: lastDayOfMonth(year, 12), precision: 'year' };
}

export function dayWindow(start: CalendarDate, end: CalendarDate = start): PlanWindow {
  return { start, end, precision: 'day' };
}

export const UNKNOWN_WINDOW: PlanWindow = Object.freeze({ start: null, end: null, precision: 'unknown' });

/** True for an approximate window (month, year or unknown precision). */
export function isApproximate(window: Pick<PlanWindow, 'precision'>): boolean {
  return window.precision !== 'day';
}

/**
 * A window the way people read it, never a made-up day nor a qualifier the plan does not give:
 * "Jun 2025", "Oct-Dec 2025", "Jun 2025-Apr 2026", "2026", "2026-2027", "12 Mar 2026",
 * "Ongoing to Mar 2027", "No date in the plan".
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const month = (d: Date) => MONTHS[d.getMonth()];
const monthYear = (d: Date) => `${month(d)} ${d.getFullYear()}`;
const dayMonthYear = (d: Date) => `${d.getDate()} ${monthYear(d)}`;

export function formatWindow(window: PlanWindow): string {
  const { start, end, precision } = window;
  if (precision === 'unknown' || start === null || end === null) {
    return 'No date in the plan';
  }
  const s = toLocalDate(start);
  const e = toLocalDate(end);
  const sameYear = s.getFullYear() === e.getFullYear();
  switch (precision) {
    case 'year':
      return sameYear ? `${s.getFullYear()}` : `${s.getFullYear()}-${e.getFullYear()}`;
    case 'ongoing':
      return `Ongoing to ${monthYear(e)}`;
    case 'month':
      if (sameYear && s.getMonth() === e.getMonth()) {
        return monthYear(s);
      }
      return sameYear ? `${month(s)}-${monthYear(e)}` : `${monthYear(s)}-${monthYear(e)}`;
    case 'day':
      if (start === end) {
        return dayMonthYear(s);
      }
      return `${dayMonthYear(s)} - ${dayMonthYear(e)}`;
  }
}
