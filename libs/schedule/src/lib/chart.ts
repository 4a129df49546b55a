/**
 * The Gantt chart as a drawing: one model (rows, bars, month header, deadline line, legend) and one
 * SVG writer, pure and without dependencies, so every file export of the chart (SVG, PDF, PNG) draws
 * a bar the same way. BAR_LOOK is the one table of how a bar of each status looks.
 */
import { differenceInCalendarDays, format, parseISO, startOfMonth, addMonths } from 'date-fns';
import { forecastBeyond } from './forecast';

export type ChartStatus = 'not_started' | 'in_progress' | 'done' | 'on_hold' | 'cancelled';

/** Fill, outline and words of a bar by status: colour is never the only sign (the label says it too). */
export const BAR_LOOK: Record<ChartStatus, { fill: string; stroke: string; label: string }> = {
  not_started: { fill: '#e5e7eb', stroke: '#6b7280', label: 'Not started' },
  in_progress: { fill: '#bfdbfe', stroke: '#1d4ed8', label: 'In progress' },
  done: { fill: '#bbf7d0', stroke: '#15803d', label: 'Done' },
  on_hold: { fill: '#fde68a', stroke: '#a16207', label: 'On hold' },
  cancelled: { fill: '#f3f4f6', stroke: '#9ca3af', label: 'Cancelled' },
};
export const DEADLINE_COLOUR = '#6d28d9';
export const AS_OF_COLOUR = '#b91c1c';
/** The approved window under a bar, when the chart is compared with a version. */
export const BASELINE_COLOUR = '#374151';
/** The forecast range beyond a bar expected to end later than planned, and the arrows from predecessors. */
export const FORECAST_COLOUR = '#c2410c';
export const ARROW_COLOUR = '#4b5563';

export interface ChartItem {
  id: string;
  actionNumber: number;
  parentId: string | null;
  title: string;
  windowText: string;
  start: string | null;
  end: string | null;
  status: ChartStatus;
  progress: number;
  /** Compared with an approved version: the window approved there (null dates when undated or added since) and the slip in words. */
  baseline?: { start: string | null; end: string | null; approximate: boolean; words: string; changed: boolean } | null;
  /** The items that must end before it starts: an arrow comes from each one the chart draws. */
  predecessorIds?: readonly string[];
  /** When it is expected to end (libs/schedule forecastLinkedItems): a range beyond its bar when later than planned. */
  forecast?: { earliestEnd: string | null; latestEnd: string | null } | null;
}

/**
 * What the chart is, in words: the timeline rebuilt from the plan's sections that date the items
 * (e.g. "Work Plan timeline, from sections 2.4.9 - 2.7.9"), never the plan's own chart (Annex 2),
 * which the text does not hold. Sections are read from the items' sources ("2.4.9", "2.6.9, 5");
 * other sources (Annex 1, a spreadsheet) are not sections and do not name the timeline.
 */
export function timelineTitle(sources: readonly string[]): string {
  const sections = [
    ...new Set(
      sources
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => /^\d+(\.\d+){2,}$/.test(s)),
    ),
  ];
  const order = (a: string, b: string): number => {
    const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      const d = (x[i] ?? 0) - (y[i] ?? 0);
      if (d !== 0) return d;
    }
    return 0;
  };
  sections.sort(order);
  if (sections.length === 0) return 'Work Plan timeline';
  if (sections.length === 1) return `Work Plan timeline, from section ${sections[0]}`;
  return `Work Plan timeline, from sections ${sections[0]} - ${sections[sections.length - 1]}`;
}

/** The time scale of a chart file, as the chart page's view modes: a month, a quarter or a year is the unit read. */
export type ChartView = 'month' | 'quarter' | 'year';
export const CHART_VIEWS: readonly ChartView[] = ['month', 'quarter', 'year'];
/** Width of a day, relative to the month view: a quarter or year view fits more time on a page. */
export const VIEW_SCALE: Readonly<Record<ChartView, number>> = { month: 1, quarter: 0.5, year: 0.25 };

