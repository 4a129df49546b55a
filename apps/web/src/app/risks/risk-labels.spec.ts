import type { ActionRag, RiskItem } from '@tracker/contracts';
import { countByKind, filterRisks, formatDay, parseRiskFilter } from './risk-labels';

const item = (actionNumber: number, kind: RiskItem['kind']): RiskItem => ({
  kind,
  severity: 'high',
  actionNumber,
  itemType: 'milestone',
  id: `${actionNumber}-${kind}`,
  title: 't',
  windowText: null,
  start: null,
  end: null,
  forecastEnd: null,
  status: 'not_started',
  daysLate: 0,
  reason: 'r',
  notes: [],
  forecast: { earliestEnd: null, latestEnd: null, drivenBy: 'self' },
});
const rag = (number: number): ActionRag => ({
  number,
  shortName: `A${number}`,
  rag: 'red',
  reasons: [],
  finish: { earliestEnd: null, latestEnd: null, fitsDeadline: 'yes' },
});

describe('risk page logic', () => {
  it('reads the filter from the URL and ignores junk', () => {
    expect(parseRiskFilter({ asOf: '2026-11-22', action: '2', baseline: '1' })).toEqual({ asOf: '2026-11-22', action: 2, baseline: 1 });
    expect(parseRiskFilter({ asOf: '22/11/2026', action: 'two', baseline: '0' })).toEqual({ asOf: null, action: null, baseline: null });
    expect(parseRiskFilter({})).toEqual({ asOf: null, action: null, baseline: null });
  });

  it('narrows items and RAGs to one Action', () => {
    const items = [item(1, 'overdue'), item(2, 'due_soon'), item(1, 'stalled')];
    expect(filterRisks(items, [rag(1), rag(2)], { asOf: null, action: 1, baseline: null })).toEqual({ items: [items[0], items[2]], actions: [rag(1)] });
    expect(filterRisks(items, [rag(1), rag(2)], { asOf: null, action: null, baseline: null }).items).toHaveLength(3);
  });

  it('counts each kind in the order of the view', () => {
    expect(countByKind([item(1, 'overdue'), item(2, 'overdue'), item(1, 'due_soon')]).map((c) => `${c.label}: ${c.count}`)).toEqual([
      'Overdue: 2',
      'Beyond the deadline: 0',
      'Forecast beyond the deadline: 0',
      'May pass the deadline: 0',
      'Stalled: 0',
      'Slipped: 0',
      'Unscheduled: 0',
      'Due soon: 1',
    ]);
  });

  it('writes days the way people read them', () => {
    expect(formatDay('2027-03-31')).toBe('31 Mar 2027');
    expect(formatDay(null)).toBe('—');
  });
});
