import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PlanNote, RiskItem, RiskKind, RiskView, WhatIf, WhatIfItem, WhatIfQuery } from '@tracker/contracts';
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
  formatDay,
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

  /**
   * What the risk view would say of the deadline if one item were expected to end on `forecastEnd`:
   * the items and Actions that would pass it and those that no longer would. Computed on the plan as
   * read, with that one forecast end in place of the item's own; nothing is written. 400 naming
   * `itemId` when the partnership holds no such item.
   */
  async whatIf(partnership: Partnership, query: WhatIfQuery): Promise<WhatIf> {
    const asOf = query.asOf ?? (await this.today());
    const rows = await this.itemRows(partnership);
    const tried = rows.find((row) => row.id === query.itemId);
    if (tried === undefined) {
      throw new BadRequestException(`itemId: the partnership has no milestone or output with the id ${query.itemId}`);
    }
    const now = await this.viewOf(partnership, rows, { asOf });
    const then = await this.viewOf(
      partnership,
      rows.map((row) => (row === tried ? { ...row, forecast_end: query.forecastEnd } : row)),
      { asOf },
    );
    const deadlineKind = (view: RiskView) => {
      const kinds = new Map<string, RiskItem>();
      // Most severe first: the first deadline kind of an item is the one it is said with.
      for (const item of view.items) {
        if (DEADLINE_KINDS.includes(item.kind) && !kinds.has(item.id)) kinds.set(item.id, item);
      }
      return kinds;
    };
    const before = deadlineKind(now);
    const after = deadlineKind(then);
    const thenForecasts = await this.forecastsOf(partnership, rows, tried.id, query.forecastEnd, asOf);
    const entry = (row: ItemRow): WhatIfItem => {
      const risk = after.get(row.id) ?? null;
      const forecast = thenForecasts.get(row.id) ?? { earliestEnd: null, latestEnd: null, drivenBy: 'self' };
      return {
        id: row.id,
        itemType: row.item_type,
        actionNumber: row.action_number,
        title: row.title,
        kind: risk?.kind ?? null,
        kindNow: before.get(row.id)?.kind ?? null,
        reason:
          risk?.reason ??
          (forecast.latestEnd === null
            ? `no expected end, so nothing puts it past the ${formatDay(then.deadline)} deadline`
            : `expected to end by ${formatDay(forecast.latestEnd)}, within the ${formatDay(then.deadline)} deadline`),
        forecast,
      };
    };
    const wouldPass = rows.filter((row) => after.has(row.id) && after.get(row.id)?.kind !== before.get(row.id)?.kind).map(entry);
    const noLongerPass = rows.filter((row) => before.has(row.id) && !after.has(row.id)).map(entry);
    return {
      asOf,
      deadline: then.deadline,
      item: {
        id: tried.id,
        itemType: tried.item_type,
        actionNumber: tried.action_number,
        title: tried.title,
        forecastEnd: tried.forecast_end,
        triedForecastEnd: query.forecastEnd,
      },
      wouldPass,
      noLongerPass,
      actions: then.actions.map((action, i) => ({
        number: action.number,
        shortName: action.shortName,
        now: now.actions[i].finish,
        then: action.finish,
        changed: now.actions[i].finish.fitsDeadline !== action.finish.fitsDeadline,
      })),
    };
  }

  /** Every item's forecast with one forecast end tried in place of its own. */
  private async forecastsOf(partnership: Partnership, rows: ItemRow[], id: string, forecastEnd: string, asOf: string): Promise<Map<string, Forecast>> {
    const read = rows.map((row) => forecastItemOf(row.id === id ? { ...row, forecast_end: forecastEnd } : row));
    return forecastPlan(read, await this.links.list(partnership.id), asOf);
  }

  async view(partnership: Partnership, options: RiskViewOptions = {}): Promise<RiskView> {
    return this.viewOf(partnership, await this.itemRows(partnership), options);
  }

  /** The risk view of these rows (the plan's, or the plan's with one forecast tried). */
  private async viewOf(partnership: Partnership, rows: ItemRow[], options: RiskViewOptions): Promise<RiskView> {
    const asOf = options.asOf ?? (await this.today());
    const dueSoonDays = options.dueSoonDays ?? DEFAULT_DUE_SOON_DAYS;
    const stalledDays = options.stalledDays ?? DEFAULT_STALLED_DAYS;
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

/** The kinds that say an item passes (or may pass) the deadline. */
const DEADLINE_KINDS: readonly RiskKind[] = ['beyond_deadline', 'forecast_beyond_deadline', 'may_pass_deadline'];

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
