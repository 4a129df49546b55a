import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  DEFAULT_PARTNERSHIP_KEY,
  type Evidence,
  MILESTONE_STATUSES,
  type MilestoneStatus,
  type Organisation,
  type PlanVersionSummary,
} from '@tracker/contracts';
import { daysToDeadline, timelineTitle, today } from '@tracker/schedule';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { EvidenceService, evidenceByItem } from '../evidence/evidence.service';
import { MilestoneEditor } from '../updates/milestone-editor';
import { STATUS_LABELS, byName, formatLongDay } from '../plan/labels';
import { partnershipQuery } from '../partnership/partnership-query';
import { PlanService } from '../plan/plan.service';
import { webcalHref } from '../plan/webcal';
import { SelectChoicesDirective } from '../select-options';
import { GanttChartComponent } from './gantt-chart.component';
import {
  type GanttFilter,
  type ViewMode,
  VIEW_MODES,
  ALL_EXPANDED,
  applyFilter,
  chartPageItems,
  chartPageRows,
  filterToParams,
  parseFilter,
  planStart,
  withBaseline,
} from './gantt-model';
import { GanttTableComponent } from './gantt-table.component';
import { ItemDetailsComponent } from './item-details.component';
import { LegendComponent } from './legend.component';

/** Home page: the Work Plan as a Gantt chart (rebuilt from the Action sections; see timelineTitle) and the same items as a table. */
@Component({
  selector: 'wp-gantt-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [GanttChartComponent, GanttTableComponent, ItemDetailsComponent, LegendComponent, RouterLink, SelectChoicesDirective],
  templateUrl: './gantt-page.component.html',
  providers: [MilestoneEditor],
})
export class GanttPageComponent {
  private readonly plan = inject(PlanService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly asOf = today();
  readonly longDay = formatLongDay;
  readonly statuses = MILESTONE_STATUSES;
  readonly statusLabels = STATUS_LABELS;
  readonly viewModes = VIEW_MODES;

  readonly auth = inject(AuthService);
  readonly editor = inject(MilestoneEditor);
  private readonly reload = signal(0);
  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });
  /** Which partnership's plan: the Work Plan unless the link names another (`?partnership=key`). */
  readonly partnership = computed(() => this.query().get('partnership') || DEFAULT_PARTNERSHIP_KEY);
  /** The plan, fetched again after a save (the reload signal) or when the partnership changes. */
  private readonly data = toSignal(
    combineLatest([toObservable(this.reload), toObservable(this.partnership)]).pipe(
      switchMap(([, partnership]) =>
        this.plan.gantt(partnership).pipe(
          map((gantt) => ({ key: partnership, partnership: gantt.partnership, actions: gantt.actions, milestones: gantt.items, error: null as string | null })),
          catchError(() =>
            of({ key: partnership, partnership: null, actions: [], milestones: [], error: 'The Work Plan could not be loaded. Reload the page to try again.' }),
          ),
        ),
      ),
    ),
  );
  /** Organisations of the partnership for the filter: read again only when the partnership changes. */
  private readonly allOrganisations = toSignal(
    toObservable(this.partnership).pipe(
      switchMap((partnership) => this.plan.organisations(partnershipQuery(partnership)).pipe(catchError(() => of([] as Organisation[])))),
    ),
    { initialValue: [] as Organisation[] },
  );
  /** Until the plan of the partnership in the URL is here (on a switch, the other partnership's is not shown meanwhile). */
  readonly loading = computed(() => this.data()?.key !== this.partnership());
  readonly error = computed(() => this.data()?.error ?? null);
  readonly actions = computed(() => this.data()?.actions ?? []);
  /** The partnership shown, with its own deadline (from the data, never a constant). */
  readonly shown = computed(() => (this.loading() ? null : (this.data()?.partnership ?? null)));
  readonly deadline = computed(() => this.shown()?.deadline ?? null);
  /** What the chart is: the timeline rebuilt from the plan's sections, not the plan's own chart (Annex 2). */
  readonly chartTitle = computed(() => timelineTitle((this.data()?.milestones ?? []).map((m) => m.source)));
  readonly daysLeft = computed(() => {
    const deadline = this.deadline();
    return deadline === null ? null : daysToDeadline(this.asOf, deadline);
  });
  readonly organisations = computed(() => [...this.allOrganisations()].sort(byName));
  /** The organisation filter's options: any, then each by name. */
  readonly organisationChoices = computed(() => [
    { value: '', label: 'Any organisation' },
    ...this.organisations().map((org) => ({ value: org.id, label: org.name })),
  ]);

  readonly filter = computed<GanttFilter>(() => {
    const q = this.query();
    return parseFilter({ action: q.get('action'), org: q.get('org'), status: q.get('status'), view: q.get('view'), baseline: q.get('baseline') });
  });

  /** The one Action the filters leave, if exactly one: the spreadsheets and the calendar are narrowed to it. */
  private readonly exportAction = computed(() => (this.filter().actions.length === 1 ? this.filter().actions[0] : null));
  readonly exportScope = computed(() => (this.exportAction() === null ? 'the whole plan' : `Action ${this.exportAction()}`));
  /** What the chart files hold: every row the filters leave, in the view mode shown. */
  readonly chartScope = computed(() => {
    const f = this.filter();
    const parts = [f.actions.length === 0 ? 'all Actions' : f.actions.length === 1 ? `Action ${f.actions[0]}` : `Actions ${f.actions.join(', ')}`];
    const org = f.organisation === null ? null : this.organisations().find((o) => o.id === f.organisation);
    if (org) parts.push(`the Actions of ${org.name}`);
    if (f.statuses.length > 0) parts.push(f.statuses.map((s) => STATUS_LABELS[s]).join(' or '));
    parts.push(`${f.view.toLowerCase()} view`);
    if (f.baseline !== null) parts.push(`compared with version ${f.baseline}`);
    return parts.join(', ');
  });

  /** Address of a spreadsheet for the partnership and the Action filter (`/api/exports/...`). */
  exportHref(file: string): string {
    const params = new URLSearchParams(partnershipQuery(this.partnership()));
    if (this.exportAction() !== null) params.set('action', String(this.exportAction()));
    const query = params.toString();
    return `/api/exports/${file}${query ? `?${query}` : ''}`;
  }

  /** Address of a chart file with every filter of the page and its view mode, so the file holds what the page shows. */
  chartHref(file: string, paper?: 'a4' | 'a3'): string {
    const f = this.filter();
    const params = new URLSearchParams(partnershipQuery(this.partnership()));
    if (f.actions.length === 1) params.set('action', String(f.actions[0]));
    if (f.actions.length > 1) params.set('actions', f.actions.join(','));
    if (f.organisation !== null) params.set('org', f.organisation);
    if (f.statuses.length > 0) params.set('status', f.statuses.join(','));
    if (f.view !== 'Month') params.set('view', f.view.toLowerCase());
    if (f.baseline !== null) params.set('baseline', String(f.baseline));
    if (paper) params.set('paper', paper);
    const query = params.toString();
    return `/api/exports/${file}${query ? `?${query}` : ''}`;
  }

  /** The plan's calendar feed as a `webcal://` subscription. */
  calendarHref(): string {
    return webcalHref(this.exportHref('x').replace('/api/exports/x', '/api/calendar/plan.ics'));
  }

  /** The approved versions, for "compare with". */
  readonly versions = toSignal(
    combineLatest([toObservable(this.reload), toObservable(this.partnership)]).pipe(
      switchMap(([, partnership]) => this.plan.versions(partnership).pipe(catchError(() => of([] as PlanVersionSummary[])))),
    ),
    { initialValue: [] as PlanVersionSummary[] },
  );
  /** The version compared with (`?baseline=N`), with its items. */
  private readonly baselineVersion = toSignal(
    combineLatest([toObservable(this.partnership), toObservable(computed(() => this.filter().baseline))]).pipe(
      switchMap(([partnership, number]) => this.plan.versionByNumber(partnership, number).pipe(catchError(() => of(null)))),
    ),
    { initialValue: null },
  );
  /** The versions page comparing the chosen version with the current plan. */
  readonly changesLink = computed(() => ({
    ...partnershipQuery(this.partnership()),
    from: this.filter().baseline,
  }));
  readonly baselineName = computed(() => {
    const version = this.baselineVersion();
    return version ? `version ${version.number}, ${version.name}` : null;
  });
  readonly allItems = computed(() => withBaseline(chartPageItems(this.data()?.milestones ?? [], this.asOf, this.deadline()), this.baselineVersion()));
  readonly items = computed(() => {
    const filter = this.filter();
    // The organisations are read only under their filter: otherwise their answer, which comes after the
    // plan's, would draw the chart a second time.
    return applyFilter(this.allItems(), filter, filter.organisation === null ? [] : this.organisations());
  });
  readonly undated = computed(() => this.items().filter((i) => i.flags.includes('undated')));
  /** Actions the reader folded to their summary bar (every plan opens with all its items: the chart draws only the rows in view). */
  readonly collapsed = signal<ReadonlySet<number>>(ALL_EXPANDED);
  readonly rows = computed(() => chartPageRows(this.items(), this.actions(), this.collapsed()));
  readonly scrollTo = computed(() => planStart(this.allItems()));
  /** Activities (a step can be put under one) and those with steps (they stay activities), for the details dialog. */
  readonly itemActivities = computed(() => this.allItems().filter((i) => i.depth === 0));
  readonly parents = computed(
    () =>
      new Set(
        this.allItems()
          .map((i) => i.parentId)
          .filter((id): id is string => id !== null),
      ),
  );
  readonly selectedId = signal<string | null>(null);
  readonly selected = computed(() => this.allItems().find((i) => i.id === this.selectedId()) ?? null);
  private readonly evidenceApi = inject(EvidenceService);
  /** Set once an item's details open: the partnership's evidence is read then, not for the first paint. */
  private readonly detailsOpened = signal(false);
  /** The evidence of the partnership's items, shown in an item's details; read again after a save. */
  private readonly evidence = toSignal(
    combineLatest([toObservable(this.reload), toObservable(this.partnership), toObservable(this.detailsOpened)]).pipe(
      switchMap(([, partnership, opened]) =>
        opened ? this.evidenceApi.ofPartnership(partnershipQuery(partnership)).pipe(catchError(() => of([] as Evidence[]))) : of([] as Evidence[]),
      ),
    ),
    { initialValue: [] as Evidence[] },
  );
  readonly evidenceOf = computed(() => evidenceByItem(this.evidence()));

  /** The item a link opened (`?item=<id>`, e.g. from the risk page), so it opens once, not on every reload. */
  private linkedItem: string | null = null;

  constructor() {
    this.editor.onChanged = () => this.reload.update((n) => n + 1);
    effect(() => {
      const id = this.query().get('item');
      if (id && id !== this.linkedItem && this.allItems().some((i) => i.id === id)) {
        this.linkedItem = id;
        untracked(() => this.select(id));
      }
    });
  }

  select(id: string | null): void {
    if (id !== null) {
      this.detailsOpened.set(true);
    }
    this.selectedId.set(id);
    void this.editor.open(id);
  }
  readonly filtered = computed(() => {
    const f = this.filter();
    return f.actions.length > 0 || f.organisation !== null || f.statuses.length > 0;
  });

  toggleGroup(number: number): void {
    const next = new Set(this.collapsed());
    if (next.has(number)) next.delete(number);
    else next.add(number);
    this.collapsed.set(next);
  }

  setAllCollapsed(collapsed: boolean): void {
    this.collapsed.set(collapsed ? new Set(this.actions().map((a) => a.number)) : ALL_EXPANDED);
  }

  toggleAction(number: number, checked: boolean): void {
    const current = this.filter().actions;
    this.update({ actions: checked ? [...current, number] : current.filter((n) => n !== number) });
  }

  toggleStatus(status: MilestoneStatus, checked: boolean): void {
    const current = this.filter().statuses;
    this.update({ statuses: checked ? [...current, status] : current.filter((s) => s !== status) });
  }

  setOrganisation(id: string): void {
    this.update({ organisation: id || null });
  }

  setBaseline(value: string): void {
    this.update({ baseline: /^[1-9]\d*$/.test(value) ? Number(value) : null });
  }

  setView(view: string): void {
    this.update({ view: (VIEW_MODES as readonly string[]).includes(view) ? (view as ViewMode) : 'Month' });
  }

  clearFilters(): void {
    this.update({ actions: [], organisation: null, statuses: [] });
  }

  private update(change: Partial<GanttFilter>): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: filterToParams({ ...this.filter(), ...change }), replaceUrl: true });
  }
}
