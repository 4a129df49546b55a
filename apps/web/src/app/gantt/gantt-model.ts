/**
 * The Gantt chart's model, as pure functions: from the API's milestones to rows grouped by Action,
 * their flags (as computed by the shared schedule library), the filter kept in the URL, and the
 * tasks handed to frappe-gantt. No Angular here, so every rule is unit-tested directly.
 */
import type { Action, DateAlternative, Milestone, MilestoneStatus, Organisation, PlanNote, PlanVersion, Slip } from '@tracker/contracts';
import { MILESTONE_STATUSES } from '@tracker/contracts';
import {
  formatWindow,
  isApproximate,
  isBeyondDeadline,
  daysLate as daysLateOf,
  forecastBeyond,
  forecastLinkedItems,
  type Forecast,
  judgeBySteps,
  slipOf,
  windowChanged,
  type PlanWindow,
  type RiskSubject,
} from '@tracker/schedule';
import { formatDay, STATUS_LABELS } from '../plan/labels';

export type ItemFlag = 'overdue' | 'beyond_deadline' | 'approximate' | 'tentative' | 'undated' | 'annex_only';

export const FLAG_LABELS: Record<ItemFlag, string> = {
  overdue: 'Overdue',
  beyond_deadline: 'Ends after the deadline',
  approximate: 'Approximate dates',
  tentative: 'Tentative',
  undated: 'No date yet',
  annex_only: 'Annex 1 only',
};

export interface GanttItem {
  id: string;
  actionNumber: number;
  parentId: string | null;
  /** 0 for an activity, 1 for a sub-step. */
  depth: number;
  title: string;
  /** The plan's own words, e.g. "October - December 2025". */
  windowText: string;
  window: PlanWindow;
  /** The window the way people read it, e.g. "Oct-Dec 2025". */
  windowLabel: string;
  status: MilestoneStatus;
  statusLabel: string;
  progress: number;
  actualStart: string | null;
  actualEnd: string | null;
  forecastEnd: string | null;
  /** Optimistic-locking version: an update names the version it was made from. */
  version: number;
  tentative: boolean;
  source: string;
  alternatives: DateAlternative[];
  /** Derived readings and the plan's inconsistencies, with their sections. */
  notes: PlanNote[];
  flags: ItemFlag[];
  daysLate: number;
  /** The milestones and outputs that must end before it starts. */
  predecessorIds: string[];
  /** When it is expected to end (libs/schedule forecastLinkedItems, as the risk view computes it). */
  forecast: Forecast;
  /** The days beyond its planned window it is expected to take, when it is expected to end later than planned. */
  forecastBeyond: { from: string; earliestEnd: string; latestEnd: string } | null;
  /** Compared with an approved version: the item's window there, and how far it moved; null when not compared. */
  baseline: ItemBaseline | null;
}

/** An item against the approved version compared with (the chart's "compare with"). */
export interface ItemBaseline {
  versionNumber: number;
  /** The approved window; null when the item was added since. */
  window: PlanWindow | null;
  windowText: string | null;
  /** In words: "2 months later than approved", "as approved", "added since version 1". */
  words: string;
  slip: Slip | null;
  /** The window changed since approval (dates or precision). */
  changed: boolean;
}

export interface GanttGroup {
  action: Pick<Action, 'number' | 'shortName' | 'title'>;
  items: GanttItem[];
  /** Span of the group's dated items, or null when none is dated. */
  start: string | null;
  end: string | null;
}

export type ViewMode = 'Month' | 'Quarter' | 'Year';
export const VIEW_MODES: readonly ViewMode[] = ['Month', 'Quarter', 'Year'];

export interface GanttFilter {
  actions: number[];
  organisation: string | null;
  statuses: MilestoneStatus[];
  view: ViewMode;
  /** The approved version the chart compares with (its number), or null. */
  baseline: number | null;
}

export const EMPTY_FILTER: GanttFilter = { actions: [], organisation: null, statuses: [], view: 'Month', baseline: null };

/** A step found only in Annex 1, not in the plan of record. */
export function isAnnexOnly(item: { notes?: PlanNote[] }): boolean {
  return (item.notes ?? []).some((n) => n.kind === 'annex_only');
}

