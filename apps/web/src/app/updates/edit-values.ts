import type { MilestoneStatus, MilestoneUpdate } from '@tracker/contracts';

/** The editable values of a milestone, as the form holds them. */
export interface MilestoneValues {
  status: MilestoneStatus;
  progress: number;
  actualStart: string | null;
  actualEnd: string | null;
  forecastEnd: string | null;
  title: string;
  /** The window as the plan words it: the API reads the dates from it. */
  windowText: string;
  tentative: boolean;
  /** The activity a step belongs to; null for an activity. */
  parentId: string | null;
}

/**
 * The PATCH body for what the user changed: only the changed fields, the version the form was
 * filled from, and the note. Null when nothing changed and there is no note.
 */
export function buildUpdate(before: MilestoneValues, after: MilestoneValues, version: number, note: string): MilestoneUpdate | null {
  const update: MilestoneUpdate = { version };
  if (after.status !== before.status) update.status = after.status;
  if (after.progress !== before.progress) update.progress = after.progress;
  if (after.actualStart !== before.actualStart) update.actualStart = after.actualStart;
  if (after.actualEnd !== before.actualEnd) update.actualEnd = after.actualEnd;
  if (after.forecastEnd !== before.forecastEnd) update.forecastEnd = after.forecastEnd;
  if (after.title !== before.title) update.title = after.title;
  if (after.windowText !== before.windowText) update.windowText = after.windowText;
  if (after.tentative !== before.tentative) update.tentative = after.tentative;
  if (after.parentId !== before.parentId) update.parentId = after.parentId;
  const trimmed = note.trim();
  if (trimmed) update.note = trimmed;
  return Object.keys(update).length > 1 ? update : null;
}

/** Reads the form: empty date fields mean "no date". */
export function readValues(form: FormData): MilestoneValues {
  const date = (name: string) => {
    const value = String(form.get(name) ?? '').trim();
    return value === '' ? null : value;
  };
  return {
    status: String(form.get('status')) as MilestoneStatus,
    progress: Number(form.get('progress')),
    actualStart: date('actualStart'),
    actualEnd: date('actualEnd'),
    forecastEnd: date('forecastEnd'),
    title: String(form.get('title') ?? '').trim(),
    windowText: String(form.get('windowText') ?? '').trim(),
    tentative: form.get('tentative') !== null,
    parentId: form.has('parentId') ? String(form.get('parentId')) || null : null,
  };
}
