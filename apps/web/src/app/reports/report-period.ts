import { format, parseISO, subMonths } from 'date-fns';

/** The period a progress report covers by default: the three months up to today. */
export function defaultPeriod(today: Date): { from: string; to: string } {
  return { from: format(subMonths(today, 3), 'yyyy-MM-dd'), to: format(today, 'yyyy-MM-dd') };
}

/** Why a period cannot be reported on, naming the field, or null when it can. */
export function periodProblem(from: string, to: string): string | null {
  const day = /^\d{4}-\d{2}-\d{2}$/;
  if (!day.test(from)) {
    return 'Choose the first day of the period (From).';
  }
  if (!day.test(to)) {
    return 'Choose the last day of the period (To).';
  }
  return from > to ? `From (${dayInWords(from)}) must be on or before To (${dayInWords(to)}).` : null;
}

/** "15 Feb 2027", as the reports write days. */
export function dayInWords(day: string): string {
  return format(parseISO(day), 'd MMM yyyy');
}
