/**
 * Request and response shapes of the tracker's API, shared by the API and the web app.
 *
 * Every answer is declared once, as a zod schema: its TypeScript type is inferred from it, the API
 * derives its OpenAPI schema and checks its answers against it in the tests (docs/contracts.md).
 * Request bodies stay plain interfaces: the API's DTO classes implement them with class-validator.
 * Dates are calendar dates, `yyyy-MM-dd`.
 */
import { z } from 'zod';

export type CalendarDateString = string;

/** A calendar date, `yyyy-MM-dd`. */
export const CalendarDate = /* @__PURE__ */ z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .meta({ id: 'CalendarDate', description: 'A calendar date, yyyy-MM-dd' });

/** An instant, ISO 8601 (e.g. `2026-05-04T09:30:00.000Z`). */
export const Instant = /* @__PURE__ */ z.string().meta({ id: 'Instant', description: 'An instant, ISO 8601' });

/**
 * How exactly the plan fixes a window; `ongoing` is work the plan gives no date because it runs
 * throughout (communication activities): from its start through the partnership's deadline.
 */
export const DatePrecision = /* @__PURE__ */ z.enum(['day', 'month', 'year', 'unknown', 'ongoing']).meta({ id: 'DatePrecision' });
export type DatePrecision = z.infer<typeof DatePrecision>;

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

export const PlanNote = /* @__PURE__ */ z
  .strictObject({
    kind: z.enum(PLAN_NOTE_KINDS),
    /** In words, quoting the plan, e.g. 'The plan says "2025", but its step "Extraction ..." runs March - April 2026.' */
    text: z.string(),
    /** The section(s) the note rests on, e.g. "2.6.9" or "Annex 1". */
    source: z.string(),
  })
  .meta({ id: 'PlanNote' });
export type PlanNote = z.infer<typeof PlanNote>;

export const OrganisationRef = /* @__PURE__ */ z.strictObject({ id: z.string(), name: z.string() }).meta({ id: 'OrganisationRef' });
export type OrganisationRef = z.infer<typeof OrganisationRef>;

export const Partnership = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    name: z.string(),
    deadline: CalendarDate,
    coordinators: z.array(OrganisationRef),
    /** The current members (Table 1, section 1.2.2), coordinators included, by name. */
    members: z.array(OrganisationRef),
    source: z.string(),
    /** Facts of the plan about the Partnership itself, e.g. where it disagrees with itself on the number of members. */
    notes: z.array(PlanNote),
  })
  .meta({ id: 'Partnership' });
export type Partnership = z.infer<typeof Partnership>;

const actionFields = /* @__PURE__ */ (() => ({
  id: z.string(),
  number: z.number().int(),
  shortName: z.string(),
  title: z.string(),
  objective: z.string(),
  pillar: z.string().nullable(),
  governanceLevels: z.array(z.string()),
  deadline: CalendarDate,
  coLeaders: z.array(OrganisationRef),
  members: z.array(OrganisationRef),
  externalStakeholders: z.array(OrganisationRef),
  /** Bodies the plan names only as potential stakeholders for cooperation (2.x.8: "e.g. OECD"), not as taking part. */
  potentialStakeholders: z.array(OrganisationRef),
  stakeholderNotes: z.array(z.string()),
  source: z.string(),
}))();

export const Action = /* @__PURE__ */ z.strictObject(actionFields).meta({ id: 'Action' });
export type Action = z.infer<typeof Action>;

export const DateAlternative = /* @__PURE__ */ z
  .strictObject({
    /** The plan's own words for this reading, e.g. "April - June 2025". */
    text: z.string(),
    start: CalendarDate.nullable(),
    end: CalendarDate.nullable(),
    precision: DatePrecision,
    source: z.string(),
  })
  .meta({ id: 'DateAlternative' });
export type DateAlternative = z.infer<typeof DateAlternative>;

