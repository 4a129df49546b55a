import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import type { FollowUp, MonitoringCall } from '@tracker/contracts';
import { firstValueFrom } from 'rxjs';
import { CallFormComponent, type CallFormFailure } from './call-form.component';
import { conflictCurrent } from './call-errors';
import { describeChange, followUpOwner, formatInstant } from './monitoring-labels';
import { MonitoringService } from './monitoring.service';
import { RiskItemsTableComponent } from './risk-items-table.component';
import { formatDay, RAG_LABELS } from './risk-labels';

/**
 * One opened monitoring call and what it walks through: its record (editable by the Secretariat),
 * its follow-ups, the changes since the previous call, open follow-ups of earlier calls and the risk
 * view as of its day. Every write ends in `changed` so the page reads the call and the list again.
 */
@Component({
  selector: 'wp-opened-call',
  imports: [CallFormComponent, RiskItemsTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .opened-call {
      border: 1px solid var(--line);
      border-radius: 6px;
      padding: 0.75rem 1rem;
      margin-top: 1rem;
    }
    .add-follow-up {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.25rem;
      align-items: flex-end;
      margin: 0.5rem 0 1rem;
    }
    .add-follow-up input {
      font: inherit;
      padding: 0.3rem 0.5rem;
      border: 1px solid #6b7280;
      border-radius: 4px;
    }
    .rag-list {
      padding-left: 1.1rem;
    }
    .status-done {
      color: #166534;
      font-weight: 600;
    }
    .status-open {
      color: #92400e;
      font-weight: 600;
    }
    @media print {
      button,
      form {
        display: none !important;
      }
    }
  `,
  template: `
    @let c = call();
    <article class="opened-call" aria-labelledby="opened-call-heading" data-testid="opened-call">
      <h3 id="opened-call-heading" tabindex="-1">Call of {{ day(c.heldOn) }}</h3>
      <p><a [href]="'/api/exports/monitoring-calls/' + c.id + '/pack.pdf'" download data-testid="call-pack">Download the call pack (PDF)</a></p>
      @if (editing()) {
        <wp-call-form
          [call]="c"
          [actionNumbers]="actionNumbers()"
          (saved)="edited($event.call)"
          (cancelled)="editing.set(false)"
          (failed)="editFailed($event)"
        />
      } @else {
        <p>Actions covered: {{ actionsText(c.actionNumbers) }}. Attendees: {{ c.attendees.join(', ') || 'not recorded' }}.</p>
        @if (c.notes) {
          <h4>Notes</h4>
          <p style="white-space: pre-line" data-testid="call-notes">{{ c.notes }}</p>
        }
        @if (c.decisions) {
          <h4>Decisions</h4>
          <p style="white-space: pre-line">{{ c.decisions }}</p>
        }
        @if (canWrite()) {
          <button type="button" class="button secondary" (click)="editing.set(true)">Edit the call</button>
        }
      }

      <h4 id="call-follow-ups-heading">Follow-ups of this call</h4>
      <ul aria-labelledby="call-follow-ups-heading" data-testid="call-follow-ups">
        @for (f of c.followUps; track f.id) {
          <li>
            {{ f.what }} — {{ owner(f) }}, {{ f.dueDate ? 'due ' + day(f.dueDate) : 'no due date' }}:
            <span [class]="f.done ? 'status-done' : 'status-open'">{{ f.done ? 'Done' : 'Open' }}</span>
            @if (canWrite()) {
              <button type="button" class="button secondary" (click)="toggle(f)" [attr.aria-label]="(f.done ? 'Reopen: ' : 'Mark done: ') + f.what">
                {{ f.done ? 'Reopen' : 'Mark done' }}
              </button>
            }
          </li>
        } @empty {
          <li>None.</li>
        }
      </ul>
      @if (canWrite()) {
        <form (submit)="addFollowUp($event)" class="add-follow-up" aria-label="Add a follow-up to this call">
          <div class="field"><label for="add-fu-what">New follow-up: what</label><input id="add-fu-what" name="what" type="text" size="40" required /></div>
          <div class="field"><label for="add-fu-who">Who</label><input id="add-fu-who" name="who" type="text" /></div>
          <div class="field"><label for="add-fu-due">Due date</label><input id="add-fu-due" name="due" type="date" /></div>
          <button type="submit" class="button" [disabled]="saving()">Add the follow-up</button>
        </form>
      }

      <h4 id="changes-heading">What changed since the previous call</h4>
      <p class="muted">
        @if (c.previousCall) {
          Changes from {{ day(c.previousCall.heldOn) }} (the previous call) to {{ day(c.heldOn) }}.
        } @else {
          The first call: every change up to {{ day(c.heldOn) }}.
        }
      </p>
      <div class="table-scroll" tabindex="0" role="region" aria-labelledby="changes-heading">
        <table class="data-table" data-testid="call-changes">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Action</th>
              <th scope="col">Item</th>
              <th scope="col">Change</th>
              <th scope="col">By</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            @for (e of c.changesSincePrevious; track e.id) {
              <tr>
                <td>{{ instant(e.at) }}</td>
                <td>{{ e.actionNumber }}</td>
                <th scope="row">
                  {{ e.itemTitle }}
                  @if (e.itemType === 'output') {
                    <span class="muted"> (output)</span>
                  }
                </th>
                <td>{{ change(e) }}</td>
                <td>{{ e.by.name }} ({{ e.by.organisation }})</td>
                <td>{{ e.note || '—' }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="6">No changes.</td>
              </tr>
            }
          </tbody>
        </table>
      </div>

      <h4 id="earlier-heading">Open follow-ups of earlier calls</h4>
      <ul aria-labelledby="earlier-heading" data-testid="earlier-follow-ups">
        @for (f of c.openEarlierFollowUps; track f.id) {
          <li>
            {{ f.what }} — {{ owner(f) }}, {{ f.dueDate ? 'due ' + day(f.dueDate) : 'no due date' }} (from the call of {{ day(f.callHeldOn) }}):
            <span class="status-open">Open</span>
            @if (canWrite()) {
              <button type="button" class="button secondary" (click)="toggle(f)" [attr.aria-label]="'Mark done: ' + f.what">Mark done</button>
            }
          </li>
        } @empty {
          <li>None open.</li>
        }
      </ul>

      <h4 id="call-risks-heading">Risk view as of {{ day(c.risks.asOf) }}</h4>
      @if (c.comparedVersion; as v) {
        <p data-testid="call-compared">Compared with version {{ v.number }}, {{ v.name }}: items that ended more than a month later than approved are listed as slipped.</p>
      }
      <p data-testid="call-countdown">{{ c.risks.daysToDeadline }} days to the deadline ({{ day(c.risks.deadline) }}).</p>
      <ul class="rag-list" data-testid="call-rag">
        @for (a of c.risks.actions; track a.number) {
          <li>
            <strong>Action {{ a.number }} · {{ a.shortName }}: {{ ragLabels[a.rag] }}</strong> — {{ a.reasons.join('; ') }}
          </li>
        }
      </ul>
      <wp-risk-items-table [items]="c.risks.items" [asOf]="c.risks.asOf" labelledBy="call-risks-heading" testId="call-risk-items" />
    </article>
  `,
})
export class OpenedCallComponent {
  private readonly monitoring = inject(MonitoringService);
  readonly day = formatDay;
  readonly instant = formatInstant;
  readonly change = describeChange;
  readonly owner = followUpOwner;
  readonly ragLabels = RAG_LABELS;

  readonly call = input.required<MonitoringCall>();
  readonly canWrite = input(false);
  readonly actionNumbers = input.required<number[]>();
  /** After a write: the call to show now (read again when not given) and what to announce. */
  readonly changed = output<{ call?: MonitoringCall; message: string }>();
  readonly failed = output<CallFormFailure>();

  readonly editing = signal(false);
  readonly saving = signal(false);

  actionsText(numbers: number[]): string {
    return numbers.length === 0 ? 'none' : numbers.map((n) => `Action ${n}`).join(', ');
  }

  edited(call: MonitoringCall): void {
    this.editing.set(false);
    this.changed.emit({ call, message: `Saved the changes to the call of ${formatDay(call.heldOn)}.` });
  }

  editFailed(failure: CallFormFailure): void {
    if (conflictCurrent(failure.error) !== null) {
      this.editing.set(false);
    }
    this.failed.emit(failure);
  }

  async addFollowUp(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    this.saving.set(true);
    try {
      const added = await firstValueFrom(
        this.monitoring.addFollowUp(this.call().id, {
          what: String(form.get('what') ?? '').trim(),
          ownerText: String(form.get('who') ?? '').trim() || null,
          dueDate: String(form.get('due') ?? '') || null,
        }),
      );
      formElement.reset();
      this.changed.emit({ message: `Added the follow-up "${added.what}".` });
    } catch (error) {
      this.failed.emit({ error, fallback: 'The follow-up could not be added.' });
    } finally {
      this.saving.set(false);
    }
  }

  async toggle(followUp: FollowUp): Promise<void> {
    try {
      const updated = await firstValueFrom(this.monitoring.updateFollowUp(followUp.id, { version: followUp.version, done: !followUp.done }));
      this.changed.emit({ message: `Follow-up "${updated.what}" is now ${updated.done ? 'done' : 'open'}.` });
    } catch (error) {
      this.failed.emit({ error, fallback: 'The follow-up could not be changed.' });
    }
  }
}
