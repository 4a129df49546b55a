import {
  daysBetween,
  daysLate,
  daysToDeadline,
  firstDayOfMonth,
  formatWindow,
  timelineTitle,
  isBeyondDeadline,
  isCalendarDate,
  isOverdue,
  lastDayOfMonth,
  monthRangeWindow,
  monthWindow,
  yearWindow,
  UNKNOWN_WINDOW,
  dayWindow,
} from '../index';

/** The Work Plan's deadline (its partnership row says 31 March 2027); the rules take it as a parameter. */
const WORK_PLAN_DEADLINE = '2027-03-31';

/**
 * The same cases run in several time zones (one spec file per zone, see the *.spec.ts files beside
 * this one), far from UTC on both sides and with a daylight-saving jump at midnight: a calendar
 * date must never move with the zone.
 */
export function describeSchedule(zone: string): void {
  describe(`schedule library in TZ=${zone}`, () => {
    it('really runs in the zone under test', () => {
      expect(process.env['TZ']).toBe(zone);
      const offset = new Date(2025, 0, 1).getTimezoneOffset();
      const expected: Record<string, number> = {
        UTC: 0,
        'America/Los_Angeles': 480,
        'Pacific/Kiritimati': -840,
        'Pacific/Pago_Pago': 660,
        'America/Santiago': 180,
        'Europe/Brussels': -60,
      };
      expect(offset).toBe(expected[zone]);
    });

    describe('month windows', () => {
      it('reads "June 2025" as the whole of June', () => {
        expect(monthWindow(2025, 6)).toEqual({ start: '2025-06-01', end: '2025-06-30', precision: 'month' });
      });

      it('reads "October - December 2025" from the first to the last day', () => {
        expect(monthRangeWindow(2025, 10, 2025, 12)).toEqual({ start: '2025-10-01', end: '2025-12-31', precision: 'month' });
      });

      it('spans years: "June 2025 - April 2026"', () => {
        expect(monthRangeWindow(2025, 6, 2026, 4)).toEqual({ start: '2025-06-01', end: '2026-04-30', precision: 'month' });
      });

      it('ends February on the 28th in common years and the 29th in leap years', () => {
        expect(lastDayOfMonth(2026, 2)).toBe('2026-02-28');
        expect(lastDayOfMonth(2027, 2)).toBe('2027-02-28');
        expect(lastDayOfMonth(2028, 2)).toBe('2028-02-29');
        expect(lastDayOfMonth(2100, 2)).toBe('2100-02-28');
        expect(lastDayOfMonth(2000, 2)).toBe('2000-02-29');
        expect(monthRangeWindow(2028, 1, 2028, 2).end).toBe('2028-02-29');
      });

      it('gives each month its own last day', () => {
        const lastDays = Array.from({ length: 12 }, (_, i) => lastDayOfMonth(2027, i + 1).slice(8));
        expect(lastDays).toEqual(['31', '28', '31', '30', '31', '30', '31', '31', '30', '31', '30', '31']);
        expect(firstDayOfMonth(2027, 3)).toBe('2027-03-01');
      });

      it('keeps the day across a daylight-saving change at midnight', () => {
        // Santiago moves its clocks at midnight in early September and April.
        expect(monthWindow(2025, 9)).toEqual({ start: '2025-09-01', end: '2025-09-30', precision: 'month' });
        expect(monthWindow(2026, 4)).toEqual({ start: '2026-04-01', end: '2026-04-30', precision: 'month' });
        expect(daysBetween('2025-09-06', '2025-09-07')).toBe(1);
        expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
      });

      it('refuses a window that ends before it starts, or a month 13', () => {
        expect(() => monthRangeWindow(2026, 5, 2026, 1)).toThrow(RangeError);
        expect(() => monthWindow(2026, 13)).toThrow('month must be an integer from 1 to 12, got 13');
        expect(() => monthWindow(26, 1)).toThrow('year must be a four-digit integer');
      });
    });

    describe('year windows', () => {
      it('reads "2026, precise timing TBD" as the whole year', () => {
        expect(yearWindow(2026)).toEqual({ start: '2026-01-01', end: '2026-12-31', precision: 'year' });
        expect(yearWindow(2028)).toEqual({ start: '2028-01-01', end: '2028-12-31', precision: 'year' });
      });
    });

    describe('calendar dates', () => {
      it('accepts real days written yyyy-MM-dd only', () => {
        expect(isCalendarDate('2028-02-29')).toBe(true);
        expect(isCalendarDate('2027-02-29')).toBe(false);
        expect(isCalendarDate('2026-02-30')).toBe(false);
        expect(isCalendarDate('2026-2-1')).toBe(false);
        expect(isCalendarDate('2026-13-01')).toBe(false);
        expect(isCalendarDate('2026-00-10')).toBe(false);
        expect(isCalendarDate('0099-01-01')).toBe(false);
        expect(isCalendarDate('2026-02-01T00:00:00Z')).toBe(false);
        expect(isCalendarDate('')).toBe(false);
        expect(isCalendarDate(20260201)).toBe(false);
      });

      it('counts days between calendar dates', () => {
        expect(daysBetween('2026-11-22', '2027-03-31')).toBe(129);
        expect(daysBetween('2027-03-31', '2026-11-22')).toBe(-129);
        expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
      });
    });

    describe('deadline and lateness', () => {
      const item = (end: string | null, status = 'not_started', forecastEnd: string | null = null) => ({ end, status, forecastEnd });

      it('counts 129 days from 22 November 2026 to the March 2027 deadline, and 0 on the day', () => {
        expect(daysToDeadline('2026-11-22', WORK_PLAN_DEADLINE)).toBe(129);
        expect(daysToDeadline('2027-03-31', WORK_PLAN_DEADLINE)).toBe(0);
        expect(daysToDeadline('2027-04-01', WORK_PLAN_DEADLINE)).toBe(-1);
        expect(daysToDeadline('2026-11-22', '2027-12-31')).toBe(404);
      });

      it('is overdue only after the end day, and not once done, delivered or cancelled', () => {
        expect(isOverdue(item('2025-12-31'), '2025-12-30')).toBe(false);
        expect(isOverdue(item('2025-12-31'), '2025-12-31')).toBe(false);
        expect(isOverdue(item('2025-12-31'), '2026-01-01')).toBe(true);
        expect(daysLate(item('2025-12-31'), '2026-11-22')).toBe(326);
        expect(isOverdue(item('2025-12-31', 'done'), '2026-11-22')).toBe(false);
        expect(isOverdue(item('2025-12-31', 'delivered'), '2026-11-22')).toBe(false);
        expect(isOverdue(item('2025-12-31', 'cancelled'), '2026-11-22')).toBe(false);
        expect(isOverdue(item(null), '2026-11-22')).toBe(false);
      });

      it('uses the forecast end where one is set', () => {
        expect(isOverdue(item('2025-12-31', 'in_progress', '2026-12-31'), '2026-11-22')).toBe(false);
        expect(isOverdue(item('2026-12-31', 'in_progress', '2026-01-31'), '2026-11-22')).toBe(true);
      });

      it('flags an end or forecast after 31 March 2027, not on it', () => {
        expect(isBeyondDeadline(item('2027-03-31'), WORK_PLAN_DEADLINE)).toBe(false);
        expect(isBeyondDeadline(item('2027-04-01'), WORK_PLAN_DEADLINE)).toBe(true);
        expect(isBeyondDeadline(item('2026-12-31', 'in_progress', '2027-04-30'), WORK_PLAN_DEADLINE)).toBe(true);
        expect(isBeyondDeadline(item(null), WORK_PLAN_DEADLINE)).toBe(false);
      });
    });

    describe('timelineTitle', () => {
      it('names the sections the timeline is rebuilt from, not Annex 2', () => {
        expect(timelineTitle(['2.4.9', '2.5.9', '2.6.9', 'Annex 1', '2.6, 2.6.9, 5', '2.7.9', '2.10.9'])).toBe(
          'Work Plan timeline, from sections 2.4.9 - 2.10.9',
        );
        expect(timelineTitle(['2.5.9'])).toBe('Work Plan timeline, from section 2.5.9');
        expect(timelineTitle(['Annex 1', 'Sheet1'])).toBe('Work Plan timeline');
      });
    });

    describe('formatWindow', () => {
      it('writes windows the way people read them, never a made-up day nor a qualifier the plan does not give', () => {
        expect(formatWindow(monthWindow(2025, 6))).toBe('Jun 2025');
        expect(formatWindow(monthRangeWindow(2025, 10, 2025, 12))).toBe('Oct-Dec 2025');
        expect(formatWindow(monthRangeWindow(2025, 6, 2026, 4))).toBe('Jun 2025-Apr 2026');
        expect(formatWindow(yearWindow(2026))).toBe('2026');
        expect(formatWindow({ start: '2026-01-01', end: '2027-12-31', precision: 'year' })).toBe('2026-2027');
        expect(formatWindow(dayWindow('2026-03-12'))).toBe('12 Mar 2026');
        expect(formatWindow({ start: '2025-05-01', end: '2027-03-31', precision: 'ongoing' })).toBe('Ongoing to Mar 2027');
        expect(formatWindow(UNKNOWN_WINDOW)).toBe('No date in the plan');
      });
    });
  });
}
