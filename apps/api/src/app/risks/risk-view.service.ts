import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlanNote, RiskItem, RiskView } from '@tracker/contracts';
import {
  actionFinish,
  actionRag,
  compareRisks,
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_SLIP_THRESHOLD_MONTHS,
  DEFAULT_STALLED_DAYS,
  type DatePrecision,
  daysToDeadline,
  type Forecast,
  type ForecastItem,
  forecastBecause,
  forecastChain,
  forecastFlag,
  forecastPlan,
  judgeBySteps,
  riskFlags,
  type SteppedSubject,
} from '@tracker/schedule';
import { DataSource } from 'typeorm';
import { DependenciesRepository } from '../dependencies/dependencies.repository';
import type { Partnership } from '../partnership/partnerships.repository';
import { PlanVersionsRepository } from '../plan-versions/plan-versions.repository';

/** The Partnership's calendar: "today" and "the day of an update" are Brussels days. */
export const PARTNERSHIP_TIME_ZONE = 'Europe/Brussels';

interface ItemRow {
  item_type: 'milestone' | 'output';
  id: string;
  action_number: number;
  title: string;
  window_text: string | null;
  start_date: string | null;
  end_date: string | null;
  precision: DatePrecision;
  forecast_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  /** Percent done: milestones report it, outputs do not (null). */
  progress: number | null;
  status: string;
  last_update: string | null;
  parent_id: string | null;
  tentative: boolean;
  notes: PlanNote[];
  /** False for a step found only in Annex 1 (a note of kind annex_only). */
  plan_of_record: boolean;
}

export interface RiskViewOptions {
  asOf?: string;
  /** The approved version to compare with, by number (items that slipped against it are flagged). */
  baseline?: number | null;
  slipMonths?: number;
  dueSoonDays?: number;
  stalledDays?: number;
}

/**
 * The risk view of one partnership as of a day: every flag of every milestone and output, judged
 * against the partnership's own deadline, and a RAG per Action.
 */
