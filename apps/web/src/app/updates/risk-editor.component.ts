import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, viewChild } from '@angular/core';
import { RISK_STATUSES, type RegisterRisk, type RegisterRiskUpdate, type RiskStatus } from '@tracker/contracts';
import { DialogClosing } from './dialog-closing';
import { EditDialog } from './edit-dialog';
import { UpdatesService } from './updates.service';

/** The edit form of one risk of the register, in a dialog; a stale save shows the current values. */
@Component({
  selector: 'wp-risk-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog class="details-dialog" aria-labelledby="risk-editor-title" data-testid="risk-editor" (cancel)="closing.byReader()" (close)="closing.byEvent()">
      @if (edit.values(); as v) {
        <h2 id="risk-editor-title">Risk of Action {{ v.actionNumber }}: {{ v.title }}</h2>
        @if (edit.message(); as m) { <p [class]="m.ok ? 'notice' : 'error'" role="alert" data-testid="risk-editor-outcome">{{ m.text }}</p> }
        <form class="edit-form" (submit)="submit($event)" novalidate>
          <div class="field"><label for="edit-risk-title">Risk</label><input id="edit-risk-title" name="title" type="text" maxlength="300" required [value]="v.title" /></div>
          <div class="field"><label for="edit-risk-description">Description</label><textarea id="edit-risk-description" name="description" rows="2" maxlength="4000" [value]="v.description"></textarea></div>
          <div class="form-grid">
            <div class="field">
              <label for="edit-risk-likelihood">Likelihood (1 to 5)</label>
              <select id="edit-risk-likelihood" name="likelihood">
                <option value="" [selected]="v.likelihood === null">Not assessed</option>
                @for (n of scores; track n) { <option [value]="n" [selected]="n === v.likelihood">{{ n }}</option> }
              </select>
            </div>
            <div class="field">
              <label for="edit-risk-impact">Impact (1 to 5)</label>
              <select id="edit-risk-impact" name="impact">
                <option value="" [selected]="v.impact === null">Not assessed</option>
                @for (n of scores; track n) { <option [value]="n" [selected]="n === v.impact">{{ n }}</option> }
              </select>
            </div>
            <div class="field">
              <label for="edit-risk-status">Status</label>
              <select id="edit-risk-status" name="status">
                @for (s of statuses; track s) { <option [value]="s" [selected]="s === v.status">{{ s === 'open' ? 'Open' : 'Closed' }}</option> }
              </select>
            </div>
            <div class="field"><label for="edit-risk-review">Next review</label><input id="edit-risk-review" name="nextReview" type="date" [value]="v.nextReview ?? ''" /></div>
          </div>
          <div class="field"><label for="edit-risk-mitigation">Mitigation</label><textarea id="edit-risk-mitigation" name="mitigation" rows="2" maxlength="4000" [value]="v.mitigation"></textarea></div>
          <div class="field"><label for="edit-risk-note">Note (kept in the history)</label><textarea id="edit-risk-note" name="note" rows="2" maxlength="2000"></textarea></div>
          <button type="submit" class="button" [disabled]="edit.saving()">{{ edit.saving() ? 'Saving…' : 'Save' }}</button>
        </form>
      }
      <form method="dialog"><button type="submit" class="button secondary" (click)="closing.byReader()">Close</button></form>
    </dialog>
  `,
})
export class RiskEditorComponent {
  private readonly updates = inject(UpdatesService);
  readonly item = input<RegisterRisk | null>(null);
  readonly closed = output<void>();
  readonly closing = new DialogClosing(
    () => this.item() !== null,
    () => this.closed.emit(),
  );
  readonly changed = output<void>();

  readonly statuses = RISK_STATUSES;
  readonly scores = [1, 2, 3, 4, 5];
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  readonly edit = new EditDialog<RegisterRisk>(
    () => this.item(),
    () => this.dialog().nativeElement,
  );

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const before = this.edit.values();
    if (!before) return;
    const form = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const score = (name: string) => (text(name) === '' ? null : Number(text(name)));
    const update: RegisterRiskUpdate = { version: before.version };
    if (text('title') !== before.title) update.title = text('title');
    if (text('description') !== before.description && text('description') !== '') update.description = text('description');
    if (score('likelihood') !== before.likelihood) update.likelihood = score('likelihood');
    if (score('impact') !== before.impact) update.impact = score('impact');
    if (text('status') !== before.status) update.status = text('status') as RiskStatus;
    if ((text('nextReview') || null) !== before.nextReview) update.nextReview = text('nextReview') || null;
    if (text('mitigation') !== before.mitigation && text('mitigation') !== '') update.mitigation = text('mitigation');
    if (text('note')) update.note = text('note');
    if (Object.keys(update).length === 1) {
      this.edit.nothingToSave();
      return;
    }
    await this.edit.save(this.updates.updateRisk(before.id, update), 'item', 'risk', () => this.changed.emit());
  }
}
