/**
 * Approved versions of a partnership's plan and their comparison. Plain types only.
 *
 * A version is an immutable snapshot of every item's planned window, title and structure, taken when
 * the Secretariat approves the plan ("Work Plan as approved, April 2025" is version 1). The chart and
 * the Action pages compare the current plan with one of them (the baseline).
 */
import type { CalendarDateString, DatePrecision } from './plan';

/** Longest name of a version. */
export const PLAN_VERSION_NAME_MAX_LENGTH = 200;

/** The name of version 1, taken when the plan is first seeded. */
export const FIRST_VERSION_NAME = 'Work Plan as approved, April 2025';

export type PlanItemKind = 'milestone' | 'output';

/** One item of the plan as a version holds it. */
export interface PlanSnapshotItem {
  id: string;
  kind: PlanItemKind;
  actionNumber: number;
  /** A sub-step's activity (milestones only). */
  parentId: string | null;
  title: string;
  /** The window (an output's due window) as the plan words it. */
  windowText: string;
  start: CalendarDateString | null;
  end: CalendarDateString | null;
  precision: DatePrecision;
  tentative: boolean;
  status: string;
  sortOrder: number;
  /** The forecast end a person set; absent in versions approved before the tracker kept it (read as none). */
  forecastEnd?: CalendarDateString | null;
  /**
   * The items that must end before it starts, with the lag in whole months (see `GET /api/dependencies`);
   * absent in versions approved before the tracker kept links, which then say nothing about them.
   */
  predecessors?: PlanSnapshotLink[];
}

export interface PlanSnapshotLink {
  id: string;
  lagMonths: number;
}

/** `GET /api/plan-versions[?partnership=key]`: newest first. */
export interface PlanVersionSummary {
  id: string;
  number: number;
  name: string;
  /** When it was approved, an ISO 8601 instant. */
  approvedAt: string;
  /** Who approved it in the tracker; null for version 1, approved before the tracker. */
  approvedBy: { id: string; name: string } | null;
  itemCount: number;
}

/** `GET /api/plan-versions/:id`. */
export interface PlanVersion extends PlanVersionSummary {
  partnership: string;
  items: PlanSnapshotItem[];
}

/** `POST /api/plan-versions`: approve the current plan (Secretariat). */
export interface PlanVersionCreate {
  partnership?: string;
  name: string;
}

/** How far a window moved, in whole calendar months (by its end; by its start when the end stayed). */
export interface Slip {
  months: number;
  /** "2 months later than approved", "1 month earlier than approved", "as approved", "dated since approval". */
  words: string;
}

export interface MovedItem {
  item: PlanSnapshotItem;
  from: Pick<PlanSnapshotItem, 'windowText' | 'start' | 'end' | 'precision'>;
  slip: Slip;
}

export interface RenamedItem {
  item: PlanSnapshotItem;
  fromTitle: string;
}

/** A forecast end set, changed or cleared between two versions. */
export interface ForecastMove {
  item: PlanSnapshotItem;
  from: CalendarDateString | null;
  to: CalendarDateString | null;
  /** "forecast 31 Jan 2027, 4 months after its planned end", "forecast moved 2 months later", "forecast cleared". */
  words: string;
}

/** A link between two items of `to` (added) or of `from` (removed). */
export interface ChangedLink {
  predecessor: PlanSnapshotItem;
  successor: PlanSnapshotItem;
  lagMonths: number;
}

/** `GET /api/plan-versions/compare?from=N&to=M|current`: what changed from one version to the other. */
export interface PlanComparison {
  from: { number: number | null; name: string };
  to: { number: number | null; name: string };
  /** In `to` only. */
  added: PlanSnapshotItem[];
  /** In `from` only. */
  removed: PlanSnapshotItem[];
  /** Cancelled in `to`, not in `from` (cancelling is how an item leaves the plan; it keeps its history). */
  cancelled: PlanSnapshotItem[];
  renamed: RenamedItem[];
  /** Planned window changed. */
  moved: MovedItem[];
  /** Put under another activity (or made an activity). */
  reparented: { item: PlanSnapshotItem; fromParentId: string | null }[];
  /** Forecast end set by a person changed (beside the plan's own moves). */
  forecastMoved: ForecastMove[];
  /** Links in `to` only (a changed lag is a link removed and one added); none when either side predates links. */
  linksAdded: ChangedLink[];
  /** Links in `from` only. */
  linksRemoved: ChangedLink[];
}
