/** A run of chart rows, by index: `from` included, `to` excluded. */
export interface RowWindow {
  from: number;
  to: number;
}

/** The geometry of the chart's rows, in pixels: every row has the same height, under the header. */
export interface RowGeometry {
  rowHeight: number;
  headerHeight: number;
}

/** Plans up to this many rows are drawn whole; above it, only the rows in view and a margin. */
export const DRAW_WHOLE_UP_TO = 200;

/**
 * The rows to draw for a chart box of `viewHeight` pixels scrolled to `scrollTop`: the rows in
 * view, and `margin` rows (at least one screen's worth) above and below, so that scrolling by a
 * screen finds its rows drawn. A plan of up to DRAW_WHOLE_UP_TO rows is drawn whole.
 */
export function rowWindow(scrollTop: number, viewHeight: number, total: number, geometry: RowGeometry, margin?: number): RowWindow {
  if (total <= DRAW_WHOLE_UP_TO) {
    return { from: 0, to: total };
  }
  const { rowHeight, headerHeight } = geometry;
  const first = Math.max(0, Math.floor(Math.max(0, scrollTop) / rowHeight));
  const last = Math.max(first, Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewHeight - headerHeight)) / rowHeight));
  const around = margin ?? Math.max(10, Math.ceil(viewHeight / rowHeight));
  const from = Math.max(0, Math.min(first - around, total - 1));
  const to = Math.min(total, Math.max(last + around, from + 1));
  return { from, to };
}

/**
 * Whether the rows in view (`wanted`, without its margin) are still inside what is drawn, keeping
 * at least `slack` rows drawn beyond them where the plan goes on: no redraw is needed yet.
 */
export function windowCovers(drawn: RowWindow, inView: RowWindow, total: number, slack: number): boolean {
  const top = Math.max(0, inView.from - slack);
  const bottom = Math.min(total, inView.to + slack);
  return drawn.from <= top && drawn.to >= bottom;
}
