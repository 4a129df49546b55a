import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { PlanComparison, PlanVersionSummary } from '@tracker/contracts';
import { catchError, combineLatest, firstValueFrom, of, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { PartnershipService } from '../partnership/partnership.service';
import { PlanService } from '../plan/plan.service';
import { type ChangeLine, comparisonLines } from './comparison-lines';

/**
 * Approved versions of the plan: the list, approving the current plan as the next version (the
 * Secretariat), and what changed between two versions or since one (`?from=N&to=M|current`).
 */
@Component({
  selector: 'wp-versions-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <header class="page-header">
      <h1>Versions of the plan</h1>
      <p class="lede">
        Each approved version keeps every item's title, planned window and place as approved. Compare two versions, or a version with the plan as it is now,
        to see what was added, cancelled, renamed or moved, and by how much.
      </p>
    </header>

    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }

    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Approved versions</h2>
      <div class="table-scroll" tabindex="0" role="region" aria-label="Scrollable table">
        <table class="data-table" data-testid="versions-table">
          <caption>{{ versions().length }} versions, the newest first</caption>
          <thead>
            <tr><th scope="col">Version</th><th scope="col">Name</th><th scope="col">Approved</th><th scope="col">Items</th><th scope="col"><span class="visually-hidden">Chart</span></th></tr>
          </thead>
          <tbody>
            @for (v of versions(); track v.id) {
              <tr>
                <td>{{ v.number }}</td>
                <th scope="row">{{ v.name }}</th>
                <td>{{ approvedWords(v) }}</td>
                <td>{{ v.itemCount }}</td>
                <td><a [routerLink]="['/']" [queryParams]="chartParams(v.number)">Chart compared with version {{ v.number }}</a></td>
              </tr>
            }
          </tbody>
        </table>
      </div>
    </section>

    @if (canApprove()) {
      <section aria-labelledby="approve-title">
        <h2 id="approve-title">Approve the plan as it is now</h2>
        <form class="edit-form" data-testid="approve-form" (submit)="approve($event)" novalidate>
          <div class="field">
            <label for="version-name">Name of the version</label>
            <input id="version-name" name="name" type="text" maxlength="200" required placeholder="After the monitoring call of 2026-03-12" />
          </div>
          <button type="submit" class="button" [disabled]="approving()">{{ approving() ? 'Approving…' : 'Approve as version ' + nextNumber() }}</button>
        </form>
        @if (outcome(); as o) {
          <p [class]="o.ok ? 'notice' : 'error'" role="alert" data-testid="approve-outcome">{{ o.message }}</p>
        }
      </section>
    }

    <section aria-labelledby="compare-title">
      <h2 id="compare-title">What changed</h2>
      <form class="filters" (submit)="$event.preventDefault()">
        <div class="field">
          <label for="compare-from">From</label>
          <select id="compare-from" data-testid="compare-from" (change)="setCompare($any($event.target).value, to())">
            @for (v of versions(); track v.id) {
              <option [value]="v.number" [selected]="v.number === from()">Version {{ v.number }}: {{ v.name }}</option>
            }
          </select>
        </div>
        <div class="field">
          <label for="compare-to">To</label>
          <select id="compare-to" data-testid="compare-to" (change)="setCompare(from(), $any($event.target).value)">
            <option value="current" [selected]="to() === 'current'">The plan as it is now</option>
            @for (v of versions(); track v.id) {
              <option [value]="v.number" [selected]="v.number === to()">Version {{ v.number }}: {{ v.name }}</option>
            }
          </select>
        </div>
      </form>
      @if (comparison(); as c) {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Scrollable table">
          <table class="data-table" data-testid="changes-table">
            <caption>{{ lines().length }} changes from {{ c.from.name }} to {{ c.to.name }}</caption>
            <thead><tr><th scope="col">Change</th><th scope="col">Action</th><th scope="col">Item</th><th scope="col">Details</th></tr></thead>
            <tbody>
              @for (line of lines(); track line.kind + line.item.kind + line.item.id + line.detail) {
                <tr>
                  <td>{{ line.kind }}</td>
                  <td>{{ line.item.actionNumber }}</td>
                  <th scope="row">{{ line.item.kind === 'output' ? 'Output: ' : '' }}{{ line.item.title }}</th>
                  <td>{{ line.detail }}</td>
                </tr>
              } @empty {
                <tr><td colspan="4">No change.</td></tr>
              }
            </tbody>
          </table>
        </div>
      } @else if (versions().length) {
        <p class="muted">Loading the comparison…</p>
      }
    </section>
  `,
})
export class VersionsPageComponent {
  private readonly plan = inject(PlanService);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  readonly auth = inject(AuthService);
  readonly partnerships = inject(PartnershipService);

  private readonly reload = signal(0);
  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });
  readonly partnership = computed(() => this.partnerships.key());
  readonly error = signal<string | null>(null);
  readonly approving = signal(false);
  readonly outcome = signal<{ ok: boolean; message: string } | null>(null);

  readonly versions = toSignal(
    combineLatest([toObservable(this.reload), toObservable(this.partnership)]).pipe(
      switchMap(([, key]) =>
        this.plan.versions(key).pipe(
          catchError(() => {
            this.error.set('The versions could not be loaded. Reload the page to try again.');
            return of([] as PlanVersionSummary[]);
          }),
        ),
      ),
    ),
    { initialValue: [] as PlanVersionSummary[] },
  );
  readonly nextNumber = computed(() => Math.max(0, ...this.versions().map((v) => v.number)) + 1);
  readonly canApprove = computed(() => this.auth.user()?.role === 'secretariat');
  /** `?from=N` (version 1 by default) and `?to=M|current` (the current plan by default). */
  readonly from = computed(() => Number(this.query().get('from')) || 1);
  readonly to = computed<number | 'current'>(() => {
    const to = this.query().get('to');
    return to && /^[1-9]\d*$/.test(to) ? Number(to) : 'current';
  });
  readonly comparison = toSignal(
    combineLatest([toObservable(this.reload), toObservable(this.partnership), toObservable(this.from), toObservable(this.to)]).pipe(
      switchMap(([, key, from, to]) => this.plan.compare(key, from, to).pipe(catchError(() => of(null)))),
    ),
    { initialValue: null as PlanComparison | null },
  );
  readonly lines = computed<ChangeLine[]>(() => {
    const c = this.comparison();
    return c ? comparisonLines(c) : [];
  });

  chartParams(number: number): Record<string, string | number> {
    return { ...this.partnerships.linkParams(), baseline: number };
  }

  approvedWords(v: PlanVersionSummary): string {
    const day = new Date(v.approvedAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
    return v.approvedBy ? `${day} by ${v.approvedBy.name}` : `${day} (recorded when the plan was loaded)`;
  }

  setCompare(from: number | string, to: number | string): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { from, to }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  async approve(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim();
    if (!name) {
      this.outcome.set({ ok: false, message: 'Give the version a name, e.g. "After the monitoring call of 2026-03-12".' });
      return;
    }
    this.approving.set(true);
    this.outcome.set(null);
    try {
      const version = await firstValueFrom(this.plan.approve(this.partnership(), name));
      this.outcome.set({ ok: true, message: `Approved as version ${version.number}: ${version.name}.` });
      form.reset();
      this.reload.update((n) => n + 1);
    } catch (error) {
      const message = error instanceof HttpErrorResponse ? [error.error?.message].flat().filter(Boolean).join('; ') : '';
      this.outcome.set({ ok: false, message: `Not approved${message ? `: ${message}` : '. Try again.'}` });
    } finally {
      this.approving.set(false);
    }
  }
}
