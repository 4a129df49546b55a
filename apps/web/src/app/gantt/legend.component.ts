import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { legendEntries } from './legend';

/** How to read the chart: every colour comes with a word or a pattern. */
@Component({
  selector: 'wp-legend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="legend" aria-label="How to read the chart">
      @for (entry of entries(); track entry.text) {
        <li>@if (entry.swatch) {<span class="swatch {{ entry.swatch }}" aria-hidden="true"></span>}{{ entry.text }}</li>
      }
    </ul>
  `,
})
export class LegendComponent {
  /** The partnership's deadline. */
  readonly deadline = input<string | null>(null);
  readonly entries = computed(() => legendEntries(this.deadline()));
}
