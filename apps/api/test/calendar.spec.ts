import type { FollowUp, GanttData, Milestone, MonitoringCall, Organisation, Output } from '@tracker/contracts';
import ICAL from 'ical.js';
import { addDays, format, parseISO } from 'date-fns';
import { Client } from './client';
import { useTracker } from './harness';

interface Parsed {
  uid: string;
  summary: string;
  start: string;
  end: string;
  sequence: number;
  status: string | null;
  allDay: boolean;
}

/** Reads a feed with ical.js: every VEVENT, dates as calendar dates. */
function read(text: string): { name: string; events: Parsed[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      sequence: event.sequence,
      status: (vevent.getFirstPropertyValue('status') as string | null) ?? null,
      allDay: event.startDate.isDate && event.endDate.isDate,
    };
  });
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? calendar.getFirstPropertyValue('name')), events };
}

const dayAfter = (day: string) => format(addDays(parseISO(day), 1), 'yyyy-MM-dd');

/** The iCalendar feeds: public ones of the plan, per Action and per organisation; a private one per person. */
describe('calendar feeds', () => {
  const tracker = useTracker();
  const secretariat = tracker.as('secretariat');
  let gantt: GanttData;
  let outputs: Output[];

  beforeAll(async () => {
    gantt = (await secretariat.get<GanttData>('/api/gantt')).body;
    outputs = (await secretariat.get<Output[]>('/api/outputs')).body;
  });

  const feed = async (path: string, expected = 200) => {
    const response = await fetch(`${tracker.url}${path}`);
    expect(response.status).toBe(expected);
    if (expected === 200) {
      expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    }
    return read(expected === 200 ? await response.text() : 'BEGIN:VCALENDAR\r\nEND:VCALENDAR');
  };

  it('has every dated milestone and output as an all-day event over its window; year-only windows on their last day, tentative', async () => {
    const { events } = await feed('/api/calendar/plan.ics');
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(events.every((e) => e.allDay)).toBe(true);
    const dated = gantt.items.filter((m) => m.start && m.end && m.precision !== 'unknown');
    expect(dated.length).toBeGreaterThan(20);
    for (const item of dated) {
      const event = byUid.get(`milestone-${item.id}@inclusion-tracker`);
      expect(event).toMatchObject({ summary: `Action ${item.actionNumber}: ${item.title}`, end: dayAfter(item.end!), sequence: item.version });
      expect(event!.start).toBe(item.precision === 'year' ? item.end : item.start);
      expect(event!.status).toBe(item.precision === 'year' || item.tentative ? 'TENTATIVE' : 'CONFIRMED');
    }
    const month = dated.find((m) => m.windowText === 'October - December 2025')!;
    expect(byUid.get(`milestone-${month.id}@inclusion-tracker`)).toMatchObject({ start: '2025-10-01', end: '2026-01-01' });
    const yearOnly = dated.find((m) => m.precision === 'year')!;
    expect(byUid.get(`milestone-${yearOnly.id}@inclusion-tracker`)).toMatchObject({ start: yearOnly.end, end: dayAfter(yearOnly.end!), status: 'TENTATIVE' });
    for (const item of gantt.items.filter((m) => !m.start || !m.end || m.precision === 'unknown')) {
      expect(byUid.has(`milestone-${item.id}@inclusion-tracker`)).toBe(false);
    }
    const datedOutputs = outputs.filter((o) => o.start && o.end && o.precision !== 'unknown');
    expect(datedOutputs.map((o) => byUid.get(`output-${o.id}@inclusion-tracker`)?.summary)).toEqual(
      datedOutputs.map((o) => `Action ${o.actionNumber} output: ${o.title}`),
    );
    expect(events.find((e) => e.summary.startsWith('Deadline'))).toMatchObject({ start: '2027-03-31', end: '2027-04-01' });
    expect(events).toHaveLength(dated.length + datedOutputs.length + 1);
  });

  it('keeps UIDs across downloads and raises SEQUENCE when an item changes', async () => {
    const first = await feed('/api/calendar/plan.ics');
    const again = await feed('/api/calendar/plan.ics');
    expect(again.events.map((e) => e.uid)).toEqual(first.events.map((e) => e.uid));
    expect(again.events).toEqual(first.events);

    const item = gantt.items.find((m) => m.start && m.precision === 'month')!;
    const uid = `milestone-${item.id}@inclusion-tracker`;
    const before = first.events.find((e) => e.uid === uid)!;
    const changed = await secretariat.patch<Milestone>(`/api/milestones/${item.id}`, { version: item.version, status: 'in_progress', progress: 30 });
    expect(changed.status).toBe(200);
    const after = (await feed('/api/calendar/plan.ics')).events.find((e) => e.uid === uid)!;
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.start).toBe(before.start);
  });

  it('has a feed per Action and per organisation', async () => {
    const action2 = await feed('/api/calendar/actions/2.ics');
    const items2 = gantt.items.filter((m) => m.actionNumber === 2 && m.start && m.end && m.precision !== 'unknown');
    expect(action2.events.filter((e) => e.uid.startsWith('milestone-')).map((e) => e.summary)).toEqual(items2.map((m) => `Action 2: ${m.title}`));
    expect(action2.events.some((e) => e.summary.startsWith('Deadline'))).toBe(true);
    expect((await feed('/api/calendar/plan.ics?action=2')).events).toEqual(action2.events);
    await feed('/api/calendar/actions/9.ics', 404);
    await feed('/api/calendar/actions/x.ics', 400);

    const organisations = (await secretariat.get<Organisation[]>('/api/organisations')).body;
    const ashoka = organisations.find((o) => o.name === 'Ashoka Hello Europe')!;
    const actions = new Set(ashoka.actions.map((a) => a.actionNumber));
    const ofAshoka = await feed(`/api/calendar/organisations/${ashoka.id}.ics`);
    const expected = gantt.items.filter((m) => actions.has(m.actionNumber) && m.start && m.end && m.precision !== 'unknown');
    expect(ofAshoka.events.filter((e) => e.uid.startsWith('milestone-')).map((e) => e.summary)).toEqual(
      expected.map((m) => `Action ${m.actionNumber}: ${m.title}`),
    );
    expect(ofAshoka.events.filter((e) => e.uid.startsWith('milestone-')).length).toBeLessThan(gantt.items.length);
    await feed('/api/calendar/organisations/00000000-0000-0000-0000-000000000000.ics', 404);
  });

  it('puts monitoring calls and due follow-ups only in a private feed behind a revocable secret address', async () => {
    const call = (await secretariat.post<MonitoringCall>('/api/monitoring-calls', { heldOn: '2026-11-20', actionNumbers: [1] })).body;
    const due = (await secretariat.post<FollowUp>(`/api/monitoring-calls/${call.id}/follow-ups`, { what: 'Send the minutes', dueDate: '2026-12-04' })).body;
    await secretariat.post<FollowUp>(`/api/monitoring-calls/${call.id}/follow-ups`, { what: 'No date yet' });
    const publicFeed = await feed('/api/calendar/plan.ics');
    expect(publicFeed.events.some((e) => /call|follow-up/.test(e.uid))).toBe(false);

    const anonymous = new Client(tracker.url);
    await anonymous.get('/api/auth/me'); // for the XSRF cookie
    expect((await anonymous.post('/api/calendar/private-feed')).status).toBe(401);
    const issued = await secretariat.post<{ url: string; webcal: string }>('/api/calendar/private-feed');
    expect(issued.status).toBe(201);
    expect(issued.body.url).toMatch(/^http:\/\/localhost:\d+\/api\/calendar\/private\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(issued.body.webcal).toBe(issued.body.url.replace(/^http:/, 'webcal:'));
    const path = new URL(issued.body.url).pathname;
    const mine = await feed(path);
    expect(mine.events.find((e) => e.uid === `call-${call.id}@inclusion-tracker`)).toMatchObject({ start: '2026-11-20', end: '2026-11-21', sequence: 1 });
    expect(mine.events.find((e) => e.uid === `follow-up-${due.id}@inclusion-tracker`)).toMatchObject({
      start: '2026-12-04',
      summary: 'Follow-up due: Send the minutes',
      sequence: 1,
    });
    expect(mine.events.filter((e) => e.uid.startsWith('follow-up-'))).toHaveLength(1);
    expect(mine.events.filter((e) => e.uid.startsWith('milestone-'))).toHaveLength(publicFeed.events.filter((e) => e.uid.startsWith('milestone-')).length);

    const done = await secretariat.patch<FollowUp>(`/api/follow-ups/${due.id}`, { version: due.version, done: true });
    expect(done.status).toBe(200);
    expect((await feed(path)).events.find((e) => e.uid === `follow-up-${due.id}@inclusion-tracker`)).toMatchObject({
      summary: 'Done: Send the minutes',
      sequence: 2,
    });

    // A new address replaces the old one; revoking ends it.
    const replaced = await secretariat.post<{ url: string }>('/api/calendar/private-feed');
    await feed(path, 404);
    const newPath = new URL(replaced.body.url).pathname;
    await feed(newPath);
    expect((await secretariat.request('DELETE', '/api/calendar/private-feed')).status).toBe(204);
    await feed(newPath, 404);
    expect((await secretariat.get<{ issuedAt: string | null }>('/api/calendar/private-feed')).body).toEqual({ issuedAt: null });
  });
});
