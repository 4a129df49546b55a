import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import type { RegisterRisk } from '@tracker/contracts';
import { firstValueFrom } from 'rxjs';
import { describeSaveError, type EditOutcome } from './milestone-editor';
import { UpdatesService } from './updates.service';

/** Adds a risk to the register of an Action the person may amend. */
@Component({
  selector: 'wp-add-risk',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="add-item" data-testid="add-risk">
      <summary>Add a risk</summary>
      <form class="edit-form" (submit)="submit($event)" novalidate>
        <div class="form-grid">
          <div class="field">
            <label for="new-risk-action">Register of</label>
            <select id="new-risk-action" name="actionNumber">
              @for (n of actionNumbers(); track n) { <option [value]="n">Action {{ n }}</option> }
            </select>
          </div>
          <div class="field">
            <label for="new-risk-title">Risk</label>
            <input id="new-risk-title" name="title" type="text" maxlength="300" required />
          </div>
          <div class="field">
            <label for="new-risk-likelihood">Likelihood (1 to 5)</label>
            <select id="new-risk-likelihood" name="likelihood">
              <option value="">Not assessed</option>
              @for (n of scores; track n) { <option [value]="n">{{ n }}</option> }
            </select>
          </div>
          <div class="field">
            <label for="new-risk-impact">Impact (1 to 5)</label>
            <select id="new-risk-impact" name="impact">
              <option value="">Not assessed</option>
              @for (n of scores; track n) { <option [value]="n">{{ n }}</option> }
            </select>
          </div>
          <div class="field">
            <label for="new-risk-review">Next review</label>
            <input id="new-risk-review" name="nextReview" type="date" />
          </div>
        </div>
        <div class="field">
          <label for="new-risk-mitigation">Mitigation</label>
          <textarea id="new-risk-mitigation" name="mitigation" rows="2" maxlength="4000"></textarea>
        </div>
        <button type="submit" class="button" [disabled]="saving()">{{ saving() ? 'Adding…' : 'Add to the register' }}</button>
      </form>
      @if (outcome(); as o) {
        <p [class]="o.kind === 'saved' ? 'notice' : 'error'" role="alert" data-testid="add-risk-outcome">{{ o.message }}</p>
      }
    </details>
  `,
})
export class AddRiskComponent {
  private readonly updates = inject(UpdatesService);
  readonly partnership = input.required<string>();
  /** The Actions whose register the person may add to. */
  readonly actionNumbers = input.required<number[]>();
  readonly added = output<RegisterRisk>();
  readonly scores = [1, 2, 3, 4, 5];
  readonly saving = signal(false);
  readonly outcome = signal<EditOutcome | null>(null);

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    const score = (name: string) => (text(name) === '' ? null : Number(text(name)));
    this.saving.set(true);
    this.outcome.set(null);
    try {
      const risk = await firstValueFrom(
        this.updates.createRisk({
          partnership: this.partnership(),
          actionNumber: Number(text('actionNumber')),
          title: text('title'),
          likelihood: score('likelihood'),
          impact: score('impact'),
          nextReview: text('nextReview') || null,
          ...(text('mitigation') ? { mitigation: text('mitigation') } : {}),
        }),
      );
      this.outcome.set({ kind: 'saved', message: `Added "${risk.title}" to the register of Action ${risk.actionNumber}.` });
      form.reset();
      this.added.emit(risk);
    } catch (error) {
      this.outcome.set(describeSaveError(error, 'item'));
    } finally {
      this.saving.set(false);
    }
  }
}
