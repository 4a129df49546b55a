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
