import type { PlanComparison, PlanSnapshotItem } from '@tracker/contracts';
import { noChanges } from '@tracker/schedule';
import { comparisonLines } from './comparison-lines';

const item = (id: string, title: string, actionNumber = 2): PlanSnapshotItem => ({
  id,
  kind: 'milestone',
  actionNumber,
  parentId: null,
  title,
  windowText: 'July - September 2025',
  start: '2025-07-01',
  end: '2025-09-30',
  precision: 'month',
  tentative: false,
  status: 'in_progress',
  sortOrder: 1,
});

const empty: PlanComparison = noChanges({ number: 1, name: 'Work Plan as approved, April 2025' }, { number: null, name: 'the current plan' });

describe('the comparison of two versions in words', () => {
  it('lists a forecast set by a person and the links added and removed, though the plan itself did not move', () => {
    const mapping = item('m', 'Mapping to be drafted');
    const recommendations = item('r', 'Recommendations to be developed based on the mapping exercise');
    const exchange = item('x', 'Virtual exchange', 1);
    const lines = comparisonLines({
      ...empty,
      forecastMoved: [{ item: mapping, from: null, to: '2027-01-31', words: 'forecast 31 Jan 2027, 16 months after its planned end' }],
      linksAdded: [{ predecessor: exchange, successor: recommendations, lagMonths: 1 }],
      linksRemoved: [{ predecessor: mapping, successor: recommendations, lagMonths: 0 }],
    });
    expect(lines.map((l) => [l.kind, l.item.title, l.detail])).toEqual([
      ['Forecast moved', 'Mapping to be drafted', 'forecast 31 Jan 2027, 16 months after its planned end'],
      ['Link added', recommendations.title, 'now comes after "Virtual exchange" (Action 1), 1 month later'],
      ['Link removed', recommendations.title, 'no longer comes after "Mapping to be drafted"'],
    ]);
    expect(comparisonLines(empty)).toEqual([]);
  });
});
