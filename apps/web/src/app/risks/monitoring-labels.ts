import type { AuditEntry, AuditValue, FollowUp } from '@tracker/contracts';
import { STATUS_LABELS } from '../plan/labels';
import { formatDay } from './risk-labels';

const FIELD_LABELS: Record<string, string> = {
  status: 'Status',
  progress: 'Progress',
  actualStart: 'Actual start',
  actualEnd: 'Actual end',
  forecastEnd: 'Forecast end',
  predecessors: 'Comes after',
};

function value(field: string, v: AuditValue): string {
  if (v === null || v === '') return 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.length > 0 ? v.join(', ') : 'none';
  if (field === 'status') return (STATUS_LABELS as Record<string, string>)[String(v)] ?? String(v);
  if (field === 'progress') return `${String(v)} %`;
  return /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? formatDay(String(v)) : String(v);
}

/** "Status from Not started to In progress"; a bare note is "Note". */
export function describeChange(entry: Pick<AuditEntry, 'field' | 'from' | 'to'>): string {
  if (entry.field === null) return 'Note';
  return `${FIELD_LABELS[entry.field] ?? entry.field} from ${value(entry.field, entry.from)} to ${value(entry.field, entry.to)}`;
}

/** Who a follow-up is for, in words. */
export function followUpOwner(followUp: Pick<FollowUp, 'owner' | 'ownerText'>): string {
  const parts = [followUp.owner?.name, followUp.ownerText].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' · ') : 'Not assigned';
}

/** One attendee per line (or comma); blanks dropped. */
export function parseAttendees(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((a) => a.trim())
    .filter((a) => a.length > 0);
}

/** "2026-11-22T10:15:00.000Z" as "22 Nov 2026, 11:15" in Brussels time. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', minute: '2-digit', hour12: false }).format(date);
  return `${formatDay(day)}, ${time}`;
}

/** Today in Brussels, yyyy-MM-dd. */
export function brusselsToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
