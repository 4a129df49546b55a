import type { GanttData, MonitoringCall, Output } from '@tracker/contracts';
import type { ChartModel } from '@tracker/schedule';
import type { Paper } from './chart-files';

/**
 * The work an export worker does (render/export-worker.ts): plain data in, the file's bytes out.
 * Everything is read from Postgres on the main thread first; only these objects cross to a worker.
 */
export type RenderTask =
  | { kind: 'chart'; format: 'svg' | 'png' | 'pdf'; model: ChartModel; paper: Paper }
  | { kind: 'call-pack'; call: MonitoringCall; model: ChartModel; paper: Paper; timeZone: string }
  | { kind: 'calendar'; feed: CalendarFeed };

/** A file the worker will not draw, with the 4xx and the reason to answer. */
export interface Refusal {
  status: 422;
  message: string;
}

/** What a worker answers: the file, or why not. */
export type RenderResult = { body: Uint8Array } | { refusal: Refusal };

/** An iCalendar feed's data: the plan of some Actions, and in a person's private feed the monitoring calls. */
export interface CalendarFeed {
  name: string;
  data: GanttData;
  outputs: Output[];
  actions: number[];
  calls: MonitoringCall[] | null;
}
