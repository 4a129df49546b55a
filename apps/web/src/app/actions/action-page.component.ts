import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ActionDetail, Evidence, PlanNote, PlanVersionSummary, Target } from '@tracker/contracts';
import { daysLate, daysToDeadline, formatWindow, isBeyondDeadline, today } from '@tracker/schedule';
import { type Observable, catchError, combineLatest, firstValueFrom, map, of, switchMap } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { MilestoneEditor, describeSaveError } from '../updates/milestone-editor';
import { UpdatesService } from '../updates/updates.service';
import { AddForm } from '../updates/add-form';
import { OutputEditorComponent } from '../updates/output-editor.component';
import { AddMilestoneComponent } from '../updates/add-milestone.component';
import { GanttChartComponent } from '../gantt/gantt-chart.component';
import { webcalHref } from '../plan/webcal';
import { groupByAction, isAnnexOnly, planStart, toChartRows, toGanttItems, withBaseline } from '../gantt/gantt-model';
import { GanttTableComponent } from '../gantt/gantt-table.component';
import { ItemDetailsComponent } from '../gantt/item-details.component';
import { NOTE_KIND_LABELS, STATUS_LABELS, formatLongDay, sourceWords } from '../plan/labels';
import { PartnershipService } from '../partnership/partnership.service';
import { PlanService } from '../plan/plan.service';
import { EvidenceListComponent } from '../evidence/evidence-list.component';
import { EvidenceService, evidenceByItem } from '../evidence/evidence.service';

type Loaded = { action: ActionDetail; error: null } | { action: null; error: string };

/** One Action: objective, who leads and who takes part, its timeline, outputs, targets, countdown. */
@Component({
  selector: 'wp-action-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, GanttChartComponent, GanttTableComponent, ItemDetailsComponent, OutputEditorComponent, AddMilestoneComponent, EvidenceListComponent],
  templateUrl: './action-page.component.html',
  providers: [MilestoneEditor],
})
export class ActionPageComponent {
  readonly webcal = (path: string) => webcalHref(path);
  private readonly plan = inject(PlanService);
  /** Route parameter `:number`. */
  readonly number = input.required<string>();

  readonly asOf = today();
  readonly daysLeft = computed(() => {
    const action = this.action();
    return action ? daysToDeadline(this.asOf, action.deadline) : null;
  });
  readonly longDay = formatLongDay;
  readonly partnerships = inject(PartnershipService);
  readonly statusLabels = STATUS_LABELS;
  readonly noteKindLabels = NOTE_KIND_LABELS;

  readonly auth = inject(AuthService);
  readonly editor = inject(MilestoneEditor);
  private readonly reload = signal(0);
  private readonly loaded = toSignal(
    combineLatest([toObservable(this.number), toObservable(this.reload), toObservable(this.partnerships.key)]).pipe(
      switchMap(([n]) =>
        this.plan.action(Number(n), this.partnerships.apiParams()).pipe(
          map((action): Loaded => ({ action, error: null })),
          catchError((e: { status?: number }) =>
            of<Loaded>({ action: null, error: e.status === 404 || e.status === 400 ? `There is no Action ${n}.` : 'The Action could not be loaded.' }),
          ),
        ),
      ),
    ),
  );
  readonly action = computed(() => this.loaded()?.action ?? null);
  private readonly evidenceApi = inject(EvidenceService);
  /** The evidence of the partnership's items, read again after a save or an attachment. */
  private readonly evidence = toSignal(
    combineLatest([toObservable(this.reload), toObservable(this.partnerships.key)]).pipe(
      switchMap(() => this.evidenceApi.ofPartnership(this.partnerships.apiParams()).pipe(catchError(() => of([] as Evidence[])))),
    ),
    { initialValue: [] as Evidence[] },
  );
  readonly evidenceOf = computed(() => evidenceByItem(this.evidence()));
  readonly error = computed(() => this.loaded()?.error ?? null);

  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly query = toSignal(this.route.queryParamMap, { requireSync: true });
  /** The approved version the timeline is compared with (`?baseline=N`), or null. */
  readonly baseline = computed(() => {
    const value = this.query().get('baseline');
    return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
  });
  readonly versions = toSignal(
    toObservable(this.partnerships.key).pipe(switchMap((key) => this.plan.versions(key).pipe(catchError(() => of([] as PlanVersionSummary[]))))),
    { initialValue: [] as PlanVersionSummary[] },
  );
  private readonly baselineVersion = toSignal(
    combineLatest([toObservable(this.partnerships.key), toObservable(this.baseline)]).pipe(
      switchMap(([key, number]) => this.plan.versionByNumber(key, number).pipe(catchError(() => of(null)))),
    ),
    { initialValue: null },
  );
  readonly items = computed(() =>
    withBaseline(toGanttItems(this.action()?.milestones ?? [], this.asOf, this.action()?.deadline ?? null), this.baselineVersion()),
  );

