import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MonitoringCall } from '@tracker/contracts';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import type { ChartView } from '@tracker/schedule';
import { addYears, format, parseISO, subYears } from 'date-fns';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type CachedView, PlanCache } from '../gantt/plan-cache';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { PlanVersionsRepository } from '../plan-versions/plan-versions.repository';
import { PARTNERSHIP_TIME_ZONE, RiskViewService } from '../risks/risk-view.service';
import type { Paper } from './render/chart-files';
import type { ChartSource } from './render/chart-source';
import { ExportRenderer, type RenderedFile } from './render/export-renderer';

export { PAPER, type Paper } from './render/chart-files';

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
 * and PDF (A4 or A3 landscape, paged by rows and by months, header repeated). What the chart is
 * drawn from is read here, on the main thread (render/chart-source.ts); the model is built and the
 * files drawn in the export pool, and kept by plan revision and parameters (render/export-renderer.ts).
 */
@Injectable()
export class ChartExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    return this.renderer.file(['chart', format, format === 'pdf' ? paper : null, plan.partnershipId, plan.revision, scope], async () => ({
      kind: 'chart',
      format,
      paper,
      source: await this.source({ ...filter, asOf }, plan),
    }));
  }

  /** The pack of a monitoring call as PDF (see render/chart-files.ts), kept by the call as read and the plan's revision. */
  async callPack(call: MonitoringCall, paper: Paper): Promise<RenderedFile> {
    const plan = await this.plans.gantt(call.partnership);
    if (plan === null) {
      throw new NotFoundException(`partnership "${call.partnership}" not found`);
    }
    const callHash = createHash('sha256').update(JSON.stringify(call)).digest('base64url');
    return this.renderer.file(['call-pack', paper, call.id, callHash, plan.partnershipId, plan.revision], async () => ({
      kind: 'call-pack',
      call,
      paper,
      timeZone: PARTNERSHIP_TIME_ZONE,
      source: await this.source(
        { partnership: call.partnership, actions: call.actionNumbers, asOf: call.heldOn, baseline: call.comparedVersion?.number },
        plan,
      ),
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

  /**
   * What the chart of the filtered plan is drawn from (render/chart-source.ts), read here: the plan's
   * JSON as text, and what the filters name (an organisation's Actions, the approved version).
   */
  private async source(filter: ChartFilter & { asOf: string }, plan: CachedView): Promise<ChartSource> {
    const organisation =
      filter.organisation === undefined ? null : await this.organisations.get(await this.partnerships.byKey(filter.partnership), filter.organisation);
    const version = filter.baseline === undefined ? null : await this.versions.byNumber(plan.partnershipId, filter.baseline, 'baseline');
    return {
      gantt: (await plan.body('identity')).toString('utf8'),
      actions: filter.actions ?? (filter.action === undefined ? null : [filter.action]),
      organisation: organisation && { name: organisation.name, actions: organisation.actions.map((a) => a.actionNumber) },
      statuses: filter.statuses ?? null,
      view: filter.view ?? 'month',
      asOf: filter.asOf,
      version: version && { number: version.number, name: version.name, items: version.items },
    };
  }
}