/**
 * Milestones as chart items, in plan order, with their flags as of a date, by the rules of the risk
 * view: a parent is judged by the span of its steps, a year alone never ends after the deadline, and
 * an Annex 1-only step is judged by its forecast end alone. "Beyond the deadline" is judged against
 * the partnership's own deadline (none while it is not known). An item of the plan of record is
 * overdue when its planned window has passed, whatever forecast end a person set: a step re-planned
 * to end later is still late against the plan, and its forecast is drawn beyond its bar.
 */
export function toGanttItems(milestones: Milestone[], asOf: string, deadline: string | null = null): GanttItem[] {
  const depthOf = new Map<string, number>();
  const ordered = [...milestones].sort((a, b) => a.actionNumber - b.actionNumber || a.sortOrder - b.sortOrder);
  const judged = judgeBySteps(
    ordered.map((m) => ({
      id: m.id,
      parentId: m.parentId,
      start: m.start,
      end: m.end,
      precision: m.precision,
      forecastEnd: m.forecastEnd,
      status: m.status,
      lastUpdate: null,
      planOfRecord: !isAnnexOnly(m),
    })),
  );
  const forecasts = forecastLinkedItems(
    ordered.map((m) => ({ ...m, planOfRecord: !isAnnexOnly(m) })),
    asOf,
  );
  return ordered.map((m) => {
    const depth = m.parentId === null ? 0 : (depthOf.get(m.parentId) ?? 0) + 1;
    depthOf.set(m.id, depth);
    const window: PlanWindow = { start: m.start, end: m.end, precision: m.precision };
    const annexOnly = isAnnexOnly(m);
    const subject = judged.get(m.id) as RiskSubject;
    const judgedEnd = annexOnly ? null : subject.end;
    const late = daysLateOf({ end: judgedEnd, forecastEnd: annexOnly ? m.forecastEnd : null, status: m.status }, asOf);
    const forecast = forecasts.get(m.id) ?? { earliestEnd: null, latestEnd: null, drivenBy: 'self' };
    const flags: ItemFlag[] = [];
    if (late > 0) flags.push('overdue');
    if (deadline !== null && isBeyondDeadline({ end: judgedEnd, forecastEnd: m.forecastEnd, precision: subject.precision }, deadline))
      flags.push('beyond_deadline');
    if (m.start === null || m.end === null) flags.push('undated');
    else if (isApproximate(window)) flags.push('approximate');
    if (m.tentative) flags.push('tentative');
    if (annexOnly) flags.push('annex_only');
    return {
      id: m.id,
      actionNumber: m.actionNumber,
      parentId: m.parentId,
      depth,
      title: m.title,
      windowText: m.windowText,
      window,
      windowLabel: formatWindow(window),
      status: m.status,
      statusLabel: STATUS_LABELS[m.status],
      progress: m.progress,
      actualStart: m.actualStart,
      actualEnd: m.actualEnd,
      forecastEnd: m.forecastEnd,
      version: m.version,
      tentative: m.tentative,
      source: m.source,
      alternatives: m.alternatives,
      notes: m.notes ?? [],
      flags,
      daysLate: late,
      predecessorIds: m.predecessorIds,
      forecast,
      forecastBeyond: m.start === null || onlyNotBeforeToday(forecast, m, asOf) ? null : forecastBeyond(m.end, forecast),
      baseline: null,
    };
  });
}

/**
 * An open item past its window that nothing but the day pushes: "not before today" is all its forecast
 * says, and its overdue edge already says it (its range would only reach today's line).
 */
function onlyNotBeforeToday(forecast: Forecast, m: Milestone, asOf: string): boolean {
  return forecast.drivenBy === 'self' && m.forecastEnd === null && m.actualEnd === null && forecast.latestEnd === asOf;
}

/**
 * The items compared with an approved version: each gets the window it had there and its slip in
 * words, read by the end of the window in calendar months (libs/schedule `slipOf`); an item the
 * version does not hold was added since.
 */