export interface ChartInput {
  title: string;
  subtitle: string;
  asOf: string;
  deadline: string;
  items: ChartItem[];
  /** Month by default. */
  view?: ChartView;
  /** The approved version the items are compared with ("version 1, Work Plan as approved, April 2025"), if any. */
  baselineName?: string | null;
}

export interface ChartBar {
  id: string;
  label: string;
  status: ChartStatus;
  windowText: string;
  /** Days from the chart's first day; null when the plan gives no dates (the row says so). */
  fromDay: number | null;
  days: number | null;
  progress: number;
  level: 0 | 1;
  /** The approved window, drawn as a thin ghost bar under the bar; null when not compared or not dated then. */
  baseline: { fromDay: number; days: number; approximate: boolean } | null;
  /** The predecessors' ids: an arrow from the end of each one's bar to the start of this one, where both are drawn. */
  predecessorIds: string[];
  /**
   * The forecast range beyond the bar (from the day after its planned end, `fromDay`, to the end of
   * its latest expected end, `toDay`; expected for sure up to the end of `earliestDay`), with its
   * words; null when it is expected to end within its window.
   */
  forecast: { fromDay: number; earliestDay: number; toDay: number; words: string } | null;
}

export interface ChartModel {
  title: string;
  subtitle: string;
  asOf: string;
  deadline: string;
  view: ChartView;
  firstDay: string;
  totalDays: number;
  /** `month` is 1-12. */
  months: { label: string; year: number; month: number; fromDay: number; days: number }[];
  deadlineDay: number;
  asOfDay: number;
  rows: ChartBar[];
  baselineName: string | null;
}

const day = (d: string) => parseISO(d);

/** Rows in plan order, the time axis from the first planned month to the month after the deadline. */
export function chartModel(input: ChartInput): ChartModel {
  const dated = input.items.filter((i) => i.start && i.end);
  const approved = input.items.filter((i) => i.baseline?.start && i.baseline.end);
  const beyond = new Map(input.items.map((i) => [i.id, forecastBeyond(i.start ? i.end : null, i.forecast)]));
  const forecastEnds = [...beyond.values()].flatMap((b) => (b ? [b.latestEnd] : []));
  const starts = [...dated.map((i) => i.start as string), ...approved.map((i) => i.baseline?.start as string), input.asOf].sort();
  const ends = [...dated.map((i) => i.end as string), ...approved.map((i) => i.baseline?.end as string), ...forecastEnds, input.deadline, input.asOf].sort();
  const first = startOfMonth(day(starts[0]));
  const last = addMonths(startOfMonth(day(ends[ends.length - 1])), 1);
  const months: ChartModel['months'] = [];
  for (let m = first; m < last; m = addMonths(m, 1)) {
    months.push({
      label: format(m, 'MMM yyyy'),
      year: m.getFullYear(),
      month: m.getMonth() + 1,
      fromDay: differenceInCalendarDays(m, first),
      days: differenceInCalendarDays(addMonths(m, 1), m),
    });
  }
  return {
    title: input.title,
    subtitle: input.subtitle,
    asOf: input.asOf,
    deadline: input.deadline,
    view: input.view ?? 'month',
    firstDay: format(first, 'yyyy-MM-dd'),
    totalDays: differenceInCalendarDays(last, first),
    months,
    deadlineDay: differenceInCalendarDays(day(input.deadline), first) + 1,
    asOfDay: differenceInCalendarDays(day(input.asOf), first),
    baselineName: input.baselineName ?? null,
    rows: input.items.map((item) => ({
      id: item.id,
      label: `${item.parentId ? '' : `A${item.actionNumber} `}${item.title}${item.baseline?.changed ? ` · ${item.baseline.words}` : ''}`,
      status: item.status,
      windowText: item.windowText,
      fromDay: item.start ? differenceInCalendarDays(day(item.start), first) : null,
      days: item.start && item.end ? differenceInCalendarDays(day(item.end), day(item.start)) + 1 : null,
      progress: item.progress,
      level: item.parentId ? 1 : 0,
      baseline:
        item.baseline?.start && item.baseline.end
          ? {
              fromDay: differenceInCalendarDays(day(item.baseline.start), first),
              days: differenceInCalendarDays(day(item.baseline.end), day(item.baseline.start)) + 1,
              approximate: item.baseline.approximate,
            }
          : null,
      predecessorIds: [...(item.predecessorIds ?? [])],
      forecast: forecastRange(beyond.get(item.id) ?? null, first),
    })),
  };
}

