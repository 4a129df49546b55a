import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterRenderEffect, computed, inject, input, output, viewChild } from '@angular/core';
import type Gantt from 'frappe-gantt';
import { today } from '@tracker/schedule';
import { firstPaintChart, firstPaintShown, handOverFirstPaintChart, markDrawn, revealApp } from '../../first-paint';
import { PartnershipService } from '../partnership/partnership.service';
import { type ChartInputs, type ChartRow, type ViewMode, chartKey } from './gantt-model';
import { BOX_SHARE_OF_VIEWPORT, GEOMETRY, HEADER_HEIGHT, chartHeight } from './chart-options';
import { dressBars, drawChart, takeOverChart } from './chart-drawing';
import { rowWindow, windowCovers } from './row-window';
import type { WindowedGantt } from './windowed-gantt';

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
  /** The first paint's chart to be taken over in the next task. */
  private handOver: ReturnType<typeof setTimeout> | null = null;
  private readonly stopListening: (() => void)[] = [];
  private readonly partnerships = inject(PartnershipService);

  constructor() {
    afterRenderEffect({
      write: () => {
        const rows = this.rows();
        const viewMode = this.viewMode();
        const scrollTo = this.scrollTo();
        const deadline = this.deadline();
        // While the first paint is on the screen, the page the app has just rendered out of sight is
        // done with first. Then, each in a task of its own so that no step holds the page up long,
        // the chart the server drew is taken over where it is (the library bound to its elements,
        // the labels placed in the reader's fonts), and moved into the app as the app shows itself
        // (with what the inputs are then).
        if (firstPaintShown() && this.partnerships.loaded()) {
          this.handOver ??= setTimeout(() => {
            const inputs: ChartInputs = { rows: this.rows(), viewMode: this.viewMode(), scrollTo: this.scrollTo(), deadline: this.deadline() };
            const drawn = firstPaintChart(chartKey(inputs, today()));
            const taken = drawn && takeOverChart(drawn, inputs);
            this.handOver = setTimeout(() => {
              this.handOver = null;
              this.draw(this.rows(), this.viewMode(), this.scrollTo(), this.deadline(), taken);
            });
          });
          return;
        }
        this.draw(rows, viewMode, scrollTo, deadline);
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

  /** Draws the chart, or takes over the first paint's (`taken`: bound to it already) when it drew the same. */
  private draw(rows: ChartRow[], viewMode: ViewMode, scrollTo: string | null, deadline: string | null, taken: WindowedGantt | null = null): void {
    // While the first paint is on the screen, the app shows itself only with its header complete
    // (the partnerships' list), and its chart drawn in the same step.
    if (firstPaintShown() && !this.partnerships.loaded()) {
      return;
    }
    const element = this.host().nativeElement;
    const kept = this.keep();
    const inputs: ChartInputs = { rows, viewMode, scrollTo, deadline };
    // The home page's first paint drew this very chart on the server: take it over as it is.
    const painted = kept === null && taken !== null && handOverFirstPaintChart(element, chartKey(inputs, today())) ? taken : null;
    if (painted === null) taken?.clear();
    this.destroy(painted === null);
    // The app shows itself now, in the first paint's place if there was one: a chart of its own is
    // drawn where it can be laid out, and a chart taken over is scrolled back where it was.
    revealApp();
    if (rows.length === 0) {
      return;
    }
    const key = `${viewMode}\n${scrollTo}`;
    const same = kept !== null && kept.key === key;
    const activeIndex = kept?.activeId ? rows.findIndex((row) => row.task.id === kept.activeId) : -1;
    this.active = activeIndex >= 0 ? activeIndex : 0;
    // A redraw of the same view stays where the reader was; a new view opens on the plan period.
    const gantt = painted ?? drawChart(element, same ? { ...inputs, scrollTo: null } : inputs, same ? kept.top : 0, this.active);
    this.gantt = gantt;
    this.drawnRows = rows;
    this.drawnKey = key;
    if (same) {
      gantt.$container.scrollTop = kept.top;
      gantt.$container.scrollLeft = kept.left;
    }
    this.showRowsInView();
    this.listen(gantt.$container, 'scroll', () => this.onScroll());
    this.listen(gantt.$svg, 'keydown', (event) => this.onKeydown(event as KeyboardEvent));
    this.listen(gantt.$svg, 'click', (event) => this.onClick(event));
    this.listen(gantt.$svg, 'focusin', (event) => this.onFocus(event));
    if (kept?.hadFocus) {
      this.focusRow(this.active);
    }
    // When the chart was drawn or taken over, for the benchmark and the browser tests.
    element.setAttribute('data-rendered-bars', String(gantt.bars.length));
    markDrawn();
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

  private dress(bars: Gantt['bars']): void {
    if (this.gantt) dressBars(this.gantt, bars, this.drawnRows, this.active);
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

  /** Stops listening and removes the chart; `empty`: the host's children too (not when it has just taken over a first paint's). */
  private destroy(empty = true): void {
    if (this.handOver !== null) clearTimeout(this.handOver);
    this.handOver = null;
    for (const stop of this.stopListening.splice(0)) stop();
    if (this.scrollFrame !== null) cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = null;
    this.gantt?.clear();
    this.gantt = null;
    const element = this.host()?.nativeElement;
    if (element && empty) {
      element.replaceChildren();
    }
  }
}