export function withBaseline(items: GanttItem[], version: Pick<PlanVersion, 'number' | 'items'> | null): GanttItem[] {
  if (version === null) {
    return items;
  }
  const approved = new Map(version.items.filter((i) => i.kind === 'milestone').map((i) => [i.id, i]));
  return items.map((item) => {
    const then = approved.get(item.id);
    if (!then) {
      return {
        ...item,
        baseline: { versionNumber: version.number, window: null, windowText: null, words: `added since version ${version.number}`, slip: null, changed: true },
      };
    }
    const window: PlanWindow = { start: then.start, end: then.end, precision: then.precision };
    const slip = slipOf(window, item.window);
    return {
      ...item,
      baseline: { versionNumber: version.number, window, windowText: then.windowText, words: slip.words, slip, changed: windowChanged(window, item.window) },
    };
  });
}

/** Items grouped under their Action, Actions in number order, each group spanning its dated items. */
export function groupByAction(items: GanttItem[], actions: Pick<Action, 'number' | 'shortName' | 'title'>[]): GanttGroup[] {
  return [...actions]
    .sort((a, b) => a.number - b.number)
    .map((action) => {
      const own = items.filter((i) => i.actionNumber === action.number);
      const dated = own.filter((i) => i.window.start !== null && i.window.end !== null);
      const start = dated.length ? dated.map((i) => i.window.start as string).sort()[0] : null;
      const end = dated.length
        ? dated
            .map((i) => i.window.end as string)
            .sort()
            .reverse()[0]
        : null;
      return { action: { number: action.number, shortName: action.shortName, title: action.title }, items: own, start, end };
    })
    .filter((group) => group.items.length > 0);
}

/** Keeps the items the filter asks for: Actions, an organisation's Actions, statuses. */
export function applyFilter(items: GanttItem[], filter: GanttFilter, organisations: Pick<Organisation, 'id' | 'actions'>[]): GanttItem[] {
  let allowedActions: Set<number> | null = filter.actions.length ? new Set(filter.actions) : null;
  if (filter.organisation) {
    const org = organisations.find((o) => o.id === filter.organisation);
    const orgActions = new Set((org?.actions ?? []).map((a) => a.actionNumber));
    allowedActions = allowedActions ? new Set([...allowedActions].filter((n) => orgActions.has(n))) : orgActions;
  }
  const statuses = filter.statuses.length ? new Set(filter.statuses) : null;
  if (!allowedActions && !statuses) {
    return items;
  }
  return items.filter((item) => (!allowedActions || allowedActions.has(item.actionNumber)) && (!statuses || statuses.has(item.status)));
}

