import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { OUTPUT_STATUSES, type Evidence, type Output, type OutputStatus, type OutputUpdate } from '@tracker/contracts';
import { type Observable, firstValueFrom } from 'rxjs';
import { EvidenceListComponent } from '../evidence/evidence-list.component';
import { EvidenceService } from '../evidence/evidence.service';
import { NOTE_KIND_LABELS, STATUS_LABELS } from '../plan/labels';
import { DialogClosing } from './dialog-closing';
import { EditDialog } from './edit-dialog';
import { UpdatesService } from './updates.service';

/** The update form of one output (status, dates and its plan entry), in a dialog; a stale save shows the current values. */
@Component({
  selector: 'wp-output-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EvidenceListComponent],
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
        <section class="evidence" aria-labelledby="output-evidence-title" data-testid="output-evidence">
          <h3 id="output-evidence-title">Evidence of delivery</h3>
          <wp-evidence-list [evidence]="evidence()" [removable]="true" empty="No file or link yet." (remove)="removeEvidence($event)" />
          @if (evidenceMessage(); as m) { <p [class]="m.ok ? 'notice' : 'error'" role="alert" data-testid="evidence-outcome">{{ m.text }}</p> }
          <form class="edit-form" (submit)="attachFile($event)" novalidate>
            <div class="form-grid">
              <div class="field">
                <label for="evidence-file">Attach a file</label>
                <input id="evidence-file" name="file" type="file" required aria-describedby="evidence-file-help" [accept]="accepted" />
                <p id="evidence-file-help" class="muted">PDF, Office documents or images, up to 25 MB.</p>
              </div>
              <div class="field"><label for="evidence-file-title">Title (the file's name if empty)</label><input id="evidence-file-title" name="title" type="text" maxlength="300" /></div>
            </div>
            <button type="submit" class="button secondary" [disabled]="evidenceBusy()">Attach the file</button>
          </form>
          <form class="edit-form" (submit)="addLink($event)" novalidate>
            <div class="form-grid">
              <div class="field"><label for="evidence-url">Add a link (http or https)</label><input id="evidence-url" name="url" type="url" maxlength="2000" required /></div>
              <div class="field"><label for="evidence-link-title">Link title</label><input id="evidence-link-title" name="title" type="text" maxlength="300" required /></div>
            </div>
            <button type="submit" class="button secondary" [disabled]="evidenceBusy()">Add the link</button>
          </form>
        </section>
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
          <div class="field">
            <label for="output-evidence-note">No file or link? Say why (needed to mark it delivered without evidence)</label>
            <textarea id="output-evidence-note" name="evidenceNote" rows="2" maxlength="2000"></textarea>
          </div>
          <p class="muted">A delivered output needs its delivery date, and a file, a link or the reason there is none.</p>
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
  /** The output's evidence that is not removed. */
  readonly evidence = input<readonly Evidence[]>([]);
  /** Evidence was attached or removed: the page reads it again. */
  readonly evidenceChanged = output<void>();
  private readonly evidenceApi = inject(EvidenceService);
  readonly evidenceBusy = signal(false);
  readonly evidenceMessage = signal<{ ok: boolean; text: string } | null>(null);
  readonly accepted = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.gif,.webp,.tif,.tiff,.bmp,.svg';

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
    const evidenceNote = String(form.get('evidenceNote') ?? '').trim();
    if (evidenceNote && update.status === 'delivered') update.evidenceNote = evidenceNote;
    if (Object.keys(update).length === 1) {
      this.edit.nothingToSave();
      return;
    }
    await this.edit.save(this.updates.updateOutput(before.id, update), 'output', 'output', () => this.changed.emit());
  }

  async attachFile(event: Event): Promise<void> {
    event.preventDefault();
    const item = this.edit.values();
    const form = event.target as HTMLFormElement;
    const file = (form.elements.namedItem('file') as HTMLInputElement).files?.[0];
    if (!item) return;
    if (!file) {
      this.evidenceMessage.set({ ok: false, text: 'Choose a file to attach first.' });
      return;
    }
    const title = String(new FormData(form).get('title') ?? '').trim();
    await this.changeEvidence(this.evidenceApi.upload('output', item.id, file, title), (e) => `Attached "${e.title}".`);
    form.reset();
  }

  async addLink(event: Event): Promise<void> {
    event.preventDefault();
    const item = this.edit.values();
    if (!item) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const link = { url: String(data.get('url') ?? '').trim(), title: String(data.get('title') ?? '').trim() };
    if (await this.changeEvidence(this.evidenceApi.addLink('output', item.id, link), (e) => `Added the link "${e.title}".`)) form.reset();
  }

  async removeEvidence(entry: Evidence): Promise<void> {
    await this.changeEvidence(this.evidenceApi.remove(entry.id), () => `Removed "${entry.title}" (it stays in the history).`);
  }

  private async changeEvidence<T>(request: Observable<T>, done: (result: T) => string): Promise<boolean> {
    this.evidenceBusy.set(true);
    try {
      const result = await firstValueFrom(request, { defaultValue: null as T });
      this.evidenceMessage.set({ ok: true, text: done(result) });
      this.evidenceChanged.emit();
      return true;
    } catch (error) {
      const message = (error as { error?: { message?: unknown } }).error?.message;
      this.evidenceMessage.set({ ok: false, text: typeof message === 'string' ? message : 'The evidence could not be saved. Try again.' });
      return false;
    } finally {
      this.evidenceBusy.set(false);
    }
  }
}
