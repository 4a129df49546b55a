import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { WORK_PLAN } from '../seed/work-plan.data';

export interface OpenFollowUp {
  id: string;
  what: string;
  dueDate: string | null;
  callHeldOn: string;
  ownerOrganisationId: string | null;
  ownerText: string | null;
}

export interface PlanChange {
  at: Date;
  by: string;
  itemType: string;
  title: string;
  actionNumber: number;
  field: string | null;
  note: string | null;
}

/** The SQL reminders read: follow-ups, co-led Actions, and the week's changes. */
@Injectable()
export class RemindersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Follow-ups not done, oldest call first; with `dueOn`, only those falling due that day. */
  async openFollowUps(dueOn?: string): Promise<OpenFollowUp[]> {
    const rows = await this.dataSource.query<
      { id: string; what: string; due_date: string | null; held_on: string; owner_organisation_id: string | null; owner_text: string | null }[]
    >(
      `SELECT f.id, f.what, f.due_date, c.held_on, f.owner_organisation_id, f.owner_text
         FROM follow_up f JOIN monitoring_call c ON c.id = f.call_id
        WHERE NOT f.done AND ($1::date IS NULL OR f.due_date = $1::date)
        ORDER BY c.held_on, c.created_at, f.sort_order, f.id`,
      [dueOn ?? null],
    );
    return rows.map((row) => ({
      id: row.id,
      what: row.what,
      dueDate: row.due_date,
      callHeldOn: row.held_on,
      ownerOrganisationId: row.owner_organisation_id,
      ownerText: row.owner_text,
    }));
  }

  /** Numbers of the Work Plan's Actions an organisation co-leads. */
  async coLedActionNumbers(organisationId: string): Promise<number[]> {
    const rows = await this.dataSource.query<{ number: number }[]>(
      `SELECT a.number FROM action_participant ap JOIN action a ON a.id = ap.action_id JOIN partnership p ON p.id = a.partnership_id
        WHERE ap.organisation_id = $1 AND ap.role = 'co_leader' AND p.seed_key = $2 ORDER BY a.number`,
      [organisationId, WORK_PLAN.partnership.key],
    );
    return rows.map((row) => row.number);
  }

  /** Changes of the Work Plan's items from the Brussels day `since` on, newest first (at most `limit`). */
  async changesSince(since: string, limit: number): Promise<{ total: number; changes: PlanChange[] }> {
    const rows = await this.dataSource.query<
      { at: Date; by: string; item_type: string; title: string; action_number: number; field: string | null; note: string | null; total: number }[]
    >(
      `SELECT e.at, u.name AS by, e.item_type, coalesce(m.title, o.title) AS title, a.number AS action_number, e.field, e.note, count(*) OVER ()::int AS total
         FROM audit_entry e
         JOIN user_account u ON u.id = e.user_id
         LEFT JOIN milestone m ON e.item_type = 'milestone' AND m.id = e.item_id
         LEFT JOIN output o ON e.item_type = 'output' AND o.id = e.item_id
         JOIN action a ON a.id = coalesce(m.action_id, o.action_id)
         JOIN partnership p ON p.id = a.partnership_id AND p.seed_key = $3
        WHERE e.at >= ($1::date)::timestamp AT TIME ZONE 'Europe/Brussels'
        ORDER BY e.at DESC, e.id
        LIMIT $2`,
      [since, limit, WORK_PLAN.partnership.key],
    );
    return {
      total: rows[0]?.total ?? 0,
      changes: rows.map((row) => ({
        at: row.at,
        by: row.by,
        itemType: row.item_type,
        title: row.title,
        actionNumber: row.action_number,
        field: row.field,
        note: row.note,
      })),
    };
  }
}
