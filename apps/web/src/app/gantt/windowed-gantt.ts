import Gantt, { type FrappeBar, type FrappeOptions, type FrappeTask } from 'frappe-gantt';
import { differenceInCalendarDays } from 'date-fns';
import type { RowWindow } from './row-window';
import { unitsSince } from './view-modes';

export interface WindowedOptions extends FrappeOptions {
  /** The rows drawn first. */
  rows_window: RowWindow;
}

type Task = FrappeTask & { _index: number };
type DateInfo = ReturnType<Gantt['get_date_info']>;
/** A bar's parts the library keeps outside its group: the label placement, and the column highlight in the header. */
/** A task as the library reads it: its dates parsed, its end moved to the end of its last day. */
type ReadTask = Task & { _start: Date; _end: Date };

/** Days in a unit of the time axis, as the library converts them (date_utils.convert_scales). */
const DAYS_PER_UNIT: Record<string, number> = { day: 1, month: 30, year: 365 };

/** An SVG element with its attributes. */
function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** The rows of the task starting first and of the task ending last (yyyy-MM-dd text sorts as the dates do). */
function extremesOf(tasks: FrappeTask[]): number[] {
  if (tasks.length === 0) return [];
  let first = 0;
  let last = 0;
  tasks.forEach((task, index) => {
    if (task.start < tasks[first].start) first = index;
    if (task.end > tasks[last].end) last = index;
  });
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
/** The box of a chart drawn before (by the server), while a chart is being made to take it over (WindowedGantt.takeOver). */
let drawnBefore: HTMLElement | null = null;

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
  /** The caller's tasks, never changed: a row's task is copied when it is read. */
  declare private allTasks: FrappeTask[];
  declare private drawn: RowWindow;
  declare private pinned: number | null;
  declare private extremes: Task[];
  declare private measuring: CanvasRenderingContext2D | null | undefined;
  /** Made over a chart drawn before: its first render binds to the elements there instead of drawing. */
  declare private taken: boolean;

  /**
   * The chart already drawn in `host` (by the same code, with these tasks and options: the home
   * page's, drawn by the server), taken over as it is: the library's state is set up as a render
   * would leave it, bound to the elements there, and only the labels are placed again (measured in
   * the reader's fonts). Null when `host` holds no chart.
   */
  static takeOver(host: HTMLElement, tasks: FrappeTask[], options: WindowedOptions): WindowedGantt | null {
    if (host.querySelector(':scope > .gantt-container > svg.gantt') === null) return null;
    drawnBefore = host;
    try {
      return new WindowedGantt(host, tasks, options);
    } finally {
      drawnBefore = null;
    }
  }

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
    this.allTasks = tasks;
    this.drawn = { from: Math.max(0, wanted.from), to: Math.min(tasks.length, wanted.to) };
    this.pinned = null;
    this.extremes = this.read(extremesOf(tasks));
    const first: number[] = [];
    for (let index = this.drawn.from; index < this.drawn.to; index += 1) first.push(index);
    this.tasks = this.read(first);
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

  /**
   * Today's column in the header (the library marks it), found by its date written directly as in
   * get_date_info, stepping back a unit at a time as the library does; for month and year columns.
   */
  override get_closest_date(): [Date, HTMLElement] | null {
    const format = this.config.date_format;
    const unit = this.config.unit;
    if (!/^(YYYY|YYYY-MM|YYYY-MM-DD)$/.test(format) || (unit !== 'month' && unit !== 'year')) {
      return super.get_closest_date();
    }
    const now = new Date();
    if (now < this.gantt_start || now > this.gantt_end) return null;
    const find = (date: Date) => this.$container.querySelector<HTMLElement>(`.date_${numericDate(date, format)}`);
    let current = new Date();
    let element = find(current);
    for (let step = 0; !element && step < this.config.step; step += 1) {
      current =
        unit === 'month'
          ? new Date(current.getFullYear(), current.getMonth() - 1, current.getDate())
          : new Date(current.getFullYear() - 1, current.getMonth(), current.getDate());
      element = find(current);
    }
    return [new Date(`${numericDate(current, format)} `), element as HTMLElement];
  }

  /**
   * The chart opens where it should at once: the library scrolls to its opening day smoothly, which
   * moved a chart already on the screen (and left one taken over mid-way, by the app from the home
   * page's first paint, short of its place). Its "Today" button keeps the library's smooth scroll.
   */
  override setup_wrapper(element: HTMLElement | SVGElement | string): void {
    const box = drawnBefore?.querySelector<HTMLElement>(':scope > .gantt-container');
    this.taken = box !== null && box !== undefined;
    if (!box) {
      super.setup_wrapper(element);
      return;
    }
    this.$container = box;
    this.$svg = box.querySelector('svg.gantt') as SVGSVGElement;
    this.$popup_wrapper = box.querySelector(':scope > .popup-wrapper') as HTMLElement;
  }

  override render(): void {
    if (this.taken) {
      this.taken = false;
      this.bindDrawn();
      return;
    }
    const box = this.$container;
    const scrollTo = box.scrollTo.bind(box);
    box.scrollTo = ((options: ScrollToOptions) => scrollTo({ ...options, behavior: 'instant' })) as typeof box.scrollTo;
    try {
      super.render();
    } finally {
      delete (box as Partial<Pick<HTMLElement, 'scrollTo'>>).scrollTo;
    }
  }

  /** The chart is as wide as its columns; set without asking the browser for a layout mid-draw. */
  override set_dimensions(): void {
    this.$svg.setAttribute('width', String(this.dates.length * this.config.column_width));
  }

  /** The grid is as tall as every row (the library reads only how many tasks there are). */
  override make_grid_background(): void {
    const drawn = this.tasks;
    this.tasks = this.allTasks as Task[];
    try {
      super.make_grid_background();
    } finally {
      this.tasks = drawn;
    }
  }

  /** One rectangle for the rows' background. */
  override make_grid_rows(): void {
    const height = Math.max(0, this.grid_height - this.config.header_height);
    this.layers.grid.appendChild(
      svg('rect', { class: 'grid-row', x: 0, y: this.config.header_height, width: this.dates.length * this.config.column_width, height }),
    );
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
      }
    }
    // Only the rows of the window (and the pinned one) are looked at, never every task of the plan.
    const have = new Set(kept.map((bar) => bar.task._index));
    const rows = pinned !== null && (pinned < from || pinned >= to) ? [pinned] : [];
    for (let index = from; index < to; index += 1) rows.push(index);
    const adding = this.read(rows.filter((index) => index < total && !have.has(index)));
    this.drawn = { from, to };
    this.pinned = pinned;
    this.tasks = adding;
    this.make_bars();
    const added = this.bars;
    this.bars = [...kept, ...added];
    this.tasks = this.bars.map((bar) => bar.task as Task);
    this.layers.arrow.replaceChildren();
    this.make_arrows();
    this.map_arrows_on_bars();
    return added;
  }

  /**
   * The library's arrows between the drawn bars: it finds a bar by its task's row in `bars`, which
   * here holds only the drawn rows, so it is given the drawn bars at their rows. An arrow whose
   * other end is not drawn waits until both are.
   */
  override make_arrows(): void {
    const drawn = this.bars;
    const byRow: FrappeBar[] = [];
    for (const bar of drawn) byRow[bar.task._index] = bar;
    this.bars = byRow;
    try {
      super.make_arrows();
    } finally {
      this.bars = drawn;
    }
  }

  /**
   * The bars of `this.tasks`, drawn as the library draws them (the same elements, classes and
   * geometry: x from the days since the chart's start, width from the days the task spans, the row
   * from its index), without what a read-only chart does not use: resize handles, the header's
   * column highlight, the growing animation (none while scrolling, none for readers who avoid
   * motion). The label is text, never markup, and every label is measured in one pass and then
   * placed (inside its bar, or after it when longer).
   */
  override make_bars(): void {
    const bars = this.tasks.map((task) => this.drawBar(task));
    const fragment = document.createDocumentFragment();
    for (const bar of bars) fragment.appendChild(bar.group);
    this.layers.bar.appendChild(fragment);
    this.placeLabels(bars);
    this.bars = bars;
  }

  /** Every label of these bars measured in one pass, then placed: inside its bar, or after it when longer. */
  private placeLabels(bars: FrappeBar[]): void {
    const labels = bars.map((bar) => bar.group.querySelector<SVGTextElement>('.bar-label'));
    const widths = this.measure(labels);
    bars.forEach((bar, i) => {
      const label = labels[i];
      if (!label) return;
      const x = bar.$bar.getX();
      const width = bar.$bar.getWidth();
      const longer = widths[i] > width;
      label.classList.toggle('big', longer);
      label.setAttribute('x', String(longer ? x + width + 5 : x + width / 2 - widths[i] / 2));
    });
  }

  /**
   * What a render would have left, found in the chart drawn before: the layers, the header and its
   * texts, the "Today" button (its handler bound again), today's line, and a bar for each group
   * drawn (its task the row's, its rectangle's geometry read from its attributes).
   */
  private bindDrawn(): void {
    const box = this.$container;
    const find = <T extends Element>(selector: string, within: ParentNode = box) => within.querySelector<T>(selector) as T;
    this.layers = {
      grid: find(':scope > g.grid', this.$svg),
      arrow: find(':scope > g.arrow', this.$svg),
      progress: find(':scope > g.progress', this.$svg),
      bar: find(':scope > g.bar', this.$svg),
    };
    this.$extras = find(':scope > .extras');
    this.$adjust = find('.adjust', this.$extras);
    this.$header = find(':scope > .grid-header');
    this.$upper_header = find('.upper-header', this.$header);
    this.$lower_header = find('.lower-header', this.$header);
    this.$side_header = find('.side-header', this.$header);
    this.$today_button = find<HTMLButtonElement>('.today-button', this.$side_header) ?? undefined;
    if (this.$today_button) this.$today_button.onclick = this.scroll_current.bind(this);
    this.$current_highlight = find(':scope > .current-highlight') ?? undefined;
    this.$current_ball_highlight = find('.current-ball-highlight', this.$header) ?? undefined;
    this.upperTexts = Array.from(box.querySelectorAll<HTMLElement>('.upper-text'));
    this.lowerTexts = Array.from(box.querySelectorAll<HTMLElement>('.lower-text'));
    this.$current = find('.current-upper') ?? undefined;
    (this.config as { ignored_positions?: number[] }).ignored_positions = [];
    const { header_height: headerHeight } = this.config;
    this.grid_height = headerHeight + this.options.padding + (this.options.bar_height + this.options.padding) * this.allTasks.length - 10;
    const tasks = new Map(this.tasks.map((task) => [task._index, task]));
    const bars: FrappeBar[] = [];
    for (const group of Array.from(this.layers.bar.querySelectorAll<SVGGElement>(':scope > g.bar-wrapper'))) {
      const task = tasks.get(Number(group.getAttribute('data-row')));
      const rect = group.querySelector<SVGRectElement>('.bar');
      if (!task || !rect) {
        group.remove();
        continue;
      }
      const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name)));
      const $bar = Object.assign(rect, { getX: () => x, getY: () => y, getWidth: () => width, getHeight: () => height, getEndX: () => x + width });
      bars.push({ task, group, $bar });
    }
    this.placeLabels(bars);
    this.bars = bars;
    this.tasks = bars.map((bar) => bar.task as Task);
    this.arrows = [];
  }

  /** One bar, as the library's Bar draws it (bar.js: compute_x, compute_y, compute_duration, draw). */
  private drawBar(task: Task): FrappeBar {
    const { column_width: columnWidth, step, unit, header_height: headerHeight } = this.config;
    const height = this.options.bar_height;
    const start = (task as ReadTask)._start;
    const end = (task as ReadTask)._end;
    const x = (unitsSince(start, this.gantt_start, unit) / step) * columnWidth;
    const y = headerHeight + this.options.padding / 2 + task._index * (height + this.options.padding);
    const width = (columnWidth * (differenceInCalendarDays(end, start) / (DAYS_PER_UNIT[unit] ?? 1))) / step;
    const progress = Math.min(100, Math.max(0, task.progress || 0));
    const radius = this.options.bar_corner_radius ?? 3;

    const group = svg('g', { class: `bar-wrapper${task.custom_class ? ` ${task.custom_class}` : ''}`, 'data-id': task.id });
    const barGroup = svg('g', { class: 'bar-group' });
    const rect = svg('rect', { x, y, width, height, rx: radius, ry: radius, class: 'bar' });
    const done = svg('rect', { x, y, width: (width * progress) / 100, height, rx: radius + 2, ry: radius + 2, class: 'bar-progress' });
    const label = svg('text', { x: x + width / 2, y: y + height / 2, class: 'bar-label' });
    label.textContent = task.name;
    barGroup.append(rect, done, label);
    group.append(barGroup, svg('g', { class: 'handle-group' }));
    // What the library's event handlers ask of a bar's rectangle (it adds these to every SVG element).
    const $bar = Object.assign(rect, {
      getX: () => x,
      getY: () => y,
      getWidth: () => width,
      getHeight: () => height,
      getEndX: () => x + width,
    });
    return { task, group, $bar };
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
   * all the new bars, and the page is not laid out while bars are added as the chart scrolls. The
   * font is read once per set of classes on the bars (the classes decide it: bold, italic), not once
   * per label: reading a computed style costs far more than measuring text.
   */
  private measure(labels: (SVGTextElement | null)[]): number[] {
    const context = (this.measuring ??= document.createElement('canvas').getContext('2d'));
    const fonts = new Map<string, string>();
    return labels.map((label) => {
      if (!label) return 0;
      if (!context) return label.getBBox().width;
      const classes = label.parentElement?.parentElement?.getAttribute('class') ?? '';
      let font = fonts.get(classes);
      if (font === undefined) {
        const style = getComputedStyle(label);
        font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        fonts.set(classes, font);
      }
      context.font = font;
      return context.measureText(label.textContent ?? '').width;
    });
  }

  /** The tasks of these rows read as the library reads them (copies, dates parsed, the end moved to the end of its day), each keeping its row. */
  private read(rows: number[]): Task[] {
    const drawn = this.tasks;
    super.setup_tasks(rows.map((index) => Object.assign({}, this.allTasks[index])));
    const read = this.tasks.map((task, i) => Object.assign(task, { _index: rows[i] }));
    this.tasks = drawn;
    return read;
  }

  private drawRowLines(): void {
    const rowHeight = this.options.bar_height + this.options.padding;
    const width = this.dates.length * this.config.column_width;
    const id = `wp-row-lines-${++patterns}`;
    const top = this.config.header_height;
    const pattern = svg('pattern', { id, patternUnits: 'userSpaceOnUse', x: 0, y: top, width, height: rowHeight });
    pattern.appendChild(svg('rect', { class: 'wp-row-line', x: 0, y: rowHeight - 1, width, height: 1 }));
    const rect = svg('rect', { class: 'wp-row-lines', x: 0, y: top, width, height: Math.max(0, this.grid_height - top), fill: `url(#${id})` });
    this.layers.grid.append(pattern, rect);
  }
}
