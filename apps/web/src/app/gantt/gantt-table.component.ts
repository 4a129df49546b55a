import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { FLAG_LABELS, forecastWords, type GanttItem } from './gantt-model';

/** Rows drawn per task while the table fills. */
const TABLE_BATCH = 8;

/** The chart as a table: one row per item, for keyboard and screen-reader users and for lists. */
@Component({
  selector: 'wp-gantt-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="table-scroll" tabindex="0" role="region" aria-label="Scrollable table">
    <table class="data-table" data-testid="gantt-table">
      <caption>{{ caption() }}</caption>
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Item</th>
          <th scope="col">Window (as in the plan)</th>
          <th scope="col">Status</th>
          <th scope="col">Flags</th>
          <th scope="col">Comes after</th>
          <th scope="col">Expected end</th>
          @if (compared()) { <th scope="col">Against version {{ compared() }}</th> }
          <th scope="col"><span class="visually-hidden">Details</span></th>
        </tr>
      </thead>
      <tbody>
        @for (item of shown(); track item.id) {
          <tr [attr.data-item-id]="item.id" [class.substep]="item.depth > 0">
            <td>{{ item.actionNumber }}</td>
            <th scope="row" [style.padding-left.rem]="0.5 + item.depth * 1.25">
              @if (item.depth > 0) { <span aria-hidden="true">↳ </span><span class="visually-hidden">Sub-step: </span> }
              {{ item.title }}
            </th>
            <td>
              <span>{{ item.windowLabel }}</span>
              @if (item.windowText && item.windowText !== item.windowLabel) { <span class="muted"> ("{{ item.windowText }}")</span> }
            </td>
            <td><span class="status-pill" [class]="'status-pill status-' + item.status">{{ item.statusLabel }}</span></td>
            <td>
              @for (flag of item.flags; track flag) {
                <span class="flag" [class]="'flag flag-' + flag">{{ flagLabel(flag) }}@if (flag === 'overdue') { ({{ item.daysLate }} days)}</span>
              } @empty { <span class="muted">None</span> }
            </td>
            <td data-testid="predecessors">
              @for (name of predecessorNames(item); track $index) {
                <span class="predecessor">{{ name }}</span>@if (!$last) {; }
              } @empty { <span class="muted">Nothing</span> }
            </td>
            <td data-testid="forecast">{{ expectedEnd(item) }}</td>
            @if (compared()) {
              <td data-testid="slip">
                {{ item.baseline?.words }}
                @if (item.baseline?.changed && item.baseline?.windowText) { <span class="muted"> (approved: "{{ item.baseline?.windowText }}")</span> }
              </td>
            }
            <td><button type="button" class="link-button" (click)="itemSelected.emit(item.id)">Details<span class="visually-hidden"> of {{ item.title }}</span></button></td>
          </tr>
        } @empty {
          <tr><td [attr.colspan]="compared() ? 9 : 8">No item matches the filters.</td></tr>
        }
      </tbody>
    </table>
    @if (target() < items().length) {
      <p>
        Showing the first {{ target() }} of {{ items().length }} rows.
        <button type="button" class="button secondary" (click)="showAll.set(true)">Show all {{ items().length }} rows</button>
      </p>
    }
    </div>
  `,
})
export class GanttTableComponent {
  readonly items = input.required<GanttItem[]>();
  readonly caption = input('Work Plan items');
  /** The items predecessors are named from (the whole plan, not only the rows shown); the rows by default. */
  readonly named = input<GanttItem[] | null>(null);
  private readonly titles = computed(() => new Map((this.named() ?? this.items()).map((i) => [i.id, i.title])));
  readonly itemSelected = output<string>();
  /** Rows drawn at first; a long plan shows the rest on request, so the page stays fast. */
  readonly limit = input(200);
  readonly showAll = signal(false);
  /** How many rows the table shows: the limit, or all of them on request. */
  readonly target = computed(() => (this.showAll() ? this.items().length : Math.min(this.limit(), this.items().length)));
  /** Rows drawn so far: the table grows by a batch per task, so drawing it never holds the page for long. */
  private readonly grown = signal(TABLE_BATCH);
  readonly shown = computed(() => this.items().slice(0, Math.min(this.target(), this.grown())));

  constructor() {
    effect((onCleanup) => {
      const grown = this.grown();
      if (grown >= this.target()) return;
      const timer = setTimeout(() => this.grown.set(grown + TABLE_BATCH));
      onCleanup(() => clearTimeout(timer));
    });
  }
  /** The number of the approved version the items are compared with, or null. */
  readonly compared = computed(() => this.items().find((i) => i.baseline !== null)?.baseline?.versionNumber ?? null);

  /** The titles of the items that must end before this one starts, in quotes; an item the chart does not hold (an output) in words. */
  predecessorNames(item: GanttItem): string[] {
    return item.predecessorIds.map((id) => {
      const title = this.titles().get(id);
      return title === undefined ? 'an item not on the chart' : `"${title}"`;
    });
  }

  /** When the item is expected to end, and what sets it: "expected 31 Jan 2027, later than planned, pushed by "Mapping to be drafted"". */
  expectedEnd(item: GanttItem): string {
    const words = [forecastWords(item.forecast)];
    if (item.forecastBeyond) words.push('later than planned');
    const driver = item.forecast.drivenBy;
    if (driver === 'pace') words.push('at the pace of its progress so far');
    else if (driver !== 'self') {
      const title = this.titles().get(driver);
      words.push(`pushed by ${title === undefined ? 'an item not on the chart' : `"${title}"`}`);
    }
    return words.join(', ');
  }

  flagLabel(flag: keyof typeof FLAG_LABELS): string {
    return FLAG_LABELS[flag];
  }
}
