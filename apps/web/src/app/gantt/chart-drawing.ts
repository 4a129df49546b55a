import type Gantt from 'frappe-gantt';
import { toLocalDate } from '@tracker/schedule';
import { formatDay, formatLongDay } from '../plan/labels';
import type { ChartInputs, ChartRow } from './gantt-model';
import { chartOptions, firstRows } from './chart-options';
import { unitsSince } from './view-modes';
import { WindowedGantt } from './windowed-gantt';

/**
 * The tracker's chart drawn in `host`, framework-free: frappe-gantt (WindowedGantt) with the rows of
 * the box's first screen, its bars dressed (status words, keyboard stops), its name for screen
 * readers and the deadline marked. Used by the chart component and by the server's first paint of
 * the home page (server-paint.ts), whose chart the component then takes over (takeOverChart).
 */
export function drawChart(host: HTMLElement, inputs: ChartInputs, top = 0, active = 0): WindowedGantt {
  const { rows } = inputs;
  const gantt = new WindowedGantt(
    host,
    rows.map((row) => row.task),
    chartOptions(inputs.viewMode, inputs.scrollTo, firstRows(rows.length, top, window.innerHeight)),
  );
  dressBars(gantt, gantt.bars, rows, active);
  gantt.$svg.setAttribute(
    'aria-label',
    'Gantt chart of the Work Plan; the table below gives the same items. The arrow keys move between its bars, Enter opens one.',
  );
  if (inputs.deadline !== null) {
    markDeadline(gantt, inputs.deadline);
  }
  return gantt;
}

/**
 * The tracker's chart drawn before in `host` (the home page's, by the server, from the same inputs),
 * taken over as it is: the same elements, the rows drawn there, the labels placed again in the
 * reader's fonts. Null when `host` holds no chart.
 */
export function takeOverChart(host: HTMLElement, inputs: ChartInputs): WindowedGantt | null {
  const drawn = Array.from(host.querySelectorAll('.gantt .bar-wrapper[data-row]'), (group) => Number(group.getAttribute('data-row')));
  const rows = drawn.length > 0 ? { from: Math.min(...drawn), to: Math.max(...drawn) + 1 } : { from: 0, to: 0 };
  return WindowedGantt.takeOver(
    host,
    inputs.rows.map((row) => row.task),
    chartOptions(inputs.viewMode, inputs.scrollTo, rows),
  );
}

/** Status classes, words for screen readers, keyboard access, the approved window and the forecast range on bars just drawn. */
export function dressBars(gantt: Gantt, bars: Gantt['bars'], rows: ChartRow[], active: number): void {
  for (const bar of bars) {
    const row = rows[bar.task._index];
    if (!row) continue;
    bar.group.setAttribute('data-item-id', row.itemId ?? '');
    bar.group.setAttribute('data-row', String(bar.task._index));
    bar.group.setAttribute('aria-label', row.label);
    if (row.baseline) {
      drawBaseline(gantt, bar, row.baseline);
    }
    if (row.forecast) {
      drawForecast(gantt, bar, row.forecast);
    }
    if (row.itemId || row.groupNumber !== null) {
      bar.group.setAttribute('tabindex', bar.task._index === active ? '0' : '-1');
      bar.group.setAttribute('role', 'button');
    }
  }
}

/** Where a calendar date's day starts on the chart, in pixels, the way frappe-gantt places its bars. */
function xOf(gantt: Gantt, date: Date): number {
  return (unitsSince(date, gantt.gantt_start, gantt.config.unit) / gantt.config.step) * gantt.config.column_width;
}

/**
 * The approved window as a thin ghost bar just under the bar: from its first day to the end of its
 * last, dashed when the window is approximate (a month or a year, never invented days).
 */
