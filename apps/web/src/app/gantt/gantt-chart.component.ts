import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterRenderEffect, computed, inject, input, output, viewChild } from '@angular/core';
import type Gantt from 'frappe-gantt';
import { toLocalDate } from '@tracker/schedule';
import { formatDay, formatLongDay } from '../plan/labels';
import type { ChartRow, ViewMode } from './gantt-model';
import { BOX_SHARE_OF_VIEWPORT, GEOMETRY, HEADER_HEIGHT, chartHeight, chartOptions, firstRows } from './chart-options';
import { unitsSince } from './view-modes';
import { rowWindow, windowCovers } from './row-window';
import { WindowedGantt } from './windowed-gantt';

/** What survives a redraw (new rows, e.g. an Action expanded): where the box was scrolled, and the bar with the focus. */
interface Kept {
  key: string;
  top: number;
  left: number;
  activeId: string | null;
  hadFocus: boolean;
}

/**
 * The one place frappe-gantt lives. It is created after render, redrawn from an effect when its
 * inputs change, and destroyed with the component. On top of the library it adds what the plan
 * needs: status classes and words on every bar, keyboard access to every row, a marker at the
 * phase deadline, and its height held before it is drawn.
 *
 * The chart scrolls in its own box (the time axis stays on top) and draws only the rows in view
 * and a screen's worth around them (WindowedGantt), so a plan of 5,000 items costs what a plan of
 * 50 does; the bars come and go as the box scrolls. The keyboard reaches every row: the chart is
 * one stop for Tab, and the arrow keys (Home, End, Page Up, Page Down) move between its rows,
 * scrolling and drawing the row they reach.
 */
@Component({
  selector: 'wp-gantt-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="gantt-host" #host [style.min-height]="reservedHeight()" [attr.data-chart-rows]="rows().length"></div>`,
  styleUrl: './gantt-chart.component.css',
})
export class GanttChartComponent {
  readonly rows = input.required<ChartRow[]>();
  readonly viewMode = input<ViewMode>('Month');
  /** Calendar date the chart scrolls to when drawn (the start of the plan period). */
  readonly scrollTo = input<string | null>(null);
  /** The partnership's deadline, marked on the chart (none while unknown). */
  readonly deadline = input<string | null>(null);
  readonly itemSelected = output<string>();
  /** An Action's summary bar was activated: expand or collapse that Action. */
  readonly groupToggled = output<number>();

  /** The chart's height, held from the first render on, so nothing below it moves when it is drawn. */
  readonly reservedHeight = computed(() => (this.rows().length > 0 ? `min(${chartHeight(this.rows().length)}px, ${BOX_SHARE_OF_VIEWPORT * 100}vh)` : null));

  private readonly host = viewChild.required<ElementRef<HTMLDivElement>>('host');
  private gantt: WindowedGantt | null = null;
  private drawnRows: ChartRow[] = [];
  private drawnKey = '';
  /** The row that is the chart's stop for Tab (the last one focused or reached by the arrow keys). */
  private active = 0;
  private scrollFrame: number | null = null;
  private readonly stopListening: (() => void)[] = [];

