import { actionRag, compareRisks, riskFlags, type RiskFlag, type RiskSubject } from '../index';


/** The Work Plan's deadline; the rules take it as a parameter. */
const WORK_PLAN_DEADLINE = '2027-03-31';
/** The risk rules at their boundaries; run in every zone of the schedule specs (see schedule.cases.ts). */
export function describeRisk(zone: string): void {
  describe(`risk rules in TZ=${zone}`, () => {
    const item = (values: Partial<RiskSubject> = {}): RiskSubject => ({
      start: '2025-10-01',
      end: '2025-12-31',
      precision: 'month',
      forecastEnd: null,
      status: 'not_started',
      lastUpdate: null,
      ...values,
    });
    const kinds = (subject: RiskSubject, asOf: string, options = {}) => riskFlags(subject, asOf, { deadline: WORK_PLAN_DEADLINE, ...options }).map((f) => f.kind);
    const flag = (subject: RiskSubject, asOf: string, kind: string): RiskFlag | undefined => riskFlags(subject, asOf, { deadline: WORK_PLAN_DEADLINE }).find((f) => f.kind === kind);

    describe('overdue', () => {
      it('starts the day after the end, with the days late', () => {
        expect(kinds(item(), '2025-12-30')).not.toContain('overdue');
        expect(kinds(item(), '2025-12-31')).not.toContain('overdue');
        expect(flag(item(), '2026-01-01', 'overdue')).toMatchObject({ severity: 'high', daysLate: 1 });
        expect(flag(item(), '2026-11-22', 'overdue')?.reason).toBe('planned end 31 Dec 2025 passed 326 days ago; status not started');
      });

      it('is never raised for done, delivered or cancelled items', () => {
        for (const status of ['done', 'delivered', 'cancelled']) {
          expect(riskFlags(item({ status }), '2026-11-22', { deadline: WORK_PLAN_DEADLINE })).toEqual([]);
        }
      });

      it('counts from the forecast end where one is set', () => {
        expect(kinds(item({ forecastEnd: '2026-02-28' }), '2026-02-28')).not.toContain('overdue');
        expect(flag(item({ forecastEnd: '2026-02-28' }), '2026-03-01', 'overdue')).toMatchObject({ daysLate: 1 });
        expect(flag(item({ forecastEnd: '2026-02-28' }), '2026-03-01', 'overdue')?.reason).toMatch(/^forecast end 28 Feb 2026/);
      });

      it('counts 29 February in a leap year', () => {
        const leap = item({ start: '2028-02-01', end: '2028-02-28' });
        expect(flag(leap, '2028-02-29', 'overdue')).toMatchObject({ daysLate: 1 });
        expect(flag(leap, '2028-03-01', 'overdue')).toMatchObject({ daysLate: 2 });
        expect(flag(item({ start: '2027-02-01', end: '2027-02-28' }), '2027-03-01', 'overdue')).toMatchObject({ daysLate: 1 });
      });
    });

    describe('due soon', () => {
      it('covers today up to 30 days ahead, then stops', () => {
        expect(flag(item(), '2025-12-31', 'due_soon')?.reason).toBe('ends today (31 Dec 2025), within the next 30 days');
        expect(kinds(item(), '2025-12-01')).toContain('due_soon');
        expect(kinds(item(), '2025-11-30')).not.toContain('due_soon');
        expect(kinds(item(), '2026-01-01')).toEqual(['overdue']);
      });

      it('takes another window and skips closed items', () => {
        expect(kinds(item(), '2025-11-30', { dueSoonDays: 31 })).toContain('due_soon');
        expect(kinds(item(), '2025-12-20', { dueSoonDays: 10 })).not.toContain('due_soon');
        expect(kinds(item({ status: 'done' }), '2025-12-31')).toEqual([]);
      });
    });

    describe('beyond the deadline', () => {
      it('flags an end or forecast after 31 March 2027, not on the deadline day', () => {
        expect(kinds(item({ end: '2027-03-31' }), '2026-11-22')).not.toContain('beyond_deadline');
        expect(kinds(item({ end: '2027-04-01' }), '2026-11-22')).toContain('beyond_deadline');
        expect(flag(item({ forecastEnd: '2027-04-30' }), '2026-11-22', 'beyond_deadline')?.reason).toBe(
          'forecast end 30 Apr 2027 is after the phase deadline 31 Mar 2027',
        );
        expect(kinds(item({ end: '2027-06-30', status: 'cancelled' }), '2026-11-22')).toEqual([]);
      });
    });

    describe('unscheduled', () => {
      const year2026 = item({ start: '2026-01-01', end: '2026-12-31', precision: 'year' });

      it('flags "2026, TBD" once less than a quarter of the year remains (from 1 October)', () => {
        expect(kinds(year2026, '2026-09-30')).not.toContain('unscheduled');
        expect(flag(year2026, '2026-10-01', 'unscheduled')?.reason).toBe('only a year is planned, no firm date or forecast is set, and 91 days of its window remain after today');
        expect(kinds(year2026, '2027-01-15')).toEqual(['overdue', 'unscheduled']);
      });

      it('uses the length of a leap year', () => {
        const leap = item({ start: '2028-01-01', end: '2028-12-31', precision: 'year' });
        expect(kinds(leap, '2028-09-30')).not.toContain('unscheduled');
        expect(kinds(leap, '2028-10-01')).toContain('unscheduled');
      });

      it('clears once a forecast end is set, and never flags month windows', () => {
        expect(kinds({ ...year2026, forecastEnd: '2026-12-15' }, '2026-11-22')).not.toContain('unscheduled');
        expect(kinds(item({ start: '2026-10-01', end: '2026-12-31' }), '2026-12-20')).not.toContain('unscheduled');
      });

      it('always flags an item with no date at all', () => {
        expect(kinds(item({ start: null, end: null, precision: 'unknown' }), '2025-04-01')).toEqual(['unscheduled']);
      });
    });

    describe('stalled', () => {
      const running = (lastUpdate: string) => item({ status: 'in_progress', end: '2027-03-31', lastUpdate });

      it('flags in-progress work with no update for 45 days, not 44', () => {
        expect(kinds(running('2026-10-08'), '2026-11-21')).not.toContain('stalled');
        expect(flag(running('2026-10-08'), '2026-11-22', 'stalled')?.reason).toBe('in progress with no update for 45 days (since 8 Oct 2026)');
        expect(kinds(running('2026-10-08'), '2026-11-22', { stalledDays: 60 })).not.toContain('stalled');
        expect(kinds({ ...running('2026-01-01'), status: 'not_started' }, '2026-11-22')).not.toContain('stalled');
      });
    });

    describe('RAG per Action', () => {
      it('is red with overdue work, amber with softer risks, green otherwise, and always counts down', () => {
        expect(actionRag([{ kind: 'overdue', daysLate: 326 }, { kind: 'overdue', daysLate: 3 }, { kind: 'due_soon', daysLate: 0 }], '2026-11-22', { deadline: WORK_PLAN_DEADLINE })).toEqual({
          rag: 'red',
          reasons: ['2 overdue (longest 326 days late)', '1 due within 30 days', '129 days to the deadline'],
        });
        expect(actionRag([{ kind: 'beyond_deadline', daysLate: 0 }], '2026-11-22', { deadline: WORK_PLAN_DEADLINE }).rag).toBe('red');
        expect(actionRag([{ kind: 'stalled', daysLate: 0 }], '2026-11-22', { deadline: WORK_PLAN_DEADLINE }).rag).toBe('amber');
        expect(actionRag([{ kind: 'unscheduled', daysLate: 0 }], '2027-03-31', { deadline: WORK_PLAN_DEADLINE })).toEqual({
          rag: 'amber',
          reasons: ['1 without a firm date while the window closes', '0 days to the deadline'],
        });
        expect(actionRag([], '2027-04-01', { deadline: WORK_PLAN_DEADLINE })).toEqual({
          rag: 'green',
          reasons: ['nothing overdue, stalled, unscheduled, due soon or beyond the deadline', 'the deadline passed 1 day ago'],
        });
      });
    });

    it('sorts the most severe and the longest late first', () => {
      const rows = [
        { kind: 'due_soon' as const, daysLate: 0, end: '2026-12-01' },
        { kind: 'overdue' as const, daysLate: 3, end: '2026-11-19' },
        { kind: 'stalled' as const, daysLate: 0, end: '2027-01-01' },
        { kind: 'overdue' as const, daysLate: 300, end: '2026-01-26' },
        { kind: 'beyond_deadline' as const, daysLate: 0, end: '2027-05-01' },
      ];
      expect([...rows].sort(compareRisks).map((r) => `${r.kind}:${r.daysLate}`)).toEqual([
        'overdue:300',
        'overdue:3',
        'beyond_deadline:0',
        'stalled:0',
        'due_soon:0',
      ]);
    });
  });
}
