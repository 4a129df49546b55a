import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, inject, input, output, signal, viewChild } from '@angular/core';
import { OUTPUT_STATUSES, type Output, type OutputStatus, type OutputUpdate } from '@tracker/contracts';
import { firstValueFrom } from 'rxjs';
import { STATUS_LABELS } from '../plan/labels';
import { describeSaveError } from './milestone-editor';
import { UpdatesService } from './updates.service';

/** The update form of one output (status, dates and its plan entry), in a dialog; a stale save shows the current values. */
@Component({
  selector: 'wp-output-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog class="details-dialog" aria-labelledby="output-editor-title" data-testid="output-editor" (close)="closed.emit()">
      @if (values(); as v) {
        <h2 id="output-editor-title">{{ v.title }}</h2>
        @if (message(); as m) { <p [class]="m.ok ? 'notice' : 'error'" role="alert">{{ m.text }}</p> }
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
          <button type="submit" class="button" [disabled]="saving()">{{ saving() ? 'Saving…' : 'Save' }}</button>
        </form>
      }
      <form method="dialog"><button type="submit" class="button secondary">Close</button></form>
    </dialog>
  `,
})
export class OutputEditorComponent {
  private readonly updates = inject(UpdatesService);
  readonly item = input<Output | null>(null);
  readonly closed = output<void>();
  readonly changed = output<void>();

  readonly statuses = OUTPUT_STATUSES;
  readonly labels = STATUS_LABELS;
  readonly saving = signal(false);
  readonly message = signal<{ ok: boolean; text: string } | null>(null);
  private readonly current = signal<Output | null>(null);
  readonly values = computed(() => this.current() ?? this.item());
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.item() && !dialog.open) {
        this.current.set(null);
        this.message.set(null);
        dialog.showModal();
      } else if (!this.item() && dialog.open) {
        dialog.close();
      }
    });
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const before = this.values();
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
      this.message.set({ ok: false, text: 'Nothing to save: change a value or write a note.' });
      return;
    }
    this.saving.set(true);
    try {
      const saved = await firstValueFrom(this.updates.updateOutput(before.id, update));
      this.current.set(saved);
      this.message.set({ ok: true, text: `Saved. The output is now at version ${saved.version}.` });
      this.changed.emit();
    } catch (error) {
      const outcome = describeSaveError(error, 'output');
      this.message.set({ ok: false, text: outcome.message });
      if (outcome.kind === 'conflict') {
        this.current.set((error as HttpErrorResponse).error.current as Output);
        this.changed.emit();
      }
    } finally {
      this.saving.set(false);
    }
  }
}