/** Reads the filter from URL query parameters, ignoring anything malformed. */
export function parseFilter(params: Record<string, string | null | undefined>): GanttFilter {
  const list = (value: string | null | undefined) =>
    (value ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const actions = [
    ...new Set(
      list(params['action'])
        .filter((s) => /^\d{1,4}$/.test(s))
        .map(Number),
    ),
  ].sort((a, b) => a - b);
  const statuses = list(params['status']).filter((s): s is MilestoneStatus => (MILESTONE_STATUSES as readonly string[]).includes(s));
  const organisation = params['org'] && /^[0-9a-f-]{36}$/i.test(params['org']) ? params['org'] : null;
  const view = VIEW_MODES.find((v) => v.toLowerCase() === (params['view'] ?? '').toLowerCase()) ?? 'Month';
  const baseline = params['baseline'] && /^[1-9]\d{0,8}$/.test(params['baseline']) ? Number(params['baseline']) : null;
  return { actions, organisation, statuses: [...new Set(statuses)], view, baseline };
}

/** The filter as URL query parameters (null removes a parameter), so a link can be shared. */
export function filterToParams(filter: GanttFilter): Record<string, string | null> {
  return {
    action: filter.actions.length ? [...filter.actions].sort((a, b) => a - b).join(',') : null,
    org: filter.organisation,
    status: filter.statuses.length ? filter.statuses.join(',') : null,
    view: filter.view === 'Month' ? null : filter.view.toLowerCase(),
    baseline: filter.baseline === null ? null : String(filter.baseline),
  };
}

/** A task as frappe-gantt takes it, with the extra classes and words the wrapper adds to its bar. */
export interface ChartRow {
  /** The task, its bar's classes (`custom_class`) being every class of the row: labels are measured in their own font. */
  task: { id: string; name: string; start: string; end: string; progress: number; custom_class: string; dependencies: string };
  classes: string[];
  /** What a screen reader announces for the bar. */
  label: string;
  /** Summary rows of an Action are not items: they open nothing. */
  itemId: string | null;
  /** On an Action's summary row: its number (the row expands or collapses the Action). */
  groupNumber: number | null;
  /** The approved window drawn as a thin ghost bar under the bar, when compared and dated then. */
  baseline: { start: string; end: string; approximate: boolean } | null;
  /** The days beyond the bar the item is expected to take (sure up to `earliestEnd`), drawn after it; null when none. */
  forecast: { from: string; earliestEnd: string; latestEnd: string } | null;
}

/** An item's expected end in words: "expected 31 Jan 2027", "expected 1 Dec 2025 - 28 Feb 2026". */
export function forecastWords(range: Pick<Forecast, 'earliestEnd' | 'latestEnd'>): string {
  if (range.latestEnd === null) return 'no expected end yet';
  return range.earliestEnd === null || range.earliestEnd === range.latestEnd
    ? `expected ${formatDay(range.latestEnd)}`
    : `expected ${formatDay(range.earliestEnd)} - ${formatDay(range.latestEnd)}`;
}

/** Flags worth showing on a bar, in words. */
function barFlagWords(item: GanttItem): string[] {
  const words: string[] = [];
  if (item.flags.includes('overdue')) words.push(`overdue ${item.daysLate} d`);
  if (item.flags.includes('beyond_deadline')) words.push('after deadline');
  if (item.flags.includes('tentative')) words.push('tentative');
  if (item.flags.includes('annex_only')) words.push('Annex 1 only');
  if (item.forecastBeyond) words.push(forecastWords(item.forecastBeyond));
  return words;
}

/**
 * Rows for the chart: per Action a summary bar spanning its items, then (unless the Action is
 * collapsed) its dated items in plan order.
 */
export function toChartRows(groups: GanttGroup[], collapsed: ReadonlySet<number> = new Set()): ChartRow[] {
  const rows: ChartRow[] = [];
  for (const group of groups) {
    const isCollapsed = collapsed.has(group.action.number);
    if (group.start && group.end) {
      const done = group.items.filter((i) => i.status === 'done').length;
      rows.push({
        task: {
          id: `action-${group.action.number}`,
          name: `Action ${group.action.number} · ${group.action.shortName}${isCollapsed ? ` (${group.items.length} items, collapsed)` : ''}`,
          start: group.start,
          end: group.end,
          progress: group.items.length ? Math.round(group.items.reduce((sum, i) => sum + i.progress, 0) / group.items.length) : 0,
          custom_class: 'wp-summary',
          dependencies: '',
        },
        classes: ['wp-summary'],
        label: `Action ${group.action.number} · ${group.action.shortName}${isCollapsed ? ` (${group.items.length} items, collapsed)` : ''}: ${formatWindow({ start: group.start, end: group.end, precision: 'month' })}, ${done} of ${group.items.length} items done. Press Enter to ${isCollapsed ? 'show' : 'hide'} its items.`,
        itemId: null,
        groupNumber: group.action.number,
        baseline: null,
        forecast: null,
      });
    }
    if (isCollapsed) continue;
    for (const item of group.items) {
      if (item.window.start === null || item.window.end === null) continue;
      const words = [item.statusLabel, ...barFlagWords(item), ...(item.baseline?.changed ? [item.baseline.words] : [])];
      const approved = item.baseline?.window;
      const prefix = item.depth > 0 ? '↳ ' : '';
      const name = `${prefix}${item.title} · ${words.join(' · ')}`;
      const classes = [
        'wp-item',
        `wp-status-${item.status}`,
        `wp-precision-${item.window.precision}`,
        ...item.flags.map((f) => `wp-flag-${f.replace('_', '-')}`),
        ...(item.depth > 0 ? ['wp-substep'] : []),
      ];
      rows.push({
        task: {
          id: item.id,
          name,
          start: item.window.start,
          end: item.window.end,
          progress: item.progress,
          custom_class: classes.join(' '),
          // frappe-gantt draws an arrow from each predecessor's bar to this one (where both are drawn).
          dependencies: item.predecessorIds.join(','),
        },
        classes,
        // Starts with the visible label, so speech input ("click First Virtual Exchange") finds the bar.
        label: `${name}. Action ${item.actionNumber}, ${item.windowLabel}${item.flags.length ? '. ' + item.flags.map((f) => FLAG_LABELS[f]).join(', ') : ''}${
          approved ? `. Approved in version ${item.baseline?.versionNumber}: ${formatWindow(approved)}` : ''
        }${item.forecastBeyond ? `. Expected to end after its planned window: ${forecastWords(item.forecastBeyond).replace(/^expected /, '')}` : ''}${
          item.predecessorIds.length ? `. Comes after ${item.predecessorIds.length === 1 ? 'one item' : `${item.predecessorIds.length} items`}` : ''
        }. Press Enter for details.`,
        itemId: item.id,
        groupNumber: null,
        baseline:
          approved && approved.start !== null && approved.end !== null
            ? { start: approved.start, end: approved.end, approximate: isApproximate(approved) }
            : null,
        forecast: item.forecastBeyond,
      });
    }
  }
  return rows;
}

/** No Action folded: the chart page opens so, and its first paint draws so. */
export const ALL_EXPANDED: ReadonlySet<number> = new Set();

/** `compute`, remembering its last answer: asked again with the same arguments (the same objects), it answers that again. */
function rememberLast<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last === null || last.args.length !== args.length || last.args.some((arg, i) => arg !== args[i])) {
      last = { args, result: compute(...args) };
    }
    return last.result;
  };
}

