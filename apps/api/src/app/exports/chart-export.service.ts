import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { GanttData, MonitoringCall, PlanSnapshotItem } from '@tracker/contracts';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { type ChartItem, chartModel, timelineTitle, type ChartModel, type ChartView, isApproximate, type PlanWindow, slipOf, windowChanged } from '@tracker/schedule';
import { addYears, format, parseISO, subYears } from 'date-fns';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PlanCache } from '../gantt/plan-cache';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { PlanVersionsRepository } from '../plan-versions/plan-versions.repository';
import { PARTNERSHIP_TIME_ZONE, RiskViewService } from '../risks/risk-view.service';
import type { Paper } from './render/chart-files';
import { ExportRenderer, type RenderedFile } from './render/export-renderer';
import { ExportTablesService } from './export-tables.service';

export { PAPER, type Paper } from './render/chart-files';

/** An item against its approved window: the slip in words (libs/schedule), or "added since version N". */
function baselineOf(item: PlanWindow, then: PlanSnapshotItem | undefined, versionNumber: number): NonNullable<ChartItem['baseline']> {
  if (!then) {
    return { start: null, end: null, approximate: false, words: `added since version ${versionNumber}`, changed: true };
  }
  const window: PlanWindow = { start: then.start, end: then.end, precision: then.precision };
  const current: PlanWindow = { start: item.start, end: item.end, precision: item.precision };
  return {
    start: then.start,
    end: then.end,
    approximate: isApproximate(window),
    words: slipOf(window, current).words,
    changed: windowChanged(window, current),
  };
}

/** How far an `asOf` may lie before the plan's first day or after its deadline, in years. */
export const AS_OF_YEARS = 2;

export interface ChartFilter {
  partnership?: string;
  action?: number;
  /** Several Actions (a monitoring call's, or the chart page's filter), instead of `action`. */
  actions?: number[];
  /** Only the Actions this organisation leads or joins in the partnership. */
  organisation?: string;
  /** Only items with these statuses. */
  statuses?: string[];
  view?: ChartView;
  asOf?: string;
  /** Compare with this approved version (its number): ghost bars of the approved windows, the slip in the labels. */
  baseline?: number;
}

/**
 * The chart as files, drawn from the chart model of @tracker/schedule (render/chart-files.ts): SVG
 * (the whole chart on one canvas), PNG (that SVG at 2x, or smaller within the rasteriser's limits)
 * and PDF (A4 or A3 landscape, paged by rows and by months, header repeated). The model is read
 * here, on the main thread; the files are drawn in the export pool and kept by plan revision and
 * parameters (render/export-renderer.ts).
 */
