/**
 * Approved versions of a partnership's plan and their comparison (see plan.ts for how answers are declared).
 *
 * A version is an immutable snapshot of every item's planned window, title and structure, taken when
 * the Secretariat approves the plan ("Work Plan as approved, April 2025" is version 1). The chart and
 * the Action pages compare the current plan with one of them (the baseline).
 */
import { z } from 'zod';
import { CalendarDate, DatePrecision, Instant } from './plan';

/** Longest name of a version. */
export const PLAN_VERSION_NAME_MAX_LENGTH = 200;

/** The name of version 1, taken when the plan is first seeded. */
export const FIRST_VERSION_NAME = 'Work Plan as approved, April 2025';

export const PlanItemKind = /* @__PURE__ */ z.enum(['milestone', 'output']).meta({ id: 'PlanItemKind' });
export type PlanItemKind = z.infer<typeof PlanItemKind>;

export const PlanSnapshotLink = /* @__PURE__ */ z.strictObject({ id: z.string(), lagMonths: z.number().int() }).meta({ id: 'PlanSnapshotLink' });
export type PlanSnapshotLink = z.infer<typeof PlanSnapshotLink>;

/** One item of the plan as a version holds it. */
export const PlanSnapshotItem = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    kind: PlanItemKind,
    actionNumber: z.number().int(),
    /** A sub-step's activity (milestones only). */
    parentId: z.string().nullable(),
    title: z.string(),
    /** The window (an output's due window) as the plan words it. */
    windowText: z.string(),
    start: CalendarDate.nullable(),
    end: CalendarDate.nullable(),
    precision: DatePrecision,
    tentative: z.boolean(),
    status: z.string(),
    sortOrder: z.number(),
    /** The forecast end a person set; absent in versions approved before the tracker kept it (read as none). */
    forecastEnd: CalendarDate.nullable().optional(),
    /**
     * The items that must end before it starts, with the lag in whole months (see `GET /api/dependencies`);
     * absent in versions approved before the tracker kept links, which then say nothing about them.
     */
    predecessors: z.array(PlanSnapshotLink).optional(),
  })
  .meta({ id: 'PlanSnapshotItem' });
export type PlanSnapshotItem = z.infer<typeof PlanSnapshotItem>;

const versionSummaryFields = /* @__PURE__ */ (() => ({
  id: z.string(),
  number: z.number().int(),
  name: z.string(),
  /** When it was approved, an ISO 8601 instant. */
  approvedAt: Instant,
  /** Who approved it in the tracker; null for version 1, approved before the tracker. */
  approvedBy: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
  itemCount: z.number().int(),
}))();

/** `GET /api/plan-versions[?partnership=key]`: newest first. */
export const PlanVersionSummary = /* @__PURE__ */ z.strictObject(versionSummaryFields).meta({ id: 'PlanVersionSummary' });
export type PlanVersionSummary = z.infer<typeof PlanVersionSummary>;

/** `GET /api/plan-versions/:id`. */
export const PlanVersion = /* @__PURE__ */ z
  .strictObject({ ...versionSummaryFields, partnership: z.string(), items: z.array(PlanSnapshotItem) })
  .meta({ id: 'PlanVersion' });
export type PlanVersion = z.infer<typeof PlanVersion>;

/** `POST /api/plan-versions`: approve the current plan (Secretariat). */
export interface PlanVersionCreate {
  partnership?: string;
  name: string;
}

/** How far a window moved, in whole calendar months (by its end; by its start when the end stayed). */
export const Slip = /* @__PURE__ */ z
  .strictObject({
    months: z.number().int(),
    /** "2 months later than approved", "1 month earlier than approved", "as approved", "dated since approval". */
    words: z.string(),
  })
  .meta({ id: 'Slip' });
export type Slip = z.infer<typeof Slip>;

export const MovedItem = /* @__PURE__ */ z
  .strictObject({
    item: PlanSnapshotItem,
    from: z.strictObject({ windowText: z.string(), start: CalendarDate.nullable(), end: CalendarDate.nullable(), precision: DatePrecision }),
    slip: Slip,
  })
  .meta({ id: 'MovedItem' });
export type MovedItem = z.infer<typeof MovedItem>;

export const RenamedItem = /* @__PURE__ */ z.strictObject({ item: PlanSnapshotItem, fromTitle: z.string() }).meta({ id: 'RenamedItem' });
export type RenamedItem = z.infer<typeof RenamedItem>;

/** A forecast end set, changed or cleared between two versions. */
export const ForecastMove = /* @__PURE__ */ z
  .strictObject({
    item: PlanSnapshotItem,
    from: CalendarDate.nullable(),
    to: CalendarDate.nullable(),
    /** "forecast 31 Jan 2027, 4 months after its planned end", "forecast moved 2 months later", "forecast cleared". */
    words: z.string(),
  })
  .meta({ id: 'ForecastMove' });
export type ForecastMove = z.infer<typeof ForecastMove>;

/** A link between two items of `to` (added) or of `from` (removed). */
export const ChangedLink = /* @__PURE__ */ z
  .strictObject({ predecessor: PlanSnapshotItem, successor: PlanSnapshotItem, lagMonths: z.number().int() })
  .meta({ id: 'ChangedLink' });
export type ChangedLink = z.infer<typeof ChangedLink>;

const comparedSide = /* @__PURE__ */ (() => z.strictObject({ number: z.number().int().nullable(), name: z.string() }))();

/** `GET /api/plan-versions/compare?from=N&to=M|current`: what changed from one version to the other. */
export const PlanComparison = /* @__PURE__ */ z
  .strictObject({
    from: comparedSide,
    to: comparedSide,
    /** In `to` only. */
    added: z.array(PlanSnapshotItem),
    /** In `from` only. */
    removed: z.array(PlanSnapshotItem),
    /** Cancelled in `to`, not in `from` (cancelling is how an item leaves the plan; it keeps its history). */
    cancelled: z.array(PlanSnapshotItem),
    renamed: z.array(RenamedItem),
    /** Planned window changed. */
    moved: z.array(MovedItem),
    /** Put under another activity (or made an activity). */
    reparented: z.array(z.strictObject({ item: PlanSnapshotItem, fromParentId: z.string().nullable() })),
    /** Forecast end set by a person changed (beside the plan's own moves). */
    forecastMoved: z.array(ForecastMove),
    /** Links in `to` only (a changed lag is a link removed and one added); none when either side predates links. */
    linksAdded: z.array(ChangedLink),
    /** Links in `from` only. */
    linksRemoved: z.array(ChangedLink),
  })
  .meta({ id: 'PlanComparison' });
export type PlanComparison = z.infer<typeof PlanComparison>;
