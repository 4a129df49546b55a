/** `GET /api/gantt[?partnership=key]`: everything the Gantt chart draws, in one response. */
import type { CalendarDateString, Milestone } from './plan';

export interface GanttData {
  partnership: { id: string; key: string; name: string; deadline: CalendarDateString };
  actions: { number: number; shortName: string; title: string }[];
  /** Activities and sub-steps in plan order, the same shape as `GET /api/milestones`. */
  items: Milestone[];
}

/** Key of the Work Plan the tracker opens on when no `partnership` is given. */
export const DEFAULT_PARTNERSHIP_KEY = 'inclusion-of-migrants-and-refugees';

/**
 * `GET /api/partnerships`: every partnership the tracker holds, the Work Plan first. Every read or
 * write of plan, risk or call data takes `?partnership=<key>` (default {@link DEFAULT_PARTNERSHIP_KEY});
 * an unknown key is a 404.
 */
export interface PartnershipSummary {
  key: string;
  name: string;
  /** The last day of its current phase: its own, the risk rules judge against it. */
  deadline: CalendarDateString;
  actions: { number: number; shortName: string }[];
}
