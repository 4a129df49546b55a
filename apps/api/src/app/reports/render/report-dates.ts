import { format, parseISO } from 'date-fns';

/** A calendar date (yyyy-MM-dd) as the reports write it: "15 Feb 2027". */
export function inWords(day: string): string {
  return format(parseISO(day), 'd MMM yyyy');
}
