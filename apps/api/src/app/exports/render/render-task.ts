import type { MonitoringCall, ProgressReport } from '@tracker/contracts';
import type { Paper } from './chart-files';
import type { ChartSource } from './chart-source';

/**
 * The work an export worker does (render/export-worker.ts): plain data in, the file's bytes out.
 * Everything is read from Postgres on the main thread first; only these objects cross to a worker.
 */
export type RenderTask =
  | { kind: 'chart'; format: 'svg' | 'png' | 'pdf'; source: ChartSource; paper: Paper }
  | { kind: 'call-pack'; call: MonitoringCall; source: ChartSource; paper: Paper; timeZone: string }
  | { kind: 'calendar'; feed: CalendarFeed }
  | { kind: 'report'; format: 'docx' | 'pdf'; report: ProgressReport };

/** A file the worker will not draw, with the 4xx and the reason to answer. */
export interface Refusal {
  status: 404 | 422;
  message: string;
}

/** What a worker answers: the file, or why not. */
export type RenderResult = { body: Uint8Array } | { refusal: Refusal };

/**
 * An iCalendar feed's data: the plan's JSON and its outputs' (text: parsed in the worker), the Action
 * or organisation it is narrowed to, and in a person's private feed the monitoring calls.
 */
export interface CalendarFeed {
  gantt: string;
  outputs: string;
  action: number | null;
  organisation: { name: string; actions: number[] } | null;
  calls: MonitoringCall[] | null;
}
