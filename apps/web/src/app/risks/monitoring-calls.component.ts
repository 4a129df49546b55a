import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import type { FollowUp, FollowUpCreate, MonitoringCall, MonitoringCallSummary } from '@tracker/contracts';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PartnershipService } from '../partnership/partnership.service';
import { AuthService } from '../auth/auth.service';
import { brusselsToday, describeChange, followUpOwner, formatInstant, parseAttendees } from './monitoring-labels';
import { MonitoringService } from './monitoring.service';
import { formatDay, RAG_LABELS } from './risk-labels';
import { RiskItemsTableComponent } from './risk-items-table.component';

/**
 * The monitoring-call log on the risk page: the list of calls, a form for the Secretariat to record
 * one with its follow-ups, and an opened call with what it walks through (changes since the previous
 * call, open follow-ups of earlier calls, the risk view as of its day). Others read.
 */
@Component({
  selector: 'wp-monitoring-calls',
  imports: [RiskItemsTableComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      margin-top: 2rem;
    }
    .call-form {
      background: var(--panel);
      border: 1px solid var(--line);
      border-radius: 6px;
      padding: 0.75rem 1rem;
      margin: 0.5rem 0 1rem;
    }
    .call-form fieldset {
      border: 1px solid var(--line);
      border-radius: 4px;
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
    }
    .call-form .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem 1.25rem;
      align-items: flex-end;
      margin-bottom: 0.5rem;
    }
    .call-form input,
    .call-form textarea {
      font: inherit;
      padding: 0.3rem 0.5rem;
      border: 1px solid #6b7280;
      border-radius: 4px;
    }
    .call-form textarea {
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
    .opened-call {
      border: 1px solid var(--line);
      border-radius: 6px;
      padding: 0.75rem 1rem;
      margin-top: 1rem;
    }
    .rag-list {
      padding-left: 1.1rem;
    }
    .link-like {
      font: inherit;
      background: none;
      border: none;
      padding: 0;
      color: var(--brand);
      text-decoration: underline;
      cursor: pointer;
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
      .call-form,
      button {
        display: none !important;
      }
    }
  `,
  template: `
    <section aria-labelledby="calls-heading" data-testid="monitoring-calls">
      <h2 id="calls-heading">Monitoring calls</h2>
      <p role="status" data-testid="calls-status">{{ status() }}</p>
      @if (error()) {
        <p class="error" role="alert" data-testid="calls-error">{{ error() }}</p>
      }

      @if (canWrite()) {
        @if (!formOpen()) {
          <button type="button" class="button no-print" (click)="openForm()" data-testid="new-call">Record a monitoring call</button>
        } @else {
          <form class="call-form" (submit)="record($event)" aria-labelledby="new-call-heading" data-testid="call-form">
            <h3 id="new-call-heading">Record a monitoring call</h3>
            <div class="row">
              <div class="field">
                <label for="call-held-on">Date of the call</label>
                <input id="call-held-on" name="heldOn" type="date" required [value]="today" />
              </div>
            </div>
            <fieldset>
              <legend>Actions covered</legend>
              <div class="checks">
                @for (n of actionNumbers(); track n) {
                  <label><input type="checkbox" name="actionNumbers" [value]="n" checked /> Action {{ n }}</label>
                }
              </div>
            </fieldset>
            <div class="field">
              <label for="call-attendees">Attendees (one per line)</label>
              <textarea id="call-attendees" name="attendees"></textarea>
            </div>
            <div class="field">
              <label for="call-notes">Notes</label>
              <textarea id="call-notes" name="notes"></textarea>
            </div>
            <div class="field">
              <label for="call-decisions">Decisions</label>
              <textarea id="call-decisions" name="decisions"></textarea>
            </div>
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
            <div class="row">
              <button type="submit" class="button" [disabled]="saving()">Save the call</button>
              <button type="button" class="button secondary" (click)="formOpen.set(false)">Cancel</button>
            </div>
          </form>
        }
      }

      @if (calls() === null) {
        <p role="status">Loading the monitoring calls…</p>
      } @else {
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="calls-table-caption">
          <table class="data-table" data-testid="calls-table">
            <caption id="calls-table-caption">
              {{
                calls()!.length
              }}
              monitoring calls, the latest first
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Actions covered</th>
                <th scope="col">Attendees</th>
                <th scope="col">Open follow-ups</th>
              </tr>
            </thead>
            <tbody>
              @for (c of calls(); track c.id) {
                <tr [attr.aria-current]="opened()?.id === c.id ? 'true' : null">
                  <th scope="row">
                    <button type="button" class="link-like" (click)="open(c.id)" [attr.aria-label]="'Open the call of ' + day(c.heldOn)">
                      {{ day(c.heldOn) }}
                    </button>
                  </th>
                  <td>{{ actionsText(c.actionNumbers) }}</td>
                  <td>{{ c.attendees.join(', ') || '—' }}</td>
                  <td>{{ c.openFollowUps }}</td>
                </tr>
              } @empty {
                <tr>
                  <td colspan="4">No monitoring call recorded yet.</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      }

      @if (opened(); as call) {
        <article class="opened-call" aria-labelledby="opened-call-heading" data-testid="opened-call">
          <h3 id="opened-call-heading" tabindex="-1">Call of {{ day(call.heldOn) }}</h3>
          <p><a [href]="'/api/exports/monitoring-calls/' + call.id + '/pack.pdf'" download data-testid="call-pack">Download the call pack (PDF)</a></p>
          @if (editing()) {
            <form class="call-form" (submit)="saveEdit($event, call)" aria-labelledby="edit-call-heading" data-testid="edit-call-form">
              <h4 id="edit-call-heading">Edit the call</h4>
              <div class="field">
                <label for="edit-held-on">Date of the call</label>
                <input id="edit-held-on" name="heldOn" type="date" required [value]="call.heldOn" />
              </div>
              <fieldset>
                <legend>Actions covered</legend>
                <div class="checks">
                  @for (n of actionNumbers(); track n) {
                    <label><input type="checkbox" name="actionNumbers" [value]="n" [checked]="call.actionNumbers.includes(n)" /> Action {{ n }}</label>
                  }
                </div>
              </fieldset>
              <div class="field">
                <label for="edit-attendees">Attendees (one per line)</label>
                <textarea id="edit-attendees" name="attendees" [value]="attendeeLines(call)"></textarea>
              </div>
              <div class="field">
                <label for="edit-notes">Notes</label>
                <textarea id="edit-notes" name="notes" [value]="call.notes"></textarea>
              </div>
              <div class="field">
                <label for="edit-decisions">Decisions</label>
                <textarea id="edit-decisions" name="decisions" [value]="call.decisions"></textarea>
              </div>
              <div class="row">
                <button type="submit" class="button" [disabled]="saving()">Save the changes</button>
                <button type="button" class="button secondary" (click)="editing.set(false)">Cancel</button>
              </div>
            </form>
          } @else {
            <p>Actions covered: {{ actionsText(call.actionNumbers) }}. Attendees: {{ call.attendees.join(', ') || 'not recorded' }}.</p>
            @if (call.notes) {
              <h4>Notes</h4>
              <p style="white-space: pre-line" data-testid="call-notes">{{ call.notes }}</p>
            }
            @if (call.decisions) {
              <h4>Decisions</h4>
              <p style="white-space: pre-line">{{ call.decisions }}</p>
            }
            @if (canWrite()) {
              <button type="button" class="button secondary" (click)="editing.set(true)">Edit the call</button>
            }
          }

          <h4 id="call-follow-ups-heading">Follow-ups of this call</h4>
          <ul aria-labelledby="call-follow-ups-heading" data-testid="call-follow-ups">
            @for (f of call.followUps; track f.id) {
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
            <form (submit)="addToCall($event, call.id)" class="call-form" aria-label="Add a follow-up to this call">
              <div class="row">
                <div class="field">
                  <label for="add-fu-what">New follow-up: what</label><input id="add-fu-what" name="what" type="text" size="40" required />
                </div>
                <div class="field"><label for="add-fu-who">Who</label><input id="add-fu-who" name="who" type="text" /></div>
                <div class="field"><label for="add-fu-due">Due date</label><input id="add-fu-due" name="due" type="date" /></div>
                <button type="submit" class="button" [disabled]="saving()">Add the follow-up</button>
              </div>
            </form>
          }

          <h4 id="changes-heading">What changed since the previous call</h4>
          <p class="muted">
            @if (call.previousCall) {
              Changes from {{ day(call.previousCall.heldOn) }} (the previous call) to {{ day(call.heldOn) }}.
            } @else {
              The first call: every change up to {{ day(call.heldOn) }}.
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
                @for (e of call.changesSincePrevious; track e.id) {
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
            @for (f of call.openEarlierFollowUps; track f.id) {
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

          <h4 id="call-risks-heading">Risk view as of {{ day(call.risks.asOf) }}</h4>
          <p data-testid="call-countdown">{{ call.risks.daysToDeadline }} days to the deadline ({{ day(call.risks.deadline) }}).</p>
          <ul class="rag-list" data-testid="call-rag">
            @for (a of call.risks.actions; track a.number) {
              <li>
                <strong>Action {{ a.number }} · {{ a.shortName }}: {{ ragLabels[a.rag] }}</strong> — {{ a.reasons.join('; ') }}
              </li>
            }
          </ul>
          <wp-risk-items-table [items]="call.risks.items" [asOf]="call.risks.asOf" labelledBy="call-risks-heading" testId="call-risk-items" />
        </article>
      }
    </section>
  `,
})
export class MonitoringCallsComponent {
  private readonly monitoring = inject(MonitoringService);
  private readonly auth = inject(AuthService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  readonly day = formatDay;
  readonly instant = formatInstant;
  readonly change = describeChange;
  readonly owner = followUpOwner;
  readonly ragLabels = RAG_LABELS;
  readonly partnerships = inject(PartnershipService);
  /** The Actions of the partnership shown, from its data. */
  readonly actionNumbers = computed(() => (this.partnerships.current()?.actions ?? []).map((a) => a.number));
  readonly today = brusselsToday();

  readonly calls = signal<MonitoringCallSummary[] | null>(null);
  readonly opened = signal<MonitoringCall | null>(null);
  readonly status = signal('');
  readonly error = signal('');
  readonly saving = signal(false);
  readonly formOpen = signal(false);
  readonly editing = signal(false);
  readonly followUpRows = signal<number[]>([]);
  private nextRow = 1;

  /** The Secretariat of the partnership shown (its organisation has a seat there, so every Action is theirs to change). */
  readonly canWrite = computed(() => this.auth.user()?.role === 'secretariat' && (this.auth.user()?.editableActions.length ?? 0) > 0);

  constructor() {
    // The calls of the partnership shown: read again when it changes.
    effect(() => {
      this.partnerships.key();
      untracked(() => void this.reload());
    });
    // ?call=<id> opens that call: a call can be shared by its address.
    const shared = this.route.snapshot.queryParamMap.get('call');
    if (shared && /^[0-9a-f-]{36}$/i.test(shared)) {
      void this.open(shared, false);
    }
  }

  attendeeLines(call: MonitoringCall): string {
    return call.attendees.join('\n');
  }

  actionsText(numbers: number[]): string {
    return numbers.length === 0 ? 'none' : numbers.map((n) => `Action ${n}`).join(', ');
  }

  openForm(): void {
    this.followUpRows.set([this.nextRow++]);
    this.formOpen.set(true);
    this.status.set('');
  }

  addRow(): void {
    this.followUpRows.update((rows) => [...rows, this.nextRow++]);
  }

  removeRow(row: number): void {
    this.followUpRows.update((rows) => rows.filter((r) => r !== row));
  }

  async open(id: string, focus = true): Promise<void> {
    this.error.set('');
    try {
      const call = await firstValueFrom(this.monitoring.get(id));
      this.opened.set(call);
      this.editing.set(false);
      this.status.set(`Opened the call of ${formatDay(call.heldOn)}.`);
      void this.router.navigate([], { relativeTo: this.route, queryParams: { call: id }, queryParamsHandling: 'merge', replaceUrl: true });
      if (focus) setTimeout(() => document.getElementById('opened-call-heading')?.focus());
    } catch (error) {
      this.fail(error, 'The call could not be opened.');
    }
  }

  async record(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const whats = form.getAll('fuWhat').map(String);
    const whos = form.getAll('fuWho').map(String);
    const dues = form.getAll('fuDue').map(String);
    const followUps: FollowUpCreate[] = whats
      .map((what, i) => ({ what: what.trim(), ownerText: whos[i]?.trim() || null, dueDate: dues[i] || null }))
      .filter((f) => f.what.length > 0);
    this.saving.set(true);
    this.error.set('');
    try {
      const call = await firstValueFrom(
        this.monitoring.create(this.partnerships.apiParams(), {
          heldOn: String(form.get('heldOn') ?? ''),
          actionNumbers: form.getAll('actionNumbers').map(Number),
          attendees: parseAttendees(String(form.get('attendees') ?? '')),
          notes: String(form.get('notes') ?? ''),
          decisions: String(form.get('decisions') ?? ''),
        }),
      );
      for (const followUp of followUps) {
        await firstValueFrom(this.monitoring.addFollowUp(call.id, followUp));
      }
      this.formOpen.set(false);
      await this.reload();
      await this.open(call.id);
      this.status.set(`Saved: the call of ${formatDay(call.heldOn)} with ${followUps.length} follow-up${followUps.length === 1 ? '' : 's'}.`);
    } catch (error) {
      this.fail(error, 'The call could not be saved.');
    } finally {
      this.saving.set(false);
    }
  }

  async saveEdit(event: SubmitEvent, call: MonitoringCall): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    this.saving.set(true);
    this.error.set('');
    try {
      const saved = await firstValueFrom(
        this.monitoring.update(call.id, {
          version: call.version,
          heldOn: String(form.get('heldOn') ?? ''),
          actionNumbers: form.getAll('actionNumbers').map(Number),
          attendees: parseAttendees(String(form.get('attendees') ?? '')),
          notes: String(form.get('notes') ?? ''),
          decisions: String(form.get('decisions') ?? ''),
        }),
      );
      this.opened.set(saved);
      this.editing.set(false);
      await this.reload();
      this.status.set(`Saved the changes to the call of ${formatDay(saved.heldOn)}.`);
    } catch (error) {
      this.fail(error, 'The changes could not be saved.');
      if (error instanceof HttpErrorResponse && error.status === 409 && error.error?.current) {
        this.opened.set(error.error.current as MonitoringCall);
        this.editing.set(false);
      }
    } finally {
      this.saving.set(false);
    }
  }

  async addToCall(event: SubmitEvent, callId: string): Promise<void> {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    this.saving.set(true);
    this.error.set('');
    try {
      const added = await firstValueFrom(
        this.monitoring.addFollowUp(callId, {
          what: String(form.get('what') ?? '').trim(),
          ownerText: String(form.get('who') ?? '').trim() || null,
          dueDate: String(form.get('due') ?? '') || null,
        }),
      );
      formElement.reset();
      await this.refreshOpened(callId);
      this.status.set(`Added the follow-up "${added.what}".`);
    } catch (error) {
      this.fail(error, 'The follow-up could not be added.');
    } finally {
      this.saving.set(false);
    }
  }

  async toggle(followUp: FollowUp): Promise<void> {
    this.error.set('');
    try {
      const updated = await firstValueFrom(this.monitoring.updateFollowUp(followUp.id, { version: followUp.version, done: !followUp.done }));
      const callId = this.opened()?.id;
      if (callId) await this.refreshOpened(callId);
      this.status.set(`Follow-up "${updated.what}" is now ${updated.done ? 'done' : 'open'}.`);
    } catch (error) {
      this.fail(error, 'The follow-up could not be changed.');
      const callId = this.opened()?.id;
      if (callId) await this.refreshOpened(callId);
    }
  }

  private async refreshOpened(callId: string): Promise<void> {
    this.opened.set(await firstValueFrom(this.monitoring.get(callId)));
    await this.reload();
  }

  private async reload(): Promise<void> {
    try {
      this.calls.set(await firstValueFrom(this.monitoring.list(this.partnerships.apiParams())));
    } catch (error) {
      this.calls.set([]);
      this.fail(error, 'The monitoring calls could not be loaded.');
    }
  }

  private fail(error: unknown, fallback: string): void {
    if (error instanceof HttpErrorResponse) {
      if (error.status === 401) return this.error.set('The monitoring calls need sign-in.');
      if (error.status === 409) return this.error.set('Someone else changed this meanwhile; the current values are shown. Try again.');
      if (error.status === 400 || error.status === 403) {
        const message = [error.error?.message].flat().join('; ');
        return this.error.set(`${fallback} ${message.charAt(0).toUpperCase()}${message.slice(1)}.`);
      }
    }
    this.error.set(fallback);
  }
}
