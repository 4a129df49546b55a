import type { AuditValue, MilestoneStatus, OrganisationType, OutputStatus, ParticipantRole, PlanNoteKind, Role } from '@tracker/contracts';
import { PLAN_NOTE_KIND_LABELS } from '@tracker/contracts';

/** The history's name for each field of a milestone or output an entry may change. */
export const HISTORY_FIELD_LABELS: Readonly<Record<string, string>> = {
  status: 'Status',
  progress: 'Progress',
  actualStart: 'Actual start',
  actualEnd: 'Actual end',
  forecastEnd: 'Forecast end',
  title: 'Title',
  windowText: 'Window',
  start: 'Planned start',
  end: 'Planned end',
  precision: 'Precision',
  tentative: 'Tentative',
  parentId: 'Activity',
  position: 'Place in the plan',
  predecessors: 'Comes after',
};

/** A value of a history entry in words: a list (the titles an item comes after) joined, an empty one "none". */
export function historyValue(field: string | null, value: AuditValue): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : 'none';
  if (field === 'status') return STATUS_LABELS[value as keyof typeof STATUS_LABELS] ?? String(value);
  if (field === 'progress') return `${String(value)}%`;
  return String(value);
}

/** Status in words: the chart, the table and the details never rely on colour alone. */
export const STATUS_LABELS: Record<MilestoneStatus | OutputStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  on_hold: 'On hold',
  cancelled: 'Cancelled',
  planned: 'Planned',
  delivered: 'Delivered',
};

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  city: 'City',
  region: 'Region',
  national_government: 'National government',
  eu_body: 'EU institution or body',
  municipal_network: 'Municipal network',
  ngo_think_tank: 'NGO or think tank',
  university: 'University',
  expert_group: 'Expert group',
  international_organisation: 'International organisation',
  other: 'Other',
};

/** An account's role in words (the header, the accounts page). */
export const ACCOUNT_ROLE_LABELS: Record<Role, string> = { secretariat: 'Secretariat', coordinator: 'Coordinator', co_leader: 'Co-leader', member: 'Member' };

export const ROLE_LABELS: Record<ParticipantRole, string> = {
  co_leader: 'Co-leader',
  member: 'Member',
  external_stakeholder: 'External stakeholder',
  potential_stakeholder: 'Potential stakeholder (named by the plan, not taking part)',
};

/** The kind of a note on the plan, in words. */
export const NOTE_KIND_LABELS: Readonly<Record<PlanNoteKind, string>> = PLAN_NOTE_KIND_LABELS;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "31 March 2027" for a calendar date, without a Date (no time zone can move it). */
export function formatLongDay(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** "31 Mar 2027". */
export function formatDay(date: string): string {
  return formatLongDay(date).replace(/ (\w{3})\w* /, ' $1 ');
}

/**
 * Where an item comes from, in words: a section of the Work Plan ("Work Plan section 2.4.9", "Work
 * Plan section Annex 1"), a row of an imported sheet, or "Added in the tracker".
 */
export function sourceWords(source: string): string {
  return /^(\d|Annex|Executive|Table)/.test(source) ? `Work Plan section ${source}` : source.startsWith('row ') ? `Imported plan, ${source}` : source;
}

/** The reader's alphabetical order, made once (`localeCompare` makes one for every comparison). */
const ALPHABETICAL = new Intl.Collator();

/** Orders things by their names, alphabetically for the reader. */
export function byName(a: { name: string }, b: { name: string }): number {
  return ALPHABETICAL.compare(a.name, b.name);
}
