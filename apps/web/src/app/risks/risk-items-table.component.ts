import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { RiskItem } from '@tracker/contracts';
import { PartnershipService } from '../partnership/partnership.service';
import { NOTE_KIND_LABELS, STATUS_LABELS } from '../plan/labels';
import { formatDay, KIND_LABELS, SEVERITY_LABELS } from './risk-labels';

/**
 * The items of a risk view, most severe first, each linked to the timeline (keeping the partnership):
 * the one table the risk page and an opened monitoring call both show.
 */
@Component({
  selector: 'wp-risk-items-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="table-scroll" tabindex="0" role="region" [attr.aria-labelledby]="labelledBy()">
      <table class="data-table" [attr.data-testid]="testId()">
        @if (caption(); as text) {
          <caption>
            {{
              text
            }}
          </caption>
        }
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Risk</th>
            <th scope="col">Action</th>
            <th scope="col">Item</th>
            <th scope="col">Planned</th>
            <th scope="col">Status</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          @for (i of items(); track i.id + i.kind) {
            <tr [attr.data-kind]="i.kind">
              <td>
                <span class="badge" [class]="'badge badge-' + i.severity">{{ severityLabels[i.severity] }}</span>
              </td>
              <td>{{ kindLabels[i.kind] }}</td>
              <td>{{ i.actionNumber }}</td>
              <th scope="row">
                <a
                  [routerLink]="['/']"
                  [queryParams]="{ action: i.actionNumber, item: i.id, partnership: partnerships.linkParams()['partnership'] }"
                  [attr.aria-label]="i.title + ' (' + (i.itemType === 'output' ? 'output' : 'milestone') + ') on the timeline'"
                  >{{ i.title }}</a
                >
                @if (i.itemType === 'output') {
                  <span class="muted"> (output)</span>
                }
              </th>
              <td>
                @if (i.windowText) {
                  {{ i.windowText }}
                } @else if (i.start && i.end) {
                  {{ day(i.start) }} to {{ day(i.end) }} (derived)
                } @else {
                  —
                }
                @if (i.forecastEnd) {
                  <br /><span class="muted">forecast {{ day(i.forecastEnd) }}</span>
                }
              </td>
              <td>{{ statusLabel(i.status) }}</td>
              <td>
                {{ i.reason }}
                @for (note of i.notes; track $index) {
                  <p class="note-text muted" data-testid="risk-item-note">{{ noteKindLabels[note.kind] }} (section {{ note.source }}): {{ note.text }}</p>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="7">Nothing to chase as of {{ day(asOf()) }}.</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class RiskItemsTableComponent {
  readonly items = input.required<RiskItem[]>();
  /** The day the items are judged on. */
  readonly asOf = input.required<string>();
  readonly caption = input<string | null>(null);
  /** The id of the heading that names the table's region. */
  readonly labelledBy = input.required<string>();
  readonly testId = input('risk-items');

  readonly partnerships = inject(PartnershipService);
  readonly severityLabels = SEVERITY_LABELS;
  readonly kindLabels = KIND_LABELS;
  readonly noteKindLabels = NOTE_KIND_LABELS;
  readonly day = formatDay;

  statusLabel(status: string): string {
    return (STATUS_LABELS as Record<string, string>)[status] ?? status;
  }
}