@Injectable()
export class RiskViewService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly versions: PlanVersionsRepository,
    private readonly links: DependenciesRepository,
  ) {}

  async today(): Promise<string> {
    const [row] = await this.dataSource.query<{ today: string }[]>(`SELECT (now() AT TIME ZONE $1)::date AS today`, [PARTNERSHIP_TIME_ZONE]);
    return row.today;
  }

  /** Every item's forecast as of a day (today in the partnership's time zone by default), as the risk view reads it. */
  async forecasts(partnership: Partnership, asOf?: string): Promise<{ asOf: string; forecasts: Map<string, Forecast> }> {
    const day = asOf ?? (await this.today());
    const rows = await this.itemRows(partnership);
    return { asOf: day, forecasts: forecastPlan(rows.map(forecastItemOf), await this.links.list(partnership.id), day) };
  }

  /** Every milestone and output of a partnership as the rules read them, in plan order. */
  private itemRows(partnership: Partnership): Promise<ItemRow[]> {
    return this.dataSource.query<ItemRow[]>(
      `SELECT 'milestone' AS item_type, m.id, a.number AS action_number, m.title, m.window_text, m.start_date, m.end_date, m.precision,
              m.forecast_end, m.actual_start, m.actual_end, m.progress, m.status, (m.updated_at AT TIME ZONE $2)::date AS last_update, 0 AS kind_order, m.sort_order,
              m.parent_id, m.tentative, m.notes, NOT (m.notes @> '[{"kind": "annex_only"}]'::jsonb) AS plan_of_record
         FROM milestone m JOIN action a ON a.id = m.action_id WHERE a.partnership_id = $1
       UNION ALL
       SELECT 'output', o.id, a.number, o.title, o.due_text, o.start_date, o.end_date, o.precision,
              o.forecast_end, o.actual_start, o.actual_end, NULL, o.status, (o.updated_at AT TIME ZONE $2)::date, 1, o.sort_order,
              NULL, o.tentative, o.notes, NOT (o.notes @> '[{"kind": "annex_only"}]'::jsonb)
         FROM output o JOIN action a ON a.id = o.action_id WHERE a.partnership_id = $1
       ORDER BY action_number, kind_order, sort_order`,
      [partnership.id, PARTNERSHIP_TIME_ZONE],
    );
  }

  async view(partnership: Partnership, options: RiskViewOptions = {}): Promise<RiskView> {
    const asOf = options.asOf ?? (await this.today());
    const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
    const stalledDays = options.stalledDays ?? DEFAULT_STALLED_DAYS;
    const rows = await this.itemRows(partnership);
    const deadline = partnership.deadline;
    const version = options.baseline ? await this.versions.byNumber(partnership.id, options.baseline, 'baseline') : null;
    const slipMonths = options.slipMonths ?? DEFAULT_SLIP_THRESHOLD_MONTHS;
    const baselineOf = new Map((version?.items ?? []).map((item) => [`${item.kind}:${item.id}`, item]));
    const ruleOptions = { dueSoonDays, stalledDays, deadline, slipMonths, baselineName: version ? `version ${version.number}, ${version.name}` : undefined };
    const subjects: SteppedSubject[] = rows.map((row) => ({
      id: `${row.item_type}:${row.id}`,
      parentId: row.parent_id === null ? null : `milestone:${row.parent_id}`,
      start: row.start_date,
      end: row.end_date,
      precision: row.precision,
      forecastEnd: row.forecast_end,
      status: row.status,
      lastUpdate: row.last_update,
      planOfRecord: row.plan_of_record,
      windowText: row.window_text,
      tentative: row.tentative,
      baseline: baselineOf.get(`${row.item_type}:${row.id}`) ?? null,
    }));
    // A parent is judged by the span of its steps (libs/schedule judgeBySteps).
    const judged = judgeBySteps(subjects);
    const forecasts = forecastPlan(rows.map(forecastItemOf), await this.links.list(partnership.id), asOf);
    const forecastOf = (id: string): Forecast => forecasts.get(id) ?? { earliestEnd: null, latestEnd: null, drivenBy: 'self' };
    const byId = new Map(rows.map((row) => [row.id, row]));
    const chainOf = (id: string) =>
      forecastChain(id, forecasts).map((link) => {
        const row = byId.get(link) as ItemRow;
        return {
          title: row.title,
          actionNumber: row.action_number,
          status: row.status,
          end: row.end_date,
          forecastEnd: row.forecast_end,
          forecast: forecastOf(link),
        };
      });
    const flagsOf = (row: ItemRow, index: number) => {
      const flags = riskFlags(judged.get(subjects[index].id) ?? subjects[index], asOf, ruleOptions);
      // An item beyond the deadline by its own dates is said so once.
      if (flags.some((flag) => flag.kind === 'beyond_deadline')) {
        return flags;
      }
      const forecast = forecastOf(row.id);
      const byForecast =
        forecast.latestEnd !== null && forecast.latestEnd > deadline ? forecastFlag(row, forecast, deadline, forecastBecause(chainOf(row.id), asOf)) : null;
      return byForecast ? [...flags, byForecast] : flags;
    };
    const items: RiskItem[] = rows.flatMap((row, index) =>
      flagsOf(row, index).map((flag) => ({
        kind: flag.kind,
        severity: flag.severity,
        actionNumber: row.action_number,
        itemType: row.item_type,
        id: row.id,
        title: row.title,
        windowText: row.window_text,
        start: row.start_date,
        end: row.end_date,
        forecastEnd: row.forecast_end,
        status: row.status,
        daysLate: flag.daysLate,
        reason: flag.reason,
        notes: row.notes,
        forecast: forecastOf(row.id),
      })),
    );
    items.sort((a, b) => compareRisks({ ...a, end: a.forecastEnd ?? a.end }, { ...b, end: b.forecastEnd ?? b.end }) || a.actionNumber - b.actionNumber);
    return {
      asOf,
      deadline,
      daysToDeadline: daysToDeadline(asOf, deadline),
      dueSoonDays,
      stalledDays,
      baseline: version ? { number: version.number, name: version.name, slipMonths } : null,
      actions: partnership.actions.map((action) => ({
        number: action.number,
        shortName: action.shortName,
        ...actionRag(
          items.filter((item) => item.actionNumber === action.number),
          asOf,
          ruleOptions,
        ),
        finish: actionFinish(
          rows.filter((row) => row.action_number === action.number && row.status !== 'cancelled' && row.plan_of_record).map((row) => forecastOf(row.id)),
          deadline,
        ),
      })),
      items,
    };
  }
}

/**
 * An item as the forecast reads it: a reading outside the plan of record has no planned window of
 * its own (only what a person sets counts), as the risk rules judge it.
 */
function forecastItemOf(row: ItemRow): ForecastItem {
  const planned = row.plan_of_record
    ? { start: row.start_date, end: row.end_date, precision: row.precision }
    : { start: null, end: null, precision: 'unknown' as const };
  return {
    id: row.id,
    ...planned,
    status: row.status,
    progress: row.progress,
    actualStart: row.actual_start,
    actualEnd: row.actual_end,
    forecastEnd: row.forecast_end,
  };
}
