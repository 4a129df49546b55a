import type { FollowUp, GanttData, Output } from '@tracker/contracts';
import { addDays, format, parseISO } from 'date-fns';
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import type { CalendarFeed, Refusal } from './render-task';

/**
 * iCalendar (RFC 5545) feeds of the plan, drawn from plain data (in the export workers):
 * milestones and outputs as all-day events spanning their window (a month window is its whole
 * months; a year-only window is one all-day event on its last day, marked TENTATIVE; items without
 * dates are left out), the phase deadline, and in a person's private feed the monitoring calls and
 * the follow-ups with a due date. UIDs are the record ids; SEQUENCE is the record's version, so it
 * goes up with every change.
 */

/** Domain of every UID: an event keeps its UID across downloads, so calendars update it in place. */
const UID_DOMAIN = 'inclusion-tracker';

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);
const nextDay = (day: string) => format(addDays(parseISO(day), 1), 'yyyy-MM-dd');

interface Windowed {
  id: string;
  title: string;
  start: string | null;
  end: string | null;
  precision: string;
  tentative: boolean;
  version: number;
  updatedAt: string;
  source: string;
  status: string;
  actionNumber: number;
}

/** The feed as the text of an .ics file; a 404 for an Action the plan does not have. */
export function calendarText(feed: CalendarFeed): string | Refusal {
  const data = JSON.parse(feed.gantt) as GanttData;
  let actions = data.actions.map((a) => a.number);
  let name = data.partnership.name;
  if (feed.action !== null) {
    const action = data.actions.find((a) => a.number === feed.action);
    if (!action) {
      return { status: 404, message: `Action ${feed.action} not found` };
    }
    actions = [action.number];
    name = `Action ${action.number} ${action.shortName} - ${data.partnership.name}`;
  }
  if (feed.organisation !== null) {
    const theirs = feed.organisation.actions;
    actions = actions.filter((n) => theirs.includes(n));
    name = `${feed.organisation.name} - ${data.partnership.name}`;
  }
  if (feed.calls !== null) {
    name = `${data.partnership.name} (with monitoring calls)`;
  }
  const calendar = calendarOf(name, data);
  addPlan(calendar, data, JSON.parse(feed.outputs) as Output[], new Set(actions));
  for (const call of feed.calls ?? []) {
    calendar.createEvent({
      id: `call-${call.id}@${UID_DOMAIN}`,
      sequence: call.version,
      allDay: true,
      start: utcDay(call.heldOn),
      end: utcDay(nextDay(call.heldOn)),
      stamp: utcDay(call.heldOn),
      summary: `Monitoring call (Actions ${call.actionNumbers.join(', ')})`,
      description: [call.attendees.length ? `Attendees: ${call.attendees.join('; ')}` : '', call.notes, call.decisions ? `Decisions: ${call.decisions}` : '']
        .filter(Boolean)
        .join('\n\n'),
    });
    call.followUps.filter((f) => f.dueDate !== null).forEach((f) => addFollowUp(calendar, f));
  }
  return calendar.toString();
}

function calendarOf(name: string, data: GanttData): ICalCalendar {
  const calendar = ical({
    name,
    prodId: { company: 'Urban Agenda for the EU', product: 'Work Plan tracker', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  calendar.createEvent({
    id: `deadline-${data.partnership.id}@${UID_DOMAIN}`,
    sequence: 0,
    allDay: true,
    start: utcDay(data.partnership.deadline),
    end: utcDay(nextDay(data.partnership.deadline)),
    stamp: utcDay(data.partnership.deadline),
    summary: `Deadline of the Work Plan: ${data.partnership.name}`,
  });
  return calendar;
}

function addPlan(calendar: ICalCalendar, data: GanttData, outputs: Output[], actions: Set<number>): void {
  for (const item of data.items.filter((m) => actions.has(m.actionNumber))) {
    addWindow(calendar, { ...item, title: `Action ${item.actionNumber}: ${item.title}` }, `milestone-${item.id}`, item.windowText);
  }
  for (const output of outputs.filter((o) => actions.has(o.actionNumber))) {
    addWindow(calendar, { ...output, title: `Action ${output.actionNumber} output: ${output.title}` }, `output-${output.id}`, output.dueText);
  }
}

function addWindow(calendar: ICalCalendar, item: Windowed, uid: string, windowText: string | null): void {
  if (item.start === null || item.end === null || item.precision === 'unknown') {
    return; // no day to put it on: never invent one
  }
  const yearOnly = item.precision === 'year';
  const first = yearOnly ? item.end : item.start;
  calendar.createEvent({
    id: `${uid}@${UID_DOMAIN}`,
    sequence: item.version,
    allDay: true,
    start: utcDay(first),
    end: utcDay(nextDay(item.end)),
    stamp: new Date(item.updatedAt),
    lastModified: new Date(item.updatedAt),
    summary: item.title,
    status: yearOnly || item.tentative ? ICalEventStatus.TENTATIVE : ICalEventStatus.CONFIRMED,
    description: [
      windowText ? `Planned: ${windowText}${yearOnly ? ' (year only: shown on its last day)' : ''}` : '',
      `Status: ${item.status.replace(/_/g, ' ')}`,
      `Work Plan section ${item.source}`,
    ]
      .filter(Boolean)
      .join('\n'),
  });
}

function addFollowUp(calendar: ICalCalendar, followUp: FollowUp): void {
  const due = followUp.dueDate!;
  calendar.createEvent({
    id: `follow-up-${followUp.id}@${UID_DOMAIN}`,
    sequence: followUp.version,
    allDay: true,
    start: utcDay(due),
    end: utcDay(nextDay(due)),
    stamp: utcDay(followUp.callHeldOn),
    summary: `${followUp.done ? 'Done: ' : 'Follow-up due: '}${followUp.what}`,
    description: [`Asked at the monitoring call of ${followUp.callHeldOn}`, followUp.owner?.name, followUp.ownerText].filter(Boolean).join('\n'),
  });
}
