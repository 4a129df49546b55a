/** The time reminders go by; tests give one that stands still at a chosen moment. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };

/** A moment as the Partnership's calendar sees it (Europe/Brussels): the day, the weekday (1 = Monday), the hour. */
export function brusselsTime(moment: Date): { date: string; weekday: number; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Brussels',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(moment)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts['weekday']) + 1;
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, weekday, hour: Number(parts['hour']) };
}
