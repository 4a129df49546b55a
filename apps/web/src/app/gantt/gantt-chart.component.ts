import { ChangeDetectionStrategy, Component, DestroyRef, ElementRef, afterRenderEffect, computed, inject, input, output, viewChild } from '@angular/core';
import Gantt from 'frappe-gantt';
import { toLocalDate } from '@tracker/schedule';
import { formatDay, formatLongDay } from '../plan/labels';
import type { ChartRow, ViewMode } from './gantt-model';
import { FRAPPE_VIEW_MODES, unitsSince } from './view-modes';

/** Height of a bar and the space between rows, in pixels (frappe-gantt's bar_height and padding). */
const BAR_HEIGHT = 26;
const ROW_PADDING = 14;
/** frappe-gantt's two header rows (its defaults, 45 + 30) and its 10 px below them. */
const HEADER_HEIGHT = 85;

/**
 * The height frappe-gantt gives the chart of `rows` rows (its grid height: the header, then one
 * bar and one padding per row), so the page can hold that space before the chart is drawn.
 */
export function chartHeight(rows: number): number {
  return HEADER_HEIGHT + ROW_PADDING + (BAR_HEIGHT + ROW_PADDING) * rows - 10;
}

/**
 * The one place frappe-gantt lives. It is created after render, redrawn from an effect when its
 * inputs change, and destroyed with the component. On top of the library it adds what the plan
 * needs: status classes and words on every bar, keyboard access to the bars, a marker at the
 * phase deadline, and its height held before it is drawn.
 */
@Component({
  selector: 'wp-gantt-chart',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<div class="gantt-host" #host [style.min-height.px]="reservedHeight()"></div>`,
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
  readonly reservedHeight = computed(() => (this.rows().length > 0 ? chartHeight(this.rows().length) : null));

  private readonly host = viewChild.required<ElementRef<HTMLDivElement>>('host');
  private gantt: Gantt | null = null;

  constructor() {
    afterRenderEffect({
      write: () => {
        this.draw(this.rows(), this.viewMode(), this.scrollTo(), this.deadline());
      },
    });
    inject(DestroyRef).onDestroy(() => this.destroy());
  }

  private draw(rows: ChartRow[], viewMode: ViewMode, scrollTo: string | null, deadline: string | null): void {
    const element = this.host().nativeElement;
    this.destroy();
    if (rows.length === 0) {
      return;
    }
    const byId = new Map(rows.map((row) => [row.task.id, row]));
    this.gantt = new Gantt(
      element,
      rows.map((row) => ({ ...row.task })),
      {
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
        on_click: (task) => {
          const row = byId.get(String(task.id));
          if (row?.itemId) {
            this.itemSelected.emit(row.itemId);
          } else if (row?.groupNumber !== null && row?.groupNumber !== undefined) {
            this.groupToggled.emit(row.groupNumber);
          }
        },
      },
    );
    this.decorate(byId);
    if (deadline !== null) {
      this.markDeadline(deadline);
    }
    // When the chart finished drawing, for the benchmark and the browser tests.
    element.setAttribute('data-rendered-bars', String(this.gantt?.bars.length ?? 0));
    (window as unknown as { __wpGanttRenderedAt?: number }).__wpGanttRenderedAt = performance.now();
  }

  /** Status classes, words for screen readers, and keyboard access on every bar. */
  private decorate(byId: Map<string, ChartRow>): void {
    for (const bar of this.gantt?.bars ?? []) {
      const row = byId.get(String(bar.task.id));
      if (!row) continue;
      bar.group.classList.add(...row.classes);
      bar.group.setAttribute('data-item-id', row.itemId ?? '');
      bar.group.setAttribute('aria-label', row.label);
      if (row.baseline) {
        this.drawBaseline(bar, row.baseline);
      }
      if (row.itemId) {
        const itemId = row.itemId;
        bar.group.setAttribute('tabindex', '0');
        bar.group.setAttribute('role', 'button');
        bar.group.addEventListener('keydown', (event: KeyboardEvent) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            this.itemSelected.emit(itemId);
          }
        });
      } else if (row.groupNumber !== null) {
        const group = row.groupNumber;
        bar.group.setAttribute('tabindex', '0');
        bar.group.setAttribute('role', 'button');
        bar.group.addEventListener('keydown', (event: KeyboardEvent) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            this.groupToggled.emit(group);
          }
        });
      }
    }
    this.gantt?.$svg.setAttribute('aria-label', 'Gantt chart of the Work Plan; the table below gives the same items');
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
    this.gantt?.clear();
    this.gantt = null;
    const element = this.host()?.nativeElement;
    if (element) {
      element.replaceChildren();
    }
  }
}
