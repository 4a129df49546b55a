import Gantt, { type FrappeBar, type FrappeOptions, type FrappeTask } from 'frappe-gantt';
import type { RowWindow } from './row-window';

export interface WindowedOptions extends FrappeOptions {
  /** The rows drawn first. */
  rows_window: RowWindow;
}

type Task = FrappeTask & { _index: number };
type DateInfo = ReturnType<Gantt['get_date_info']>;
/** A bar's parts the library keeps outside its group: the label placement, and the column highlight in the header. */
type LabelledBar = FrappeBar & { update_label_position: () => void; $date_highlight?: HTMLElement };

/** The task starting first and the task ending last (yyyy-MM-dd text sorts as the dates do). */
function extremesOf(tasks: Task[]): Task[] {
  if (tasks.length === 0) return [];
  let first = tasks[0];
  let last = tasks[0];
  for (const task of tasks) {
    if (task.start < first.start) first = task;
    if (task.end > last.end) last = task;
  }
  return first === last ? [first] : [first, last];
}

/** A date as YYYY, YYYY-MM or YYYY-MM-DD, on the local calendar (as the library writes it). */
function numericDate(date: Date, format: string): string {
  const year = String(date.getFullYear()).padStart(4, '0');
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return format === 'YYYY' ? year : format === 'YYYY-MM' ? `${year}-${month}` : `${year}-${month}-${day}`;
}

const SVG = 'http://www.w3.org/2000/svg';
let patterns = 0;

/**
 * frappe-gantt, drawing only some of its rows. It reads every task (the time axis spans them all,
 * and the grid is as tall as all rows), but makes bars only for a window of rows, each at its
 * place in the whole chart; `showRows` moves the window, adding the bars that come into it and
 * removing those that leave. The grid's rows and lines are one patterned rectangle instead of two
 * elements per row, so the grid costs the same for 40 rows or 5,000.
 *
 * Everything else (header, time axis, scrolling, clicks, the look) is the library's own.
 */
export class WindowedGantt extends Gantt {
  // Set from inside the library's constructor (setup_tasks runs there): declared, never initialised here.
  declare private allTasks: Task[];
  declare private drawn: RowWindow;
  declare private pinned: number | null;
  declare private extremes: Task[];
  declare private measuring: CanvasRenderingContext2D | null | undefined;

  /** Every row of the chart, in order. */
  get rowCount(): number {
    return this.allTasks.length;
  }

  /** The rows that have bars now. */
  get drawnRows(): RowWindow {
    return { ...this.drawn };
  }

  /**
   * Reads the tasks: only those of the first window go through the library's reading (dates
   * parsed, ends moved to the end of their day); the others are read when they come into view.
   * The time axis needs only the earliest start and the latest end, found on the yyyy-MM-dd text.
   */
  override setup_tasks(tasks: FrappeTask[]): void {
    const wanted = (this.options as Partial<WindowedOptions>).rows_window ?? { from: 0, to: tasks.length };
    this.allTasks = tasks.map((task, index) => ({ ...task, _index: index }));
    this.drawn = { from: Math.max(0, wanted.from), to: Math.min(tasks.length, wanted.to) };
    this.pinned = null;
    this.extremes = this.read(extremesOf(this.allTasks));
    this.tasks = this.read(this.allTasks.slice(this.drawn.from, this.drawn.to));
  }

  /** The time axis spans every task, drawn or not: the library sees the earliest and the latest. */
  override setup_gantt_dates(refresh: boolean): void {
    const drawn = this.tasks;
    this.tasks = this.extremes;
    try {
      super.setup_gantt_dates(refresh);
    } finally {
      this.tasks = drawn;
    }
  }

  /**
   * A column's place and words, as the library computes them, with its date written directly
   * (the library builds two Intl formats for every column, which is most of the time of a redraw).
   */
  override get_date_info(date: Date, last: DateInfo | null): DateInfo {
    const mode = this.config.view_mode;
    const lower = typeof mode.lower_text === 'function' ? mode.lower_text : null;
    const upper = typeof mode.upper_text === 'function' ? mode.upper_text : null;
    const format = this.config.date_format;
    if (!lower || !upper || !/^(YYYY|YYYY-MM|YYYY-MM-DD)$/.test(format)) {
      return super.get_date_info(date, last);
    }
    const lastDate = last ? last.date : null;
    const language = this.options.language ?? 'en';
    return {
      date,
      formatted_date: numericDate(date, format),
      column_width: this.config.column_width,
      x: last ? last.x + last.column_width : 0,
      upper_text: upper(date, lastDate, language),
      lower_text: lower(date, lastDate, language),
      upper_y: 17,
      lower_y: this.options.upper_header_height + 5,
    };
  }

  /** The chart is as wide as its columns; set without asking the browser for a layout mid-draw. */
  override set_dimensions(): void {
    this.$svg.setAttribute('width', String(this.dates.length * this.config.column_width));
  }

  /** The grid is as tall as every row. */
  override make_grid_background(): void {
    const drawn = this.tasks;
    this.tasks = this.allTasks;
    try {
      super.make_grid_background();
    } finally {
      this.tasks = drawn;
    }
  }

  /** One rectangle for the rows' background. */
  override make_grid_rows(): void {
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('class', 'grid-row');
    rect.setAttribute('x', '0');
    rect.setAttribute('y', String(this.config.header_height));
    rect.setAttribute('width', String(this.dates.length * this.config.column_width));
    rect.setAttribute('height', String(Math.max(0, this.grid_height - this.config.header_height)));
    this.layers.grid.appendChild(rect);
  }