@Injectable()
export class ChartExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: ExportTablesService,
    private readonly risks: RiskViewService,
    private readonly organisations: OrganisationsRepository,
    private readonly partnerships: PartnershipsRepository,
    private readonly versions: PlanVersionsRepository,
    private readonly plans: PlanCache,
    private readonly renderer: ExportRenderer,
  ) {}

  /** The chart of the filtered plan as SVG, PNG or PDF; 400 naming `asOf` when it lies far outside the plan. */
  async file(filter: ChartFilter, format: 'svg' | 'png' | 'pdf', paper: Paper): Promise<RenderedFile> {
    const key = filter.partnership ?? DEFAULT_PARTNERSHIP_KEY;
    const plan = await this.plans.gantt(key);
    if (plan === null) {
      throw new NotFoundException(`partnership "${key}" not found`);
    }
    if (filter.asOf !== undefined) {
      await this.checkAsOf(plan.partnershipId, filter.asOf);
    }
    const asOf = filter.asOf ?? (await this.risks.today());
    // An organisation's Actions are not part of the plan's revision: they are read, and named in the key.
    const organisation = filter.organisation === undefined ? null : await this.organisations.get(await this.partnerships.byKey(key), filter.organisation);
    const scope = {
      action: filter.action ?? null,
      actions: filter.actions ?? null,
      organisation: organisation && { id: organisation.id, name: organisation.name, actions: organisation.actions.map((a) => a.actionNumber) },
      statuses: filter.statuses ?? null,
      view: filter.view ?? 'month',
      baseline: filter.baseline ?? null,
      asOf,
    };
    return this.renderer.file(['chart', format, format === 'pdf' ? paper : null, plan.partnershipId, plan.revision, scope], async () => {
      const data = JSON.parse((await plan.body('identity')).toString('utf8')) as GanttData;
      return { kind: 'chart', format, paper, model: await this.model({ ...filter, asOf }, data) };
    });
  }

  /** The pack of a monitoring call as PDF (see render/chart-files.ts), kept by the call as read and the plan's revision. */
  async callPack(call: MonitoringCall, paper: Paper): Promise<RenderedFile> {
    const plan = await this.plans.gantt(call.partnership);
    const callHash = createHash('sha256').update(JSON.stringify(call)).digest('base64url');
    return this.renderer.file(['call-pack', paper, call.id, callHash, plan?.partnershipId, plan?.revision], async () => ({
      kind: 'call-pack',
      call,
      paper,
      timeZone: PARTNERSHIP_TIME_ZONE,
      model: await this.model({ partnership: call.partnership, actions: call.actionNumbers, asOf: call.heldOn, baseline: call.comparedVersion?.number }),
    }));
  }

  /**
   * An `asOf` far outside the plan stretches the chart's time axis to it (every month in between is
   * drawn, and paged in the PDF), so the work grows with the distance: it must lie within
   * AS_OF_YEARS of the plan's first day and of its deadline.
   */
  private async checkAsOf(partnershipId: string, asOf: string): Promise<void> {
    const [row] = await this.dataSource.query<{ first: string | null; deadline: string }[]>(
      `SELECT (SELECT min(m.start_date) FROM milestone m JOIN action a ON a.id = m.action_id WHERE a.partnership_id = p.id)::text AS first,
              p.deadline::text AS deadline
         FROM partnership p WHERE p.id = $1`,
      [partnershipId],
    );
    const from = format(subYears(parseISO(row.first !== null && row.first < row.deadline ? row.first : row.deadline), AS_OF_YEARS), 'yyyy-MM-dd');
    const to = format(addYears(parseISO(row.deadline), AS_OF_YEARS), 'yyyy-MM-dd');
    if (asOf < from || asOf > to) {
      throw new BadRequestException(
        `asOf must lie within ${AS_OF_YEARS} years of the plan, from ${from} (before its first day) to ${to} (after its deadline), got ${asOf}`,
      );
    }
  }

  /** The chart of the filtered plan, as the chart page filters it (Actions, an organisation's Actions, statuses). */
  async model(filter: ChartFilter, plan?: GanttData): Promise<ChartModel> {
    const data: GanttData = plan ?? (await this.tables.gantt(filter.partnership));
    let wanted = filter.actions ?? (filter.action === undefined ? null : [filter.action]);
    const filters: string[] = [];
    if (filter.organisation !== undefined) {
      const organisation = await this.organisations.get(await this.partnerships.byKey(filter.partnership), filter.organisation);
      const theirs = organisation.actions.map((a) => a.actionNumber);
      wanted = (wanted ?? theirs).filter((n) => theirs.includes(n));
      filters.push(`Actions of ${organisation.name}`);
    }
    if (filter.statuses !== undefined && filter.statuses.length > 0) {
      filters.push(`status ${filter.statuses.map((s) => s.replace(/_/g, ' ')).join(', ')}`);
    }
    if (filter.view !== undefined && filter.view !== 'month') {
      filters.push(`${filter.view} view`);
    }
    const version = filter.baseline === undefined ? null : await this.versions.byNumber(data.partnership.id, filter.baseline, 'baseline');
    const baselineName = version ? `version ${version.number}, ${version.name}` : null;
    if (baselineName) {
      filters.push(`compared with ${baselineName}`);
    }
    const approved = new Map((version?.items ?? []).filter((i) => i.kind === 'milestone').map((i) => [i.id, i]));
    const action = wanted?.length === 1 ? data.actions.find((a) => a.number === wanted[0]) : null;
    const items = data.items.filter(
      (i) => (wanted === null || wanted.includes(i.actionNumber)) && (filter.statuses === undefined || filter.statuses.includes(i.status)),
    );
    const scope = action
      ? `Action ${action.number} ${action.shortName}`
      : wanted
        ? `Actions ${
            data.actions
              .filter((a) => wanted.includes(a.number))
              .map((a) => `${a.number} ${a.shortName}`)
              .join(', ') || 'none'
          }`
        : `All Actions (${data.actions.map((a) => `${a.number} ${a.shortName}`).join(', ')})`;
    return chartModel({
      // What the chart is, whole on the first line; the partnership's long name leads the second.
      title: timelineTitle(data.items.map((i) => i.source)),
      subtitle: [data.partnership.name, scope, ...filters].join(' · '),
      asOf: filter.asOf ?? (await this.risks.today()),
      deadline: data.partnership.deadline,
      items: version === null ? items : items.map((item) => ({ ...item, baseline: baselineOf(item, approved.get(item.id), version.number) })),
      view: filter.view,
      baselineName,
    });
  }
}
