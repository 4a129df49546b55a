import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ActionRag, PlanVersionSummary, RegisterRisk, RiskView } from '@tracker/contracts';
import { actionFinishWords } from '@tracker/schedule';
import { catchError, combineLatest, filter, forkJoin, map, of, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { PartnershipService } from '../partnership/partnership.service';
import { AddRiskComponent } from '../updates/add-risk.component';
import { RiskEditorComponent } from '../updates/risk-editor.component';
import { formatLongDay } from '../plan/labels';
import { PlanService } from '../plan/plan.service';
import { countByKind, filterRisks, formatDay, parseRiskFilter, RAG_LABELS } from './risk-labels';
import { MonitoringCallsComponent } from './monitoring-calls.component';
import { RiskItemsTableComponent } from './risk-items-table.component';
import { RisksService } from './risks.service';
import { type WhatIfChoice, WhatIfComponent } from './what-if.component';

type Loaded = { view: RiskView; register: RegisterRisk[]; error: null } | { view: null; register: RegisterRisk[]; error: 'signed_out' | 'no_seat' | 'failed' };

/**
 * The risk view for monitoring calls: what is overdue, due soon, beyond the deadline, unscheduled or
 * stalled as of a day, the RAG of each Action with its reasons, the countdown and the risk register.
 * Printing it gives the monitoring-call pack (see the print rules below).
 */
@Component({
  selector: 'wp-risks-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MonitoringCallsComponent, RiskItemsTableComponent, AddRiskComponent, RiskEditorComponent, WhatIfComponent],
  styles: `
    .risk-controls { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: flex-end; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; }
    .risk-controls .field { display: flex; flex-direction: column; gap: 0.2rem; }
    .risk-controls input[type='date'] { font: inherit; padding: 0.3rem 0.5rem; border: 1px solid #6b7280; border-radius: 4px; }
    .countdown { font-size: 1.25rem; font-weight: 600; margin: 1rem 0 0.25rem; }
    .summary { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; padding: 0; list-style: none; margin: 0.25rem 0 1rem; }
    .rag-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.75rem; margin: 0.5rem 0 1.5rem; }
    .rag-card { border: 1px solid var(--line); border-left: 0.6rem solid; border-radius: 6px; padding: 0.6rem 0.9rem; break-inside: avoid; }
    .rag-card h3 { margin: 0 0 0.25rem; font-size: 1.05rem; }
    .rag-card ul { margin: 0; padding-left: 1.1rem; }
    .rag-red { border-left-color: #b91c1c; }
    .rag-amber { border-left-color: #b45309; }
    .rag-green { border-left-color: #15803d; }
    .badge { display: inline-block; padding: 0 0.45rem; border-radius: 999px; font-size: 0.85rem; font-weight: 600; border: 1px solid; white-space: nowrap; }
    .badge-red, .badge-high { color: #991b1b; background: #fef2f2; }
    .badge-amber, .badge-medium { color: #92400e; background: #fffbeb; }
    .badge-green { color: #166534; background: #f0fdf4; }
    .badge-low { color: #1e3a8a; background: #eff6ff; }
    .print-only { display: none; }
    @media print {
      .risk-controls, .no-print { display: none !important; }
      .print-only { display: block; }
      .rag-grid { grid-template-columns: repeat(2, 1fr); }
      .data-table { font-size: 9pt; }
      .data-table tr { break-inside: avoid; }
      a[href]::after { content: none; }
      h2 { break-after: avoid; }
      .register { break-before: page; }
    }
  `,
  template: `
    <header class="page-header">
      <h1>Risk view</h1>
      <p class="lede">
        What is overdue, due soon, beyond the {{ loaded()?.view ? longDay(loaded()!.view!.deadline) + ' ' : '' }}deadline, unscheduled or stalled, as of a day, with the reasons in
        words.
      </p>
      <p class="print-only" data-testid="print-heading">Monitoring-call pack · as of {{ day(loaded()?.view?.asOf ?? null) }}{{ filter().action ? ' · Action ' + filter().action : '' }}</p>
    </header>

    <form class="risk-controls" (submit)="$event.preventDefault()" aria-label="Risk view settings">
      <div class="field">
        <label for="risk-as-of">As of</label>
        <input id="risk-as-of" type="date" [value]="loaded()?.view?.asOf ?? ''" (change)="setAsOf($any($event.target).value)" />
      </div>
      <div class="field">
        <label for="risk-action">Action</label>
        <select id="risk-action" [value]="filter().action ?? ''" (change)="setAction($any($event.target).value)">
          <option value="">All Actions</option>
          @for (a of loaded()?.view?.actions ?? []; track a.number) {
            <option [value]="a.number" [selected]="filter().action === a.number">Action {{ a.number }} · {{ a.shortName }}</option>
          }
        </select>
      </div>
      <div class="field">
        <label for="risk-baseline">Compare with</label>
        <select id="risk-baseline" (change)="setBaseline($any($event.target).value)">
          <option value="" [selected]="filter().baseline === null">No approved version</option>
          @for (v of versions(); track v.id) {
            <option [value]="v.number" [selected]="filter().baseline === v.number">Version {{ v.number }}: {{ v.name }}</option>
          }
        </select>
      </div>
      <button type="button" class="button secondary" (click)="print()">Print the monitoring-call pack</button>
    </form>

    @if (loaded() === undefined) {
      <p role="status">Loading the risk view…</p>
    } @else if (loaded()!.error === 'signed_out') {
      <p role="alert">The risk view needs sign-in. <a routerLink="/sign-in" [queryParams]="partnerships.linkParams()">Sign in</a> to see it.</p>
    } @else if (loaded()!.error === 'no_seat') {
      <p role="alert">Your organisation has no seat in this partnership: its risks, register and monitoring calls are for its own people.</p>
    } @else if (loaded()!.error === 'failed') {
      <p class="error" role="alert">The risk view could not be loaded. Reload the page to try again.</p>
    } @else if (loaded()!.view; as view) {
      <p class="countdown" data-testid="countdown">
        @if (view.daysToDeadline >= 0) { {{ view.daysToDeadline }} days to the deadline ({{ day(view.deadline) }}) }
        @else { The deadline ({{ day(view.deadline) }}) passed {{ -view.daysToDeadline }} days ago }
      </p>
      <ul class="summary" data-testid="risk-summary" aria-label="Risks by kind">
        @for (c of counts(); track c.kind) { <li><strong>{{ c.count }}</strong> {{ c.label.toLowerCase() }}</li> }
      </ul>

      <h2>Actions</h2>
      <div class="rag-grid">
        @for (a of shown().actions; track a.number) {
          <section class="rag-card" [class]="'rag-card rag-' + a.rag" [attr.aria-labelledby]="'rag-' + a.number" data-testid="rag-card">
            <h3 [id]="'rag-' + a.number">Action {{ a.number }} · {{ a.shortName }}: <span class="badge" [class]="'badge badge-' + a.rag">{{ ragLabels[a.rag] }}</span></h3>
            <ul>
              @for (r of a.reasons; track $index) { <li>{{ r }}</li> }
            </ul>
            <p data-testid="action-finish">{{ finishWords(a, view.deadline) }}</p>
          </section>
        }
      </div>

      <h2 id="risk-items-heading">Items to chase</h2>
      <wp-risk-items-table
        [items]="shown().items"
        [asOf]="view.asOf"
        [caption]="shown().items.length + ' risks, most severe first (as of ' + day(view.asOf) + ')'"
        labelledBy="risk-items-heading"
      />

      @if (isSecretariat()) {
        <wp-what-if [choices]="whatIfChoices()" [deadline]="view.deadline" [asOf]="view.asOf" [partnership]="partnerships.apiParams()" />
      }

      <section class="register" aria-labelledby="register-heading">
        <h2 id="register-heading">Risk register</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-labelledby="register-heading">
          <table class="data-table" data-testid="risk-register">
            <caption>Risks the Work Plan names for each Action, with their causes and mitigation</caption>
            <thead>
              <tr><th scope="col">Action</th><th scope="col">Risk</th><th scope="col">Likelihood</th><th scope="col">Impact</th><th scope="col">Owner</th><th scope="col">Mitigation</th><th scope="col">Status</th><th scope="col">Next review</th><th scope="col"><span class="visually-hidden">Edit</span></th></tr>
            </thead>
            <tbody>
              @for (r of register(); track r.id) {
                <tr>
                  <td>{{ r.actionNumber }}</td>
                  <th scope="row">
                    {{ r.title }} <span class="muted">({{ r.source ? 'Work Plan ' + r.source : 'added' }})</span>
                    @if (r.causes.length) { <p class="note-text" data-testid="risk-causes">Causes: {{ r.causes.join('; ') }}</p> }
                  </th>
                  <td>{{ r.likelihood ?? 'Not assessed' }}</td>
                  <td>{{ r.impact ?? 'Not assessed' }}</td>
                  <td>{{ r.owner?.name ?? '—' }}</td>
                  <td>{{ r.mitigation }}</td>
                  <td>{{ r.status === 'open' ? 'Open' : 'Closed' }}</td>
                  <td>{{ day(r.nextReview) }}</td>
                  <td>
                    @if (auth.canEdit(r.actionNumber)) {
                      <button type="button" class="link-button" (click)="editRiskId.set(r.id)">Edit<span class="visually-hidden"> the risk {{ r.title }}</span></button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        @if (auth.user()?.editableActions?.length) {
          <wp-add-risk [partnership]="partnerships.key()" [actionNumbers]="auth.user()!.editableActions" (added)="reload.update(n => n + 1)" />
        }
      </section>

      <wp-risk-editor [item]="editRisk()" (changed)="reload.update((n) => n + 1)" (closed)="editRiskId.set(null)" />

      <wp-monitoring-calls />
    }
  `,
})
export class RisksPageComponent {
  private readonly risks = inject(RisksService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  readonly ragLabels = RAG_LABELS;
  readonly day = formatDay;
  readonly longDay = formatLongDay;
  readonly partnerships = inject(PartnershipService);
  readonly auth = inject(AuthService);
  /** Bumped after a risk is added: the register is read again. */
  readonly reload = signal(0);
  /** The risk whose edit form is open. */
  readonly editRiskId = signal<string | null>(null);
  readonly editRisk = computed(() => this.loaded()?.register.find((r) => r.id === this.editRiskId()) ?? null);
  /** Whether anyone is signed in, once known: the risk view is not asked for signed out (it would only answer 401). */
  private readonly signedIn = computed(() => (this.auth.checked() ? this.auth.user() !== null : null));

  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });
  readonly filter = computed(() =>
    parseRiskFilter({ asOf: this.query().get('asOf'), action: this.query().get('action'), baseline: this.query().get('baseline') }),
  );
  private readonly baseline = computed(() => this.filter().baseline);
  private readonly plan = inject(PlanService);
  /** The approved versions, for "compare with" (slipped items). */
  readonly versions = toSignal(
    toObservable(this.partnerships.key).pipe(switchMap((key) => this.plan.versions(key).pipe(catchError(() => of([] as PlanVersionSummary[]))))),
    { initialValue: [] as PlanVersionSummary[] },
  );
  private readonly asOf = computed(() => this.filter().asOf);

  readonly loaded = toSignal(
    combineLatest([
      toObservable(this.asOf),
      toObservable(this.partnerships.key),
      toObservable(this.signedIn),
      toObservable(this.reload),
      toObservable(this.baseline),
    ]).pipe(
      filter(([, , signedIn]) => signedIn !== null),
      switchMap(([asOf, , signedIn, , baseline]) =>
        !signedIn
          ? of<Loaded>({ view: null, register: [], error: 'signed_out' })
          : forkJoin({
              view: this.risks.view(asOf, this.partnerships.apiParams(), baseline),
              register: this.risks.register(this.partnerships.apiParams()),
            }).pipe(
              map(({ view, register }): Loaded => ({ view, register, error: null })),
              catchError((error: unknown) => of<Loaded>({ view: null, register: [], error: errorKind(error) })),
            ),
      ),
    ),
  );

  readonly shown = computed(() => {
    const view = this.loaded()?.view;
    return view ? filterRisks(view.items, view.actions, this.filter()) : { items: [], actions: [] };
  });
  readonly counts = computed(() => countByKind(this.shown().items));
  /** The Secretariat tries forecast ends (what if); nobody else may. */
  readonly isSecretariat = computed(() => this.auth.user()?.role === 'secretariat');
  /** The plan's milestones, in plan order, for the what-if (read only for the Secretariat). */
  private readonly planItems = toSignal(
    combineLatest([toObservable(this.partnerships.key), toObservable(this.isSecretariat)]).pipe(
      switchMap(([key, secretariat]) =>
        secretariat
          ? this.plan.gantt(key).pipe(
              map((data): WhatIfChoice[] => data.items),
              catchError(() => of([] as WhatIfChoice[])),
            )
          : of([] as WhatIfChoice[]),
      ),
    ),
    { initialValue: [] as WhatIfChoice[] },
  );
  readonly whatIfChoices = computed(() => {
    const action = this.filter().action;
    return this.planItems().filter((i) => action === null || i.actionNumber === action);
  });
  readonly register = computed(() => {
    const action = this.filter().action;
    const all = this.loaded()?.register ?? [];
    return action === null ? all : all.filter((r) => r.actionNumber === action);
  });

  /** "It is expected to finish between ... and ..., so it may pass the ... deadline." */
  finishWords(action: ActionRag, deadline: string): string {
    const words = actionFinishWords(action.finish, deadline);
    return `${words[0].toUpperCase()}${words.slice(1)}.`;
  }

  setAsOf(value: string): void {
    this.navigate({ asOf: /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null });
  }

  setBaseline(value: string): void {
    this.navigate({ baseline: /^[1-9]\d*$/.test(value) ? value : null });
  }

  setAction(value: string): void {
    this.navigate({ action: value === '' ? null : value });
  }

  print(): void {
    window.print();
  }

  private navigate(change: Record<string, string | null>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: change, queryParamsHandling: 'merge', replaceUrl: true });
  }
}

/** What a failed load of the risk view means to the reader: sign in, no seat in the partnership, or try again. */
function errorKind(error: unknown): 'signed_out' | 'no_seat' | 'failed' {
  if (error instanceof HttpErrorResponse && error.status === 401) return 'signed_out';
  if (error instanceof HttpErrorResponse && error.status === 403) return 'no_seat';
  return 'failed';
}
