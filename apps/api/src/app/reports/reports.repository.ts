import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ImplementationStage, ReportCall, ReportDelivery, ReportEvidence, ReportRisk } from '@tracker/contracts';
import type { StagedItem } from '@tracker/schedule';
import { DataSource, type EntityManager } from 'typeorm';
import { PARTNERSHIP_TIME_ZONE } from '../risks/risk-view.service';

/** An Action as the reports name it. */
export interface ReportActionRow {
  id: string;
  number: number;
  shortName: string;
  title: string;
}

/** A piece of evidence as the table evidence holds it. */
interface EvidenceRow extends Omit<ReportEvidence, 'href'> {
  url: string | null;
}

/** The Secretariat's override of an Action's stage in force. */
export interface StageOverrideRow {
  actionNumber: number;
  stage: ImplementationStage;
  note: string;
  by: string;
  at: string;
}

/**
 * Every SQL statement of the reports: what was delivered in a period with its evidence, the
 * period's calls, the register's risks, each Action's steps and outputs as the stage reads them,
 * and the stage overrides (table action_stage_override, only ever appended to).
 */
@Injectable()
export class ReportsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async actions(partnershipId: string): Promise<ReportActionRow[]> {
    return this.dataSource.query<ReportActionRow[]>(
      `SELECT id, number, short_name AS "shortName", title FROM action WHERE partnership_id = $1 ORDER BY number`,
      [partnershipId],
    );
  }

  /** The earliest planned start of the partnership's items: where the whole phase begins. */
  async phaseStart(partnershipId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<{ start: string | null }[]>(
      `SELECT LEAST((SELECT MIN(m.start_date) FROM milestone m JOIN action a ON a.id = m.action_id WHERE a.partnership_id = $1),
                    (SELECT MIN(o.start_date) FROM output o JOIN action a ON a.id = o.action_id WHERE a.partnership_id = $1)) AS start`,
      [partnershipId],
    );
    return row?.start ?? null;
  }

  /**
   * Outputs delivered and milestones done from `from` to `to` (inclusive), by their actual end, or
   * by the Brussels day of their last change when no actual end was given; with their evidence
   * (files, links and notes; removed evidence left out), per Action number, in plan order.
   */
  async delivered(partnershipId: string, from: string, to: string, evidenceBase: string): Promise<Map<number, ReportDelivery[]>> {
    const rows = await this.dataSource.query<(Omit<ReportDelivery, 'evidence'> & { actionNumber: number; evidence: EvidenceRow[] })[]>(
      `SELECT d.*, COALESCE((SELECT json_agg(json_build_object('id', e.id, 'kind', e.kind, 'title', e.title, 'url', e.url) ORDER BY e.created_at, e.id)
                               FROM evidence e WHERE (e.output_id = d.id OR e.milestone_id = d.id) AND e.removed_at IS NULL), '[]'::json) AS evidence
         FROM (SELECT 'output' AS "itemType", o.id, o.title, a.number AS "actionNumber", o.sort_order, 1 AS kind_order,
                      COALESCE(o.actual_end, (o.updated_at AT TIME ZONE $4)::date) AS "deliveredOn"
                 FROM output o JOIN action a ON a.id = o.action_id WHERE a.partnership_id = $1 AND o.status = 'delivered'
               UNION ALL
               SELECT 'milestone', m.id, m.title, a.number, m.sort_order, 0,
                      COALESCE(m.actual_end, (m.updated_at AT TIME ZONE $4)::date)
                 FROM milestone m JOIN action a ON a.id = m.action_id WHERE a.partnership_id = $1 AND m.status = 'done') d
        WHERE d."deliveredOn" BETWEEN $2::date AND $3::date
        ORDER BY d."actionNumber", d.kind_order, d.sort_order`,
      [partnershipId, from, to, PARTNERSHIP_TIME_ZONE],
    );
    const byAction = new Map<number, ReportDelivery[]>();
    for (const { actionNumber, evidence, ...row } of rows) {
      const delivery: ReportDelivery = {
        id: row.id,
        itemType: row.itemType,
        title: row.title,
        deliveredOn: row.deliveredOn,
        evidence: evidence.map((e) => ({
          id: e.id,
          kind: e.kind,
          title: e.title,
          href: e.kind === 'file' ? `${evidenceBase}/api/evidence/${e.id}/download` : e.kind === 'link' ? e.url : null,
        })),
      };
      byAction.set(actionNumber, [...(byAction.get(actionNumber) ?? []), delivery]);
    }
    return byAction;
  }

  /** The partnership's monitoring calls held from `from` to `to` (inclusive), with the Actions they covered and their follow-ups. */
  async calls(partnershipId: string, from: string, to: string): Promise<(ReportCall & { actionNumbers: number[] })[]> {
    return this.dataSource.query(
      `SELECT c.held_on AS "heldOn", c.decisions, c.action_numbers::int[] AS "actionNumbers",
              COALESCE((SELECT json_agg(json_build_object('what', f.what, 'owner', NULLIF(concat_ws(' - ', o.name, f.owner_text), ''),
                                                          'dueDate', f.due_date, 'done', f.done) ORDER BY f.created_at, f.id)
                          FROM follow_up f LEFT JOIN organisation o ON o.id = f.owner_organisation_id WHERE f.call_id = c.id), '[]'::json) AS "followUps"
         FROM monitoring_call c
        WHERE c.partnership_id = $1 AND c.held_on BETWEEN $2::date AND $3::date
        ORDER BY c.held_on, c.created_at, c.id`,
      [partnershipId, from, to],
    );
  }

  /** The register's risks of every Action, with their mitigation. */
  async risks(partnershipId: string): Promise<(ReportRisk & { actionNumber: number })[]> {
    return this.dataSource.query(
      `SELECT a.number AS "actionNumber", r.title, r.status, r.likelihood, r.impact, o.name AS owner, r.mitigation
         FROM risk r JOIN action a ON a.id = r.action_id LEFT JOIN organisation o ON o.id = r.owner_organisation_id
        WHERE a.partnership_id = $1 ORDER BY a.number, r.sort_order, r.created_at`,
      [partnershipId],
    );
  }

  /** Every step and output of the plan of record, as the stage of implementation reads them, per Action number. */
  async stagedItems(partnershipId: string): Promise<Map<number, StagedItem[]>> {
    const rows = await this.dataSource.query<(StagedItem & { actionNumber: number })[]>(
      `SELECT a.number AS "actionNumber", 'milestone' AS kind, m.status, m.progress,
              EXISTS (SELECT 1 FROM milestone s WHERE s.parent_id = m.id) AS "hasSteps"
         FROM milestone m JOIN action a ON a.id = m.action_id
        WHERE a.partnership_id = $1 AND NOT (m.notes @> '[{"kind": "annex_only"}]'::jsonb)
       UNION ALL
       SELECT a.number, 'output', o.status, NULL, false
         FROM output o JOIN action a ON a.id = o.action_id
        WHERE a.partnership_id = $1 AND NOT (o.notes @> '[{"kind": "annex_only"}]'::jsonb)`,
      [partnershipId],
    );
    const byAction = new Map<number, StagedItem[]>();
    for (const { actionNumber, ...item } of rows) {
      byAction.set(actionNumber, [...(byAction.get(actionNumber) ?? []), item]);
    }
    return byAction;
  }

  /** The override in force of each Action that has one (the latest row, when its stage is not null). */
  async overrides(partnershipId: string): Promise<Map<number, StageOverrideRow>> {
    const rows = await this.dataSource.query<(StageOverrideRow & { at: Date })[]>(
      `SELECT * FROM (
         SELECT DISTINCT ON (s.action_id) a.number AS "actionNumber", s.stage, s.note, u.name AS by, s.set_at AS at
           FROM action_stage_override s JOIN action a ON a.id = s.action_id JOIN user_account u ON u.id = s.set_by
          WHERE a.partnership_id = $1
          ORDER BY s.action_id, s.set_at DESC, s.id DESC) latest
        WHERE latest.stage IS NOT NULL ORDER BY "actionNumber"`,
      [partnershipId],
    );
    return new Map(rows.map((row) => [row.actionNumber, { ...row, at: row.at.toISOString() }]));
  }

  /** Records the Secretariat's stage of an Action (null: back to the computed stage), with its note. */
  async setOverride(
    actionId: string,
    stage: ImplementationStage | null,
    note: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(`INSERT INTO action_stage_override (action_id, stage, note, set_by) VALUES ($1, $2, $3, $4)`, [actionId, stage, note, userId]);
  }
}