function drawBaseline(gantt: Gantt, bar: Gantt['bars'][number], baseline: NonNullable<ChartRow['baseline']>): void {
  const endDay = toLocalDate(baseline.end);
  endDay.setDate(endDay.getDate() + 1);
  const x = xOf(gantt, toLocalDate(baseline.start));
  const width = Math.max(2, xOf(gantt, endDay) - x);
  const y = Number(bar.$bar.getAttribute('y')) + Number(bar.$bar.getAttribute('height')) + 1;
  const ghost = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  ghost.setAttribute('class', `wp-baseline${baseline.approximate ? ' wp-baseline-approximate' : ''}`);
  ghost.setAttribute('x', String(x));
  ghost.setAttribute('y', String(y));
  ghost.setAttribute('width', String(width));
  ghost.setAttribute('height', '5');
  ghost.setAttribute('rx', '2');
  ghost.setAttribute('data-testid', 'baseline-bar');
  ghost.setAttribute('data-baseline-start', baseline.start);
  ghost.setAttribute('data-baseline-end', baseline.end);
  // The bar's label says the approved window in words.
  ghost.setAttribute('aria-hidden', 'true');
  bar.group.insertBefore(ghost, bar.group.firstChild);
}

/**
 * The days an item is expected to take beyond its planned window, drawn right after its bar at the
 * bar's height: a firm band up to its earliest expected end, then a hatched one to the end of its
 * latest (the range its precision leaves), cut at the chart's right edge. The bar keeps its own
 * window and its overdue edge: a step re-planned to end later is not drawn as on time.
 */
function drawForecast(gantt: Gantt, bar: Gantt['bars'][number], forecast: NonNullable<ChartRow['forecast']>): void {
  const chartWidth = Number(gantt.$svg.getAttribute('width')) || Infinity;
  const dayAfter = (date: string) => {
    const next = toLocalDate(date);
    next.setDate(next.getDate() + 1);
    return next;
  };
  const x = Math.max(xOf(gantt, toLocalDate(forecast.from)), bar.$bar.getX() + bar.$bar.getWidth());
  const sure = Math.min(chartWidth, xOf(gantt, dayAfter(forecast.earliestEnd)));
  const end = Math.min(chartWidth, Math.max(x + 2, xOf(gantt, dayAfter(forecast.latestEnd))));
  const y = Number(bar.$bar.getAttribute('y'));
  const height = Number(bar.$bar.getAttribute('height'));
  const group = document.createElementNS('http://www.w3.org/2000/svg', 'g');
  group.setAttribute('class', 'wp-forecast');
  group.setAttribute('data-testid', 'forecast-range');
  group.setAttribute('data-forecast-earliest', forecast.earliestEnd);
  group.setAttribute('data-forecast-latest', forecast.latestEnd);
  // The bar's label says the expected end in words.
  group.setAttribute('aria-hidden', 'true');
  const band = (className: string, from: number, to: number) => {
    const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    rect.setAttribute('class', className);
    rect.setAttribute('x', String(from));
    rect.setAttribute('y', String(y + height / 4));
    rect.setAttribute('width', String(Math.max(0, to - from)));
    rect.setAttribute('height', String(height / 2));
    return rect;
  };
  if (sure > x) group.appendChild(band('wp-forecast-sure', x, sure));
  if (end > Math.max(x, sure)) group.appendChild(band('wp-forecast-possible', Math.max(x, sure), end));
  bar.group.insertBefore(group, bar.group.firstChild);
}

/** A vertical line at the end of the deadline day, the way frappe-gantt draws its today line. */
function markDeadline(gantt: Gantt, deadline: string): void {
  const endOfDeadlineDay = toLocalDate(deadline);
  endOfDeadlineDay.setDate(endOfDeadlineDay.getDate() + 1);
  const marker = document.createElement('div');
  marker.className = 'wp-deadline-marker';
  marker.setAttribute('data-testid', 'deadline-marker');
  marker.setAttribute('role', 'note');
  marker.setAttribute('aria-label', `Phase deadline: ${formatLongDay(deadline)}`);
  marker.style.left = `${xOf(gantt, endOfDeadlineDay)}px`;
  marker.style.top = `${gantt.config.header_height}px`;
  marker.style.height = `${Math.max(0, gantt.grid_height - gantt.config.header_height)}px`;
  const label = document.createElement('span');
  label.textContent = `Deadline ${formatDay(deadline)}`;
  marker.appendChild(label);
  gantt.$container.appendChild(marker);
}
