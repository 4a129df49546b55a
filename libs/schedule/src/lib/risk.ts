import { compareDates, daysBetween, type CalendarDate } from './calendar';
import { CLOSED_STATUSES, daysLate, daysToDeadline, effectiveEnd, isBeyondDeadline, plannedEndCounts } from './flags';
import { DEFAULT_SLIP_THRESHOLD_MONTHS, slipOf } from './baseline';
import type { Forecast } from './forecast';
import type { DatePrecision, PlanWindow } from './window';

/**
 * The risk rules of the monitoring calls, as of a date. Pure: the caller gives the items and the day.
 * One item may raise several flags (e.g. overdue and beyond the deadline); each is one risk.
 */

export type RiskKind = 'overdue' | 'beyond_deadline' | 'forecast_beyond_deadline' | 'may_pass_deadline' | 'stalled' | 'slipped' | 'unscheduled' | 'due_soon';
export type RiskSeverity = 'high' | 'medium' | 'low';
export type Rag = 'red' | 'amber' | 'green';

/** Kinds from the most to the least severe; the order of the risk view. */
export const RISK_KINDS: readonly RiskKind[] = [
  'overdue',
  'beyond_deadline',
  'forecast_beyond_deadline',
  'may_pass_deadline',
  'stalled',
  'slipped',
  'unscheduled',
  'due_soon',
];

/** Every kind in words, for pages, mails and files (status is never in colour alone). */
export const RISK_KIND_LABELS: Readonly<Record<RiskKind, string>> = {
  overdue: 'Overdue',
  beyond_deadline: 'Beyond the deadline',
  forecast_beyond_deadline: 'Forecast beyond the deadline',
  may_pass_deadline: 'May pass the deadline',
  stalled: 'Stalled',
  slipped: 'Slipped',
  unscheduled: 'Unscheduled',
  due_soon: 'Due soon',
};

export const RISK_SEVERITY: Readonly<Record<RiskKind, RiskSeverity>> = {
  overdue: 'high',
  beyond_deadline: 'high',
  forecast_beyond_deadline: 'high',
  may_pass_deadline: 'medium',
  stalled: 'medium',
  slipped: 'medium',
  unscheduled: 'medium',
  due_soon: 'low',
};

export interface RiskOptions {
  /** "Due soon": ends within this many days from the as-of date (default 30). */
  dueSoonDays?: number;
  /** "Stalled": in progress with no update for this many days (default 45). */
  stalledDays?: number;
  /** The last day of the partnership's phase: always its own, from its data. */
  deadline: CalendarDate;
  /** "Slipped": later than the baseline by more than this many months (default 1); see {@link RiskSubject.baseline}. */
  slipMonths?: number;
  /** The baseline's name, quoted in the reasons ("version 1, Work Plan as approved, April 2025"). */
  baselineName?: string;
}

export const DEFAULT_DUE_SOON_DAYS = 30;
export const DEFAULT_STALLED_DAYS = 45;

export interface RiskSubject {
  start: CalendarDate | null;
  end: CalendarDate | null;
  precision: DatePrecision;
  forecastEnd: CalendarDate | null;
  status: string;
  /** Calendar date of the item's latest update (for "stalled"); null when never updated. */
  lastUpdate: CalendarDate | null;
  /**
   * False for a reading found only in another section of the plan (Annex 1) with no counterpart in
   * the plan of record: its planned window is not a commitment, so only a forecast end set in the
   * tracker is judged. Default true.
   */
  planOfRecord?: boolean;
  /** True when start, end and precision are the span of the item's steps (see {@link judgeBySteps}). */
  judgedBySteps?: boolean;
  /** The plan's words for the window, quoted in the reasons where there is no date (e.g. "tbc"). */
  windowText?: string | null;
  /** The plan marks the item tentative (TBC, "possibly"...). */
  tentative?: boolean;
  /** The item's window in the approved version compared against (none: not compared, or added since). */
  baseline?: PlanWindow | null;
}

