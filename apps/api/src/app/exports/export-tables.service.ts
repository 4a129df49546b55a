import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type FollowUp,
  GanttData,
  type ItemForecast,
  type Milestone,
  type MonitoringCall,
  type Output,
  type PlanNote,
  type RegisterRisk,
  type RiskItem,
} from '@tracker/contracts';
import { DEFAULT_PARTNERSHIP_KEY, PLAN_NOTE_KIND_LABELS } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import { ganttJson, sqlClientOf } from '../gantt/plan-queries';
import { MonitoringService } from '../monitoring/monitoring.service';
import { OutputsService } from '../outputs/outputs.service';
import { type Partnership, PartnershipsRepository } from '../partnership/partnerships.repository';
import { RiskRegisterService } from '../risks/risk-register.service';
import { RiskViewService } from '../risks/risk-view.service';
import { type Column, table, type Table } from './table';
import { fromSqlJson } from '../common/sql-json';

/** The tables the tracker exports, by the name in the address (`/api/exports/<name>.csv|xlsx`). */
export const EXPORT_TABLES = ['plan', 'outputs', 'risks', 'risk-register', 'monitoring-calls', 'follow-ups'] as const;
export type ExportTableName = (typeof EXPORT_TABLES)[number];

/** Tables readable without an account when the plan is public. */
export const PLAN_TABLES: readonly ExportTableName[] = ['plan', 'outputs'];

export interface ExportFilter {
  partnership?: string;
  action?: number;
  asOf?: string;
}

const text = <Row>(header: string, value: (row: Row) => string | null, width?: number): Column<Row> => ({ header, type: 'text', value, width });
const date = <Row>(header: string, value: (row: Row) => string | null): Column<Row> => ({ header, type: 'date', value });
const num = <Row>(header: string, value: (row: Row) => number | null): Column<Row> => ({ header, type: 'number', value });
const bool = <Row>(header: string, value: (row: Row) => boolean): Column<Row> => ({ header, type: 'boolean', value });

/** The tracker's notes on an item's words, as the pages show them: "Derived reading (section 2.4.9, 2.4.10): ...". */
function notesInWords(notes: readonly PlanNote[]): string | null {
  return notes.map((n) => `${PLAN_NOTE_KIND_LABELS[n.kind]} (section ${n.source}): ${n.text}`).join('\n') || null;
}

/**
 * How a "Depends on" cell names one predecessor, as the plan import reads it back: its title, after
 * "Action N: " when it is in another Action than its successor, and " (+N months)" for a lag.
 */
export function dependencyReference(link: { title: string; actionNumber: number; lagMonths: number }, successorAction: number): string {
  const where = link.actionNumber === successorAction ? '' : `Action ${link.actionNumber}: `;
  const lag = link.lagMonths === 0 ? '' : ` (+${link.lagMonths} month${link.lagMonths === 1 ? '' : 's'})`;
  return `${where}${link.title}${lag}`;
}

/**
 * Builds every exported table from the services the API itself answers with (the chart's query, the
 * outputs, the risk view, the register, the monitoring calls), so a file says what the screen says.
 */
