import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import type { MonitoringCall, MonitoringCallSummary } from '@tracker/contracts';
import { ActivatedRoute, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { PartnershipService } from '../partnership/partnership.service';
import { AuthService } from '../auth/auth.service';
import { CallFormComponent, type CallFormFailure } from './call-form.component';
import { conflictCurrent, describeCallError } from './call-errors';
import { MonitoringService } from './monitoring.service';
import { OpenedCallComponent } from './opened-call.component';
import { formatDay } from './risk-labels';

/**
 * The monitoring-call log on the risk page: the list of calls of the partnership shown, the form to
 * record one (Secretariat) and the opened call. It owns what the three share: the list, the opened
 * call (also in the URL as ?call=<id>, so a call can be shared by its address), the status line and
 * the error.
 */
@Component({
  selector: 'wp-monitoring-calls',
  imports: [CallFormComponent, OpenedCallComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      margin-top: 2rem;
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
    @media print {
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
          <wp-call-form
            [actionNumbers]="actionNumbers()"
            (saved)="recorded($event.call, $event.followUps)"
            (cancelled)="formOpen.set(false)"
            (failed)="fail($event)"
          />
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
        <wp-opened-call
          [call]="call"
          [canWrite]="canWrite()"
          [actionNumbers]="actionNumbers()"
          (changed)="changed($event.call, $event.message)"
          (failed)="fail($event)"
        />
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
  readonly partnerships = inject(PartnershipService);
  /** The Actions of the partnership shown, from its data. */
  readonly actionNumbers = computed(() => (this.partnerships.current()?.actions ?? []).map((a) => a.number));

  readonly calls = signal<MonitoringCallSummary[] | null>(null);
  readonly opened = signal<MonitoringCall | null>(null);
  readonly status = signal('');
  readonly error = signal('');
  readonly formOpen = signal(false);

  /** The Secretariat of the partnership shown (its organisation has a seat there, so every Action is theirs to change). */
  readonly canWrite = computed(() => this.auth.user()?.role === 'secretariat' && (this.auth.user()?.editableActions.length ?? 0) > 0);

  constructor() {
    // The calls of the partnership shown: read again when it changes.
    effect(() => {
      this.partnerships.key();
      untracked(() => void this.reload());
    });
    const shared = this.route.snapshot.queryParamMap.get('call');
    if (shared && /^[0-9a-f-]{36}$/i.test(shared)) {
      void this.open(shared, false);
    }
  }

  actionsText(numbers: number[]): string {
    return numbers.length === 0 ? 'none' : numbers.map((n) => `Action ${n}`).join(', ');
  }

  openForm(): void {
    this.formOpen.set(true);
    this.status.set('');
    this.error.set('');
  }

  async open(id: string, focus = true): Promise<void> {
    this.error.set('');
    try {
      const call = await firstValueFrom(this.monitoring.get(id));
      this.opened.set(call);
      this.status.set(`Opened the call of ${formatDay(call.heldOn)}.`);
      void this.router.navigate([], { relativeTo: this.route, queryParams: { call: id }, queryParamsHandling: 'merge', replaceUrl: true });
      if (focus) setTimeout(() => document.getElementById('opened-call-heading')?.focus());
    } catch (error) {
      this.error.set(describeCallError(error, 'The call could not be opened.'));
    }
  }

  async recorded(call: MonitoringCall, followUps: number): Promise<void> {
    this.formOpen.set(false);
    this.error.set('');
    await this.reload();
    await this.open(call.id);
    this.status.set(`Saved: the call of ${formatDay(call.heldOn)} with ${followUps} follow-up${followUps === 1 ? '' : 's'}.`);
  }

  /** After a write in the opened call: show the call as saved (or read it again) and the list. */
  async changed(call: MonitoringCall | undefined, message: string): Promise<void> {
    this.error.set('');
    if (call !== undefined) {
      this.opened.set(call);
    } else {
      await this.refreshOpened();
    }
    await this.reload();
    this.status.set(message);
  }

  /** A failed write: say why, and show the current record (a 409 carries it; otherwise read it again). */
  async fail(failure: CallFormFailure): Promise<void> {
    this.error.set(describeCallError(failure.error, failure.fallback));
    const current = conflictCurrent<MonitoringCall>(failure.error);
    if (current !== null && current.id === this.opened()?.id) {
      this.opened.set(current);
    } else if (this.opened() !== null) {
      await this.refreshOpened();
    }
  }

  private async refreshOpened(): Promise<void> {
    const id = this.opened()?.id;
    if (id === undefined) return;
    try {
      this.opened.set(await firstValueFrom(this.monitoring.get(id)));
    } catch (error) {
      this.error.set(describeCallError(error, 'The call could not be read again.'));
    }
  }

  private async reload(): Promise<void> {
    try {
      this.calls.set(await firstValueFrom(this.monitoring.list(this.partnerships.apiParams())));
    } catch (error) {
      this.calls.set([]);
      this.error.set(describeCallError(error, 'The monitoring calls could not be loaded.'));
    }
  }
}
