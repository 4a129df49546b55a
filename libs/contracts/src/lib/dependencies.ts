/**
 * Finish-to-start links between a partnership's milestones and outputs, and the forecast they feed.
 * See plan.ts for how answers are declared.
 *
 * `GET /api/dependencies[?partnership=key]` lists them; `POST /api/dependencies` adds one (201; 400
 * for a link that would close a cycle, naming its items, or for an unknown item, naming the field;
 * 409 for a link that exists); `DELETE /api/dependencies/:id` removes one (204). The Secretariat
 * changes any link, a co-leader the links whose successor is in an Action their organisation co-leads.
 */
import { z } from 'zod';
import { CalendarDate, PlanNote } from './plan';

export const Dependency = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    /** The milestone or output that must end first. */
    predecessorId: z.string(),
    /** The milestone or output that starts once the predecessor has ended, plus the lag. */
    successorId: z.string(),
    /** Whole months between the predecessor's end and the successor's start (0 or more). */
    lagMonths: z.number().int(),
    /** The section of the plan that states the link (e.g. "2.5.9"); null for a link added in the tracker. */
    source: z.string().nullable(),
    /** How the link was read from the plan (a `derived` note quoting its words). */
    notes: z.array(PlanNote),
  })
  .meta({ id: 'Dependency' });
export type Dependency = z.infer<typeof Dependency>;

/** `POST /api/dependencies` */
export interface DependencyCreate {
  predecessorId: string;
  successorId: string;
  /** Whole months, 0 by default. */
  lagMonths?: number;
}

/**
 * When an item is expected to end, as a range: what a person set, else its planned window with its
 * precision as the range, pushed later by its predecessors (plus lag) and by its pace.
 */
export const ItemForecast = /* @__PURE__ */ z
  .strictObject({
    earliestEnd: CalendarDate.nullable(),
    latestEnd: CalendarDate.nullable(),
    /** The rule that set it: 'self' (its own dates), 'pace' (its progress so far), or the id of the predecessor that pushes it. */
    drivenBy: z.string(),
  })
  .meta({ id: 'ItemForecast' });
export type ItemForecast = z.infer<typeof ItemForecast>;
