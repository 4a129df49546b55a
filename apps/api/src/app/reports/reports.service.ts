import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImplementationStage, MonitoringTableRow, ProgressReport, ReportAction, ReportRemaining, ReportSlip } from '@tracker/contracts';
import { comparePlans, daysToDeadline, implementationStage } from '@tracker/schedule';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.types';
import type { Partnership } from '../partnership/partnerships.repository';
import { PlanVersionsRepository } from '../plan-versions/plan-versions.repository';
import { brusselsTime, CLOCK, type Clock } from '../reminders/clock';
import { RiskViewService } from '../risks/risk-view.service';
import { inWords } from './render/report-dates';
import { ReportsRepository } from './reports.repository';

/** Name of the plan as it is now, in the comparison with the approved version. */
const CURRENT = 'the current plan';

/**
 * The report upward, as one model drawn as DOCX and PDF: per Action its RAG and reasons (the risk
 * view), what was delivered in the period with its evidence, what slipped against the latest
 * approved version (the versions' comparison), its risks and their mitigation, the decisions and
 * follow-ups of the period's monitoring calls, what remains before the deadline and its expected
 * finish; and the Monitoring Table of Actions (the stage of implementation of each Action).
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: ReportsRepository,
    private readonly riskView: RiskViewService,
    private readonly versions: PlanVersionsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Today, as the Partnership's calendar (Brussels) sees it. */
  today(): string {
    return brusselsTime(this.clock.now()).date;
  }

  /** The progress report of a period; 400 naming `from` or `to` when the period is backwards. */
  async progress(partnership: Partnership, from: string, to: string, evidenceBase: string): Promise<ProgressReport> {
    if (from > to) {
      throw new BadRequestException(`from must be on or before to: ${from} is after ${to}`);
    }
    return this.build('progress', partnership, from, to, evidenceBase);
  }

  /** The same report over the whole phase, from the deadline on; 409 saying from when before it. */
  async final(partnership: Partnership, evidenceBase: string): Promise<ProgressReport> {
    const today = this.today();
    if (today < partnership.deadline) {
      throw new ConflictException(
        `the final report is offered from the deadline, ${inWords(partnership.deadline)}, on (today is ${inWords(today)}): until then, ask for the progress report of a period`,
      );
    }
    const start = (await this.reports.phaseStart(partnership.id)) ?? partnership.deadline;
    return this.build('final', partnership, start < partnership.deadline ? start : partnership.deadline, partnership.deadline, evidenceBase);
  }

  private async build(kind: ProgressReport['kind'], partnership: Partnership, from: string, to: string, evidenceBase: string): Promise<ProgressReport> {
    const today = this.today();
    const asOf = to < today ? to : today;
    const [view, actions, delivered, calls, risks, forecasts, stages, latest] = await Promise.all([
      this.riskView.view(partnership, { asOf }),
      this.reports.actions(partnership.id),
      this.reports.delivered(partnership.id, from, to, evidenceBase),
      this.reports.calls(partnership.id, from, to),
      this.reports.risks(partnership.id),
      this.riskView.forecasts(partnership, asOf),
      this.stages(partnership),
      this.versions.list(partnership.id).then((list) => list[0] ?? null),
    ]);
    const slipped = latest ? await this.slipped(partnership, latest.number) : new Map<number, ReportSlip[]>();
    const remaining = await this.remaining(partnership, forecasts.forecasts);
    return {
      kind,
      partnership: { key: partnership.key, name: partnership.name, deadline: partnership.deadline },
      from,
      to,
      asOf,
      daysToDeadline: daysToDeadline(asOf, partnership.deadline),
      baseline: latest ? { number: latest.number, name: latest.name } : null,
      actions: actions.map((action): ReportAction => {
        const rag = view.actions.find((a) => a.number === action.number);
        return {
          number: action.number,
          shortName: action.shortName,
          title: action.title,
          rag: rag?.rag ?? 'green',
          reasons: rag?.reasons ?? [],
          finish: rag?.finish ?? { earliestEnd: null, latestEnd: null, fitsDeadline: 'maybe' },
          stage: stages.find((row) => row.actionNumber === action.number)?.stage ?? 'not_started',
          delivered: delivered.get(action.number) ?? [],
          slipped: slipped.get(action.number) ?? [],
          risks: risks.filter((r) => r.actionNumber === action.number).map(({ actionNumber: _n, ...risk }) => risk),
          calls: calls.filter((c) => c.actionNumbers.includes(action.number)).map(({ actionNumbers: _a, ...call }) => call),
          remaining: remaining.get(action.number) ?? [],
        };
      }),
    };
  }

  /** What moved later, was removed or cancelled, or got a later forecast, against approved version `number`, per Action. */
  private async slipped(partnership: Partnership, number: number): Promise<Map<number, ReportSlip[]>> {
    const version = await this.versions.byNumber(partnership.id, number, 'baseline');
    const comparison = comparePlans(version, { number: null, name: CURRENT, items: await this.versions.currentItems(partnership.id) });
    const byAction = new Map<number, ReportSlip[]>();
    const add = (item: { actionNumber: number; kind: 'milestone' | 'output'; title: string }, words: string) =>
      byAction.set(item.actionNumber, [...(byAction.get(item.actionNumber) ?? []), { itemType: item.kind, title: item.title, words }]);
    comparison.moved
      .filter((move) => move.slip.months > 0)
      .forEach((move) =>
        add(move.item, `${move.slip.words}: planned ${move.from.windowText || 'without a date'}, now ${move.item.windowText || 'without a date'}`),
      );
    comparison.forecastMoved.filter((move) => move.to !== null && (move.from === null || move.to > move.from)).forEach((move) => add(move.item, move.words));
    comparison.cancelled.forEach((item) => add(item, 'cancelled since approval'));
    comparison.removed.forEach((item) => add(item, 'removed from the plan since approval'));
    return byAction;
  }

  /** Every item of the plan of record not done, delivered or cancelled, with its expected end (a range), per Action. */
  private async remaining(
    partnership: Partnership,
    forecasts: Map<string, { earliestEnd: string | null; latestEnd: string | null }>,
  ): Promise<Map<number, ReportRemaining[]>> {
    const items = await this.versions.currentItems(partnership.id);
    const byAction = new Map<number, ReportRemaining[]>();
    for (const item of items) {
      if (['done', 'delivered', 'cancelled'].includes(item.status)) {
        continue;
      }
      const forecast = forecasts.get(item.id);
      byAction.set(item.actionNumber, [
        ...(byAction.get(item.actionNumber) ?? []),
        {
          itemType: item.kind,
          title: item.title,
          windowText: item.windowText || null,
          status: item.status,
          earliestEnd: forecast?.earliestEnd ?? null,
          latestEnd: forecast?.latestEnd ?? null,
        },
      ]);
    }
    return byAction;
  }

  /** The Monitoring Table of Actions: each Action's computed stage, the Secretariat's override with its note, and the stage in force. */
  async stages(partnership: Partnership): Promise<MonitoringTableRow[]> {
    const [actions, items, overrides] = await Promise.all([
      this.reports.actions(partnership.id),
      this.reports.stagedItems(partnership.id),
      this.reports.overrides(partnership.id),
    ]);
    return actions.map((action) => {
      const computed = implementationStage(items.get(action.number) ?? []);
      const override = overrides.get(action.number) ?? null;
      return {
        actionNumber: action.number,
        shortName: action.shortName,
        title: action.title,
        stage: override?.stage ?? computed.stage,
        computedStage: computed.stage,
        computedBecause: computed.because,
        override: override && { stage: override.stage, note: override.note, by: override.by, at: override.at },
      };
    });
  }

  /** Sets (or with a null stage withdraws) the Secretariat's stage of one Action, with its note. */
  async override(partnership: Partnership, actionNumber: number, stage: ImplementationStage | null, note: string, user: AuthUser): Promise<MonitoringTableRow> {
    const action = partnership.actions.find((a) => a.number === actionNumber);
    if (!action) {
      throw new NotFoundException(`actionNumber: the partnership has no Action ${actionNumber}`);
    }
    await this.dataSource.transaction((manager) => this.reports.setOverride(action.id, stage, note, user.id, manager));
    return (await this.stages(partnership)).find((row) => row.actionNumber === actionNumber) as MonitoringTableRow;
  }
}
