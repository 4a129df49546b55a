import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import type { ApiError, WhatIf } from '@tracker/contracts';
import { actionFinishWords } from '@tracker/schedule';
import { firstValueFrom } from 'rxjs';
import { KIND_LABELS, formatDay } from './risk-labels';
import { RisksService } from './risks.service';

/** An item the Secretariat may try a forecast end for. */
export interface WhatIfChoice {
  id: string;
  actionNumber: number;
  title: string;
}

/**
 * "What if": the Secretariat tries a forecast end for one item and reads which items and Actions
 * would then pass the deadline, and which no longer would. The server computes it on the plan as it
 * is (POST /api/risks/what-if); nothing is saved.
 */
@Component({
  selector: 'wp-what-if',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .what-if-form { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: flex-end; }
    .what-if-form .field { display: flex; flex-direction: column; gap: 0.2rem; }
    .what-if-form select { max-width: 32rem; }
    .what-if-form input, .what-if-form select { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #6b7280; border-radius: 4px; }
  `,
  template: `
    <section class="what-if no-print" aria-labelledby="what-if-heading" data-testid="what-if">
      <h2 id="what-if-heading">What if</h2>
      <p>Try a different forecast end for one item and see what would then pass the {{ day(deadline()) }} deadline. Nothing is saved.</p>
      <form class="what-if-form" (submit)="$event.preventDefault(); try(item.value, end.value)">
        <div class="field">
          <label for="what-if-item">Item</label>
          <select id="what-if-item" #item>
            @for (c of choices(); track c.id) {
              <option [value]="c.id">Action {{ c.actionNumber }} · {{ c.title }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="what-if-end">Forecast end to try</label>
          <input id="what-if-end" type="date" #end required />
        </div>
        <button type="submit" class="button" [disabled]="busy()">Try it</button>
      </form>
      @if (error(); as message) {
        <p class="error" role="alert">{{ message }}</p>
      }
      <div role="status" aria-live="polite">
        @if (answer(); as a) {
          <div data-testid="what-if-answer">
            <p>
              If "{{ a.item.title }}" (Action {{ a.item.actionNumber }}) were expected to end {{ day(a.item.triedForecastEnd) }}
              @if (a.item.forecastEnd) { instead of {{ day(a.item.forecastEnd) }} }, as of {{ day(a.asOf) }} (nothing saved):
            </p>
            <h3>Would pass the deadline ({{ a.wouldPass.length }})</h3>
            <ul data-testid="what-if-would-pass">
              @for (i of a.wouldPass; track i.id) {
                <li>
                  <strong>{{ i.title }}</strong> (Action {{ i.actionNumber }}): {{ kind(i.kind) }}@if (i.kindNow) { (now: {{ kind(i.kindNow).toLowerCase() }})}, {{ i.reason }}
                </li>
              } @empty {
                <li>Nothing more would pass the deadline.</li>
              }
            </ul>
            <h3>Would no longer pass it ({{ a.noLongerPass.length }})</h3>
            <ul data-testid="what-if-no-longer">
              @for (i of a.noLongerPass; track i.id) {
                <li><strong>{{ i.title }}</strong> (Action {{ i.actionNumber }}): now {{ kind(i.kindNow).toLowerCase() }}; it would be {{ i.reason }}</li>
              } @empty {
                <li>Nothing.</li>
              }
            </ul>
            <h3>Actions</h3>
            <ul data-testid="what-if-actions">
              @for (x of a.actions; track x.number) {
                <li>
                  Action {{ x.number }} · {{ x.shortName }}: {{ x.changed ? 'would change' : 'unchanged' }}: it would be {{ finish(x.then, a.deadline) }}@if (x.changed) {
                    (now {{ finish(x.now, a.deadline) }})}.
                </li>
              }
            </ul>
          </div>
        }
      </div>
    </section>
  `,
})
export class WhatIfComponent {
  private readonly risks = inject(RisksService);
  readonly choices = input.required<WhatIfChoice[]>();
  readonly deadline = input.required<string>();
  readonly asOf = input<string | null>(null);
  readonly partnership = input<Record<string, string>>({});
  readonly answer = signal<WhatIf | null>(null);
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);
  readonly day = formatDay;

  kind(kind: keyof typeof KIND_LABELS | null): string {
    return kind === null ? 'Within the deadline' : KIND_LABELS[kind];
  }

  finish(finish: WhatIf['actions'][number]['now'], deadline: string): string {
    return actionFinishWords(finish, deadline);
  }

  async try(itemId: string, forecastEnd: string): Promise<void> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(forecastEnd)) {
      this.error.set('Forecast end to try: choose a day.');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      const asOf = this.asOf();
      this.answer.set(await firstValueFrom(this.risks.whatIf({ itemId, forecastEnd, ...(asOf ? { asOf } : {}) }, this.partnership())));
    } catch (error: unknown) {
      this.answer.set(null);
      const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiError> | null) : null;
      const message = body?.message;
      this.error.set(typeof message === 'string' ? message : Array.isArray(message) ? message.join('; ') : 'The what-if could not be computed. Try again.');
    } finally {
      this.busy.set(false);
    }
  }
}
