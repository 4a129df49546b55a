/**
 * The risk view, the risk register and the monitoring-call log (see plan.ts for how answers are declared).
 *
 * Reading needs sign-in (every role). Writes: the Secretariat changes any risk, a co-leader the risks
 * of the Actions their organisation co-leads; only the Secretariat records monitoring calls and their
 * follow-ups. Writes take the `version` the client last saw: 409 `ConflictError` (updates.ts) when stale.
 */
import { z } from 'zod';
import { ItemForecast } from './dependencies';
import { AuditEntry } from './updates';
import { CalendarDate, Instant, OrganisationRef, PlanNote, type CalendarDateString } from './plan';

/**
 * `forecast_beyond_deadline`: even the earliest expected end (see {@link ItemForecast}) is after the
 * deadline; `may_pass_deadline`: only the latest is.
 */
export const RiskKind = /* @__PURE__ */ z
  .enum(['overdue', 'beyond_deadline', 'forecast_beyond_deadline', 'may_pass_deadline', 'stalled', 'slipped', 'unscheduled', 'due_soon'])
  .meta({ id: 'RiskKind' });
export type RiskKind = z.infer<typeof RiskKind>;
export const RiskSeverity = /* @__PURE__ */ z.enum(['high', 'medium', 'low']).meta({ id: 'RiskSeverity' });
export type RiskSeverity = z.infer<typeof RiskSeverity>;
export const Rag = /* @__PURE__ */ z.enum(['red', 'amber', 'green']).meta({ id: 'Rag' });
export type Rag = z.infer<typeof Rag>;

/** `GET /api/risks?asOf=yyyy-MM-dd&dueSoonDays=30&stalledDays=45` (all optional; as of today by default). */
export interface RiskQuery {
  /** A partnership key; the Work Plan by default. */
  partnership?: string;
  asOf?: CalendarDateString;
  dueSoonDays?: number;
  stalledDays?: number;
}

export const ActionRag = /* @__PURE__ */ z
  .strictObject({
    number: z.number().int(),
    shortName: z.string(),
    rag: Rag,
    /** Why, in words; the last one is the countdown to the deadline. */
    reasons: z.array(z.string()),
    /** When the Action is expected to finish (the latest expected ends of its items), and whether that fits its deadline. */
    finish: z.strictObject({
      earliestEnd: CalendarDate.nullable(),
      latestEnd: CalendarDate.nullable(),
      fitsDeadline: z.enum(['yes', 'no', 'maybe']),
    }),
  })
  .meta({ id: 'ActionRag' });
export type ActionRag = z.infer<typeof ActionRag>;

/** One flag of one item: an item both overdue and beyond the deadline appears twice. */
export const RiskItem = /* @__PURE__ */ z
  .strictObject({
    kind: RiskKind,
    severity: RiskSeverity,
    actionNumber: z.number().int(),
    itemType: z.enum(['milestone', 'output']),
    id: z.string(),
    title: z.string(),
    /** The plan's words for the window, e.g. "October - December 2025". */
    windowText: z.string().nullable(),
    start: CalendarDate.nullable(),
    end: CalendarDate.nullable(),
    forecastEnd: CalendarDate.nullable(),
    status: z.string(),
    daysLate: z.number().int(),
    reason: z.string(),
    /** The item's notes on the plan (derived readings, inconsistencies), with their sections. */
    notes: z.array(PlanNote),
    /** When the item is expected to end, and which rule set it. */
    forecast: ItemForecast,
  })
  .meta({ id: 'RiskItem' });
export type RiskItem = z.infer<typeof RiskItem>;

export const RiskView = /* @__PURE__ */ z
  .strictObject({
    asOf: CalendarDate,
    deadline: CalendarDate,
    daysToDeadline: z.number().int(),
    dueSoonDays: z.number().int(),
    stalledDays: z.number().int(),
    /** The approved version compared against (`?baseline=N`), or null; with it, items that slipped are flagged. */
    baseline: z.strictObject({ number: z.number().int(), name: z.string(), slipMonths: z.number().int() }).nullable(),
    actions: z.array(ActionRag),
    /** Most severe first: overdue (longest late first), beyond the deadline, forecast beyond the deadline, may pass the deadline, stalled, slipped, unscheduled, due soon. */
    items: z.array(RiskItem),
  })
  .meta({ id: 'RiskView' });
