import { addDays, differenceInCalendarDays, lightFormat, parseISO } from 'date-fns';
import {
  actionFinish,
  actionFinishWords,
  findCycle,
  forecastBecause,
  forecastChain,
  forecastFlag,
  forecastBeyond,
  forecastLinkedItems,
  forecastPlan,
  paceEnd,
  plannedEndRange,
  type ChainItem,
  type ForecastItem,
  type ForecastLink,
} from '../index';

/** The forecast at its boundaries; run in every zone of the schedule specs (see schedule.cases.ts). */
export function describeForecast(zone: string): void {
  describe(`forecast in TZ=${zone}`, () => {
    const item = (id: string, values: Partial<ForecastItem> = {}): ForecastItem => ({
      id,
      start: '2025-10-01',
      end: '2025-12-31',
      precision: 'month',
      status: 'not_started',
      ...values,
    });
    const link = (predecessorId: string, successorId: string, lagMonths = 0): ForecastLink => ({ predecessorId, successorId, lagMonths });

    describe('the range of a planned window', () => {
      it('is the month of a month window, the year of a year window, the day of a day window', () => {
        expect(plannedEndRange({ end: '2025-12-31', precision: 'month' })).toEqual({ earliest: '2025-12-01', latest: '2025-12-31' });
        expect(plannedEndRange({ end: '2028-02-29', precision: 'month' })).toEqual({ earliest: '2028-02-01', latest: '2028-02-29' });
        expect(plannedEndRange({ end: '2026-12-31', precision: 'year' })).toEqual({ earliest: '2026-01-01', latest: '2026-12-31' });
        expect(plannedEndRange({ end: '2026-03-12', precision: 'day' })).toEqual({ earliest: '2026-03-12', latest: '2026-03-12' });
        expect(plannedEndRange({ end: null, precision: 'unknown' })).toEqual({ earliest: null, latest: null });
      });

      it('gives every item its own range when nothing pushes it', () => {
        const forecasts = forecastPlan(
          [
            item('month'),
            item('year', { start: '2026-01-01', end: '2026-12-31', precision: 'year' }),
            item('tbc', { start: null, end: null, precision: 'unknown' }),
          ],
          [],
          '2025-06-01',
        );
        expect(forecasts.get('month')).toEqual({ earliestEnd: '2025-12-01', latestEnd: '2025-12-31', drivenBy: 'self' });
        expect(forecasts.get('year')).toEqual({ earliestEnd: '2026-01-01', latestEnd: '2026-12-31', drivenBy: 'self' });
        expect(forecasts.get('tbc')).toEqual({ earliestEnd: null, latestEnd: null, drivenBy: 'self' });
      });
    });

    describe('what a person set', () => {
      it('stands: an actual end, else a forecast end, whatever comes before', () => {
        const items = [
          item('a', { forecastEnd: '2027-01-31' }),
          item('b', { actualEnd: '2025-11-15', forecastEnd: '2026-05-31' }),
          item('c', { forecastEnd: '2026-02-28' }),
        ];
        const forecasts = forecastPlan(items, [link('a', 'c')], '2025-06-01');
        expect(forecasts.get('a')).toEqual({ earliestEnd: '2027-01-31', latestEnd: '2027-01-31', drivenBy: 'self' });
        expect(forecasts.get('b')).toEqual({ earliestEnd: '2025-11-15', latestEnd: '2025-11-15', drivenBy: 'self' });
        expect(forecasts.get('c')).toEqual({ earliestEnd: '2026-02-28', latestEnd: '2026-02-28', drivenBy: 'self' });
      });

      it('keeps an open item from ending before the as-of day', () => {
        expect(forecastPlan([item('late')], [], '2026-12-07').get('late')).toEqual({ earliestEnd: '2026-12-07', latestEnd: '2026-12-07', drivenBy: 'self' });
        expect(forecastPlan([item('done', { status: 'done' })], [], '2026-12-07').get('done')).toEqual({
          earliestEnd: '2025-12-01',
          latestEnd: '2025-12-31',
          drivenBy: 'self',
        });
      });
    });

    describe('predecessors', () => {
      it('push a slip through three levels, with lags in whole months', () => {
        // Planned back to back: Jul-Sep 2025, then Oct-Dec 2025 a month after, then Mar 2026 two months after.
        const items = [
          item('first', { start: '2025-07-01', end: '2025-09-30', forecastEnd: '2025-12-31' }),
          item('second', { start: '2025-11-01', end: '2025-12-31' }),
          item('third', { start: '2026-03-01', end: '2026-03-31', precision: 'day' }),
        ];
        const forecasts = forecastPlan(items, [link('first', 'second', 1), link('second', 'third', 2)], '2025-06-01');
        // first ends 3 months late; second may start a month after (February 2026) and needs its two months.
        expect(forecasts.get('second')).toEqual({ earliestEnd: '2026-03-31', latestEnd: '2026-03-31', drivenBy: 'first' });
        // third may start two months after (June 2026) and needs its month.
        expect(forecasts.get('third')).toEqual({ earliestEnd: '2026-06-30', latestEnd: '2026-06-30', drivenBy: 'second' });
        expect(forecastChain('third', forecasts)).toEqual(['first', 'second', 'third']);
        // Without the slip the plan holds.
        const onTime = forecastPlan(
          [{ ...items[0], forecastEnd: null }, items[1], items[2]],
          [link('first', 'second', 1), link('second', 'third', 2)],
          '2025-06-01',
        );
        expect(onTime.get('third')).toEqual({ earliestEnd: '2026-03-31', latestEnd: '2026-03-31', drivenBy: 'self' });
        expect(onTime.get('second')).toEqual({ earliestEnd: '2025-12-01', latestEnd: '2025-12-31', drivenBy: 'self' });
      });

      it('carry a range forward, and leave room the plan gave', () => {
        // A year-long predecessor pushes a range; a successor planned well after it is not pushed.
        const items = [
          item('year', { start: '2026-01-01', end: '2026-12-31', precision: 'year' }),
          item('next', { start: '2027-01-01', end: '2027-02-28' }),
          item('far', { start: '2027-06-01', end: '2027-06-30' }),
        ];
        const forecasts = forecastPlan(items, [link('year', 'next'), link('year', 'far')], '2025-06-01');
        expect(forecasts.get('next')).toEqual({ earliestEnd: '2027-02-01', latestEnd: '2027-02-28', drivenBy: 'self' });
        const slipped = forecastPlan(
          [{ ...items[0], forecastEnd: '2027-02-28' }, items[1], items[2]],
          [link('year', 'next'), link('year', 'far')],
          '2025-06-01',
        );
        expect(slipped.get('next')).toEqual({ earliestEnd: '2027-04-30', latestEnd: '2027-04-30', drivenBy: 'year' });
        expect(slipped.get('far')).toEqual({ earliestEnd: '2027-06-01', latestEnd: '2027-06-30', drivenBy: 'self' });
      });

      it('push from an overdue predecessor, and not from a cancelled one', () => {
        const items = [item('mapping', { start: '2025-07-01', end: '2025-09-30' }), item('recommendations', { start: '2025-10-01', end: '2025-12-31' })];
        const forecasts = forecastPlan(items, [link('mapping', 'recommendations')], '2026-12-07');
        expect(forecasts.get('mapping')).toEqual({ earliestEnd: '2026-12-07', latestEnd: '2026-12-07', drivenBy: 'self' });
        expect(forecasts.get('recommendations')).toEqual({ earliestEnd: '2027-03-07', latestEnd: '2027-03-07', drivenBy: 'mapping' });
        const cancelled = forecastPlan([{ ...items[0], status: 'cancelled' }, items[1]], [link('mapping', 'recommendations')], '2026-12-07');
        expect(cancelled.get('recommendations')?.drivenBy).toBe('self');
      });

      it('leave the room the plan gave after the last of them', () => {
        // An output of two exchanges, due June - December 2025: the first one's slip to October is absorbed.
        const items = [
          item('first', { start: '2025-06-01', end: '2025-06-30', forecastEnd: '2025-10-31' }),
          item('second', { start: '2025-10-01', end: '2025-12-31' }),
          item('output', { start: '2025-06-01', end: '2025-12-31' }),
        ];
        const forecasts = forecastPlan(items, [link('first', 'output'), link('second', 'output')], '2025-06-01');
        expect(forecasts.get('output')).toEqual({ earliestEnd: '2025-12-01', latestEnd: '2025-12-31', drivenBy: 'self' });
        const later = forecastPlan(
          [{ ...items[0], forecastEnd: '2026-02-28' }, items[1], items[2]],
          [link('first', 'output'), link('second', 'output')],
          '2025-06-01',
        );
        expect(later.get('output')).toEqual({ earliestEnd: '2026-02-28', latestEnd: '2026-02-28', drivenBy: 'first' });
      });

      it('take the predecessor that pushes furthest', () => {
        const items = [
          item('a', { forecastEnd: '2026-01-31' }),
          item('b', { forecastEnd: '2026-03-31' }),
          item('c', { start: '2026-01-01', end: '2026-01-31' }),
        ];
        const forecasts = forecastPlan(items, [link('a', 'c'), link('b', 'c')], '2025-06-01');
        expect(forecasts.get('c')).toMatchObject({ latestEnd: '2026-04-30', drivenBy: 'b' });
      });
    });

    describe('pace', () => {
      it('carries the progress reported against the time elapsed on to the end', () => {
        // 92 days elapsed of Oct-Dec 2025 as of 31 Dec, 50% done: 184 days in all, ending 2 Apr 2026.
        const slow = item('slow', { status: 'in_progress', progress: 50 });
        expect(paceEnd(slow, '2025-12-31')).toBe('2026-04-02');
        expect(forecastPlan([slow], [], '2025-12-31').get('slow')).toEqual({ earliestEnd: '2026-04-02', latestEnd: '2026-04-02', drivenBy: 'pace' });
        // Ahead of its window: the window stands.
        const quick = item('quick', { status: 'in_progress', progress: 90 });
        expect(forecastPlan([quick], [], '2025-11-15').get('quick')).toEqual({ earliestEnd: '2025-12-01', latestEnd: '2025-12-31', drivenBy: 'self' });
        // It counts from the actual start.
        expect(paceEnd(item('x', { status: 'in_progress', progress: 50, actualStart: '2025-11-01' }), '2025-11-30')).toBe('2025-12-30');
      });

      it('counts days as date-fns does, across leap years and centuries', () => {
        const day = (d: Date) => lightFormat(d, 'yyyy-MM-dd');
        for (let start = new Date(1899, 11, 20); start.getFullYear() < 2102; start = addDays(start, 97)) {
          for (const [elapsed, progress] of [
            [1, 1],
            [59, 7],
            [366, 33],
          ]) {
            const from = day(start);
            const asOf = day(addDays(start, elapsed - 1));
            expect(differenceInCalendarDays(parseISO(asOf), parseISO(from)) + 1).toBe(elapsed);
            const expected = day(addDays(start, Math.ceil((elapsed * 100) / progress) - 1));
            expect(paceEnd(item('x', { start: from, end: from, status: 'in_progress', progress }), asOf)).toBe(expected);
          }
        }
      });

      it('says nothing without progress, before the start, or when not in progress', () => {
        expect(paceEnd(item('a', { status: 'in_progress', progress: 0 }), '2025-12-31')).toBeNull();
        expect(paceEnd(item('b', { status: 'in_progress', progress: 50 }), '2025-09-30')).toBeNull();
        expect(paceEnd(item('c', { status: 'not_started', progress: 50 }), '2025-12-31')).toBeNull();
      });
    });

    describe('the deadline by the forecast', () => {
      const deadline = '2027-03-31';
      const chainItem = (title: string, values: Partial<ChainItem> = {}): ChainItem => ({
        title,
        actionNumber: 2,
        status: 'not_started',
        end: '2025-09-30',
        forecastEnd: null,
        forecast: { earliestEnd: '2027-01-15', latestEnd: '2027-01-15', drivenBy: 'self' },
        ...values,
      });

      it('is beyond it when even the earliest end is after it, may pass it when only the latest is', () => {
        expect(
          forecastFlag({ status: 'not_started' }, { earliestEnd: '2027-04-01', latestEnd: '2027-04-30', drivenBy: 'x' }, deadline, 'because'),
        ).toMatchObject({
          kind: 'forecast_beyond_deadline',
          severity: 'high',
          reason: 'expected to end between 1 Apr 2027 and 30 Apr 2027, after the 31 Mar 2027 deadline, because',
        });
        expect(
          forecastFlag({ status: 'in_progress' }, { earliestEnd: '2027-01-01', latestEnd: '2027-12-31', drivenBy: 'self' }, deadline, 'because'),
        ).toMatchObject({
          kind: 'may_pass_deadline',
          severity: 'medium',
        });
        expect(
          forecastFlag({ status: 'not_started' }, { earliestEnd: '2027-03-01', latestEnd: '2027-03-31', drivenBy: 'self' }, deadline, 'because'),
        ).toBeNull();
        expect(forecastFlag({ status: 'done' }, { earliestEnd: '2027-04-01', latestEnd: '2027-04-30', drivenBy: 'self' }, deadline, 'because')).toBeNull();
      });

      it('says the chain from its first cause', () => {
        const chain = [
          chainItem('Mapping to be drafted', { forecast: { earliestEnd: '2027-01-15', latestEnd: '2027-01-15', drivenBy: 'self' } }),
          chainItem('Recommendations to be developed', { end: '2026-02-28' }),
          chainItem('Recommendations to be reviewed', { end: '2026-03-31' }),
        ];
        expect(forecastBecause(chain, '2027-01-15')).toBe(
          "because 'Mapping to be drafted' (Action 2), overdue since 30 Sep 2025, comes before 'Recommendations to be developed' (Action 2), which comes before it",
        );
        expect(forecastBecause([chainItem('First', { end: '2026-12-31', forecastEnd: '2027-02-28' }), chainItem('Next')], '2026-12-07')).toBe(
          "because 'First' (Action 2), forecast to end 28 Feb 2027, comes before it",
        );
        expect(forecastBecause([chainItem('Alone', { end: '2027-12-31' })], '2026-12-07')).toBe('because it is planned to end 31 Dec 2027');
        expect(forecastBecause([chainItem('Slow', { forecast: { earliestEnd: '2028-01-03', latestEnd: '2028-01-03', drivenBy: 'pace' } })], '2026-12-07')).toBe(
          'because at the pace of its progress so far it would end 3 Jan 2028',
        );
      });

      it("gives an Action's finish as the latest of its items' ranges", () => {
        const f = (earliestEnd: string | null, latestEnd: string | null) => ({ earliestEnd, latestEnd, drivenBy: 'self' });
        expect(actionFinish([f('2026-12-01', '2026-12-31'), f('2027-01-01', '2027-03-31'), f(null, null)], deadline)).toEqual({
          earliestEnd: '2027-01-01',
          latestEnd: '2027-03-31',
          fitsDeadline: 'yes',
        });
        expect(actionFinish([f('2027-01-01', '2027-12-31')], deadline).fitsDeadline).toBe('maybe');
        expect(actionFinish([f('2027-04-01', '2027-04-30'), f('2026-01-01', '2026-12-31')], deadline).fitsDeadline).toBe('no');
      });
    });

    describe('cycles', () => {
      it('are found, with the items in them in link order', () => {
        expect(findCycle([link('a', 'b'), link('b', 'c')])).toEqual([]);
        expect(findCycle([link('x', 'a'), link('a', 'b'), link('b', 'c'), link('c', 'a')])).toEqual(['a', 'b', 'c']);
        expect(findCycle([link('a', 'a')])).toEqual(['a']);
      });

      it('leave the items in them forecast on their own', () => {
        const forecasts = forecastPlan([item('a', { forecastEnd: '2026-06-30' }), item('b')], [link('a', 'b'), link('b', 'a')], '2025-06-01');
        expect(forecasts.get('b')).toEqual({ earliestEnd: '2025-12-01', latestEnd: '2025-12-31', drivenBy: 'self' });
      });
      describe("an Action's finish in words", () => {
        it('says when and whether it fits the deadline', () => {
          const deadline = '2027-03-31';
          expect(actionFinishWords({ earliestEnd: '2027-01-01', latestEnd: '2027-01-31', fitsDeadline: 'yes' }, deadline)).toBe(
            'expected to finish between 1 Jan 2027 and 31 Jan 2027, within the 31 Mar 2027 deadline',
          );
          expect(actionFinishWords({ earliestEnd: '2027-01-01', latestEnd: '2027-12-31', fitsDeadline: 'maybe' }, deadline)).toBe(
            'expected to finish between 1 Jan 2027 and 31 Dec 2027, so it may pass the 31 Mar 2027 deadline',
          );
          expect(actionFinishWords({ earliestEnd: '2027-04-15', latestEnd: '2027-04-15', fitsDeadline: 'no' }, deadline)).toBe(
            'expected to finish by 15 Apr 2027, after the 31 Mar 2027 deadline',
          );
          expect(actionFinishWords({ earliestEnd: null, latestEnd: null, fitsDeadline: 'yes' }, deadline)).toBe(
            'no expected finish yet: none of its items is dated',
          );
        });
      });

      describe('on the chart', () => {
        it('reads the links the items carry, with their lags, as the plan forecast does', () => {
          const forecasts = forecastLinkedItems(
            [
              { ...item('a', { start: '2025-07-01', end: '2025-09-30', forecastEnd: '2026-01-31' }), predecessorIds: [] },
              { ...item('b'), predecessorIds: ['a'], predecessorLags: [1] },
              { ...item('annex', { forecastEnd: null }), predecessorIds: [], planOfRecord: false },
            ],
            '2025-06-01',
          );
          // Planned a month after the end of September, now a month after January: four months later.
          expect(forecasts.get('b')).toEqual({ earliestEnd: '2026-04-30', latestEnd: '2026-04-30', drivenBy: 'a' });
          // A step outside the plan of record has no window of its own.
          expect(forecasts.get('annex')).toEqual({ earliestEnd: null, latestEnd: null, drivenBy: 'self' });
        });

        it('draws a range beyond a bar only where the item is expected to end later than planned', () => {
          expect(forecastBeyond('2025-09-30', { earliestEnd: '2027-01-31', latestEnd: '2027-01-31' })).toEqual({
            from: '2025-10-01',
            earliestEnd: '2027-01-31',
            latestEnd: '2027-01-31',
          });
          // The part before the planned end is not beyond it.
          expect(forecastBeyond('2025-12-31', { earliestEnd: '2025-12-01', latestEnd: '2026-02-28' })).toEqual({
            from: '2026-01-01',
            earliestEnd: '2025-12-31',
            latestEnd: '2026-02-28',
          });
          expect(forecastBeyond('2025-12-31', { earliestEnd: '2025-12-01', latestEnd: '2025-12-31' })).toBeNull();
          expect(forecastBeyond(null, { earliestEnd: '2027-01-31', latestEnd: '2027-01-31' })).toBeNull();
          expect(forecastBeyond('2025-12-31', null)).toBeNull();
        });
      });
    });
  });
}