/** A forecast beyond a bar as days of the chart, with its words ("expected to end by 31 Jan 2027"). */
function forecastRange(beyond: ReturnType<typeof forecastBeyond>, first: Date): ChartBar['forecast'] {
  if (beyond === null) return null;
  const words =
    beyond.earliestEnd === beyond.latestEnd
      ? `expected to end ${format(day(beyond.latestEnd), 'd MMM yyyy')}`
      : `expected to end between ${format(day(beyond.earliestEnd), 'd MMM yyyy')} and ${format(day(beyond.latestEnd), 'd MMM yyyy')}`;
  return {
    fromDay: differenceInCalendarDays(day(beyond.from), first),
    earliestDay: differenceInCalendarDays(day(beyond.earliestEnd), first) + 1,
    toDay: differenceInCalendarDays(day(beyond.latestEnd), first) + 1,
    words,
  };
}

export interface ChartPage {
  /** Page size in points (PDF) or pixels (SVG/PNG at 1x). */
  width: number;
  height: number;
  /** The slice of rows and of months this page draws. */
  rows: ChartBar[];
  fromDay: number;
  toDay: number;
  pageNumber: number;
  pageCount: number;
}

export const CHART_LAYOUT = { margin: 24, titleHeight: 44, headerHeight: 22, rowHeight: 18, labelWidth: 330, legendHeight: 26, dayMinWidth: 0.9 } as const;