export type RiskView = z.infer<typeof RiskView>;

export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** A risk of the register (`GET /api/risk-register[?action=N]`). */
export const RegisterRisk = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    actionNumber: z.number().int(),
    title: z.string(),
    description: z.string(),
    /** The causes the plan names for the risk (e.g. "inactive participation in the group"); empty for risks added in the tracker. */
    causes: z.array(z.string()),
    /** 1 (rare) to 5 (almost certain); null until assessed (the Work Plan scores none). */
    likelihood: z.number().int().nullable(),
    /** 1 (minor) to 5 (severe); null until assessed. */
    impact: z.number().int().nullable(),
    owner: OrganisationRef.nullable(),
    mitigation: z.string(),
    status: z.enum(RISK_STATUSES),
    nextReview: CalendarDate.nullable(),
    version: z.number().int(),
    /** The Work Plan section a seeded risk comes from, null for risks added in the tracker. */
    source: z.string().nullable(),
    updatedAt: Instant,
  })
  .meta({ id: 'RegisterRisk' });
export type RegisterRisk = z.infer<typeof RegisterRisk>;

/** `PATCH /api/risk-register/:id`. */
/** `POST /api/risk-register`: a new risk of an Action's register (the Secretariat, or the Action's co-leaders). */
export interface RegisterRiskCreate {
  partnership?: string;
  actionNumber: number;
  title: string;
  description?: string;
  causes?: string[];
  likelihood?: number | null;
  impact?: number | null;
  ownerOrganisationId?: string | null;
  mitigation?: string;
  nextReview?: CalendarDateString | null;
  note?: string;
}

export interface RegisterRiskUpdate {
  version: number;
  title?: string;
  description?: string;
  likelihood?: number | null;
  impact?: number | null;
  /** An organisation id, or null for none. */
  ownerOrganisationId?: string | null;
  mitigation?: string;
  status?: RiskStatus;
  nextReview?: CalendarDateString | null;
  /** Why, in words; kept in the risk's history with every field this update changes. */
  note?: string;
}

export const FollowUp = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    callId: z.string(),
    /** The date of the call that asked for it. */
    callHeldOn: CalendarDate,
    what: z.string(),
    /** An organisation of the Partnership, a free-text owner, or both. */
    owner: OrganisationRef.nullable(),
    ownerText: z.string().nullable(),
    dueDate: CalendarDate.nullable(),
    done: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'FollowUp' });
export type FollowUp = z.infer<typeof FollowUp>;

export const MonitoringCallSummary = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    heldOn: CalendarDate,
    actionNumbers: z.array(z.number().int()),
    attendees: z.array(z.string()),
    openFollowUps: z.number().int(),
  })
  .meta({ id: 'MonitoringCallSummary' });
export type MonitoringCallSummary = z.infer<typeof MonitoringCallSummary>;

/**
 * `GET /api/monitoring-calls/:id`: the call, its follow-ups, and what the call walks through:
 * the changes since the previous call (audit entries of the Work Plan's items made on the Brussels
 * days from the previous call's date, inclusive, up to and including this call's date; for the first
 * call, everything up to and including its date), newest first; the open follow-ups of earlier calls
 * (earlier by date, then by when recorded); the risk view as of its date.
 */
export const MonitoringCall = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    heldOn: CalendarDate,
    actionNumbers: z.array(z.number().int()),
    attendees: z.array(z.string()),
    notes: z.string(),
    decisions: z.string(),
    version: z.number().int(),
    followUps: z.array(FollowUp),
    previousCall: z.strictObject({ id: z.string(), heldOn: CalendarDate }).nullable(),
    changesSincePrevious: z.array(AuditEntry),
    openEarlierFollowUps: z.array(FollowUp),
    /** The approved version the call compared the plan with; its risk view flags what slipped against it. */
    comparedVersion: z.strictObject({ number: z.number().int(), name: z.string() }).nullable(),
    /** The key of the partnership whose plan the call walked through. */
    partnership: z.string(),
    risks: RiskView,
  })
  .meta({ id: 'MonitoringCall' });
