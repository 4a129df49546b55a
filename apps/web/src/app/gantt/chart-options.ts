import type { ViewMode } from './gantt-model';
import { type RowWindow, rowWindow } from './row-window';
import { FRAPPE_VIEW_MODES } from './view-modes';
import type { WindowedOptions } from './windowed-gantt';

/** Height of a bar and the space between rows, in pixels (frappe-gantt's bar_height and padding). */
export const BAR_HEIGHT = 26;
export const ROW_PADDING = 14;
/** frappe-gantt's two header rows (its defaults, 45 + 30) and its 10 px below them. */
export const HEADER_HEIGHT = 85;
export const GEOMETRY = { rowHeight: BAR_HEIGHT + ROW_PADDING, headerHeight: HEADER_HEIGHT };

/** The chart's box is at most this share of the window's height; it scrolls inside, under its header. */
export const BOX_SHARE_OF_VIEWPORT = 0.75;

/**
 * The height frappe-gantt gives the chart of `rows` rows (its grid height: the header, then one
 * bar and one padding per row), so the page can hold that space before the chart is drawn.
 */
export function chartHeight(rows: number): number {
  return HEADER_HEIGHT + ROW_PADDING + (BAR_HEIGHT + ROW_PADDING) * rows - 10;
}

/** The rows a chart of `rows` rows draws first, scrolled `top` pixels down its box, in a window `windowHeight` high. */
export function firstRows(rows: number, top: number, windowHeight: number): RowWindow {
  return rowWindow(top, Math.min(chartHeight(rows), BOX_SHARE_OF_VIEWPORT * windowHeight), rows, GEOMETRY);
}

/**
 * frappe-gantt's options for the tracker's chart: read only (the details dialog edits), no popup,
 * one view mode, no weekends marked, its geometry, opened on `scrollTo` (none: where the box is),
 * with the rows of `rows` drawn first.
 */
export function chartOptions(viewMode: ViewMode, scrollTo: string | null, rows: RowWindow): WindowedOptions {
  return {
    view_mode: FRAPPE_VIEW_MODES[viewMode],
    view_modes: [FRAPPE_VIEW_MODES[viewMode]],
    readonly: true,
    popup: false,
    infinite_padding: false,
    today_button: true,
    view_mode_select: false,
    bar_height: BAR_HEIGHT,
    padding: ROW_PADDING,
    lines: 'both',
    holidays: {},
    scroll_to: scrollTo,
    rows_window: rows,
  } as WindowedOptions;
}
