import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, viewChild } from '@angular/core';
import { OUTPUT_STATUSES, type Output, type OutputStatus, type OutputUpdate } from '@tracker/contracts';
import { NOTE_KIND_LABELS, STATUS_LABELS } from '../plan/labels';
import { DialogClosing } from './dialog-closing';
import { EditDialog } from './edit-dialog';
import { UpdatesService } from './updates.service';

/** The update form of one output (status, dates and its plan entry), in a dialog; a stale save shows the current values. */
@Component({
  selector: 'wp-output-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog class="details-dialog" aria-labelledby="output-editor-title" data-testid="output-editor" (cancel)="closing.byReader()" (close)="closing.byEvent()">
      @if (edit.values(); as v) {
        <h2 id="output-editor-title">{{ v.title }}</h2>
        @if (v.notes.length) {
          <ul class="plan-notes" data-testid="output-editor-notes">
            @for (note of v.notes; track $index) {
              <li><strong>{{ noteKinds[note.kind] }}:</strong> {{ note.text }} <span class="muted">(section {{ note.source }})</span></li>
            }
          </ul>
        }
        @if (edit.message(); as m) { <p [class]="m.ok ? 'notice' : 'error'" role="alert">{{ m.text }}</p> }
        <form class="edit-form" (submit)="submit($event)" novalidate>
          <div class="form-grid">
            <div class="field">
              <label for="output-status">Status</label>
              <select id="output-status" name="status">
                @for (s of statuses; track s) { <option [value]="s" [selected]="s === v.status">{{ labels[s] }}</option> }
              </select>
            </div>
            <div class="field"><label for="output-actual-start">Actual start</label><input id="output-actual-start" name="actualStart" type="date" [value]="v.actualStart ?? ''" /></div>
            <div class="field"><label for="output-actual-end">Delivered on</label><input id="output-actual-end" name="actualEnd" type="date" [value]="v.actualEnd ?? ''" /></div>
            <div class="field"><label for="output-forecast-end">Forecast end</label><input id="output-forecast-end" name="forecastEnd" type="date" [value]="v.forecastEnd ?? ''" /></div>
          </div>
          <fieldset class="plan-entry">
            <legend>The plan entry (amend the plan)</legend>
            <div class="field"><label for="output-title">Title</label><input id="output-title" name="title" type="text" maxlength="500" required [value]="v.title" /></div>
            <div class="field">
              <label for="output-due">Due, as the plan words it</label>
              <input id="output-due" name="dueText" type="text" maxlength="200" aria-describedby="output-due-help" [value]="v.dueText ?? ''" />
              <p id="output-due-help" class="muted">For example "Q2 2026" or "June 2026"; empty keeps the due window as it is.</p>
            </div>
          </fieldset>
          <div class="field"><label for="output-note">Note (kept in the history)</label><textarea id="output-note" name="note" rows="2" maxlength="2000"></textarea></div>
          <p class="muted">A delivered output needs its delivery date.</p>
          <button type="submit" class="button" [disabled]="edit.saving()">{{ edit.saving() ? 'Saving…' : 'Save' }}</button>
        </form>
      }
      <form method="dialog"><button type="submit" class="button secondary" (click)="closing.byReader()">Close</button></form>
    </dialog>
  `,
})
export class OutputEditorComponent {
  private readonly updates = inject(UpdatesService);
  readonly item = input<Output | null>(null);
  readonly closed = output<void>();
  readonly closing = new DialogClosing(
    () => this.item() !== null,
    () => this.closed.emit(),
  );
  readonly changed = output<void>();

  readonly statuses = OUTPUT_STATUSES;
  readonly labels = STATUS_LABELS;
  readonly noteKinds = NOTE_KIND_LABELS;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');
  readonly edit = new EditDialog<Output>(
    () => this.item(),
    () => this.dialog().nativeElement,
  );

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const before = this.edit.values();
    if (!before) return;
    const form = new FormData(event.target as HTMLFormElement);
    const date = (name: string) => String(form.get(name) ?? '').trim() || null;
    const update: OutputUpdate = { version: before.version };
    const status = String(form.get('status')) as OutputStatus;
    if (status !== before.status) update.status = status;
    for (const field of ['actualStart', 'actualEnd', 'forecastEnd'] as const) {
      if (date(field) !== before[field]) update[field] = date(field);
    }
    const title = String(form.get('title') ?? '').trim();
    if (title !== before.title) update.title = title;
    const dueText = String(form.get('dueText') ?? '').trim();
    if (dueText !== '' && dueText !== before.dueText) update.dueText = dueText;
    const note = String(form.get('note') ?? '').trim();
    if (note) update.note = note;
    if (Object.keys(update).length === 1) {
      this.edit.nothingToSave();
      return;
    }
    await this.edit.save(this.updates.updateOutput(before.id, update), 'output', 'output', () => this.changed.emit());
  }
}
