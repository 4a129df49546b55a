import { HISTORY_FIELD_LABELS, historyValue, sourceWords } from './labels';

describe('sourceWords', () => {
  it('names a section of the Work Plan, a row of an imported sheet, or an item added in the tracker', () => {
    expect(sourceWords('2.4.9')).toBe('Work Plan section 2.4.9');
    expect(sourceWords('Annex 1')).toBe('Work Plan section Annex 1');
    expect(sourceWords('row 7')).toBe('Imported plan, row 7');
    expect(sourceWords('Added in the tracker')).toBe('Added in the tracker');
  });
});

describe('history labels', () => {
  it('names the links an entry changed in words, and an empty list as none', () => {
    expect(HISTORY_FIELD_LABELS['predecessors']).toBe('Comes after');
    expect(historyValue('predecessors', [])).toBe('none');
    expect(historyValue('predecessors', ['Mapping to be drafted', 'Survey of cities'])).toBe('Mapping to be drafted, Survey of cities');
    expect(historyValue('status', 'in_progress')).toBe('In progress');
  });
});
