import type { Milestone, Organisation, PlanSnapshotItem } from '@tracker/contracts';
import {
  type ChartRow,
  EMPTY_FILTER,
  ALL_EXPANDED,
  applyFilter,
  chartKey,
  chartPageItems,
  chartPageRows,
  filterToParams,
  groupByAction,
  parseFilter,
  planStart,
  toChartRows,
  toGanttItems,
  withBaseline,
} from './gantt-model';
import { unitsSince } from './view-modes';

let seq = 0;
function newMilestone(overrides: Partial<Milestone> = {}): Milestone {
  seq += 1;
  return {
    id: `00000000-0000-0000-0000-${String(seq).padStart(12, '0')}`,
    actionNumber: 1,
    parentId: null,
    title: `Item ${seq}`,
    windowText: 'October - December 2025',
    start: '2025-10-01',
    end: '2025-12-31',
    precision: 'month',
    tentative: false,
    status: 'not_started',
    progress: 0,
    actualStart: null,
    actualEnd: null,
    forecastEnd: null,
    version: 1,
    source: '2.4.9',
    sortOrder: seq,
    alternatives: [],
    notes: [],
    predecessorIds: [],
    predecessorLags: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const ACTIONS = [
  { number: 1, shortName: 'Labour', title: 'Inclusive integration into quality jobs' },
  { number: 2, shortName: 'Education', title: 'Inclusive education' },
  { number: 3, shortName: 'Disinformation', title: 'Combating disinformation' },
];

describe('toGanttItems', () => {
  it('flags overdue, beyond-deadline, approximate, tentative and undated items as of a date', () => {
    const items = toGanttItems(
      [
        newMilestone({ title: 'late', end: '2025-12-31' }),
        newMilestone({ title: 'done', end: '2025-12-31', status: 'done', progress: 100 }),
        newMilestone({ title: 'years', start: '2026-01-01', end: '2027-12-31', precision: 'year' }),
        newMilestone({ title: 'after', start: '2027-01-01', end: '2027-06-30', precision: 'month' }),
        newMilestone({ title: 'firm', start: '2026-12-01', end: '2026-12-15', precision: 'day', tentative: true }),
        newMilestone({ title: 'tbc', start: null, end: null, precision: 'unknown', windowText: 'tbc' }),
      ],
      '2026-11-22',
      '2027-03-31',
    );
    const flags = Object.fromEntries(items.map((i) => [i.title, i.flags]));
    expect(flags).toEqual({
      late: ['overdue', 'approximate'],
      done: ['approximate'],
      years: ['approximate'],
      after: ['beyond_deadline', 'approximate'],
      firm: ['tentative'],
      tbc: ['undated'],
    });
    expect(items[0].daysLate).toBe(326);
    expect(items[0].windowLabel).toBe('Oct-Dec 2025');
    expect(items[2].windowLabel).toBe('2026-2027');
  });

  it('judges a parent by the span of its steps, and never flags an Annex 1-only step on its own', () => {
    const parent = newMilestone({ title: 'Institutional Self Assessment', windowText: '2025', start: '2025-01-01', end: '2025-12-31', precision: 'year' });
    const step = newMilestone({ title: 'analysis', parentId: parent.id, start: '2026-03-01', end: '2026-04-30' });
    const annex = newMilestone({
      title: 'Dissemination of guidance material',
      parentId: parent.id,
      start: '2026-05-01',
      end: '2026-07-31',
      source: 'Annex 1',
      notes: [{ kind: 'annex_only', text: 'Annex 1 only: ...', source: 'Annex 1, 2.6.9' }],
    });
    const flags = (asOf: string) => Object.fromEntries(toGanttItems([parent, step, annex], asOf).map((i) => [i.title, i.flags]));
    expect(flags('2026-02-01')).toEqual({
      'Institutional Self Assessment': ['approximate'],
      analysis: ['approximate'],
      'Dissemination of guidance material': ['approximate', 'annex_only'],
    });
    expect(flags('2026-11-23')).toEqual({
      'Institutional Self Assessment': ['overdue', 'approximate'],
      analysis: ['overdue', 'approximate'],
      'Dissemination of guidance material': ['approximate', 'annex_only'],
    });
    const [, , item] = toGanttItems([parent, step, annex], '2026-11-23');
    expect(item.notes).toEqual(annex.notes);
    expect(toGanttItems([{ ...annex, parentId: null, forecastEnd: '2026-10-31' }], '2026-11-23')[0].flags).toContain('overdue');
  });

  it('is not overdue on its last day, and is the day after', () => {
    const m = newMilestone({ end: '2025-12-31' });
    expect(toGanttItems([m], '2025-12-31')[0].flags).not.toContain('overdue');
    expect(toGanttItems([m], '2026-01-01')[0].flags).toContain('overdue');
  });

  it('uses a forecast end that moves past the deadline, and stays overdue against its planned window', () => {
    const [item] = toGanttItems([newMilestone({ end: '2026-06-30', forecastEnd: '2027-05-31', status: 'in_progress' })], '2026-11-22', '2027-03-31');
    expect(item.flags).toContain('beyond_deadline');
    expect(item.flags).toContain('overdue');
    expect(item.forecastBeyond).toEqual({ from: '2026-07-01', earliestEnd: '2027-05-31', latestEnd: '2027-05-31' });
  });

  it('draws a re-planned step late with its forecast range, and its successor pushed, with arrows from predecessors', () => {
    const mapping = newMilestone({
      title: 'Mapping to be drafted',
      windowText: 'July - September 2025',
      start: '2025-07-01',
      end: '2025-09-30',
      forecastEnd: '2027-01-31',
    });
    const review = newMilestone({
      title: 'Mapping to be reviewed',
      windowText: 'October 2025',
      start: '2025-10-01',
      end: '2025-10-31',
      predecessorIds: [mapping.id],
      predecessorLags: [1],
    });
    const items = toGanttItems([mapping, review], '2026-12-07', '2027-03-31');
    expect(items[0].flags).toContain('overdue');
    expect(items[0].daysLate).toBe(433);
    expect(items[0].forecastBeyond).toEqual({ from: '2025-10-01', earliestEnd: '2027-01-31', latestEnd: '2027-01-31' });
    // Planned a month after the mapping (the lag takes the room the plan left): a month after 31 January 2027.
    expect(items[1].forecast).toEqual({ earliestEnd: '2027-02-28', latestEnd: '2027-02-28', drivenBy: mapping.id });
    const [, first, second] = toChartRows(groupByAction(items, ACTIONS));
    expect(first.task.name).toBe('Mapping to be drafted · Not started · overdue 433 d · expected 31 Jan 2027');
    expect(first.forecast).toEqual({ from: '2025-10-01', earliestEnd: '2027-01-31', latestEnd: '2027-01-31' });
    expect(first.task.dependencies).toBe('');
    expect(second.task.dependencies).toBe(mapping.id);
    expect(second.forecast).toEqual({ from: '2025-11-01', earliestEnd: '2027-02-28', latestEnd: '2027-02-28' });
    expect(second.label).toContain('Expected to end after its planned window: 28 Feb 2027. Comes after one item.');
  });

  it('draws no range for an overdue item that only cannot end before today', () => {
    const [item] = toGanttItems([newMilestone({ end: '2025-10-31' })], '2026-11-22');
    expect(item.forecast.latestEnd).toBe('2026-11-22');
    expect(item.forecastBeyond).toBeNull();
  });

  it('keeps plan order and gives sub-steps depth 1', () => {
    const parent = newMilestone({ actionNumber: 2, sortOrder: 1 });
    const child = newMilestone({ actionNumber: 2, parentId: parent.id, sortOrder: 2 });
    const first = newMilestone({ actionNumber: 1, sortOrder: 9 });
    const items = toGanttItems([child, parent, first], '2025-01-01');
    expect(items.map((i) => [i.id, i.depth])).toEqual([
      [first.id, 0],
      [parent.id, 0],
      [child.id, 1],
    ]);
  });
});

describe('groupByAction and toChartRows', () => {
  it('puts a summary bar spanning its dated items before each Action, and leaves undated items out of the chart', () => {
    const items = toGanttItems(
      [
        newMilestone({ actionNumber: 1, start: '2025-06-01', end: '2025-06-30' }),
        newMilestone({ actionNumber: 1, start: '2026-01-01', end: '2026-05-31' }),
        newMilestone({ actionNumber: 1, start: null, end: null, precision: 'unknown' }),
        newMilestone({ actionNumber: 3, start: '2025-11-01', end: '2026-02-28', status: 'in_progress', progress: 50 }),
      ],
      '2025-05-01',
    );
    const groups = groupByAction(items, ACTIONS);
    expect(groups.map((g) => [g.action.number, g.start, g.end, g.items.length])).toEqual([
      [1, '2025-06-01', '2026-05-31', 3],
      [3, '2025-11-01', '2026-02-28', 1],
    ]);
    const rows = toChartRows(groups);
    expect(rows.map((r) => r.task.id)).toEqual(['action-1', items[0].id, items[1].id, 'action-3', items[3].id]);
    expect(rows[0]).toMatchObject({ itemId: null, task: { name: 'Action 1 · Labour', start: '2025-06-01', end: '2026-05-31' } });
    expect(rows[4].task).toMatchObject({ name: `${items[3].title} · In progress`, progress: 50 });
    expect(rows[4].classes).toEqual(expect.arrayContaining(['wp-item', 'wp-status-in_progress', 'wp-precision-month', 'wp-flag-approximate']));
    // The bar carries every class of its row.
    expect(rows[4].task.custom_class.split(' ')).toEqual(rows[4].classes);
  });

  it('says status and flags in words on the bar and to screen readers', () => {
    const [item] = toGanttItems([newMilestone({ title: 'Study visit', end: '2025-10-31', tentative: true })], '2026-11-22');
    const [, row] = toChartRows(groupByAction([item], ACTIONS));
    expect(row.task.name).toBe('Study visit · Not started · overdue 387 d · tentative');
    expect(row.label).toBe(
      'Study visit · Not started · overdue 387 d · tentative. Action 1, Oct 2025. Overdue, Approximate dates, Tentative. Press Enter for details.',
    );
    expect(row.classes).toEqual(expect.arrayContaining(['wp-flag-overdue', 'wp-flag-tentative']));
  });
});

describe('filters', () => {
  const items = toGanttItems(
    [newMilestone({ actionNumber: 1, status: 'done' }), newMilestone({ actionNumber: 2, status: 'in_progress' }), newMilestone({ actionNumber: 3 })],
    '2025-01-01',
  );
  const org = (id: string, actions: number[]): Pick<Organisation, 'id' | 'actions'> => ({
    id,
    actions: actions.map((n) => ({ actionNumber: n, shortName: '', role: 'member' as const })),
  });
  const ORG = '11111111-2222-3333-4444-555555555555';

  it('narrows by Action, by organisation and by status, and combines them', () => {
    expect(applyFilter(items, EMPTY_FILTER, []).length).toBe(3);
    expect(applyFilter(items, { ...EMPTY_FILTER, actions: [2, 3] }, []).map((i) => i.actionNumber)).toEqual([2, 3]);
    expect(applyFilter(items, { ...EMPTY_FILTER, organisation: ORG }, [org(ORG, [1, 3])]).map((i) => i.actionNumber)).toEqual([1, 3]);
    expect(applyFilter(items, { ...EMPTY_FILTER, organisation: ORG, actions: [3] }, [org(ORG, [1, 3])]).map((i) => i.actionNumber)).toEqual([3]);
    expect(applyFilter(items, { ...EMPTY_FILTER, statuses: ['done', 'in_progress'] }, []).map((i) => i.actionNumber)).toEqual([1, 2]);
    expect(applyFilter(items, { ...EMPTY_FILTER, organisation: ORG }, [])).toEqual([]);
  });

  it('round-trips through the URL and ignores malformed values', () => {
    const filter = { actions: [3, 1], organisation: ORG, statuses: ['on_hold' as const], view: 'Quarter' as const, baseline: 2 };
    const params = filterToParams(filter);
    expect(params).toEqual({ action: '1,3', org: ORG, status: 'on_hold', view: 'quarter', baseline: '2' });
    expect(parseFilter(params)).toEqual({ ...filter, actions: [1, 3] });
    expect(parseFilter({ action: 'x,2,2', status: 'late,done', org: 'robert', view: 'decade', baseline: '0' })).toEqual({
      actions: [2],
      organisation: null,
      statuses: ['done'],
      view: 'Month',
      baseline: null,
    });
    expect(filterToParams(EMPTY_FILTER)).toEqual({ action: null, org: null, status: null, view: null, baseline: null });
  });
});

describe('comparing with an approved version', () => {
  const snapshot = (id: string, over: Partial<PlanSnapshotItem> = {}): PlanSnapshotItem => ({
    id,
    kind: 'milestone',
    actionNumber: 1,
    parentId: null,
    title: id,
    windowText: 'October - December 2025',
    start: '2025-10-01',
    end: '2025-12-31',
    precision: 'month',
    tentative: false,
    status: 'not_started',
    sortOrder: 1,
    ...over,
  });

  it('gives each item its approved window and its slip in words, and draws the ghost bar as approximate', () => {
    const moved = newMilestone({ id: 'moved', start: '2025-12-01', end: '2026-02-28', precision: 'month', windowText: 'December 2025 - February 2026' });
    const same = newMilestone({ id: 'same', start: '2025-10-01', end: '2025-12-31', precision: 'month', windowText: 'October - December 2025' });
    const added = newMilestone({ id: 'added', start: '2026-05-01', end: '2026-05-31', precision: 'month', windowText: 'May 2026' });
    const items = withBaseline(toGanttItems([moved, same, added], '2025-06-01'), { number: 1, items: [snapshot('moved'), snapshot('same')] });
    expect(items.map((i) => [i.id, i.baseline?.words, i.baseline?.changed])).toEqual([
      ['moved', '2 months later than approved', true],
      ['same', 'as approved', false],
      ['added', 'added since version 1', true],
    ]);
    const rows = toChartRows(groupByAction(items, [{ number: 1, shortName: 'Labour', title: 'Labour' }]));
    const row = rows.find((r) => r.itemId === 'moved') as ChartRow;
    expect(row.baseline).toEqual({ start: '2025-10-01', end: '2025-12-31', approximate: true });
    expect(row.task.name).toContain('2 months later than approved');
    expect(row.label).toContain('Approved in version 1: Oct-Dec 2025');
    expect(rows.find((r) => r.itemId === 'same')?.task.name).not.toContain('approved');
    expect(rows.find((r) => r.itemId === 'added')?.baseline).toBeNull();
    expect(withBaseline(items, null)).toBe(items);
  });
});

describe('planStart and unitsSince', () => {
  it('opens the chart on the first planned day', () => {
    const items = toGanttItems([newMilestone({ start: '2025-10-01' }), newMilestone({ start: '2025-06-01', end: '2025-06-30' })], '2025-01-01');
    expect(planStart(items)).toBe('2025-06-01');
    expect(planStart([])).toBeNull();
  });

  it('measures months the way frappe-gantt places bars', () => {
    expect(unitsSince(new Date(2027, 3, 1), new Date(2027, 0, 1), 'month')).toBe(3.03);
    expect(unitsSince(new Date(2026, 0, 1), new Date(2025, 0, 1), 'year')).toBe(1);
    expect(unitsSince(new Date(2025, 0, 11), new Date(2025, 0, 1), 'day')).toBe(10);
  });
});

describe('collapsed Actions', () => {
  it('draws only the summary bar of a collapsed Action, saying how many items it holds', () => {
    const items = toGanttItems([newMilestone({ actionNumber: 1 }), newMilestone({ actionNumber: 1 }), newMilestone({ actionNumber: 2 })], '2025-01-01');
    const rows = toChartRows(groupByAction(items, ACTIONS), new Set([1]));
    expect(rows.map((r) => r.task.id)).toEqual(['action-1', 'action-2', items[2].id]);
    expect(rows[0]).toMatchObject({ groupNumber: 1, itemId: null, task: { name: 'Action 1 · Labour (2 items, collapsed)' } });
    expect(rows[0].label).toContain('Press Enter to show its items.');
    expect(rows[1].label).toContain('Press Enter to hide its items.');
  });
});

describe('chartPageItems and chartPageRows (made once for the first paint and the page)', () => {
  it('answer the same items and rows for the same plan, day and folding, and make them again for any other', () => {
    const milestones = [newMilestone({ actionNumber: 1 }), newMilestone({ actionNumber: 2 })];
    const items = chartPageItems(milestones, '2026-01-15', '2027-03-31');
    expect(items).toEqual(toGanttItems(milestones, '2026-01-15', '2027-03-31'));
    expect(chartPageItems(milestones, '2026-01-15', '2027-03-31')).toBe(items);
    expect(chartPageItems(milestones, '2026-01-16', '2027-03-31')).not.toBe(items);
    expect(chartPageItems([...milestones], '2026-01-15', '2027-03-31')).not.toBe(items);
    const rows = chartPageRows(items, ACTIONS, ALL_EXPANDED);
    expect(rows).toEqual(toChartRows(groupByAction(items, ACTIONS)));
    expect(chartPageRows(items, ACTIONS, ALL_EXPANDED)).toBe(rows);
    expect(chartPageRows(items, ACTIONS, new Set([1]))).not.toEqual(rows);
  });
});

describe("chartKey (the server's first paint taken over only when the app would draw the same)", () => {
  const milestones = [newMilestone({ actionNumber: 1 }), newMilestone({ actionNumber: 2 })];
  const rowsOf = (list: Milestone[], asOf = '2026-01-15') => toChartRows(groupByAction(toGanttItems(list, asOf, '2027-03-31'), ACTIONS));
  const inputs = (rows: ChartRow[]) => ({ rows, viewMode: 'Month' as const, scrollTo: '2025-10-01', deadline: '2027-03-31' });

  it('is the same for the same rows, view, opening day, deadline and day, made again', () => {
    expect(chartKey(inputs(rowsOf(milestones)), '2026-01-15')).toBe(chartKey(inputs(rowsOf(milestones)), '2026-01-15'));
  });

  it('changes with anything the drawing shows: a title, a date, the words, the view, the deadline, the day, a compared version', () => {
    const first = inputs(rowsOf(milestones));
    const key = chartKey(first, '2026-01-15');
    const renamed = [{ ...milestones[0], title: `${milestones[0].title}!` }, milestones[1]];
    expect(chartKey(inputs(rowsOf(renamed)), '2026-01-15')).not.toBe(key);
    // A later day: another today's line, and words that may say "overdue".
    expect(chartKey(inputs(rowsOf(milestones, '2026-06-15')), '2026-06-15')).not.toBe(key);
    expect(chartKey(first, '2026-01-16')).not.toBe(key);
    expect(chartKey({ ...first, viewMode: 'Quarter' }, '2026-01-15')).not.toBe(key);
    expect(chartKey({ ...first, deadline: null }, '2026-01-15')).not.toBe(key);
    expect(chartKey({ ...first, scrollTo: null }, '2026-01-15')).not.toBe(key);
    const compared = first.rows.map((row, i) => (i === 1 ? { ...row, baseline: { start: '2025-01-01', end: '2025-02-01', approximate: false } } : row));
    expect(chartKey({ ...first, rows: compared }, '2026-01-15')).not.toBe(key);
    expect(chartKey({ ...first, rows: first.rows.slice(1) }, '2026-01-15')).not.toBe(key);
    const linked = first.rows.map((row, i) => (i === 3 ? { ...row, task: { ...row.task, dependencies: milestones[0].id } } : row));
    expect(chartKey({ ...first, rows: linked }, '2026-01-15')).not.toBe(key);
    const forecast = first.rows.map((row, i) =>
      i === 1 ? { ...row, forecast: { from: '2026-01-01', earliestEnd: '2026-02-28', latestEnd: '2026-02-28' } } : row,
    );
    expect(chartKey({ ...first, rows: forecast }, '2026-01-15')).not.toBe(key);
  });
});