  constructor() {
    afterRenderEffect({
      write: () => {
        this.draw(this.rows(), this.viewMode(), this.scrollTo(), this.deadline());
      },
    });
    const printAll = () => this.gantt && this.dress(this.gantt.showRows({ from: 0, to: this.gantt.rowCount }));
    const printDone = () => this.showRowsInView();
    window.addEventListener('beforeprint', printAll);
    window.addEventListener('afterprint', printDone);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('beforeprint', printAll);
      window.removeEventListener('afterprint', printDone);
      this.destroy();
    });
  }

  private draw(rows: ChartRow[], viewMode: ViewMode, scrollTo: string | null, deadline: string | null): void {
    const element = this.host().nativeElement;
    const kept = this.keep();
    this.destroy();
    if (rows.length === 0) {
      return;
    }
    const key = `${viewMode}\n${scrollTo}`;
    const same = kept !== null && kept.key === key;
    const gantt = new WindowedGantt(
      element,
      rows.map((row) => row.task),
      // A redraw of the same view stays where the reader was; a new view opens on the plan period.
      chartOptions(viewMode, same ? null : scrollTo, firstRows(rows.length, same ? kept.top : 0, window.innerHeight)),
    );
    this.gantt = gantt;
    this.drawnRows = rows;
    this.drawnKey = key;
    const activeIndex = kept?.activeId ? rows.findIndex((row) => row.task.id === kept.activeId) : -1;
    this.active = activeIndex >= 0 ? activeIndex : 0;
    if (same) {
      gantt.$container.scrollTop = kept.top;
      gantt.$container.scrollLeft = kept.left;
    }
    this.dress(gantt.bars);
    this.showRowsInView();
    gantt.$svg.setAttribute(
      'aria-label',
      'Gantt chart of the Work Plan; the table below gives the same items. The arrow keys move between its bars, Enter opens one.',
    );
    this.listen(gantt.$container, 'scroll', () => this.onScroll());
    this.listen(gantt.$svg, 'keydown', (event) => this.onKeydown(event as KeyboardEvent));
    this.listen(gantt.$svg, 'click', (event) => this.onClick(event));
    this.listen(gantt.$svg, 'focusin', (event) => this.onFocus(event));
    if (deadline !== null) {
      this.markDeadline(deadline);
    }
    if (kept?.hadFocus) {
      this.focusRow(this.active);
    }
    // When the chart finished drawing, for the benchmark and the browser tests.
    element.setAttribute('data-rendered-bars', String(gantt.bars.length));
    const marks = window as unknown as { __wpGanttRenderedAt?: number; __wpGanttDraws?: number };
    marks.__wpGanttRenderedAt = performance.now();
    marks.__wpGanttDraws = (marks.__wpGanttDraws ?? 0) + 1;
  }

  /** Where the box is scrolled and which bar is active, before a redraw. */
  private keep(): Kept | null {
    const gantt = this.gantt;
    if (!gantt) return null;
    return {
      key: this.drawnKey,
      top: gantt.$container.scrollTop,
      left: gantt.$container.scrollLeft,
      activeId: this.drawnRows[this.active]?.task.id ?? null,
      hadFocus: gantt.$svg.contains(document.activeElement),
    };
  }

  private listen(target: EventTarget, type: string, handler: (event: Event) => void): void {
    target.addEventListener(type, handler);
    this.stopListening.push(() => target.removeEventListener(type, handler));
  }

  /** Scrolling moves the drawn rows, once per frame. */
  private onScroll(): void {
    if (this.scrollFrame !== null) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = null;
      this.showRowsInView();
    });
  }

  /** Draws the rows in view and around them (and the active row), if what is drawn does not cover them. */
  private showRowsInView(force = false): void {
    const gantt = this.gantt;
    if (!gantt) return;
    const box = gantt.$container;
    const total = gantt.rowCount;
    const inView = rowWindow(box.scrollTop, box.clientHeight, total, GEOMETRY, 0);
    const drawn = gantt.drawnRows;
    const activeDrawn = gantt.bars.some((bar) => bar.task._index === this.active);
    if (!force && activeDrawn && windowCovers(drawn, inView, total, Math.ceil(box.clientHeight / GEOMETRY.rowHeight / 2))) {
      return;
    }
    this.dress(gantt.showRows(rowWindow(box.scrollTop, box.clientHeight, total, GEOMETRY), this.active));
    this.host().nativeElement.setAttribute('data-rendered-bars', String(gantt.bars.length));
  }

  /** Status classes, words for screen readers, keyboard access and the approved window on bars just drawn. */
  private dress(bars: Gantt['bars']): void {
    for (const bar of bars) {
      const row = this.drawnRows[bar.task._index];
      if (!row) continue;
      bar.group.setAttribute('data-item-id', row.itemId ?? '');
      bar.group.setAttribute('data-row', String(bar.task._index));
      bar.group.setAttribute('aria-label', row.label);
      if (row.baseline) {
        this.drawBaseline(bar, row.baseline);
      }
      if (row.itemId || row.groupNumber !== null) {
        bar.group.setAttribute('tabindex', bar.task._index === this.active ? '0' : '-1');
        bar.group.setAttribute('role', 'button');
      }
    }
  }

  /** Opens an item's details, or expands or collapses an Action from its summary bar. */
  private activate(row: ChartRow | undefined): void {
    if (row?.itemId) {
      this.itemSelected.emit(row.itemId);
    } else if (row?.groupNumber !== null && row?.groupNumber !== undefined) {
      this.groupToggled.emit(row.groupNumber);
    }
  }

  /** A click on a bar: its item's details, or its Action folded or unfolded. */
  private onClick(event: Event): void {
    const bar = (event.target as Element | null)?.closest?.('.bar-wrapper');
    if (bar?.hasAttribute('data-row')) {
      this.activate(this.drawnRows[Number(bar.getAttribute('data-row'))]);
    }
  }

  private onKeydown(event: KeyboardEvent): void {
    const gantt = this.gantt;
    const bar = (event.target as Element | null)?.closest?.('.bar-wrapper');
    if (!gantt || !bar) return;
    const index = Number(bar.getAttribute('data-row'));
    const page = Math.max(1, Math.floor((gantt.$container.clientHeight - HEADER_HEIGHT) / GEOMETRY.rowHeight));
    const last = gantt.rowCount - 1;
    const next: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: last,
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.activate(this.drawnRows[index]);
    } else if (event.key in next) {
      event.preventDefault();
      this.focusRow(Math.max(0, Math.min(last, next[event.key])));
    }
  }

  /** A bar got the focus (the keyboard, a click, a script): it becomes the chart's stop for Tab. */
  private onFocus(event: Event): void {
    const bar = (event.target as Element | null)?.closest?.('.bar-wrapper');
    if (!bar || !bar.hasAttribute('data-row')) return;
    this.setActive(Number(bar.getAttribute('data-row')));
  }

  private setActive(index: number): void {
    if (index === this.active) return;
    this.gantt?.$svg.querySelector(`.bar-wrapper[data-row="${this.active}"]`)?.setAttribute('tabindex', '-1');
    this.active = index;
    this.gantt?.$svg.querySelector(`.bar-wrapper[data-row="${index}"]`)?.setAttribute('tabindex', '0');
  }

  /** Scrolls the row into the box (below the time axis), draws it, and gives its bar the focus. */
  private focusRow(index: number): void {
    const gantt = this.gantt;
    if (!gantt) return;
    const box = gantt.$container;
    const top = index * GEOMETRY.rowHeight;
    const visible = box.clientHeight - HEADER_HEIGHT;
    if (top < box.scrollTop) {
      box.scrollTop = top;
    } else if (top + GEOMETRY.rowHeight > box.scrollTop + visible) {
      box.scrollTop = top + GEOMETRY.rowHeight - visible;
    }
    this.setActive(index);
    this.showRowsInView();
    const bar = gantt.$svg.querySelector<SVGGElement>(`.bar-wrapper[data-row="${index}"]`);
    bar?.setAttribute('tabindex', '0');
    bar?.focus({ preventScroll: true });
  }

  /** Where a calendar date's day starts on the chart, in pixels, the way frappe-gantt places its bars. */
  private xOf(date: Date): number {
    const gantt = this.gantt as Gantt;
    return (unitsSince(date, gantt.gantt_start, gantt.config.unit) / gantt.config.step) * gantt.config.column_width;
  }

  /**
   * The approved window as a thin ghost bar just under the bar: from its first day to the end of its
   * last, dashed when the window is approximate (a month or a year, never invented days).
   */
  private drawBaseline(bar: Gantt['bars'][number], baseline: NonNullable<ChartRow['baseline']>): void {
    const endDay = toLocalDate(baseline.end);
    endDay.setDate(endDay.getDate() + 1);
    const x = this.xOf(toLocalDate(baseline.start));
    const width = Math.max(2, this.xOf(endDay) - x);
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

  /** A vertical line at the end of the deadline day, the way frappe-gantt draws its today line. */
  private markDeadline(deadline: string): void {
    const gantt = this.gantt;
    if (!gantt) return;
    const endOfDeadlineDay = toLocalDate(deadline);
    endOfDeadlineDay.setDate(endOfDeadlineDay.getDate() + 1);
    const units = unitsSince(endOfDeadlineDay, gantt.gantt_start, gantt.config.unit);
    const left = (units / gantt.config.step) * gantt.config.column_width;
    const marker = document.createElement('div');
    marker.className = 'wp-deadline-marker';
    marker.setAttribute('data-testid', 'deadline-marker');
    marker.setAttribute('role', 'note');
    marker.setAttribute('aria-label', `Phase deadline: ${formatLongDay(deadline)}`);
    marker.style.left = `${left}px`;
    marker.style.top = `${gantt.config.header_height}px`;
    marker.style.height = `${Math.max(0, gantt.grid_height - gantt.config.header_height)}px`;
    const label = document.createElement('span');
    label.textContent = `Deadline ${formatDay(deadline)}`;
    marker.appendChild(label);
    gantt.$container.appendChild(marker);
  }

  private destroy(): void {
    for (const stop of this.stopListening.splice(0)) stop();
    if (this.scrollFrame !== null) cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = null;
    this.gantt?.clear();
    this.gantt = null;
    const element = this.host()?.nativeElement;
    if (element) {
      element.replaceChildren();
    }
  }
}
