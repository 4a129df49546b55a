/**
 * Status updates of milestones and outputs, their history and the activity feed (see plan.ts for how
 * answers are declared).
 *
 * `PATCH /api/milestones/:id` and `PATCH /api/outputs/:id` take the `version` the client last saw
 * and any of the other fields. Answers: 200 with the updated item (its `version` bumped); 400 naming
 * the field for a bad value or an unknown field; 401 signed out; 403 not allowed (or a missing
 * `X-XSRF-TOKEN`); 404 unknown id; 409 {@link ConflictError} when someone else changed the item since
 * that version (nothing is written; the body carries the current item).
 */
import type { CalendarDateString, Milestone, MilestoneStatus, Output, OutputStatus } from './plan';
import type { ApiError } from './plan';
import { z } from 'zod';
import { ROLES } from './auth';
import { Instant } from './plan';

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
  /** Plan editing (Secretariat, and co-leaders for their own Action): the title. */
  title?: string;
  /**
   * The planned window as the plan words it ("October - December 2025", "2026 (tbd)", "tbd"): the API
   * reads the dates and the precision from these words (the parser of libs/schedule), and a text it
   * cannot read is a 400 naming `windowText`.
   */
  windowText?: string;
  tentative?: boolean;
  /** The activity this step belongs to (of the same Action), or null to make it an activity. */
  parentId?: string | null;
  /** Why, in words; kept in the history with every field this update changes. */
  note?: string;
}

/** `POST /api/milestones`: a new activity (no parent) or sub-step of an Action's timeline. */
export interface MilestoneCreate {
  /** The partnership key; the Work Plan by default. */
  partnership?: string;
  actionNumber: number;
  parentId?: string | null;
  title: string;
  /** As in {@link MilestoneUpdate.windowText}. */
  windowText: string;
  /** Marks the window as not yet confirmed; also set when the words say so ("tbc", "?"). */
  tentative?: boolean;
  note?: string;
}

/** `POST /api/milestones/:id/move`: one place earlier or later among its siblings, its steps with it. */
export interface MilestoneMove {
  version: number;
  direction: 'earlier' | 'later';
}

/** `POST /api/outputs`: a new output of an Action. */
export interface OutputCreate {
  partnership?: string;
  actionNumber: number;
  title: string;
  /** When it is due, as the plan words it; read like a milestone's window. */
  dueText: string;
  milestoneIds?: string[];
  note?: string;
}

/** `POST /api/targets`: a new target of an Action. */
export interface TargetCreate {
  partnership?: string;
  actionNumber: number;
  description: string;
  note?: string;
}

/** `PATCH /api/targets/:id`: reword or cancel a target. */
export interface TargetUpdate {
  version: number;
  description?: string;
  status?: 'active' | 'cancelled';
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
  title?: string;
  /** When it is due, as the plan words it; the dates are read from it (400 naming `dueText` when they cannot be). */
  dueText?: string;
  tentative?: boolean;
  note?: string;
  /**
   * Why a delivered output has no file or link: marking an output `delivered` needs evidence on it
   * already (POST /api/outputs/:id/evidence) or this note, kept as its evidence.
   */
  evidenceNote?: string;
}

/**
 * 409 answer of every PATCH with a stale version (milestones, outputs, risks, monitoring calls,
 * follow-ups): the record as it is now.
 */
export interface ConflictError<T = Milestone | Output> extends ApiError {
  statusCode: 409;
  current: T;
}

/** Every record that changes with a version check, and so has a history. */
export const AUDIT_ITEM_TYPES = ['milestone', 'output', 'risk', 'monitoring_call', 'follow_up', 'target'] as const;
export type AuditItemType = (typeof AUDIT_ITEM_TYPES)[number];

/** The plan's own items: the activity feed and a call's "changes since the previous call" list these. */
export const PLAN_ITEM_TYPES = ['milestone', 'output'] as const satisfies readonly AuditItemType[];

/** Every field a history entry may name, in the order one update's entries are listed. */
export const AUDIT_FIELDS = [
  'status',
  'progress',
  'actualStart',
  'actualEnd',
  'forecastEnd',
  'title',
  'description',
  'likelihood',
  'impact',
  'ownerOrganisationId',
  'mitigation',
  'nextReview',
  'heldOn',
  'actionNumbers',
  'attendees',
  'notes',
  'decisions',
  'what',
  'ownerText',
  'dueDate',
  'done',
  'windowText',
  'start',
  'end',
  'precision',
  'tentative',
  'parentId',
  'dueText',
  'position',
  /** The titles of the items that must end before it (a link added or removed). */
  'predecessors',
  /** Evidence of delivery added or removed (its title; a file's name, a link's address). */
  'evidence',
] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/**
 * A field's value in the history: a status, text or calendar date as text, a number (progress,
 * likelihood), a flag (`done`), or a list (a call's Action numbers and attendees).
 */
export const AuditValue = /* @__PURE__ */ z
  .union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))])
  .meta({ id: 'AuditValue' });
export type AuditValue = z.infer<typeof AuditValue>;

/**
 * One changed field of one update (`GET /api/{milestones,outputs,risk-register,monitoring-calls,follow-ups}/:id/history`,
 * `GET /api/activity`). An update that changes three fields writes three entries with the same
 * `version`; an update that only carries a note writes one entry whose `field` is null.
 */
export const AuditEntry = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    /** When, as an ISO 8601 instant. */
    at: Instant,
    by: z.strictObject({ id: z.string(), name: z.string(), role: z.enum(ROLES), organisation: z.string() }),
    itemType: z.enum(AUDIT_ITEM_TYPES),
    itemId: z.string(),
    /** A milestone's, output's or risk's title, a follow-up's `what`, "Monitoring call of yyyy-MM-dd". */
    itemTitle: z.string(),
    /** The item's Action; null for monitoring calls and follow-ups, which belong to no single Action. */
    actionNumber: z.number().int().nullable(),
    /** The item's version after this update. */
    version: z.number().int(),
    field: z.enum(AUDIT_FIELDS).nullable(),
    from: AuditValue,
    to: AuditValue,
    note: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `GET /api/activity?limit=N`: newest first, N from 1 to 200 (default 50). */
export const ACTIVITY_DEFAULT_LIMIT = 50;
export const ACTIVITY_MAX_LIMIT = 200;
