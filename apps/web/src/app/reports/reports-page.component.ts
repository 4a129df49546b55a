import { HttpErrorResponse, HttpParams } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { IMPLEMENTATION_STAGE_LABELS, IMPLEMENTATION_STAGES, type ImplementationStage, type MonitoringTableRow } from '@tracker/contracts';
import { catchError, combineLatest, firstValueFrom, map, of, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { PartnershipService } from '../partnership/partnership.service';
import { dayInWords, defaultPeriod, periodProblem } from './report-period';
import { ReportsService } from './reports.service';

type Loaded = { rows: MonitoringTableRow[]; error: null } | { rows: []; error: 'signed_out' | 'no_seat' | 'failed' };

/**
 * The report upward: the progress report of a period (Word and PDF), the final report from the
 * deadline on, and the Monitoring Table of Actions, with the Secretariat's stage overrides.
 */
@Component({
  selector: 'wp-reports-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  styles: `
    .report-controls { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: flex-end; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; }
    .report-controls .field { display: flex; flex-direction: column; gap: 0.2rem; }
    .report-controls input[type='date'] { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #6b7280; border-radius: 4px; }
    .downloads { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; margin: 0.75rem 0; }
    .stage-form { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
    .stage-form input[type='text'] { min-width: 14rem; }
  `,
  template: `
    <header class="page-header">
      <h1>Reports</h1>
      <p class="lede">
        The report upward: a progress report of a period in Word and PDF, the final report from the deadline on, and the Urban Agenda's Monitoring Table of
        Actions with the stage of implementation of each Action.
      </p>
    </header>

    @if (loaded() === undefined) {
      <p role="status">Loading the reports…</p>
    } @else if (loaded()!.error === 'signed_out') {
      <p role="alert">The reports need sign-in. <a routerLink="/sign-in" [queryParams]="partnerships.linkParams()">Sign in</a> to download them.</p>
    } @else if (loaded()!.error === 'no_seat') {
      <p role="alert">Your organisation has no seat in this partnership: its reports carry its calls and risks, which are for its own people.</p>
    } @else {
      @if (loaded()!.error === 'failed') {
        <p class="error" role="alert">The Monitoring Table of Actions could not be loaded. Reload the page to try again.</p>
      }
      <section aria-labelledby="progress-title">
        <h2 id="progress-title">Progress report</h2>
        <p>Per Action: its rating and why, what was delivered in the period with links to the evidence, what slipped against the approved plan, its risks and mitigation, the decisions and follow-ups of the period's monitoring calls, and what remains before the deadline.</p>
        <form class="report-controls" (submit)="$event.preventDefault()" aria-label="Period of the progress report">
          <div class="field">
            <label for="report-from">From</label>
            <input id="report-from" type="date" [value]="from()" (change)="from.set($any($event.target).value)" />
          </div>
          <div class="field">
            <label for="report-to">To</label>
            <input id="report-to" type="date" [value]="to()" (change)="to.set($any($event.target).value)" />
          </div>
        </form>
        @if (problem(); as message) {
          <p class="error" role="alert" data-testid="period-problem">{{ message }}</p>
        } @else {
          <ul class="downloads">
            <li><a [href]="progressHref('docx')" download>Progress report as Word (DOCX)</a></li>
            <li><a [href]="progressHref('pdf')" download>Progress report as PDF</a></li>
          </ul>
        }
      </section>

      <section aria-labelledby="final-title">
        <h2 id="final-title">Final report</h2>
        @if (finalOffered()) {
          <p>The same report over the whole phase, up to the deadline ({{ deadlineWords() }}).</p>
          <ul class="downloads">
            <li><a [href]="finalHref('docx')" download>Final report as Word (DOCX)</a></li>
            <li><a [href]="finalHref('pdf')" download>Final report as PDF</a></li>
          </ul>
        } @else {
          <p data-testid="final-not-yet">The final report covers the whole phase and is offered from the deadline, {{ deadlineWords() }}, on.</p>
        }
      </section>

      <section aria-labelledby="table-title">
        <h2 id="table-title">Monitoring Table of Actions</h2>
        <p>
          The stage of implementation of each Action, on the scale of the Urban Agenda's monitoring tables (not started, initial, mid-level, advanced,
          completed): computed from the share of its steps and outputs done, unless the Secretariat has set it, with a note.
        </p>
        <ul class="downloads">
          <li><a [href]="tableHref('xlsx')" download>Monitoring Table as Excel (XLSX)</a></li>
          <li><a [href]="tableHref('csv')" download>Monitoring Table as CSV</a></li>
        </ul>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-title">
          <table class="data-table" data-testid="monitoring-table">
            <caption>Stage of implementation per Action</caption>
            <thead>
              <tr>
                <th scope="col">Action</th><th scope="col">Stage</th><th scope="col">Computed</th><th scope="col">Set by the Secretariat</th>
                @if (canOverride()) { <th scope="col">Change</th> }
              </tr>
            </thead>
            <tbody>
              @for (row of loaded()!.rows; track row.actionNumber) {
                <tr>
                  <th scope="row">Action {{ row.actionNumber }} · {{ row.shortName }}</th>
                  <td>{{ labels[row.stage] }}</td>
                  <td>{{ labels[row.computedStage] }} ({{ row.computedBecause }})</td>
                  <td>
                    @if (row.override; as o) { {{ labels[o.stage] }}: “{{ o.note }}” ({{ o.by }}, {{ dayWords(o.at.slice(0, 10)) }}) } @else { - }
                  </td>
                  @if (canOverride()) {
                    <td>
                      <form class="stage-form" (submit)="save($event, row.actionNumber)" [attr.aria-label]="'Set the stage of Action ' + row.actionNumber" novalidate>
                        <label class="visually-hidden" [for]="'stage-' + row.actionNumber">Stage of Action {{ row.actionNumber }}</label>
                        <select [id]="'stage-' + row.actionNumber" name="stage">
                          <option value="" [selected]="!row.override">The computed stage</option>
                          @for (s of stages; track s) { <option [value]="s" [selected]="row.override?.stage === s">{{ labels[s] }}</option> }
                        </select>
                        <label class="visually-hidden" [for]="'note-' + row.actionNumber">Why (Action {{ row.actionNumber }})</label>
                        <input [id]="'note-' + row.actionNumber" name="note" type="text" maxlength="2000" required placeholder="Why" />
                        <button type="submit" class="button secondary" [disabled]="saving() === row.actionNumber">Save</button>
                      </form>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (outcome(); as o) {
          <p [class]="o.ok ? 'notice' : 'error'" role="alert" data-testid="stage-outcome">{{ o.message }}</p>
        }
      </section>
    }
  `,
})
export class ReportsPageComponent {
  private readonly reports = inject(ReportsService);
  readonly auth = inject(AuthService);
  readonly partnerships = inject(PartnershipService);

  readonly labels = IMPLEMENTATION_STAGE_LABELS;
  readonly stages = IMPLEMENTATION_STAGES;
  private readonly period = defaultPeriod(new Date());
  readonly from = signal(this.period.from);
  readonly to = signal(this.period.to);
  readonly problem = computed(() => periodProblem(this.from(), this.to()));
  readonly saving = signal<number | null>(null);
  readonly outcome = signal<{ ok: boolean; message: string } | null>(null);
  private readonly reload = signal(0);

  readonly loaded = toSignal(
    combineLatest([toObservable(this.reload), toObservable(this.partnerships.key), toObservable(this.auth.checked)]).pipe(
      switchMap(() =>
        this.reports.monitoringTable(this.partnerships.apiParams()).pipe(
          map((rows): Loaded => ({ rows, error: null })),
          catchError((error: unknown) => {
            const status = error instanceof HttpErrorResponse ? error.status : 0;
            return of<Loaded>({ rows: [], error: status === 401 ? 'signed_out' : status === 403 ? 'no_seat' : 'failed' });
          }),
        ),
      ),
    ),
  );

  readonly canOverride = computed(() => this.auth.user()?.role === 'secretariat');
  readonly deadline = computed(() => this.partnerships.current()?.deadline ?? null);
  readonly deadlineWords = computed(() => (this.deadline() ? dayInWords(this.deadline()!) : 'the end of the phase'));
  /** Offered from the deadline on (the server decides again, and says from when). */
  readonly finalOffered = computed(() => this.deadline() !== null && this.period.to >= this.deadline()!);

  dayWords(day: string): string {
    return dayInWords(day);
  }

  progressHref(format: 'docx' | 'pdf'): string {
    return `/api/reports/progress.${format}?${new HttpParams({ fromObject: { ...this.partnerships.apiParams(), from: this.from(), to: this.to() } }).toString()}`;
  }

  finalHref(format: 'docx' | 'pdf'): string {
    return this.withPartnership(`/api/reports/final.${format}`);
  }

  tableHref(format: 'xlsx' | 'csv'): string {
    return this.withPartnership(`/api/reports/monitoring-table.${format}`);
  }

  private withPartnership(path: string): string {
    const query = new HttpParams({ fromObject: this.partnerships.apiParams() }).toString();
    return query ? `${path}?${query}` : path;
  }

  async save(event: Event, actionNumber: number): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const stage = (String(data.get('stage') ?? '') || null) as ImplementationStage | null;
    const note = String(data.get('note') ?? '').trim();
    if (!note) {
      this.outcome.set({ ok: false, message: `Say why the stage of Action ${actionNumber} changes (the note is kept with it).` });
      return;
    }
    this.saving.set(actionNumber);
    this.outcome.set(null);
    try {
      const row = await firstValueFrom(this.reports.setStage(this.partnerships.apiParams(), actionNumber, stage, note));
      this.outcome.set({ ok: true, message: `Action ${actionNumber} is now at: ${IMPLEMENTATION_STAGE_LABELS[row.stage]}.` });
      form.reset();
      this.reload.update((n) => n + 1);
    } catch (error) {
      const message = error instanceof HttpErrorResponse ? [error.error?.message].flat().filter(Boolean).join('; ') : '';
      this.outcome.set({ ok: false, message: `Not saved${message ? `: ${message}` : '. Try again.'}` });
    } finally {
      this.saving.set(null);
    }
  }
}
