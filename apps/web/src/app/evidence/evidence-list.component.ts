import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { Evidence } from '@tracker/contracts';
import { sizeWords } from './evidence.service';

/** An item's evidence: files (titles link to their downloads), links, and notes saying why there is neither. */
@Component({
  selector: 'wp-evidence-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (evidence().length) {
      <ul class="evidence-list" data-testid="evidence-list">
        @for (entry of evidence(); track entry.id) {
          <li>
            @switch (entry.kind) {
              @case ('file') {
                <a [href]="entry.downloadUrl" download>{{ entry.title }}</a> <span class="muted">(file, {{ size(entry.sizeBytes) }})</span>
              }
              @case ('link') {
                <a [href]="entry.url" target="_blank" rel="noopener noreferrer">{{ entry.title }}</a> <span class="muted">(link)</span>
              }
              @default {
                <span>No file or link: {{ entry.title }}</span>
              }
            }
            @if (removable()) {
              <button type="button" class="link-button" (click)="remove.emit(entry)">Remove<span class="visually-hidden"> {{ entry.title }}</span></button>
            }
          </li>
        }
      </ul>
    } @else {
      <span class="muted">{{ empty() }}</span>
    }
  `,
})
export class EvidenceListComponent {
  readonly evidence = input<readonly Evidence[]>([]);
  readonly removable = input(false);
  readonly empty = input('None yet');
  readonly remove = output<Evidence>();
  readonly size = sizeWords;
}