/**
 * The chart page's items of a plan (toGanttItems) and its rows (toChartRows of groupByAction), each
 * the last one remembered: asked again with the same answer, day and folding (the page's values
 * computed again), they are the same objects, and the chart sees the same rows.
 */
export const chartPageItems = rememberLast((milestones: Milestone[], asOf: string, deadline: string | null) => toGanttItems(milestones, asOf, deadline));
export const chartPageRows = rememberLast((items: GanttItem[], actions: Pick<Action, 'number' | 'shortName' | 'title'>[], collapsed: ReadonlySet<number>) =>
  toChartRows(groupByAction(items, actions), collapsed),
);

/** The first planned day across the items: the chart opens there, on the plan period. */
export function planStart(items: GanttItem[]): string | null {
  const starts = items
    .map((i) => i.window.start)
    .filter((d): d is string => d !== null)
    .sort();
  return starts[0] ?? null;
}

/** What the tracker's chart shows: its rows, view, the day it opens on and the deadline it marks. */
export interface ChartInputs {
  rows: ChartRow[];
  viewMode: ViewMode;
  /** Calendar date the chart scrolls to when drawn (null: where the box is). */
  scrollTo: string | null;
  deadline: string | null;
}

/**
 * A short key of what a chart draws as of the day `asOf` (the day decides today's line): its rows
 * (bars, words, classes, approved windows), view, opening day and deadline. Two drawings with the
 * same key are the same: the app takes over the server's first paint only when the keys agree.
 */
export function chartKey(inputs: ChartInputs, asOf: string): string {
  // FNV-1a, 32 bits, over every field that reaches the drawing, each ended by a separator.
  let hash = 0x811c9dc5;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    }
    hash = Math.imul(hash ^ 0x1f, 0x01000193);
  };
  add(`${asOf}|${inputs.viewMode}|${inputs.scrollTo}|${inputs.deadline}|${inputs.rows.length}`);
  for (const row of inputs.rows) {
    const { task, baseline, forecast } = row;
    add(
      `${task.id}|${task.name}|${task.start}|${task.end}|${task.progress}|${task.custom_class}|${task.dependencies}|${row.label}|${row.itemId}|${row.groupNumber}`,
    );
    add(baseline ? `${baseline.start}|${baseline.end}|${baseline.approximate}` : '-');
    add(forecast ? `${forecast.from}|${forecast.earliestEnd}|${forecast.latestEnd}` : '-');
  }
  return (hash >>> 0).toString(36);
}