export const Milestone = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    actionNumber: z.number().int(),
    parentId: z.string().nullable(),
    title: z.string(),
    /** The plan's own words for the window, e.g. "October - December 2025". */
    windowText: z.string(),
    start: CalendarDate.nullable(),
    end: CalendarDate.nullable(),
    precision: DatePrecision,
    tentative: z.boolean(),
    status: z.enum(MILESTONE_STATUSES),
    progress: z.number(),
    actualStart: CalendarDate.nullable(),
    actualEnd: CalendarDate.nullable(),
    forecastEnd: CalendarDate.nullable(),
    version: z.number().int(),
    source: z.string(),
    /** Position in plan order across the whole Action (parents before their sub-steps). */
    sortOrder: z.number(),
    alternatives: z.array(DateAlternative),
    /** Derived readings and the plan's inconsistencies about this item, with their sections. */
    notes: z.array(PlanNote),
    /** The milestones and outputs that must end before it starts (see `GET /api/dependencies`). */
    predecessorIds: z.array(z.string()),
    /** The lag of each of those links in whole months, in the order of `predecessorIds`. */
    predecessorLags: z.array(z.number().int()),
    updatedAt: Instant,
  })
  .meta({ id: 'Milestone' });
export type Milestone = z.infer<typeof Milestone>;

export const Output = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    actionNumber: z.number().int(),
    title: z.string(),
    dueText: z.string().nullable(),
    start: CalendarDate.nullable(),
    end: CalendarDate.nullable(),
    precision: DatePrecision,
    tentative: z.boolean(),
    status: z.enum(OUTPUT_STATUSES),
    actualStart: CalendarDate.nullable(),
    /** When it was delivered (or the work on it ended). */
    actualEnd: CalendarDate.nullable(),
    forecastEnd: CalendarDate.nullable(),
    version: z.number().int(),
    source: z.string(),
    milestoneIds: z.array(z.string()),
    sortOrder: z.number(),
    /** Derived readings (e.g. a due window derived from the linked milestones) with their sections. */
    notes: z.array(PlanNote),
    updatedAt: Instant,
  })
  .meta({ id: 'Output' });
export type Output = z.infer<typeof Output>;

export const TARGET_STATUSES = ['active', 'cancelled'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const Target = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    actionNumber: z.number().int(),
    description: z.string(),
    source: z.string(),
    /** A target leaves the plan by being cancelled, never deleted: its history stays. */
    status: z.enum(TARGET_STATUSES),
    version: z.number().int(),
  })
  .meta({ id: 'Target' });
export type Target = z.infer<typeof Target>;

export const ActionDetail = /* @__PURE__ */ z
  .strictObject({ ...actionFields, milestones: z.array(Milestone), outputs: z.array(Output), targets: z.array(Target) })
  .meta({ id: 'ActionDetail' });
export type ActionDetail = z.infer<typeof ActionDetail>;

export const OrganisationParticipation = /* @__PURE__ */ z
  .strictObject({ actionNumber: z.number().int(), shortName: z.string(), role: z.enum(PARTICIPANT_ROLES) })
  .meta({ id: 'OrganisationParticipation' });
export type OrganisationParticipation = z.infer<typeof OrganisationParticipation>;

export const Organisation = /* @__PURE__ */ z
  .strictObject({
    id: z.string(),
    name: z.string(),
    type: z.enum(ORGANISATION_TYPES),
    country: z.string().nullable(),
    aliases: z.array(z.string()),
    partnershipMember: z.boolean(),
    coordinator: z.boolean(),
    actions: z.array(OrganisationParticipation),
    source: z.string(),
    /** How the plan's words about this body were read, with their sections. */
    notes: z.array(PlanNote),
  })
  .meta({ id: 'Organisation' });
export type Organisation = z.infer<typeof Organisation>;

export const Health = /* @__PURE__ */ z.strictObject({ status: z.enum(['ok', 'unavailable']) }).meta({ id: 'Health' });
export type Health = z.infer<typeof Health>;

/** The body of every error response. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string | string[];
}

/** An answer with only the address it concerns, e.g. `POST /api/auth/invitation`. */
export const EmailOnly = /* @__PURE__ */ z.strictObject({ email: z.string() }).meta({ id: 'EmailOnly' });
export type EmailOnly = z.infer<typeof EmailOnly>;

/** An answer that only says what happened, in words, e.g. `POST /api/auth/password-reset`. */
export const Message = /* @__PURE__ */ z.strictObject({ message: z.string() }).meta({ id: 'Message' });
export type Message = z.infer<typeof Message>;