  /** The library's vertical ticks, and the line under every row as one patterned rectangle. */
  override make_grid_ticks(): void {
    const lines = this.options.lines;
    if (lines === 'none') return;
    if (lines === 'both' || lines === 'horizontal' || lines === undefined) {
      this.drawRowLines();
    }
    if (lines === 'horizontal') return;
    this.options.lines = 'vertical';
    try {
      super.make_grid_ticks();
    } finally {
      this.options.lines = lines;
    }
  }

  /**
   * Draws the bars of `window` (and of the `pinned` row, e.g. the bar that has the keyboard focus,
   * wherever it is), removing the others. Answers the bars it added, for the caller to dress.
   */
  showRows(window: RowWindow, pinned: number | null = this.pinned): FrappeBar[] {
    const total = this.allTasks.length;
    const from = Math.max(0, Math.min(window.from, total));
    const to = Math.max(from, Math.min(window.to, total));
    const wanted = (index: number) => (index >= from && index < to) || index === pinned;
    const kept: FrappeBar[] = [];
    for (const bar of this.bars) {
      if (wanted(bar.task._index)) {
        kept.push(bar);
      } else {
        bar.group.remove();
        (bar as LabelledBar).$date_highlight?.remove();
      }
    }
    const have = new Set(kept.map((bar) => bar.task._index));
    const adding = this.read(this.allTasks.filter((task) => wanted(task._index) && !have.has(task._index)));
    this.drawn = { from, to };
    this.pinned = pinned;
    this.tasks = adding;
    this.make_bars();
    const added = this.bars;
    this.bars = [...kept, ...added];
    this.tasks = this.bars.map((bar) => bar.task as Task);
    return added;
  }

  /**
   * The library's bars, placed at once: no growing animation (none while scrolling, none for
   * readers who avoid motion), and every label measured in one pass and then placed (inside its
   * bar, or after it when longer), where the library measures and moves them one by one, a layout
   * of the page for each.
   */
  override make_bars(): void {
    super.make_bars();
    const bars = this.bars as LabelledBar[];
    for (const bar of bars) {
      for (const animation of Array.from(bar.group.querySelectorAll('animate'))) animation.remove();
      bar.update_label_position = () => undefined;
    }
    const labels = bars.map((bar) => bar.group.querySelector<SVGTextElement>('.bar-label'));
    const widths = this.measure(labels);
    bars.forEach((bar, i) => {
      const label = labels[i];
      if (!label) return;
      const x = bar.$bar.getX();
      const width = bar.$bar.getWidth();
      if (widths[i] > width) {
        label.classList.add('big');
        label.setAttribute('x', String(x + width + 5));
      } else {
        label.classList.remove('big');
        label.setAttribute('x', String(x + width / 2 - widths[i] / 2));
      }
    });
  }

  /**
   * Where the drawn bars start and end (the library asks on every scroll, to offer its "back to the
   * bars" button), from their attributes rather than from the browser's layout.
   */
  override get_start_end_positions(): [number, number, number] {
    if (this.bars.length === 0) return [0, 0, 0];
    let minStart = Infinity;
    let maxStart = -Infinity;
    let maxEnd = -Infinity;
    for (const bar of this.bars) {
      const x = bar.$bar.getX();
      minStart = Math.min(minStart, x);
      maxStart = Math.max(maxStart, x);
      maxEnd = Math.max(maxEnd, x + bar.$bar.getWidth());
    }
    return [minStart, maxStart, maxEnd];
  }

  /**
   * The widths of labels, measured on a canvas in each label's font: styles are computed once for
   * all the new bars, and the page is not laid out while bars are added as the chart scrolls.
   */
  private measure(labels: (SVGTextElement | null)[]): number[] {
    const context = (this.measuring ??= document.createElement('canvas').getContext('2d'));
    return labels.map((label) => {
      if (!label) return 0;
      if (!context) return label.getBBox().width;
      const style = getComputedStyle(label);
      context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      return context.measureText(label.textContent ?? '').width;
    });
  }

  /** Tasks read as the library reads them (dates parsed, the end moved to the end of its day), keeping their row. */
  private read(tasks: Task[]): Task[] {
    const drawn = this.tasks;
    super.setup_tasks(tasks.map((task) => ({ ...task })));
    const read = this.tasks.map((task, i) => Object.assign(task, { _index: tasks[i]._index }));
    this.tasks = drawn;
    return read;
  }

  private drawRowLines(): void {
    const rowHeight = this.options.bar_height + this.options.padding;
    const width = this.dates.length * this.config.column_width;
    const id = `wp-row-lines-${++patterns}`;
    const pattern = document.createElementNS(SVG, 'pattern');
    pattern.setAttribute('id', id);
    pattern.setAttribute('patternUnits', 'userSpaceOnUse');
    pattern.setAttribute('x', '0');
    pattern.setAttribute('y', String(this.config.header_height));
    pattern.setAttribute('width', String(width));
    pattern.setAttribute('height', String(rowHeight));
    const line = document.createElementNS(SVG, 'rect');
    line.setAttribute('class', 'wp-row-line');
    line.setAttribute('x', '0');
    line.setAttribute('y', String(rowHeight - 1));
    line.setAttribute('width', String(width));
    line.setAttribute('height', '1');
    pattern.appendChild(line);
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('class', 'wp-row-lines');
    rect.setAttribute('x', '0');
    rect.setAttribute('y', String(this.config.header_height));
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', String(Math.max(0, this.grid_height - this.config.header_height)));
    rect.setAttribute('fill', `url(#${id})`);
    this.layers.grid.append(pattern, rect);
  }
}