export interface RiskFlag {
  kind: RiskKind;
  severity: RiskSeverity;
  /** Days past the effective end (0 unless overdue). */
  daysLate: number;
  /** The reason in words, e.g. "ended 31 Dec 2025, 326 days ago, and is not done". */
  reason: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "31 Mar 2027": the day as people read it (no Date, so no time zone). */
export function formatDay(date: CalendarDate): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** Overdue: the (forecast or planned) end has passed and it is not done, delivered or cancelled. */
export function overdueFlag(item: RiskSubject, asOf: CalendarDate): RiskFlag | null {
  const late = daysLate(item, asOf);
  const end = effectiveEnd(item);
  if (late === 0 || end === null) {
    return null;
  }
  const which = item.forecastEnd ? 'forecast end' : item.judgedBySteps ? 'planned end of its steps' : 'planned end';
  return {
    kind: 'overdue',
    severity: 'high',
    daysLate: late,
    reason: `${which} ${formatDay(end)} passed ${days(late)} ago; status ${item.status.replace('_', ' ')}`,
  };
}

/** Due soon: still open and its (forecast or planned) end is today or within the next N days. */
export function dueSoonFlag(item: RiskSubject, asOf: CalendarDate, withinDays = DEFAULT_DUE_SOON_DAYS): RiskFlag | null {
  const end = effectiveEnd(item);
  if (end === null || CLOSED_STATUSES.includes(item.status)) {
    return null;
  }
  const left = daysBetween(asOf, end);
  if (left < 0 || left > withinDays) {
    return null;
  }
  const when = left === 0 ? 'ends today' : `ends in ${days(left)}`;
  return { kind: 'due_soon', severity: 'low', daysLate: 0, reason: `${when} (${formatDay(end)}), within the next ${days(withinDays)}` };
}

/** Beyond the deadline: still open and its planned or forecast end is after the phase deadline. */
export function beyondDeadlineFlag(item: RiskSubject, deadline: CalendarDate): RiskFlag | null {
  if (CLOSED_STATUSES.includes(item.status) || !isBeyondDeadline({ end: item.end, forecastEnd: item.forecastEnd, precision: item.precision }, deadline)) {
    return null;
  }
  const planned = plannedEndCounts(item.precision) ? item.end : null;
  const ends = [item.forecastEnd, planned].filter((d): d is CalendarDate => d !== null && compareDates(d, deadline) > 0);
  const which =
    item.forecastEnd && compareDates(item.forecastEnd, deadline) > 0 ? 'forecast end' : item.judgedBySteps ? 'planned end of its steps' : 'planned end';
  return {
    kind: 'beyond_deadline',
    severity: 'high',
    daysLate: 0,
    reason: `${which} ${formatDay(ends[0])} is after the phase deadline ${formatDay(deadline)}`,
  };
}

/**
 * Unscheduled: the plan gives only a year ("2026, TBD") or no date at all, no forecast end has been
 * set, and the window is closing: less than a quarter of it remains after the as-of day (from
 * 1 October for a calendar year), or it has already ended. An item with no window at all is always
 * unscheduled: nothing can be chased without a date. Month windows count as scheduled, and so does
 * ongoing work (precision `ongoing`: it runs to the deadline, so it lacks no date).
 */
export function unscheduledFlag(item: RiskSubject, asOf: CalendarDate): RiskFlag | null {
  if (CLOSED_STATUSES.includes(item.status) || item.forecastEnd !== null || item.precision === 'ongoing') {
    return null;
  }
  if (item.precision === 'unknown' || item.end === null) {
    // Quote the plan's words where it has any, say "tbc" only where the plan marks the item so.
    const words = item.windowText ? ` ("${item.windowText}")` : item.tentative ? ' (it is marked "tbc")' : '';
    return { kind: 'unscheduled', severity: 'medium', daysLate: 0, reason: `the plan gives no date${words} and no forecast end is set` };
  }
  if (item.precision !== 'year' || item.start === null) {
    return null;
  }
  const length = daysBetween(item.start, item.end) + 1;
  const remaining = daysBetween(asOf, item.end);
  if (remaining * 4 >= length) {
    return null;
  }
  const left = remaining < 0 ? `its window ended ${formatDay(item.end)}` : `${days(remaining)} of its window remain after today`;
  return { kind: 'unscheduled', severity: 'medium', daysLate: 0, reason: `only a year is planned, no firm date or forecast is set, and ${left}` };
}

/** Stalled: in progress with no update for N days or more. */
export function stalledFlag(item: RiskSubject, asOf: CalendarDate, afterDays = DEFAULT_STALLED_DAYS): RiskFlag | null {
  if (item.status !== 'in_progress' || item.lastUpdate === null) {
    return null;
  }
  const quiet = daysBetween(item.lastUpdate, asOf);
  if (quiet < afterDays) {
    return null;
  }
  return { kind: 'stalled', severity: 'medium', daysLate: 0, reason: `in progress with no update for ${days(quiet)} (since ${formatDay(item.lastUpdate)})` };
}

/**
 * Every flag one item raises as of a date, most severe first. A reading outside the plan of record
 * (`planOfRecord: false`) is judged by its forecast end alone, and is never unscheduled; a parent
 * judged by its steps is never unscheduled on its own either (its steps are).
 */
/**
 * Slipped: the window (its forecast end where one is set) ends later than in the approved version
 * compared against, by more than the threshold in months. Finished and cancelled items are not judged.
 */
function slippedFlag(item: RiskSubject, options: RiskOptions): RiskFlag | null {
  if (!item.baseline || item.status === 'done' || item.status === 'delivered' || item.status === 'cancelled') {
    return null;
  }
  const slip = slipOf(item.baseline, { start: item.start, end: item.forecastEnd ?? item.end, precision: item.precision });
  const threshold = options.slipMonths ?? DEFAULT_SLIP_THRESHOLD_MONTHS;
  if (slip.months <= threshold) {
    return null;
  }
  return { kind: 'slipped', severity: RISK_SEVERITY.slipped, daysLate: 0, reason: `${slip.words}${options.baselineName ? ` (${options.baselineName})` : ''}` };
}

export function riskFlags(item: RiskSubject, asOf: CalendarDate, options: RiskOptions): RiskFlag[] {
  const deadline = options.deadline;
  const offRecord = item.planOfRecord === false;
  const subject: RiskSubject = offRecord ? { ...item, start: null, end: null, precision: 'unknown' } : item;
  const flags = [
    overdueFlag(subject, asOf),
    beyondDeadlineFlag(subject, deadline),
    stalledFlag(subject, asOf, options.stalledDays ?? DEFAULT_STALLED_DAYS),
    offRecord || subject.judgedBySteps ? null : slippedFlag(subject, options),
    offRecord || subject.judgedBySteps ? null : unscheduledFlag(subject, asOf),
    dueSoonFlag(subject, asOf, options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS),
  ];
  return flags.filter((flag): flag is RiskFlag => flag !== null);
}

/** A plan item with its place in the tree, as {@link judgeBySteps} takes it. */
export interface SteppedSubject extends RiskSubject {
  id: string;
  parentId: string | null;
}

/**
 * The subjects the rules judge, by id: a parent with steps of the plan of record is judged by the
 * span of those steps (first start to the latest end, a step's forecast counting as its end, with
 * the precision of the step that ends last), since its own words may be coarser than, or end
 * before, its steps ("Institutional Self Assessment: 2025" with a step in "March - April 2026").
 * So a parent is not overdue while its steps are on time, and is late when they are. The parent's
 * own forecast, status and last update stay its own. Steps of steps are judged first. Items without
 * steps, and readings outside the plan of record, are returned unchanged.
 */
export function judgeBySteps<T extends SteppedSubject>(items: readonly T[]): Map<string, RiskSubject> {
  const stepsOf = new Map<string, T[]>();
  for (const item of items) {
    if (item.parentId !== null && item.planOfRecord !== false) {
      const steps = stepsOf.get(item.parentId);
      if (steps) steps.push(item);
      else stepsOf.set(item.parentId, [item]);
    }
  }
  const judged = new Map<string, RiskSubject>();
  const judge = (item: T): RiskSubject => {
    const known = judged.get(item.id);
    if (known) return known;
    const steps = (stepsOf.get(item.id) ?? []).map(judge).filter((s) => s.end !== null && s.status !== 'cancelled');
    let subject: RiskSubject = item;
    if (steps.length > 0 && item.planOfRecord !== false) {
      const start =
        steps
          .map((s) => s.start)
          .filter((d): d is CalendarDate => d !== null)
          .sort(compareDates)[0] ?? null;
      const last = [...steps].sort((a, b) => compareDates(effectiveEnd(b) as CalendarDate, effectiveEnd(a) as CalendarDate))[0];
      subject = { ...item, start, end: effectiveEnd(last), precision: last.forecastEnd ? 'day' : last.precision, judgedBySteps: true };
    }
    judged.set(item.id, subject);
    return subject;
  };
  items.forEach(judge);
  return judged;
}

/** Orders risks for the view: by kind (RISK_KINDS is in severity order), the longest late first, then by end. */
export function compareRisks<T extends { kind: RiskKind; daysLate: number; end: CalendarDate | null }>(a: T, b: T): number {
  const rank = (k: RiskKind) => RISK_KINDS.indexOf(k);
  return rank(a.kind) - rank(b.kind) || b.daysLate - a.daysLate || compareDates(a.end ?? '9999-12-31', b.end ?? '9999-12-31');
}

export interface RagResult {
  rag: Rag;
  reasons: string[];
}

/**
 * The RAG of one Action from its risks, reasons in words: red when anything is overdue or cannot
 * finish before the deadline; amber when something is stalled, unscheduled or due soon; green
 * otherwise. The countdown to the deadline is always the last reason.
 */
export function actionRag(risks: readonly Pick<RiskFlag, 'kind' | 'daysLate'>[], asOf: CalendarDate, options: RiskOptions): RagResult {
  const deadline = options.deadline;
  const count = (kind: RiskKind) => risks.filter((r) => r.kind === kind);
  const reasons: string[] = [];
  const overdue = count('overdue');
  if (overdue.length > 0) {
    const longest = Math.max(...overdue.map((r) => r.daysLate));
    reasons.push(`${overdue.length} overdue (longest ${days(longest)} late)`);
  }
  const beyond = count('beyond_deadline');
  if (beyond.length > 0) {
    reasons.push(`${beyond.length} end${beyond.length === 1 ? 's' : ''} after the ${formatDay(deadline)} deadline`);
  }
  const forecastBeyond = count('forecast_beyond_deadline');
  if (forecastBeyond.length > 0) {
    reasons.push(
      `${forecastBeyond.length} expected to end after the deadline, pushed by what comes before ${forecastBeyond.length === 1 ? 'it' : 'them'} or by ${forecastBeyond.length === 1 ? 'its' : 'their'} pace`,
    );
  }
  const mayPass = count('may_pass_deadline');
  if (mayPass.length > 0) {
    reasons.push(`${mayPass.length} may end after the deadline`);
  }
  const stalled = count('stalled');
  if (stalled.length > 0) {
    reasons.push(`${stalled.length} stalled (no update for ${days(options.stalledDays ?? DEFAULT_STALLED_DAYS)} or more)`);
  }
  const slipped = count('slipped');
  if (slipped.length > 0) {
    reasons.push(
      `${slipped.length} slipped more than ${options.slipMonths ?? DEFAULT_SLIP_THRESHOLD_MONTHS} month${(options.slipMonths ?? DEFAULT_SLIP_THRESHOLD_MONTHS) === 1 ? '' : 's'} against the approved version`,
    );
  }
  const unscheduled = count('unscheduled');
  if (unscheduled.length > 0) {
    reasons.push(`${unscheduled.length} without a firm date while the window closes`);
  }
  const soon = count('due_soon');
  if (soon.length > 0) {
    reasons.push(`${soon.length} due within ${days(options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS)}`);
  }
  const rag: Rag = overdue.length + beyond.length + forecastBeyond.length > 0 ? 'red' : reasons.length > 0 ? 'amber' : 'green';
  if (rag === 'green') {
    reasons.push('nothing overdue, stalled, unscheduled, due soon or beyond the deadline');
  }
  const left = daysToDeadline(asOf, deadline);
  reasons.push(left >= 0 ? `${days(left)} to the deadline` : `the deadline passed ${days(-left)} ago`);
  return { rag, reasons };
}

/** An item of a forecast chain, as the reasons name it. */
export interface ChainItem {
  title: string;
  actionNumber: number;
  status: string;
  end: CalendarDate | null;
  forecastEnd: CalendarDate | null;
  forecast: Forecast;
}

/**
 * What pushes an item's forecast, in words: the chain of predecessors from the first cause
 * ("because 'Mapping to be drafted' (Action 2), overdue since 30 Sep 2025, comes before
 * 'Recommendations to be developed...' (Action 2), which comes before it"), or its own pace or dates
 * when nothing before it does. `chain` runs from the first cause to the item itself.
 */
export function forecastBecause(chain: readonly ChainItem[], asOf: CalendarDate): string {
  const item = chain[chain.length - 1];
  const name = (c: ChainItem) => `'${c.title}' (Action ${c.actionNumber})`;
  const state = (c: ChainItem): string => {
    const end = effectiveEnd(c);
    if (c.forecast.drivenBy === 'pace') {
      return `at the pace of its progress so far, expected to end ${formatDay(c.forecast.latestEnd as CalendarDate)}`;
    }
    if (end !== null && daysLate(c, asOf) > 0) {
      return `overdue since ${formatDay(end)}`;
    }
    if (c.forecastEnd !== null) {
      return `forecast to end ${formatDay(c.forecastEnd)}`;
    }
    return end === null ? 'with no date' : `planned to end ${formatDay(end)}`;
  };
  if (chain.length === 1) {
    return item.forecast.drivenBy === 'pace'
      ? `because at the pace of its progress so far it would end ${formatDay(item.forecast.latestEnd as CalendarDate)}`
      : `because it is ${state(item)}`;
  }
  const [first, ...rest] = chain;
  const between = rest.slice(0, -1).map((c) => `${name(c)}, which comes before `);
  return `because ${name(first)}, ${state(first)}, comes before ${between.join('')}it`;
}

const range = (forecast: Forecast): string =>
  forecast.earliestEnd === forecast.latestEnd
    ? formatDay(forecast.latestEnd as CalendarDate)
    : `between ${formatDay(forecast.earliestEnd as CalendarDate)} and ${formatDay(forecast.latestEnd as CalendarDate)}`;

/**
 * The deadline by the forecast: `forecast_beyond_deadline` when even its earliest expected end is
 * after the deadline, `may_pass_deadline` when only its latest is; with the reason and what pushes it
 * ({@link forecastBecause}). Done, delivered and cancelled items are not judged.
 */
export function forecastFlag(item: Pick<RiskSubject, 'status'>, forecast: Forecast, deadline: CalendarDate, because: string): RiskFlag | null {
  if (CLOSED_STATUSES.includes(item.status) || forecast.latestEnd === null || compareDates(forecast.latestEnd, deadline) <= 0) {
    return null;
  }
  if (forecast.earliestEnd !== null && compareDates(forecast.earliestEnd, deadline) > 0) {
    return {
      kind: 'forecast_beyond_deadline',
      severity: RISK_SEVERITY.forecast_beyond_deadline,
      daysLate: 0,
      reason: `expected to end ${range(forecast)}, after the ${formatDay(deadline)} deadline, ${because}`,
    };
  }
  return {
    kind: 'may_pass_deadline',
    severity: RISK_SEVERITY.may_pass_deadline,
    daysLate: 0,
    reason: `expected to end ${range(forecast)}, so it may pass the ${formatDay(deadline)} deadline, ${because}`,
  };
}

/** When an Action is expected to finish (its items' latest expected ends), and whether that fits the deadline. */
export interface ActionFinish {
  earliestEnd: CalendarDate | null;
  latestEnd: CalendarDate | null;
  /** 'yes' when even the latest end is by the deadline, 'no' when even the earliest is after it, else 'maybe'. */
  fitsDeadline: 'yes' | 'no' | 'maybe';
}

/** The expected finish of an Action from the forecasts of its items (cancelled ones aside, as the caller chooses). */
export function actionFinish(forecasts: readonly Forecast[], deadline: CalendarDate): ActionFinish {
  let earliestEnd: CalendarDate | null = null;
  let latestEnd: CalendarDate | null = null;
  for (const f of forecasts) {
    if (f.earliestEnd !== null && (earliestEnd === null || compareDates(f.earliestEnd, earliestEnd) > 0)) earliestEnd = f.earliestEnd;
    if (f.latestEnd !== null && (latestEnd === null || compareDates(f.latestEnd, latestEnd) > 0)) latestEnd = f.latestEnd;
  }
  const fitsDeadline =
    latestEnd === null || compareDates(latestEnd, deadline) <= 0 ? 'yes' : earliestEnd !== null && compareDates(earliestEnd, deadline) > 0 ? 'no' : 'maybe';
  return { earliestEnd, latestEnd, fitsDeadline };
}

/**
 * An Action's expected finish in words, against the deadline: "expected to finish between 1 Jan 2027
 * and 31 Dec 2027, so it may pass the 31 Mar 2027 deadline".
 */
export function actionFinishWords(finish: ActionFinish, deadline: CalendarDate): string {
  if (finish.latestEnd === null) {
    return 'no expected finish yet: none of its items is dated';
  }
  const when =
    finish.earliestEnd === null || finish.earliestEnd === finish.latestEnd
      ? `by ${formatDay(finish.latestEnd)}`
      : `between ${formatDay(finish.earliestEnd)} and ${formatDay(finish.latestEnd)}`;
  const fits = {
    yes: `within the ${formatDay(deadline)} deadline`,
    maybe: `so it may pass the ${formatDay(deadline)} deadline`,
    no: `after the ${formatDay(deadline)} deadline`,
  }[finish.fitsDeadline];
  return `expected to finish ${when}, ${fits}`;
}
