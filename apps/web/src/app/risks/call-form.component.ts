import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { FollowUpCreate, MonitoringCall, PlanVersionSummary } from '@tracker/contracts';
import { catchError, firstValueFrom, of, switchMap } from 'rxjs';
import { PartnershipService } from '../partnership/partnership.service';
import { PlanService } from '../plan/plan.service';
import { brusselsToday, parseAttendees } from './monitoring-labels';
import { MonitoringService } from './monitoring.service';

/** A failed save: the error and the sentence to start the message with. */
export interface CallFormFailure {
  error: unknown;
  fallback: string;
}

/**
 * One form to record a monitoring call (with its first follow-ups) or to edit a recorded one
 * (`call` given: the version it was read at is sent, so a concurrent change answers 409).
 */
@Component({
  selector: 'wp-call-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .call-form {
      background: var(--panel);
      border: 1px solid var(--line);
      border-radius: 6px;
      padding: 0.75rem 1rem;
      margin: 0.5rem 0 1rem;
    }
    fieldset {
      border: 1px solid var(--line);
      border-radius: 4px;
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.25rem;
      align-items: flex-end;
      margin-bottom: 0.5rem;
    }
    input,
    textarea {
      font: inherit;
      padding: 0.3rem 0.5rem;
      border: 1px solid #6b7280;
      border-radius: 4px;
    }
    textarea {
      width: min(40rem, 100%);
      min-height: 3.5rem;
    }
    .checks {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
    }
    .follow-up-row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: flex-end;
      border-top: 1px dashed var(--line);
      padding-top: 0.5rem;
      margin-top: 0.5rem;
    }
    @media print {
      :host {
        display: none !important;
      }
    }
  `,
  template: `
    <form class="call-form" (submit)="save($event)" [attr.aria-labelledby]="id('heading')" [attr.data-testid]="editing() ? 'edit-call-form' : 'call-form'">
      @if (editing()) {
        <h4 [id]="id('heading')">Edit the call</h4>
      } @else {
        <h3 [id]="id('heading')">Record a monitoring call</h3>
      }
      <div class="row">
        <div class="field">
          <label [for]="id('held-on')">Date of the call</label>
          <input [id]="id('held-on')" name="heldOn" type="date" required [value]="call()?.heldOn ?? today" />
        </div>
      </div>
      @if (!editing() && versions().length) {
        <div class="field">
          <label [for]="id('compared')">Compare the plan with</label>
          <select [id]="id('compared')" name="comparedVersion">
            <option value="">No approved version</option>
            @for (v of versions(); track v.id) { <option [value]="v.number">Version {{ v.number }}: {{ v.name }}</option> }
          </select>
        </div>
      }
      <fieldset>
        <legend>Actions covered</legend>
        <div class="checks">
          @for (n of actionNumbers(); track n) {
            <label><input type="checkbox" name="actionNumbers" [value]="n" [checked]="covers(n)" /> Action {{ n }}</label>
          }
        </div>
      </fieldset>
      <div class="field">
        <label [for]="id('attendees')">Attendees (one per line)</label>
        <textarea [id]="id('attendees')" name="attendees" [value]="attendeeLines()"></textarea>
      </div>
      <div class="field">
        <label [for]="id('notes')">Notes</label>
        <textarea [id]="id('notes')" name="notes" [value]="call()?.notes ?? ''"></textarea>
      </div>
      <div class="field">
        <label [for]="id('decisions')">Decisions</label>
        <textarea [id]="id('decisions')" name="decisions" [value]="call()?.decisions ?? ''"></textarea>
      </div>
      @if (!editing()) {
        <fieldset>
          <legend>Follow-ups</legend>
          @for (row of followUpRows(); track row; let i = $index) {
            <div class="follow-up-row" data-testid="follow-up-row">
              <div class="field">
                <label [for]="'fu-what-' + row">Follow-up {{ i + 1 }}: what</label>
                <input [id]="'fu-what-' + row" name="fuWhat" type="text" size="40" />
              </div>
              <div class="field">
                <label [for]="'fu-who-' + row">Follow-up {{ i + 1 }}: who</label>
                <input [id]="'fu-who-' + row" name="fuWho" type="text" />
              </div>
              <div class="field">
                <label [for]="'fu-due-' + row">Follow-up {{ i + 1 }}: due date</label>
                <input [id]="'fu-due-' + row" name="fuDue" type="date" />
              </div>
              <button type="button" class="button secondary" (click)="removeRow(row)" [attr.aria-label]="'Remove follow-up ' + (i + 1)">Remove</button>
            </div>
          } @empty {
            <p class="muted">No follow-ups yet.</p>
          }
          <button type="button" class="button secondary" (click)="addRow()" style="margin-top: 0.5rem">Add a follow-up</button>
        </fieldset>
      }
      <div class="row">
        <button type="submit" class="button" [disabled]="saving()">{{ editing() ? 'Save the changes' : 'Save the call' }}</button>
        <button type="button" class="button secondary" (click)="cancelled.emit()">Cancel</button>
      </div>
    </form>
  `,
})
export class CallFormComponent {
  private readonly monitoring = inject(MonitoringService);
  private readonly partnerships = inject(PartnershipService);
  private readonly plan = inject(PlanService);

  /** The call to edit; none to record a new one. */
  readonly call = input<MonitoringCall | null>(null);
  /** The Actions of the partnership shown. */
  readonly actionNumbers = input.required<number[]>();
  /** The call as saved, with the number of follow-ups recorded with it. */
  readonly saved = output<{ call: MonitoringCall; followUps: number }>();
  readonly cancelled = output<void>();
  readonly failed = output<CallFormFailure>();

  readonly today = brusselsToday();
  /** The approved versions a new call can compare the plan with (its risk view then flags what slipped). */
  readonly versions = toSignal(
    toObservable(this.partnerships.key).pipe(switchMap((key) => this.plan.versions(key).pipe(catchError(() => of([] as PlanVersionSummary[]))))),
    { initialValue: [] as PlanVersionSummary[] },
  );
  readonly editing = computed(() => this.call() !== null);
  readonly saving = signal(false);
  readonly followUpRows = signal<number[]>([1]);
  private nextRow = 2;

  /** Element ids, distinct for the two forms that can be open at once. */
  id(part: string): string {
    return `${this.editing() ? 'edit' : 'call'}-${part}`;
  }

  covers(actionNumber: number): boolean {
    const call = this.call();
    return call === null || call.actionNumbers.includes(actionNumber);
  }

  attendeeLines(): string {
    return (this.call()?.attendees ?? []).join('\n');
  }

  addRow(): void {
    this.followUpRows.update((rows) => [...rows, this.nextRow++]);
  }

  removeRow(row: number): void {
    this.followUpRows.update((rows) => rows.filter((r) => r !== row));
  }

  async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const fields = {
      heldOn: String(form.get('heldOn') ?? ''),
      actionNumbers: form.getAll('actionNumbers').map(Number),
      attendees: parseAttendees(String(form.get('attendees') ?? '')),
      notes: String(form.get('notes') ?? ''),
      decisions: String(form.get('decisions') ?? ''),
    };
    const existing = this.call();
    this.saving.set(true);
    try {
      if (existing !== null) {
        const call = await firstValueFrom(this.monitoring.update(existing.id, { version: existing.version, ...fields }));
        this.saved.emit({ call, followUps: 0 });
        return;
      }
      const followUps = this.followUpsOf(form);
      const compared = String(form.get('comparedVersion') ?? '');
      const call = await firstValueFrom(
        this.monitoring.create(this.partnerships.apiParams(), { ...fields, ...(compared ? { comparedVersion: Number(compared) } : {}) }),
      );
      for (const followUp of followUps) {
        await firstValueFrom(this.monitoring.addFollowUp(call.id, followUp));
      }
      this.saved.emit({ call, followUps: followUps.length });
    } catch (error) {
      this.failed.emit({ error, fallback: existing !== null ? 'The changes could not be saved.' : 'The call could not be saved.' });
    } finally {
      this.saving.set(false);
    }
  }

  private followUpsOf(form: FormData): FollowUpCreate[] {
    const whos = form.getAll('fuWho').map(String);
    const dues = form.getAll('fuDue').map(String);
    return form
      .getAll('fuWhat')
      .map(String)
      .map((what, i) => ({ what: what.trim(), ownerText: whos[i]?.trim() || null, dueDate: dues[i] || null }))
      .filter((f) => f.what.length > 0);
  }
}
