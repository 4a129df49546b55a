/** What the pages measured set on `window` when they are drawn (read in page.evaluate). */
declare global {
  interface Window {
    /** The tracker's chart last drawn (apps/web: the wrapper component and the chart alone). */
    __wpGanttRenderedAt?: number;
    /** The home page's first paint: the chart the server drew (apps/web/src/server-paint.ts). */
    __wpFirstPaintAt?: number;
    /** The app shown in the first paint's place, its buttons working. */
    __wpAppReadyAt?: number;
    /** Plain frappe-gantt's page drawn (the bench's own page). */
    __plainRenderedAt?: number;
    __plainBars?: number;
  }
}

export {};
