/**
 * Status updates of milestones and outputs, their history and the activity feed. Plain types only.
 *
 * `PATCH /api/milestones/:id` and `PATCH /api/outputs/:id` take the `version` the client last saw
 * and any of the other fields. Answers: 200 with the updated item (its `version` bumped); 400 naming
 * the field for a bad value or an unknown field; 401 signed out; 403 not allowed (or a missing
 * `X-XSRF-TOKEN`); 404 unknown id; 409 {@link ConflictError} when someone else changed the item since
 * that version (nothing is written; the body carries the current item).
 */
import type { CalendarDateString, Milestone, MilestoneStatus, Output, OutputStatus } from './plan';
import type { ApiError } from './plan';
import type { Role } from './auth';

/** Longest note accepted with an update. */
export const NOTE_MAX_LENGTH = 2000;

export interface MilestoneUpdate {
  /** The version the client last saw (optimistic locking). */
  version: number;
  status?: MilestoneStatus;
  /** Whole percent, 0-100. Setting `status: 'done'` without it sets 100; done with anything else is a 400. */
  progress?: number;
  /** `null` clears the date. */
  actualStart?: CalendarDateString | null;
  /** Not before `actualStart`; required (given or already stored) when the status is `done`. */
  actualEnd?: CalendarDateString | null;
  forecastEnd?: CalendarDateString | null;
  /** Why, in words; kept in the history with every field this update changes. */
  note?: string;
}

/** Outputs have no progress: an output is planned, in progress, delivered or cancelled. */
export interface OutputUpdate {
  version: number;
  status?: OutputStatus;
  actualStart?: CalendarDateString | null;
  /** The delivery date: required (given or already stored) when the status is `delivered`. */
  actualEnd?: CalendarDateString | null;
  forecastEnd?: CalendarDateString | null;
  note?: string;
}

/** 409 answer of a PATCH with a stale version: the item as it is now. */
export interface ConflictError<T extends Milestone | Output = Milestone | Output> extends ApiError {
  statusCode: 409;
  current: T;
}

export type AuditItemType = 'milestone' | 'output';

export const AUDIT_FIELDS = ['status', 'progress', 'actualStart', 'actualEnd', 'forecastEnd'] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/** A field's value in the history: a status or calendar date as text, progress as a number. */
export type AuditValue = string | number | null;

/**
 * One changed field of one update (`GET /api/milestones/:id/history`, `GET /api/outputs/:id/history`,
 * `GET /api/activity`). An update that changes three fields writes three entries with the same
 * `version`; an update that only carries a note writes one entry whose `field` is null.
 */
export interface AuditEntry {
  id: string;
  /** When, as an ISO 8601 instant. */
  at: string;
  by: { id: string; name: string; role: Role; organisation: string };
  itemType: AuditItemType;
  itemId: string;
  itemTitle: string;
  actionNumber: number;
  /** The item's version after this update. */
  version: number;
  field: AuditField | null;
  from: AuditValue;
  to: AuditValue;
  note: string | null;
}

/** `GET /api/activity?limit=N`: newest first, N from 1 to 200 (default 50). */
export const ACTIVITY_DEFAULT_LIMIT = 50;
export const ACTIVITY_MAX_LIMIT = 200;
