/**
 * The risk view, the risk register and the monitoring-call log. Plain types only (see plan.ts).
 *
 * Reading needs sign-in (every role). Writes: the Secretariat changes any risk, a co-leader the risks
 * of the Actions their organisation co-leads; only the Secretariat records monitoring calls and their
 * follow-ups. Writes take the `version` the client last saw: 409 `ConflictError` (updates.ts) when stale.
 */
import type { ItemForecast } from './dependencies';
import type { AuditEntry } from './updates';
import type { CalendarDateString, OrganisationRef, PlanNote } from './plan';

/**
 * `forecast_beyond_deadline`: even the earliest expected end (see {@link ItemForecast}) is after the
 * deadline; `may_pass_deadline`: only the latest is.
 */
export type RiskKind = 'overdue' | 'beyond_deadline' | 'forecast_beyond_deadline' | 'may_pass_deadline' | 'stalled' | 'slipped' | 'unscheduled' | 'due_soon';
export type RiskSeverity = 'high' | 'medium' | 'low';
export type Rag = 'red' | 'amber' | 'green';

/** `GET /api/risks?asOf=yyyy-MM-dd&dueSoonDays=30&stalledDays=45` (all optional; as of today by default). */
export interface RiskQuery {
  /** A partnership key; the Work Plan by default. */
  partnership?: string;
  asOf?: CalendarDateString;
  dueSoonDays?: number;
  stalledDays?: number;
}

export interface ActionRag {
  number: number;
  shortName: string;
  rag: Rag;
  /** Why, in words; the last one is the countdown to the deadline. */
  reasons: string[];
  /** When the Action is expected to finish (the latest expected ends of its items), and whether that fits its deadline. */
  finish: { earliestEnd: CalendarDateString | null; latestEnd: CalendarDateString | null; fitsDeadline: 'yes' | 'no' | 'maybe' };
}

/** One flag of one item: an item both overdue and beyond the deadline appears twice. */
export interface RiskItem {
  kind: RiskKind;
  severity: RiskSeverity;
  actionNumber: number;
  itemType: 'milestone' | 'output';
  id: string;
  title: string;
  /** The plan's words for the window, e.g. "October - December 2025". */
  windowText: string | null;
  start: CalendarDateString | null;
  end: CalendarDateString | null;
  forecastEnd: CalendarDateString | null;
  status: string;
  daysLate: number;
  reason: string;
  /** The item's notes on the plan (derived readings, inconsistencies), with their sections. */
  notes: PlanNote[];
  /** When the item is expected to end, and which rule set it. */
  forecast: ItemForecast;
}

export interface RiskView {
  asOf: CalendarDateString;
  deadline: CalendarDateString;
  daysToDeadline: number;
  dueSoonDays: number;
  stalledDays: number;
  /** The approved version compared against (`?baseline=N`), or null; with it, items that slipped are flagged. */
  baseline: { number: number; name: string; slipMonths: number } | null;
  actions: ActionRag[];
  /** Most severe first: overdue (longest late first), beyond the deadline, forecast beyond the deadline, may pass the deadline, stalled, slipped, unscheduled, due soon. */
  items: RiskItem[];
}

export const RISK_STATUSES = ['open', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** A risk of the register (`GET /api/risk-register[?action=N]`). */
export interface RegisterRisk {
  id: string;
  actionNumber: number;
  title: string;
  description: string;
  /** The causes the plan names for the risk (e.g. "inactive participation in the group"); empty for risks added in the tracker. */
  causes: string[];
  /** 1 (rare) to 5 (almost certain); null until assessed (the Work Plan scores none). */
  likelihood: number | null;
  /** 1 (minor) to 5 (severe); null until assessed. */
  impact: number | null;
  owner: OrganisationRef | null;
  mitigation: string;
  status: RiskStatus;
  nextReview: CalendarDateString | null;
  version: number;
  /** The Work Plan section a seeded risk comes from, null for risks added in the tracker. */
  source: string | null;
  updatedAt: string;
}

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

export interface FollowUp {
  id: string;
  callId: string;
  /** The date of the call that asked for it. */
  callHeldOn: CalendarDateString;
  what: string;
  /** An organisation of the Partnership, a free-text owner, or both. */
  owner: OrganisationRef | null;
  ownerText: string | null;
  dueDate: CalendarDateString | null;
  done: boolean;
  version: number;
}

export interface MonitoringCallSummary {
  id: string;
  heldOn: CalendarDateString;
  actionNumbers: number[];
  attendees: string[];
  openFollowUps: number;
}

/**
 * `GET /api/monitoring-calls/:id`: the call, its follow-ups, and what the call walks through:
 * the changes since the previous call (audit entries of the Work Plan's items made on the Brussels
 * days from the previous call's date, inclusive, up to and including this call's date; for the first
 * call, everything up to and including its date), newest first; the open follow-ups of earlier calls
 * (earlier by date, then by when recorded); the risk view as of its date.
 */
export interface MonitoringCall {
  id: string;
  heldOn: CalendarDateString;
  actionNumbers: number[];
  attendees: string[];
  notes: string;
  decisions: string;
  version: number;
  followUps: FollowUp[];
  previousCall: { id: string; heldOn: CalendarDateString } | null;
  changesSincePrevious: AuditEntry[];
  openEarlierFollowUps: FollowUp[];
  /** The approved version the call compared the plan with; its risk view flags what slipped against it. */
  comparedVersion: { number: number; name: string } | null;
  /** The key of the partnership whose plan the call walked through. */
  partnership: string;
  risks: RiskView;
}

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
export interface WhatIfQuery {
  /** A milestone or output of the partnership. */
  itemId: string;
  /** The forecast end to try (yyyy-MM-dd). */
  forecastEnd: CalendarDateString;
  /** The day to judge on; today in Brussels by default. */
  asOf?: CalendarDateString;
}

/** An item whose standing against the deadline the tried forecast changes. */
export interface WhatIfItem {
  id: string;
  itemType: 'milestone' | 'output';
  actionNumber: number;
  title: string;
  /** Its deadline kind with the tried forecast (`beyond_deadline`, `forecast_beyond_deadline`, `may_pass_deadline`), or null when it would fit. */
  kind: RiskKind | null;
  /** Its deadline kind today, or null when it fits today. */
  kindNow: RiskKind | null;
  /** With the tried forecast, in words with the chain (as the risk view says it); for an item that would fit, its expected end. */
  reason: string;
  forecast: ItemForecast;
}

export interface WhatIfAction {
  number: number;
  shortName: string;
  /** Its expected finish today and with the tried forecast. */
  now: ActionRag['finish'];
  then: ActionRag['finish'];
}

export interface WhatIf {
  asOf: CalendarDateString;
  deadline: CalendarDateString;
  item: {
    id: string;
    itemType: 'milestone' | 'output';
    actionNumber: number;
    title: string;
    forecastEnd: CalendarDateString | null;
    triedForecastEnd: CalendarDateString;
  };
  /** Items that fit the deadline today and would pass it (or may pass it) with the tried forecast, or would pass it otherwise. */
  wouldPass: WhatIfItem[];
  /** Items that pass (or may pass) the deadline today and would no longer. */
  noLongerPass: WhatIfItem[];
  /** Every Action with its expected finish now and then; `changed` where the tried forecast changes whether it fits. */
  actions: (WhatIfAction & { changed: boolean })[];
}
