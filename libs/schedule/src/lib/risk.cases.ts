import { actionRag, compareRisks, judgeBySteps, riskFlags, type RiskFlag, type RiskSubject, type SteppedSubject } from '../index';

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
    const kinds = (subject: RiskSubject, asOf: string, options = {}) =>
      riskFlags(subject, asOf, { deadline: WORK_PLAN_DEADLINE, ...options }).map((f) => f.kind);
    const flag = (subject: RiskSubject, asOf: string, kind: string): RiskFlag | undefined =>
      riskFlags(subject, asOf, { deadline: WORK_PLAN_DEADLINE }).find((f) => f.kind === kind);

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

      it('never comes from a year alone: "2026 - 2027" is some time in 2027, not after March', () => {
        const years = item({ start: '2026-01-01', end: '2027-12-31', precision: 'year' });
        expect(kinds(years, '2026-11-23')).not.toContain('beyond_deadline');
        expect(kinds(years, '2025-04-01')).not.toContain('beyond_deadline');
        expect(kinds(item({ start: null, end: '2027-12-31', precision: 'unknown' }), '2026-11-23')).not.toContain('beyond_deadline');
        // A month in the plan, or a forecast, still puts it there.
        expect(kinds(item({ start: '2027-01-01', end: '2027-06-30', precision: 'month' }), '2026-11-23')).toContain('beyond_deadline');
        expect(flag({ ...years, forecastEnd: '2027-05-31' }, '2026-11-23', 'beyond_deadline')?.reason).toBe(
          'forecast end 31 May 2027 is after the phase deadline 31 Mar 2027',
        );
      });
    });

    describe('readings outside the plan of record (Annex 1 only)', () => {
      const annexOnly = item({ start: '2026-05-01', end: '2026-07-31', planOfRecord: false });

      it('are never flagged on their planned window', () => {
        for (const asOf of ['2026-04-20', '2026-07-31', '2026-11-23', '2027-06-01']) {
          expect([asOf, kinds(annexOnly, asOf)]).toEqual([asOf, []]);
        }
        expect(kinds(item({ start: null, end: null, precision: 'unknown', planOfRecord: false }), '2026-11-23')).toEqual([]);
      });

      it('are judged by a forecast end set in the tracker', () => {
        expect(flag({ ...annexOnly, forecastEnd: '2026-10-31' }, '2026-11-23', 'overdue')?.reason).toBe(
          'forecast end 31 Oct 2026 passed 23 days ago; status not started',
        );
      });
    });

    describe('parents judged by the span of their steps', () => {
      const node = (id: string, parentId: string | null, values: Partial<RiskSubject>): SteppedSubject => ({ ...item(values), id, parentId });

      it("are not overdue while a step runs past the parent's own words, and are once the steps are late", () => {
        // 2.6.9: "Institutional Self Assessment: 2025", its last step "March - April 2026".
        const items = [
          node('parent', null, { start: '2025-01-01', end: '2025-12-31', precision: 'year' }),
          node('prep', 'parent', { start: '2025-06-01', end: '2025-10-31', status: 'done' }),
          node('analysis', 'parent', { start: '2026-03-01', end: '2026-04-30' }),
        ];
        const parent = judgeBySteps(items).get('parent')!;
        expect(parent).toMatchObject({ start: '2025-06-01', end: '2026-04-30', precision: 'month', judgedBySteps: true });
        expect(kinds(items[0], '2026-02-01')).toContain('overdue');
        expect(kinds(parent, '2026-02-01')).toEqual([]);
        expect(flag(parent, '2026-11-23', 'overdue')?.reason).toBe('planned end of its steps 30 Apr 2026 passed 207 days ago; status not started');
      });

      it('are never unscheduled on their own: the year-only step is', () => {
        // 2.5.9: mapping "June to November 2025" with a step "2026 (tbd)".
        const items = [
          node('mapping', null, { start: '2025-06-01', end: '2025-11-30' }),
          node('webinar', 'mapping', { start: '2025-09-01', end: '2025-11-30', status: 'done' }),
          node('tbd', 'mapping', { start: '2026-01-01', end: '2026-12-31', precision: 'year' }),
        ];
        const judged = judgeBySteps(items);
        expect(kinds(judged.get('mapping')!, '2026-11-23')).toEqual([]);
        expect(kinds(judged.get('tbd')!, '2026-11-23')).toEqual(['unscheduled']);
      });

      it("leave out Annex 1-only and cancelled steps, follow a step's forecast, and keep the parent's own forecast", () => {
        // 2.6.9: "Capacity Building: 2026 - 2027", steps to "January - March 2027", and two Annex 1-only steps.
        const items = [
          node('cb', null, { start: '2026-01-01', end: '2027-12-31', precision: 'year' }),
          node('set', 'cb', { start: '2026-09-01', end: '2026-12-31' }),
          node('test', 'cb', { start: '2027-01-01', end: '2027-03-31' }),
          node('annex', 'cb', { start: '2026-05-01', end: '2026-07-31', planOfRecord: false }),
          node('dropped', 'cb', { start: '2027-04-01', end: '2027-06-30', status: 'cancelled' }),
        ];
        const cb = judgeBySteps(items).get('cb')!;
        expect(cb).toMatchObject({ start: '2026-09-01', end: '2027-03-31' });
        expect(kinds(cb, '2026-11-23')).toEqual([]);
        const moved = judgeBySteps([...items.slice(0, 2), { ...items[2], forecastEnd: '2027-05-15' }]).get('cb')!;
        expect(flag(moved, '2026-11-23', 'beyond_deadline')?.reason).toBe('planned end of its steps 15 May 2027 is after the phase deadline 31 Mar 2027');
        const own = judgeBySteps([{ ...items[0], forecastEnd: '2026-10-31' }, ...items.slice(1)]).get('cb')!;
        expect(flag(own, '2026-11-23', 'overdue')?.reason).toMatch(/^forecast end 31 Oct 2026 passed/);
        expect(judgeBySteps([items[3]]).get('annex')).toBe(items[3]);
      });
    });

    describe('unscheduled', () => {
      const year2026 = item({ start: '2026-01-01', end: '2026-12-31', precision: 'year' });

      it('flags "2026, TBD" once less than a quarter of the year remains (from 1 October)', () => {
        expect(kinds(year2026, '2026-09-30')).not.toContain('unscheduled');
        expect(flag(year2026, '2026-10-01', 'unscheduled')?.reason).toBe(
          'only a year is planned, no firm date or forecast is set, and 91 days of its window remain after today',
        );
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

      it('never flags ongoing work for lack of a date, through the deadline, and judges it by its end like any window', () => {
        const ongoing = item({ start: '2025-05-01', end: WORK_PLAN_DEADLINE, precision: 'ongoing' });
        for (const asOf of ['2025-04-01', '2026-10-01', '2026-12-07', '2027-02-15']) {
          expect([asOf, kinds(ongoing, asOf)]).toEqual([asOf, []]);
        }
        expect(kinds(ongoing, '2027-03-15')).toEqual(['due_soon']);
        expect(kinds(ongoing, '2027-04-01')).toEqual(['overdue']);
        expect(kinds({ ...ongoing, forecastEnd: '2027-05-31' }, '2026-12-07')).toEqual(['beyond_deadline']);
      });

      it('always flags an item with no date at all, quoting the plan\'s words and saying "tbc" only where the plan does', () => {
        const undated = item({ start: null, end: null, precision: 'unknown' });
        expect(kinds(undated, '2025-04-01')).toEqual(['unscheduled']);
        expect(flag(undated, '2025-04-01', 'unscheduled')?.reason).toBe('the plan gives no date and no forecast end is set');
        expect(flag({ ...undated, tentative: true }, '2025-04-01', 'unscheduled')?.reason).toBe(
          'the plan gives no date (it is marked "tbc") and no forecast end is set',
        );
        expect(flag({ ...undated, windowText: 'tbd' }, '2025-04-01', 'unscheduled')?.reason).toBe('the plan gives no date ("tbd") and no forecast end is set');
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
        expect(
          actionRag(
            [
              { kind: 'overdue', daysLate: 326 },
              { kind: 'overdue', daysLate: 3 },
              { kind: 'due_soon', daysLate: 0 },
            ],
            '2026-11-22',
            { deadline: WORK_PLAN_DEADLINE },
          ),
        ).toEqual({
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