  setBaseline(value: string): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { baseline: /^[1-9]\d*$/.test(value) ? value : null },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }
  readonly rows = computed(() => {
    const action = this.action();
    return action ? toChartRows(groupByAction(this.items(), [action])) : [];
  });
  readonly scrollTo = computed(() => planStart(this.items()));
  readonly outputs = computed(() => {
    const action = this.action();
    return (action?.outputs ?? []).map((o) => {
      const planned = isAnnexOnly(o) ? null : o.end;
      const late = daysLate({ end: planned, forecastEnd: o.forecastEnd, status: o.status }, this.asOf);
      const derived = o.dueText === null && o.end !== null;
      return {
        ...o,
        due: o.end ? `${formatWindow({ start: o.start, end: o.end, precision: o.precision })}${derived ? ' (derived)' : ''}` : 'No due date in the plan',
        daysLate: late,
        beyondDeadline: action !== null && isBeyondDeadline({ end: planned, forecastEnd: o.forecastEnd, precision: o.precision }, action.deadline),
      };
    });
  });
  /** Every note on this Action's items, in plan order: milestones, then outputs. */
  readonly planNotes = computed(() => {
    const action = this.action();
    const entries: { title: string; what: string; note: PlanNote }[] = [];
    for (const m of action?.milestones ?? []) for (const note of m.notes ?? []) entries.push({ title: m.title, what: m.parentId ? 'step' : 'activity', note });
    for (const o of action?.outputs ?? []) for (const note of o.notes ?? []) entries.push({ title: o.title, what: 'output', note });
    return entries;
  });
  /** Activities (a step can be put under one) and those with steps (they stay activities), for the details dialog. */
  readonly itemActivities = computed(() => this.items().filter((i) => i.depth === 0));
  readonly parents = computed(
    () =>
      new Set(
        this.items()
          .map((i) => i.parentId)
          .filter((id): id is string => id !== null),
      ),
  );
  readonly selectedId = signal<string | null>(null);
  readonly selected = computed(() => this.items().find((i) => i.id === this.selectedId()) ?? null);

  constructor() {
    this.editor.onChanged = () => this.reload.update((n) => n + 1);
  }

  readonly editOutputId = signal<string | null>(null);
  readonly editOutput = computed(() => this.action()?.outputs.find((o) => o.id === this.editOutputId()) ?? null);

  readonly sourceWords = sourceWords;
  private readonly updates = inject(UpdatesService);
  readonly targetMessage = signal<{ ok: boolean; text: string } | null>(null);

  async addTarget(event: Event, actionNumber: number): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const description = String(new FormData(form).get('description') ?? '').trim();
    await this.amendTarget(
      () => this.updates.createTarget({ partnership: this.partnerships.key(), actionNumber, description }),
      (t) => `Added the target "${t.description}".`,
    );
    form.reset();
  }

  readonly outputForm = new AddForm('output');

  async addOutput(event: Event, actionNumber: number): Promise<void> {
    const output = await this.outputForm.submit(
      event,
      (text) => this.updates.createOutput({ partnership: this.partnerships.key(), actionNumber, title: text('title'), dueText: text('dueText') }),
      (added) => `Added the output "${added.title}", due ${added.dueText}.`,
    );
    if (output) this.reloadPlan();
  }

  async cancelTarget(id: string, version: number): Promise<void> {
    await this.amendTarget(
      () => this.updates.updateTarget(id, { version, status: 'cancelled' }),
      (t) => `Cancelled the target "${t.description}".`,
    );
  }

  private async amendTarget(request: () => Observable<Target>, done: (target: Target) => string): Promise<void> {
    try {
      const target = await firstValueFrom(request());
      this.targetMessage.set({ ok: true, text: done(target) });
    } catch (error) {
      this.targetMessage.set({ ok: false, text: describeSaveError(error, 'item').message });
    }
    this.reloadPlan();
  }

  reloadPlan(): void {
    this.reload.update((n) => n + 1);
  }

  select(id: string | null): void {
    this.selectedId.set(id);
    void this.editor.open(id);
  }
}
