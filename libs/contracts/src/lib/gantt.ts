/** `GET /api/gantt[?partnership=key]`: everything the Gantt chart draws, in one response. */
import { z } from 'zod';
import { CalendarDate, Milestone } from './plan';

export const GanttData = /* @__PURE__ */ z
  .strictObject({
    partnership: z.strictObject({ id: z.string(), key: z.string(), name: z.string(), deadline: CalendarDate }),
    actions: z.array(z.strictObject({ number: z.number().int(), shortName: z.string(), title: z.string() })),
    /** Activities and sub-steps in plan order, the same shape as `GET /api/milestones`. */
    items: z.array(Milestone),
  })
  .meta({ id: 'GanttData' });
export type GanttData = z.infer<typeof GanttData>;

/** Key of the Work Plan the tracker opens on when no `partnership` is given. */
export const DEFAULT_PARTNERSHIP_KEY = 'inclusion-of-migrants-and-refugees';

/**
 * `GET /api/partnerships`: every partnership the tracker holds, the Work Plan first. Every read or
 * write of plan, risk or call data takes `?partnership=<key>` (default {@link DEFAULT_PARTNERSHIP_KEY});
 * an unknown key is a 404.
 */
export const PartnershipSummary = /* @__PURE__ */ z
  .strictObject({
    key: z.string(),
    name: z.string(),
    /** The last day of its current phase: its own, the risk rules judge against it. */
    deadline: CalendarDate,
    actions: z.array(z.strictObject({ number: z.number().int(), shortName: z.string() })),
  })
  .meta({ id: 'PartnershipSummary' });
export type PartnershipSummary = z.infer<typeof PartnershipSummary>;
