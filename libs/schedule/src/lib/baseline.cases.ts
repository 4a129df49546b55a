import type { PlanSnapshotItem } from '@tracker/contracts';
import { actionRag, comparePlans, riskFlags, slipOf } from '../index';

const item = (over: Partial<PlanSnapshotItem> & Pick<PlanSnapshotItem, 'id'>): PlanSnapshotItem => ({
  kind: 'milestone',
  actionNumber: 2,
  parentId: null,
  title: `Item ${over.id}`,
  windowText: 'October - December 2025',
  start: '2025-10-01',
  end: '2025-12-31',
  precision: 'month',
  tentative: false,
  status: 'not_started',
  sortOrder: 0,
  ...over,
});

/** Baselines and plan comparison, run in every zone of the schedule specs. */
export function describeBaseline(zone: string): void {
  describe(`baselines in TZ=${zone}`, () => {
    it('reads the slip by the end of the window, in calendar months, in words', () => {
      const approved = { start: '2025-10-01', end: '2025-12-31', precision: 'month' as const };
      expect(slipOf(approved, { start: '2025-12-01', end: '2026-02-28', precision: 'month' })).toEqual({
        months: 2,
        words: '2 months later than approved',
      });
      expect(slipOf(approved, { start: '2025-09-01', end: '2025-11-30', precision: 'month' })).toEqual({
        months: -1,
        words: '1 month earlier than approved',
      });
      expect(slipOf(approved, approved)).toEqual({ months: 0, words: 'as approved' });
      expect(slipOf(approved, { start: '2025-11-01', end: '2025-12-31', precision: 'month' }).words).toBe('starts 1 month later than approved, same end');
      // A year-only window moved by a year is 12 months; its last day (31 December) never slides.
      expect(slipOf({ start: '2026-01-01', end: '2026-12-31', precision: 'year' }, { start: '2027-01-01', end: '2027-12-31', precision: 'year' }).months).toBe(
        12,
      );
    });

    it('says in words when a side has no date', () => {
      const none = { start: null, end: null, precision: 'unknown' as const };
      const dated = { start: '2026-03-01', end: '2026-03-31', precision: 'month' as const };
      expect(slipOf(none, dated)).toEqual({ months: 0, words: 'dated since approval' });
      expect(slipOf(dated, none)).toEqual({ months: 0, words: 'no date now, dated when approved' });
      expect(slipOf(none, none).months).toBe(0);
    });

    it('lists exactly what was added, removed, cancelled, renamed, moved and put under another activity', () => {
      const v1 = [
        item({ id: 'a' }),
        item({ id: 'b', parentId: 'a', sortOrder: 1 }),
        item({ id: 'c', sortOrder: 2 }),
        item({ id: 'd', sortOrder: 3 }),
        item({ id: 'o', kind: 'output', status: 'planned' }),
      ];
      const now = [
        item({ id: 'a', title: 'Renamed a' }),
        item({ id: 'b', parentId: null, sortOrder: 1, windowText: 'December 2025 - February 2026', start: '2025-12-01', end: '2026-02-28' }),
        item({ id: 'c', sortOrder: 2 }),
        item({ id: 'e', parentId: 'a', sortOrder: 4 }),
        item({ id: 'o', kind: 'output', status: 'cancelled' }),
      ];
      const diff = comparePlans({ number: 1, name: 'v1', items: v1 }, { number: null, name: 'current plan', items: now });
      expect(diff.added.map((i) => i.id)).toEqual(['e']);
      expect(diff.removed.map((i) => i.id)).toEqual(['d']);
      expect(diff.cancelled.map((i) => i.id)).toEqual(['o']);
      expect(diff.renamed).toEqual([{ item: now[0], fromTitle: 'Item a' }]);
      expect(diff.moved).toHaveLength(1);
      expect(diff.moved[0].item.id).toBe('b');
      expect(diff.moved[0].from).toEqual({ windowText: 'October - December 2025', start: '2025-10-01', end: '2025-12-31', precision: 'month' });
      expect(diff.moved[0].slip.words).toBe('2 months later than approved');
      expect(diff.reparented).toEqual([{ item: now[1], fromParentId: 'a' }]);
      expect(diff.from).toEqual({ number: 1, name: 'v1' });
    });

    it('flags an item as slipped when it ends more than the threshold later than approved, by its forecast where set', () => {
      const options = { deadline: '2027-03-31', baselineName: 'version 1, Work Plan as approved, April 2025' };
      const baseline = { start: '2025-10-01', end: '2025-12-31', precision: 'month' as const };
      const subject = {
        start: '2025-12-01',
        end: '2026-02-28',
        precision: 'month' as const,
        forecastEnd: null,
        status: 'in_progress',
        lastUpdate: '2025-11-20',
        baseline,
      };
      const asOf = '2025-11-25';
      const slipped = riskFlags(subject, asOf, options).filter((f) => f.kind === 'slipped');
      expect(slipped).toEqual([
        { kind: 'slipped', severity: 'medium', daysLate: 0, reason: '2 months later than approved (version 1, Work Plan as approved, April 2025)' },
      ]);
      // One month is not more than the default threshold of one month; a threshold of 2 spares two months.
      expect(riskFlags({ ...subject, end: '2026-01-31' }, asOf, options).some((f) => f.kind === 'slipped')).toBe(false);
      expect(riskFlags(subject, asOf, { ...options, slipMonths: 2 }).some((f) => f.kind === 'slipped')).toBe(false);
      // The forecast end counts: planned as approved, forecast three months later.
      expect(riskFlags({ ...subject, end: '2025-12-31', forecastEnd: '2026-03-31' }, asOf, options).find((f) => f.kind === 'slipped')?.reason).toMatch(
        /^3 months later/,
      );
      // Not compared, finished or cancelled: no flag.
      expect(riskFlags({ ...subject, baseline: null }, asOf, options).some((f) => f.kind === 'slipped')).toBe(false);
      expect(riskFlags({ ...subject, status: 'cancelled' }, asOf, options).some((f) => f.kind === 'slipped')).toBe(false);
      const rag = actionRag(slipped, asOf, options);
      expect(rag.rag).toBe('amber');
      expect(rag.reasons[0]).toBe('1 slipped more than 1 month against the approved version');
    });

    it('finds nothing between a plan and itself', () => {
      const v = [item({ id: 'a' }), item({ id: 'b', parentId: 'a' })];
      const diff = comparePlans({ number: 1, name: 'v1', items: v }, { number: 1, name: 'v1', items: v });
      expect([diff.added, diff.removed, diff.cancelled, diff.renamed, diff.moved, diff.reparented].every((list) => list.length === 0)).toBe(true);
    });
  });
}
