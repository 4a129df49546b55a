/**
 * Request and response shapes of the tracker's API, shared by the API and the web app.
 * Plain types only: no decorators, no runtime dependencies. Dates are calendar dates, `yyyy-MM-dd`.
 */

export type CalendarDateString = string;

export type DatePrecision = 'day' | 'month' | 'year' | 'unknown';

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

export const PARTICIPANT_ROLES = ['co_leader', 'member', 'external_stakeholder'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export interface OrganisationRef {
  id: string;
  name: string;
}

export interface Partnership {
  id: string;
  name: string;
  deadline: CalendarDateString;
  coordinators: OrganisationRef[];
  source: string;
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
  updatedAt: string;
}

export interface Target {
  id: string;
  actionNumber: number;
  description: string;
  source: string;
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