export type MonitoringCall = z.infer<typeof MonitoringCall>;

/** `POST /api/monitoring-calls`. */
export interface MonitoringCallCreate {
  heldOn: CalendarDateString;
  actionNumbers: number[];
  attendees?: string[];
  notes?: string;
  decisions?: string;
  /** The approved version of the plan the call compares with, by number (none by default). */
  comparedVersion?: number | null;
}

/** `PATCH /api/monitoring-calls/:id`. */
export interface MonitoringCallUpdate {
  version: number;
  heldOn?: CalendarDateString;
  actionNumbers?: number[];
  attendees?: string[];
  notes?: string;
  decisions?: string;
  /** Why, in words; kept in the call's history. */
  note?: string;
}

/** `POST /api/monitoring-calls/:id/follow-ups`. */
export interface FollowUpCreate {
  what: string;
  ownerOrganisationId?: string | null;
  ownerText?: string | null;
  dueDate?: CalendarDateString | null;
}

/** `PATCH /api/follow-ups/:id`. */
export interface FollowUpUpdate {
  version: number;
  what?: string;
  ownerOrganisationId?: string | null;
  ownerText?: string | null;
  dueDate?: CalendarDateString | null;
  done?: boolean;
  /** Why, in words; kept in the follow-up's history. */
  note?: string;
}

/**
 * `POST /api/risks/what-if?partnership=key`: the risk view's deadline kinds if one item were
 * expected to end on another day, computed and never saved. The Secretariat only.
 */
export const WhatIfQuery = /* @__PURE__ */ z
  .strictObject({
    /** A milestone or output of the partnership. */
    itemId: z.string(),
    /** The forecast end to try (yyyy-MM-dd). */
    forecastEnd: CalendarDate,
    /** The day to judge on; today in Brussels by default. */
    asOf: CalendarDate.optional(),
  })
  .meta({ id: 'WhatIfQuery' });
export type WhatIfQuery = z.infer<typeof WhatIfQuery>;

/** An item whose standing against the deadline the tried forecast changes. */
export const WhatIfItem = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    itemType: z.enum(['milestone', 'output']),
    actionNumber: z.number().int(),
    title: z.string(),
    /** Its deadline kind with the tried forecast (`beyond_deadline`, `forecast_beyond_deadline`, `may_pass_deadline`), or null when it would fit. */
    kind: RiskKind.nullable(),
    /** Its deadline kind today, or null when it fits today. */
    kindNow: RiskKind.nullable(),
    /** With the tried forecast, in words with the chain (as the risk view says it); for an item that would fit, its expected end. */
    reason: z.string(),
    forecast: ItemForecast,
  })
  .meta({ id: 'WhatIfItem' });
export type WhatIfItem = z.infer<typeof WhatIfItem>;

export const WhatIfAction = /* @__PURE__ */ z
  .strictObject({
    number: z.number().int(),
    shortName: z.string(),
    /** Its expected finish today and with the tried forecast. */
    now: ActionRag.shape.finish,
    then: ActionRag.shape.finish,
    /** Whether the tried forecast changes whether it fits the deadline. */
    changed: z.boolean(),
  })
  .meta({ id: 'WhatIfAction' });
export type WhatIfAction = z.infer<typeof WhatIfAction>;

export const WhatIf = /* @__PURE__ */ z
  .strictObject({
    asOf: CalendarDate,
    deadline: CalendarDate,
    item: z.strictObject({
      id: z.string(),
      itemType: z.enum(['milestone', 'output']),
      actionNumber: z.number().int(),
      title: z.string(),
      forecastEnd: CalendarDate.nullable(),
      triedForecastEnd: CalendarDate,
    }),
    /** Items that fit the deadline today and would pass it (or may pass it) with the tried forecast, or would pass it otherwise. */
    wouldPass: z.array(WhatIfItem),
    /** Items that pass (or may pass) the deadline today and would no longer. */
    noLongerPass: z.array(WhatIfItem),
    /** Every Action with its expected finish now and then; `changed` where the tried forecast changes whether it fits. */
    actions: z.array(WhatIfAction),
  })
  .meta({ id: 'WhatIf' });
export type WhatIf = z.infer<typeof WhatIf>;
