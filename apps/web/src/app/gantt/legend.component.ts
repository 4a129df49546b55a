import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { formatLongDay } from '../plan/labels';

/** How to read the chart: every colour comes with a word or a pattern. */
@Component({
  selector: 'wp-legend',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="legend" aria-label="How to read the chart">
      <li><span class="swatch status-not_started" aria-hidden="true"></span>Not started</li>
      <li><span class="swatch status-in_progress" aria-hidden="true"></span>In progress</li>
      <li><span class="swatch status-done" aria-hidden="true"></span>Done</li>
      <li><span class="swatch status-on_hold" aria-hidden="true"></span>On hold</li>
      <li><span class="swatch swatch-approx" aria-hidden="true"></span>Dashed edge: approximate dates (month or year)</li>
      <li><span class="swatch swatch-overdue" aria-hidden="true"></span>Red edge: overdue</li>
      @if (deadline(); as day) {
        <li><span class="swatch swatch-deadline" aria-hidden="true"></span>Purple: after the {{ long(day) }} deadline</li>
      }
      <li><span class="swatch swatch-today" aria-hidden="true"></span>Red line: today</li>
      <li>"Annex 1 only": a step found only in Annex 1, not in the plan of record; never flagged on its own</li>
      <li>Each bar also says its status and flags in words</li>
    </ul>
  `,
})
export class LegendComponent {
  /** The partnership's deadline. */
  readonly deadline = input<string | null>(null);
  readonly long = formatLongDay;
}