/** Splits the chart into pages of a given size: by rows (header repeated on each) and by time. */
export function paginate(model: ChartModel, width: number, height: number): ChartPage[] {
  const L = CHART_LAYOUT;
  const rowsPerPage = Math.max(1, Math.floor((height - 2 * L.margin - L.titleHeight - L.headerHeight - L.legendHeight) / L.rowHeight));
  const timeWidth = width - 2 * L.margin - L.labelWidth;
  // Whole months per page, at least dayMinWidth points a day (scaled by the view) so a month bar stays readable.
  const dayMinWidth = L.dayMinWidth * VIEW_SCALE[model.view];
  const monthSlices: [number, number][] = [];
  let from = 0;
  let i = 0;
  while (i < model.months.length) {
    let j = i;
    while (j < model.months.length && (model.months[j].fromDay + model.months[j].days - from) * dayMinWidth <= timeWidth) {
      j++;
    }
    j = Math.max(j, i + 1);
    const to = model.months[j - 1].fromDay + model.months[j - 1].days;
    monthSlices.push([from, to]);
    from = to;
    i = j;
  }
  const rowSlices: ChartBar[][] = [];
  for (let r = 0; r < Math.max(model.rows.length, 1); r += rowsPerPage) {
    rowSlices.push(model.rows.slice(r, r + rowsPerPage));
  }
  const pages: ChartPage[] = [];
  for (const [fromDay, toDay] of monthSlices) {
    for (const rows of rowSlices) {
      pages.push({ width, height, rows, fromDay, toDay, pageNumber: pages.length + 1, pageCount: monthSlices.length * rowSlices.length });
    }
  }
  return pages;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (x: number) => Math.round(x * 100) / 100;

/** One page of the chart as SVG: title, month header, one `rect.bar` per row with a date, deadline and as-of lines, legend. */
export function chartSvg(model: ChartModel, page: ChartPage, options: { fontFamily?: string } = {}): string {
  const L = CHART_LAYOUT;
  const font = options.fontFamily ?? 'DejaVu Sans Condensed, Arial Narrow, sans-serif';
  const x0 = L.margin + L.labelWidth;
  const timeWidth = page.width - 2 * L.margin - L.labelWidth;
  const perDay = timeWidth / (page.toDay - page.fromDay);
  const xOf = (d: number) => x0 + (Math.min(Math.max(d, page.fromDay), page.toDay) - page.fromDay) * perDay;
  const top = L.margin + L.titleHeight;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${page.width}" height="${page.height}" viewBox="0 0 ${page.width} ${page.height}" font-family="${escape(font)}">`,
  );
  out.push(`<rect x="0" y="0" width="${page.width}" height="${page.height}" fill="#ffffff"/>`);
  out.push(`<text x="${L.margin}" y="${L.margin + 14}" font-size="14" font-weight="bold" fill="#111827">${escape(model.title)}</text>`);
  out.push(
    `<text x="${L.margin}" y="${L.margin + 32}" font-size="9" fill="#374151">${escape(`${model.subtitle} · as of ${model.asOf} · page ${page.pageNumber} of ${page.pageCount}`)}</text>`,
  );
  // Month header (repeated on every page).
  for (const month of model.months.filter((m) => m.fromDay >= page.fromDay && m.fromDay < page.toDay)) {
    const x = xOf(month.fromDay);
    out.push(`<rect x="${n(x)}" y="${top}" width="${n(month.days * perDay)}" height="${L.headerHeight}" fill="#f9fafb" stroke="#d1d5db" stroke-width="0.5"/>`);
    const label = headerLabel(model, month, month.days * perDay, month.fromDay === page.fromDay);
    if (label !== null) {
      out.push(`<text x="${n(x + 2)}" y="${top + 14}" font-size="${label.size}" fill="#374151">${escape(label.text)}</text>`);
    }
  }
  out.push(`<text x="${L.margin}" y="${top + 14}" font-size="8" font-weight="bold" fill="#374151">Action / item</text>`);
  // Rows.
  page.rows.forEach((row, r) => {
    const y = top + L.headerHeight + r * L.rowHeight;
    const look = BAR_LOOK[row.status];
    const range = row.forecast;
    if (range && range.toDay > page.fromDay && range.fromDay < page.toDay) {
      // The range beyond the bar: solid up to the earliest expected end, hatched (dashed outline) to the latest.
      const fx = xOf(range.fromDay);
      const sure = xOf(range.earliestDay);
      const fw = Math.max(xOf(range.toDay) - fx, 1.5);
      out.push(
        `<rect class="forecast" data-id="${row.id}" x="${n(fx)}" y="${y + 5}" width="${n(fw)}" height="${L.rowHeight - 10}" fill="${FORECAST_COLOUR}" fill-opacity="0.18" stroke="${FORECAST_COLOUR}" stroke-width="0.6" stroke-dasharray="2 1"><title>${escape(`${row.label}: ${range.words}`)}</title></rect>`,
      );
      if (sure > fx) {
        out.push(`<rect x="${n(fx)}" y="${y + 5}" width="${n(sure - fx)}" height="${L.rowHeight - 10}" fill="${FORECAST_COLOUR}" fill-opacity="0.45"/>`);
      }
    }
    if (r % 2 === 1) {
      out.push(`<rect x="${L.margin}" y="${y}" width="${page.width - 2 * L.margin}" height="${L.rowHeight}" fill="#f9fafb"/>`);
    }
    out.push(
      `<text x="${L.margin + (row.level ? 8 : 0)}" y="${y + 12}" font-size="6.5" font-weight="${row.level ? 'normal' : 'bold'}" fill="#111827">${escape(row.label)}</text>`,
    );
    if (row.baseline && row.baseline.fromDay + row.baseline.days > page.fromDay && row.baseline.fromDay < page.toDay) {
      const bx = xOf(row.baseline.fromDay);
      out.push(
        `<rect class="baseline" data-id="${row.id}" x="${n(bx)}" y="${y + L.rowHeight - 2.6}" width="${n(Math.max(xOf(row.baseline.fromDay + row.baseline.days) - bx, 1.5))}" height="2.2" fill="${BASELINE_COLOUR}" fill-opacity="0.35" stroke="${BASELINE_COLOUR}" stroke-width="0.4"${row.baseline.approximate ? ' stroke-dasharray="2 1"' : ''}/>`,
      );
    }
    if (row.fromDay === null || row.days === null) {
      out.push(
        `<text x="${x0 + 4}" y="${y + 12}" font-size="7" font-style="italic" fill="#4b5563">${escape(`no dates in the plan: ${row.windowText}`)}</text>`,
      );
      return;
    }
    const from = row.fromDay;
    const to = row.fromDay + row.days;
    if (to <= page.fromDay || from >= page.toDay) {
      return;
    }
    const x = xOf(from);
    const w = Math.max(xOf(to) - x, 1.5);
    out.push(
      `<rect class="bar" data-id="${row.id}" data-status="${row.status}" x="${n(x)}" y="${y + 3}" width="${n(w)}" height="${L.rowHeight - 6}" rx="2" fill="${look.fill}" stroke="${look.stroke}" stroke-width="0.8"><title>${escape(`${row.label}: ${row.windowText}, ${look.label}${row.forecast ? `, ${row.forecast.words}` : ''}`)}</title></rect>`,
    );
    if (row.progress > 0 && row.progress < 100) {
      out.push(`<rect x="${n(x)}" y="${y + L.rowHeight - 5}" width="${n((w * row.progress) / 100)}" height="2" fill="${look.stroke}"/>`);
    }
  });
  const bottom = top + L.headerHeight + page.rows.length * L.rowHeight;
  out.push(...arrowsOf(page, top + L.headerHeight, xOf));
  for (const [d, colour, label] of [
    [model.deadlineDay, DEADLINE_COLOUR, `Deadline ${model.deadline}`],
    [model.asOfDay, AS_OF_COLOUR, `As of ${model.asOf}`],
  ] as const) {
    if (d >= page.fromDay && d <= page.toDay) {
      const x = n(xOf(d));
      out.push(
        `<line class="${label.startsWith('Deadline') ? 'deadline' : 'as-of'}" x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="${colour}" stroke-width="1.2" stroke-dasharray="${label.startsWith('Deadline') ? '' : '3 2'}"/>`,
      );
      // Written to the left of its line, so the deadline's words stay on the page at the right edge.
      out.push(`<text x="${n(x - 2)}" y="${bottom + 9}" font-size="7" text-anchor="end" fill="${colour}">${escape(label)}</text>`);
    }
  }
  // Legend.
  let lx = L.margin;
  const ly = page.height - L.margin - 8;
  for (const look of Object.values(BAR_LOOK)) {
    out.push(`<rect x="${lx}" y="${ly - 7}" width="14" height="8" fill="${look.fill}" stroke="${look.stroke}" stroke-width="0.8"/>`);
    out.push(`<text x="${lx + 18}" y="${ly}" font-size="7.5" fill="#111827">${look.label}</text>`);
    lx += 80;
  }
  out.push(
    `<line x1="${lx}" y1="${ly - 3}" x2="${lx + 14}" y2="${ly - 3}" stroke="${DEADLINE_COLOUR}" stroke-width="1.2"/><text x="${lx + 18}" y="${ly}" font-size="7.5" fill="#111827">Deadline</text>`,
  );
  out.push(
    `<line x1="${lx + 80}" y1="${ly - 3}" x2="${lx + 94}" y2="${ly - 3}" stroke="${AS_OF_COLOUR}" stroke-width="1.2" stroke-dasharray="3 2"/><text x="${lx + 98}" y="${ly}" font-size="7.5" fill="#111827">As of</text>`,
  );
  out.push(
    `<g class="legend-arrow"><path d="M ${lx + 140} ${ly - 7} H ${lx + 145} V ${ly - 2} H ${lx + 151}" fill="none" stroke="${ARROW_COLOUR}" stroke-width="0.7"/><path d="M ${lx + 151} ${ly - 4} L ${lx + 154} ${ly - 2} L ${lx + 151} ${ly} Z" fill="${ARROW_COLOUR}"/><text x="${lx + 158}" y="${ly}" font-size="7.5" fill="#111827">Comes after</text></g>`,
  );
  out.push(
    `<g class="legend-forecast"><rect x="${lx + 205}" y="${ly - 7}" width="7" height="8" fill="${FORECAST_COLOUR}" fill-opacity="0.45"/><rect x="${lx + 212}" y="${ly - 7}" width="7" height="8" fill="${FORECAST_COLOUR}" fill-opacity="0.18" stroke="${FORECAST_COLOUR}" stroke-width="0.6" stroke-dasharray="2 1"/><text x="${lx + 223}" y="${ly}" font-size="7.5" fill="#111827">Forecast beyond the plan</text></g>`,
  );
  if (model.baselineName) {
    // On its own line, above the others: the line is full.
    lx = L.margin - 140;
    out.push(
      `<rect x="${lx + 140}" y="${ly - 15}" width="14" height="2.2" fill="${BASELINE_COLOUR}" fill-opacity="0.35" stroke="${BASELINE_COLOUR}" stroke-width="0.4"/><text x="${lx + 158}" y="${ly - 11}" font-size="7.5" fill="#111827">${escape(`Approved window (${model.baselineName})`)}</text>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

/**
 * An arrow from the end of each predecessor's bar to the start of its successor's, for the links
 * whose two bars are on the page: right from the predecessor, down (or up) to the successor's row,
 * into its start; around the left of the successor when it starts before the predecessor ends.
 */
function arrowsOf(page: ChartPage, rowsTop: number, xOf: (day: number) => number): string[] {
  const L = CHART_LAYOUT;
  const rowOf = new Map<string, number>();
  page.rows.forEach((row, r) => {
    if (row.fromDay !== null && row.days !== null) rowOf.set(row.id, r);
  });
  const out: string[] = [];
  page.rows.forEach((row, r) => {
    if (row.fromDay === null || row.days === null) return;
    for (const predecessorId of row.predecessorIds) {
      const p = rowOf.get(predecessorId);
      if (p === undefined) continue;
      const from = page.rows[p];
      const sx = xOf((from.fromDay as number) + (from.days as number));
      const sy = rowsTop + p * L.rowHeight + L.rowHeight / 2;
      const ex = xOf(row.fromDay);
      const ey = rowsTop + r * L.rowHeight + L.rowHeight / 2;
      const between = rowsTop + (p < r ? r : r + 1) * L.rowHeight;
      const d =
        ex >= sx + 6
          ? `M ${n(sx)} ${n(sy)} H ${n(sx + 3)} V ${n(ey)} H ${n(ex - 3)}`
          : `M ${n(sx)} ${n(sy)} H ${n(sx + 3)} V ${n(between)} H ${n(ex - 6)} V ${n(ey)} H ${n(ex - 3)}`;
      out.push(
        `<g class="arrow" data-from="${from.id}" data-to="${row.id}"><path d="${d}" fill="none" stroke="${ARROW_COLOUR}" stroke-width="0.7"/><path d="M ${n(ex - 3)} ${n(ey - 2)} L ${n(ex)} ${n(ey)} L ${n(ex - 3)} ${n(ey + 2)} Z" fill="${ARROW_COLOUR}"/></g>`,
      );
    }
  });
  return out;
}

/**
 * The words over a month in the header: the month where it fits ("Jan 2026", "Jan 26"), else the
 * quarter at its first month ("Q1 2026") or the year at January (and at the page's first month).
 */
function headerLabel(model: ChartModel, month: ChartModel['months'][number], width: number, firstOnPage: boolean): { text: string; size: number } | null {
  if (width > 40) return { text: month.label, size: 8 };
  if (width > 24) return { text: `${month.label.slice(0, 3)} ${String(month.year).slice(-2)}`, size: 6 };
  if (model.view === 'quarter' && (month.month % 3 === 1 || firstOnPage) && width * 3 > 24) {
    return { text: `Q${Math.ceil(month.month / 3)} ${month.year}`, size: 6 };
  }
  if ((month.month === 1 || firstOnPage) && width * 12 > 24) return { text: String(month.year), size: 7 };
  return null;
}
