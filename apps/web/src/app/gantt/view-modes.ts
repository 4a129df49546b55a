import type { FrappeViewMode } from 'frappe-gantt';
import type { ViewMode } from './gantt-model';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const decade = (d: Date) => d.getFullYear() - (d.getFullYear() % 10);
const yearChanged = (d: Date, ld: Date | null) => (!ld || d.getFullYear() !== ld.getFullYear() ? String(d.getFullYear()) : '');

/** The three views of the chart: Month (default), Quarter and Year. */
export const FRAPPE_VIEW_MODES: Record<ViewMode, FrappeViewMode> = {
  Month: {
    name: 'Month',
    padding: '2m',
    step: '1m',
    column_width: 90,
    date_format: 'YYYY-MM',
    lower_text: (d) => MONTHS[d.getMonth()],
    upper_text: yearChanged,
    thick_line: (d) => d.getMonth() % 3 === 0,
    snap_at: '7d',
  },
  Quarter: {
    name: 'Quarter',
    padding: '3m',
    step: '3m',
    column_width: 110,
    date_format: 'YYYY-MM',
    lower_text: (d) => `Q${Math.floor(d.getMonth() / 3) + 1}`,
    upper_text: yearChanged,
    thick_line: (d) => d.getMonth() === 0,
    snap_at: '1m',
  },
  Year: {
    name: 'Year',
    padding: '1y',
    step: '1y',
    column_width: 160,
    date_format: 'YYYY',
    lower_text: (d) => String(d.getFullYear()),
    // frappe-gantt needs an upper label to find when it scrolls: the decade, as in its own Year view.
    upper_text: (d, ld) => (!ld || decade(d) !== decade(ld) ? `${decade(d)}s` : ''),
    snap_at: '1m',
  },
};

/**
 * Horizontal position of the start of a day on a frappe-gantt chart, in the chart's own units.
 * Mirrors the arithmetic frappe-gantt uses to place bars (date_utils.diff), so a marker drawn here
 * lines up with the bars.
 */
export function unitsSince(date: Date, start: Date, unit: string): number {
  const yearDiff = date.getFullYear() - start.getFullYear();
  let months = yearDiff * 12 + (date.getMonth() - start.getMonth()) + date.getDate() / 31;
  if (date.getDate() < start.getDate()) {
    months -= 1;
  }
  const days = (date.getTime() - start.getTime() + (start.getTimezoneOffset() - date.getTimezoneOffset()) * 60000) / 86_400_000;
  const byUnit: Record<string, number> = { day: days, days, month: months, months, year: months / 12, years: months / 12 };
  return Math.round((byUnit[unit] ?? days) * 100) / 100;
}
