/**
 * Request and response shapes of the tracker's API, shared by the API and the web app.
 * Plain types only: no decorators, no runtime dependencies. Dates are calendar dates, `yyyy-MM-dd`.
 */

export type CalendarDateString = string;

/**
 * How exactly the plan fixes a window; `ongoing` is work the plan gives no date because it runs
 * throughout (communication activities): from its start through the partnership's deadline.
 */
export type DatePrecision = 'day' | 'month' | 'year' | 'unknown' | 'ongoing';

export const MILESTONE_STATUSES = ['not_started', 'in_progress', 'done', 'on_hold', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const OUTPUT_STATUSES = ['planned', 'in_progress', 'delivered', 'cancelled'] as const;
export type OutputStatus = (typeof OUTPUT_STATUSES)[number];

export const ORGANISATION_TYPES = [
  'city',
  'region',
  'national_government',
  'eu_body',
  'municipal_network',
  'ngo_think_tank',
  'university',
  'expert_group',
  'international_organisation',
  'other',
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const PARTICIPANT_ROLES = ['co_leader', 'member', 'external_stakeholder', 'potential_stakeholder'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/**
 * What the tracker says about the plan's own words, with the section it comes from:
 * - `derived`: a reading the tracker derived where the plan implies it (a due window from the
 *   milestones an output comes from, the span of a parent's steps), and why;
 * - `inconsistency`: the plan disagrees with itself (a parent that ends before its steps);
 * - `annex_only`: the item exists only in Annex 1, not in the detailed section (the plan of record),
 *   so the risk view never flags it on its own;
 * - `reading`: how an ambiguous passage was read (a body typed as the plan types it).
 */
export const PLAN_NOTE_KINDS = ['derived', 'inconsistency', 'annex_only', 'reading'] as const;
export type PlanNoteKind = (typeof PLAN_NOTE_KINDS)[number];

/** The kind of a note in words, the same on the pages and in the files. */
export const PLAN_NOTE_KIND_LABELS: Readonly<Record<PlanNoteKind, string>> = {
  derived: 'Derived reading',
  inconsistency: 'The plan disagrees with itself',
  annex_only: 'Annex 1 only',
  reading: 'How the plan is read',
};

export interface PlanNote {
  kind: PlanNoteKind;
  /** In words, quoting the plan, e.g. 'The plan says "2025", but its step "Extraction ..." runs March - April 2026.' */
  text: string;
  /** The section(s) the note rests on, e.g. "2.6.9" or "Annex 1". */
  source: string;
}

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface Partnership {
  id: string;
  name: string;
  deadline: CalendarDateString;
  coordinators: OrganisationRef[];
  /** The current members (Table 1, section 1.2.2), coordinators included, by name. */
  members: OrganisationRef[];
  source: string;
  /** Facts of the plan about the Partnership itself, e.g. where it disagrees with itself on the number of members. */
  notes: PlanNote[];
}

export interface Action {
  id: string;
  number: number;
  shortName: string;
  title: string;
  objective: string;
  pillar: string | null;
  governanceLevels: string[];
  deadline: CalendarDateString;
  coLeaders: OrganisationRef[];
  members: OrganisationRef[];
  externalStakeholders: OrganisationRef[];
  /** Bodies the plan names only as potential stakeholders for cooperation (2.x.8: "e.g. OECD"), not as taking part. */
  potentialStakeholders: OrganisationRef[];
  stakeholderNotes: string[];
  source: string;
}

export interface DateAlternative {
  /** The plan's own words for this reading, e.g. "April - June 2025". */
  text: string;
  start: CalendarDateString | null;
  end: CalendarDateString | null;
  precision: DatePrecision;
  source: string;
}

export interface Milestone {
  id: string;
  actionNumber: number;
  parentId: string | null;
  title: string;
  /** The plan's own words for the window, e.g. "October - December 2025". */
  windowText: string;
  start: CalendarDateString | null;
  end: CalendarDateString | null;
  precision: DatePrecision;
  tentative: boolean;
  status: MilestoneStatus;
  progress: number;
  actualStart: CalendarDateString | null;
  actualEnd: CalendarDateString | null;
  forecastEnd: CalendarDateString | null;
  version: number;
  source: string;
  /** Position in plan order across the whole Action (parents before their sub-steps). */
  sortOrder: number;
  alternatives: DateAlternative[];
  /** Derived readings and the plan's inconsistencies about this item, with their sections. */
  notes: PlanNote[];
  /** The milestones and outputs that must end before it starts (see `GET /api/dependencies`). */
  predecessorIds: string[];
  /** The lag of each of those links in whole months, in the order of `predecessorIds`. */
  predecessorLags: number[];
  updatedAt: string;
}

export interface Output {
  id: string;
  actionNumber: number;
  title: string;
  dueText: string | null;
  start: CalendarDateString | null;
  end: CalendarDateString | null;
  precision: DatePrecision;
  tentative: boolean;
  status: OutputStatus;
  actualStart: CalendarDateString | null;
  /** When it was delivered (or the work on it ended). */
  actualEnd: CalendarDateString | null;
  forecastEnd: CalendarDateString | null;
  version: number;
  source: string;
  milestoneIds: string[];
  sortOrder: number;
  /** Derived readings (e.g. a due window derived from the linked milestones) with their sections. */
  notes: PlanNote[];
  updatedAt: string;
}

export const TARGET_STATUSES = ['active', 'cancelled'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export interface Target {
  id: string;
  actionNumber: number;
  description: string;
  source: string;
  /** A target leaves the plan by being cancelled, never deleted: its history stays. */
  status: TargetStatus;
  version: number;
}

export interface ActionDetail extends Action {
  milestones: Milestone[];
  outputs: Output[];
  targets: Target[];
}

export interface OrganisationParticipation {
  actionNumber: number;
  shortName: string;
  role: ParticipantRole;
}

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  country: string | null;
  aliases: string[];
  partnershipMember: boolean;
  coordinator: boolean;
  actions: OrganisationParticipation[];
  source: string;
  /** How the plan's words about this body were read, with their sections. */
  notes: PlanNote[];
}

export interface Health {
  status: 'ok' | 'unavailable';
}

/** The body of every error response. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
}
