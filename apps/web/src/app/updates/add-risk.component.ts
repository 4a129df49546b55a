import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import type { RegisterRisk } from '@tracker/contracts';
import { AddForm } from './add-form';
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
        <button type="submit" class="button" [disabled]="form.saving()">{{ form.saving() ? 'Adding…' : 'Add to the register' }}</button>
      </form>
      @if (form.outcome(); as o) {
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
  readonly form = new AddForm('item');

  async submit(event: Event): Promise<void> {
    const score = (value: string) => (value === '' ? null : Number(value));
    const risk = await this.form.submit(
      event,
      (text) =>
        this.updates.createRisk({
          partnership: this.partnership(),
          actionNumber: Number(text('actionNumber')),
          title: text('title'),
          likelihood: score(text('likelihood')),
          impact: score(text('impact')),
          nextReview: text('nextReview') || null,
          ...(text('mitigation') ? { mitigation: text('mitigation') } : {}),
        }),
      (added) => `Added "${added.title}" to the register of Action ${added.actionNumber}.`,
    );
    if (risk) this.added.emit(risk);
  }
}