@Injectable()
export class ExportTablesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outputs: OutputsService,
    private readonly riskView: RiskViewService,
    private readonly register: RiskRegisterService,
    private readonly monitoring: MonitoringService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  /** The chart's data, as `GET /api/gantt` serves it; 404 for an unknown partnership. */
  async gantt(partnership = DEFAULT_PARTNERSHIP_KEY): Promise<GanttData> {
    const body = await ganttJson(sqlClientOf(this.dataSource), partnership);
    if (body === null) {
      throw new NotFoundException(`partnership "${partnership}" not found`);
    }
    return fromSqlJson(GanttData, body);
  }

  async build(name: ExportTableName, filter: ExportFilter): Promise<Table[]> {
    const partnership = filter.partnership ?? DEFAULT_PARTNERSHIP_KEY;
    switch (name) {
      case 'plan':
        return [await this.plan(partnership, filter)];
      case 'outputs': {
        await this.gantt(partnership); // 404 for an unknown partnership
        const expected = await this.expectedEnds(partnership, filter.asOf);
        return [this.outputTable(await this.outputs.list({ partnership, actionNumber: filter.action }), await this.dependsOn(partnership), expected)];
      }
      default:
        break;
    }
    const scope = await this.partnerships.byKey(partnership); // 404 for an unknown partnership
    switch (name) {
      case 'risks': {
        const view = await this.riskView.view(scope, { asOf: filter.asOf });
        const items = view.items.filter((item) => filter.action === undefined || item.actionNumber === filter.action);
        return [this.riskTable(`Risks as of ${view.asOf}`, items)];
      }
      case 'risk-register':
        return [this.registerTable(await this.register.list(scope, filter.action))];
      case 'monitoring-calls':
      case 'follow-ups': {
        const calls = await this.calls(scope, filter.action);
        return name === 'monitoring-calls'
          ? [this.callTable(calls), this.followUpTable(calls.flatMap((c) => c.followUps))]
          : [this.followUpTable(calls.flatMap((c) => c.followUps))];
      }
    }
  }

  private async plan(partnership: string, filter: ExportFilter): Promise<Table<Milestone>> {
    const data = await this.gantt(partnership);
    const items = data.items.filter((item) => filter.action === undefined || item.actionNumber === filter.action);
    const expected = await this.expectedEnds(partnership, filter.asOf);
    const titles = new Map(data.items.map((item) => [item.id, item.title]));
    const shortNames = new Map(data.actions.map((a) => [a.number, a.shortName]));
    const dependsOn = await this.dependsOn(partnership);
    return table<Milestone>(
      'Plan',
      [
        num('Action', (m) => m.actionNumber),
        text('Action name', (m) => shortNames.get(m.actionNumber) ?? null, 16),
        text('Parent', (m) => (m.parentId ? (titles.get(m.parentId) ?? null) : null), 40),
        text('Title', (m) => m.title, 60),
        text('Window (plan wording)', (m) => m.windowText, 28),
        date('Start', (m) => m.start),
        date('End', (m) => m.end),
        text('Precision', (m) => m.precision, 10),
        text('Status', (m) => m.status, 12),
        num('Progress %', (m) => m.progress),
        date('Actual start', (m) => m.actualStart),
        date('Actual end', (m) => m.actualEnd),
        date('Forecast end', (m) => m.forecastEnd),
        date('Expected end, earliest', (m) => expected(m.id).earliestEnd),
        date('Expected end, latest', (m) => expected(m.id).latestEnd),
        text('Depends on', (m) => dependsOn(m.id, m.actionNumber), 40),
        text('Flags', (m) => [m.tentative ? 'tentative' : null, m.alternatives.length ? 'alternative reading' : null].filter(Boolean).join('; ') || null, 24),
        text('Source section', (m) => m.source, 14),
        text('Notes on the plan', (m) => notesInWords(m.notes), 60),
      ],
      items,
    );
  }

  /**
   * The "Depends on" cell of each milestone or output of a partnership: its predecessors, one a line,
   * in the order the links were made, then in plan order (see {@link dependencyReference}); null for an item with none.
   */
  private async dependsOn(partnership: string): Promise<(id: string, actionNumber: number) => string | null> {
    const rows = await this.dataSource.query<{ successor_id: string; title: string; action_number: number; lag_months: number }[]>(
      `SELECT d.successor_id, COALESCE(m.title, o.title) AS title, a.number AS action_number, d.lag_months
         FROM dependency d JOIN partnership p ON p.id = d.partnership_id
         LEFT JOIN milestone m ON m.id = d.predecessor_id LEFT JOIN output o ON o.id = d.predecessor_id
         JOIN action a ON a.id = COALESCE(m.action_id, o.action_id)
        WHERE p.seed_key = $1 ORDER BY d.created_at, a.number, m.id IS NULL, COALESCE(m.sort_order, o.sort_order), d.id`,
      [partnership],
    );
    const bySuccessor = new Map<string, typeof rows>();
    for (const row of rows) {
      bySuccessor.set(row.successor_id, [...(bySuccessor.get(row.successor_id) ?? []), row]);
    }
    return (id, actionNumber) =>
      (bySuccessor.get(id) ?? [])
        .map((row) => dependencyReference({ title: row.title, actionNumber: row.action_number, lagMonths: row.lag_months }, actionNumber))
        .join('\n') || null;
  }

  /**
   * Each item's expected end as a range, as the risk view forecasts it (as of `asOf`, today by
   * default): its own dates, pushed by its predecessors and its pace.
   */
  private async expectedEnds(partnership: string, asOf?: string): Promise<(id: string) => ItemForecast> {
    const { forecasts } = await this.riskView.forecasts(await this.partnerships.byKey(partnership), asOf);
    return (id) => forecasts.get(id) ?? { earliestEnd: null, latestEnd: null, drivenBy: 'self' };
  }

  private outputTable(
    outputs: Output[],
    dependsOn: (id: string, actionNumber: number) => string | null,
    expected: (id: string) => ItemForecast,
  ): Table<Output> {
    return table<Output>(
      'Outputs',
      [
        num('Action', (o) => o.actionNumber),
        text('Title', (o) => o.title, 60),
        text('Due (plan wording)', (o) => o.dueText, 28),
        date('Start', (o) => o.start),
        date('End', (o) => o.end),
        text('Precision', (o) => o.precision, 10),
        text('Status', (o) => o.status, 12),
        date('Actual start', (o) => o.actualStart),
        date('Actual end', (o) => o.actualEnd),
        date('Forecast end', (o) => o.forecastEnd),
        date('Expected end, earliest', (o) => expected(o.id).earliestEnd),
        date('Expected end, latest', (o) => expected(o.id).latestEnd),
        text('Depends on', (o) => dependsOn(o.id, o.actionNumber), 40),
        text('Flags', (o) => (o.tentative ? 'tentative' : null), 12),
        text('Source section', (o) => o.source, 14),
        text('Notes on the plan', (o) => notesInWords(o.notes), 60),
      ],
      outputs,
    );
  }

  private riskTable(name: string, items: RiskItem[]): Table<RiskItem> {
    return table<RiskItem>(
      name,
      [
        text('Kind', (r) => r.kind.replace(/_/g, ' '), 16),
        text('Severity', (r) => r.severity, 10),
        num('Action', (r) => r.actionNumber),
        text('Item', (r) => r.itemType, 10),
        text('Title', (r) => r.title, 60),
        text('Window (plan wording)', (r) => r.windowText, 28),
        date('Start', (r) => r.start),
        date('End', (r) => r.end),
        date('Forecast end', (r) => r.forecastEnd),
        text('Status', (r) => r.status, 12),
        num('Days late', (r) => r.daysLate),
        text('Reason', (r) => r.reason, 60),
      ],
      items,
    );
  }

  private registerTable(risks: RegisterRisk[]): Table<RegisterRisk> {
    return table<RegisterRisk>(
      'Risk register',
      [
        num('Action', (r) => r.actionNumber),
        text('Title', (r) => r.title, 40),
        text('Description', (r) => r.description, 60),
        num('Likelihood', (r) => r.likelihood),
        num('Impact', (r) => r.impact),
        text('Owner', (r) => r.owner?.name ?? null, 30),
        text('Mitigation', (r) => r.mitigation, 60),
        text('Status', (r) => r.status, 10),
        date('Next review', (r) => r.nextReview),
        text('Source section', (r) => r.source, 14),
      ],
      risks,
    );
  }

  /** Every call with its follow-ups, as `GET /api/monitoring-calls/:id` answers each, earliest first. */
  async calls(partnership: Partnership, action?: number): Promise<MonitoringCall[]> {
    const summaries = (await this.monitoring.list(partnership)).filter((c) => action === undefined || c.actionNumbers.includes(action)).reverse();
    const calls: MonitoringCall[] = [];
    for (const summary of summaries) {
      calls.push(await this.monitoring.get(summary.id));
    }
    return calls;
  }

  /**
   * The state of a partnership's monitoring calls and follow-ups in one short text (their ids and
   * versions, and the names of the follow-ups' owners), which changes whenever a calendar that shows
   * them would: the private feed is kept under it.
   */
  async callsState(partnershipId: string): Promise<string> {
    const [row] = await this.dataSource.query<{ state: string }[]>(
      `SELECT md5(COALESCE(string_agg(c.id::text || ':' || c.version || '[' || COALESCE((
                SELECT string_agg(f.id::text || ':' || f.version || ':' || COALESCE(o.name, ''), ',' ORDER BY f.id)
                  FROM follow_up f LEFT JOIN organisation o ON o.id = f.owner_organisation_id WHERE f.call_id = c.id), '') || ']', ';' ORDER BY c.id), '')) AS state
         FROM monitoring_call c WHERE c.partnership_id = $1`,
      [partnershipId],
    );
    return row.state;
  }

  private callTable(calls: MonitoringCall[]): Table<MonitoringCall> {
    return table<MonitoringCall>(
      'Monitoring calls',
      [
        date('Held on', (c) => c.heldOn),
        text('Actions', (c) => c.actionNumbers.join(', '), 10),
        text('Attendees', (c) => c.attendees.join('; '), 40),
        text('Notes', (c) => c.notes, 60),
        text('Decisions', (c) => c.decisions, 60),
        num('Follow-ups', (c) => c.followUps.length),
        num('Open follow-ups', (c) => c.followUps.filter((f) => !f.done).length),
        num('Changes since previous call', (c) => c.changesSincePrevious.length),
      ],
      calls,
    );
  }

  private followUpTable(followUps: FollowUp[]): Table<FollowUp> {
    return table<FollowUp>(
      'Follow-ups',
      [
        date('Call held on', (f) => f.callHeldOn),
        text('What', (f) => f.what, 60),
        text('Owner', (f) => [f.owner?.name, f.ownerText].filter(Boolean).join(' - ') || null, 30),
        date('Due', (f) => f.dueDate),
        bool('Done', (f) => f.done),
      ],
      followUps,
    );
  }
}
