import { ChangeDetectionStrategy, Component, ElementRef, effect, input, output, viewChild } from '@angular/core';
import { formatWindow } from '@tracker/schedule';
import { FLAG_LABELS, type GanttItem, type ItemFlag } from './gantt-model';

/** Details of one item in a modal dialog: the window as the plan words it, status, source, other readings. */
@Component({
  selector: 'wp-item-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog class="details-dialog" aria-labelledby="item-details-title" data-testid="item-details" (close)="closed.emit()">
      @if (item(); as item) {
        <h2 id="item-details-title">{{ item.title }}</h2>
        <dl class="details-list">
          <dt>Action</dt><dd>Action {{ item.actionNumber }}</dd>
          <dt>Window in the plan</dt><dd>"{{ item.windowText || 'no timing given' }}" ({{ item.windowLabel }})</dd>
          <dt>Status</dt><dd><span class="status-pill" [class]="'status-pill status-' + item.status">{{ item.statusLabel }}</span></dd>
          <dt>Progress</dt><dd>{{ item.progress }}%</dd>
          @if (item.forecastEnd) { <dt>Forecast end</dt><dd>{{ item.forecastEnd }}</dd> }
          <dt>Flags</dt>
          <dd>
            @for (flag of item.flags; track flag) { <span class="flag" [class]="'flag flag-' + flag">{{ flagLabel(flag) }}</span> } @empty { None }
          </dd>
          <dt>Source</dt><dd>Work Plan section {{ item.source }}</dd>
          @if (item.alternatives.length) {
            <dt>Other readings in the plan</dt>
            <dd>
              <ul>
                @for (alt of item.alternatives; track $index) {
                  <li>"{{ alt.text }}" ({{ windowLabel(alt) }}), {{ alt.source }}</li>
                }
              </ul>
            </dd>
          }
        </dl>
      }
      <form method="dialog"><button type="submit" class="button" autofocus>Close</button></form>
    </dialog>
  `,
})
export class ItemDetailsComponent {
  readonly item = input<GanttItem | null>(null);
  readonly closed = output<void>();
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.item() && !dialog.open) {
        dialog.showModal();
      } else if (!this.item() && dialog.open) {
        dialog.close();
      }
    });
  }

  flagLabel(flag: ItemFlag): string {
    return FLAG_LABELS[flag];
  }

  windowLabel(alt: { start: string | null; end: string | null; precision: GanttItem['window']['precision'] }): string {
    return formatWindow(alt);
  }
}
