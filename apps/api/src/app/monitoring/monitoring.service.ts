import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FollowUp, MonitoringCall, MonitoringCallSummary } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { FOLLOW_UP_SPEC, MONITORING_CALL_SPEC } from '../audit/update-rules';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { PARTNERSHIP_TIME_ZONE, RiskViewService } from '../risks/risk-view.service';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { type Partnership, PartnershipsRepository } from '../partnership/partnerships.repository';
import { PlanVersionsRepository } from '../plan-versions/plan-versions.repository';
import type { CreateFollowUpDto, CreateMonitoringCallDto, UpdateFollowUpDto, UpdateMonitoringCallDto } from './dto/monitoring-call.dto';

interface CallRow {
  id: string;
  partnership_id: string;
  held_on: string;
  action_numbers: number[];
  attendees: string[];
  notes: string;
  decisions: string;
  version: number;
  created_at: Date;
  compared_version_id: string | null;
}

interface FollowUpRow {
  id: string;
  call_id: string;
  call_held_on: string;
  what: string;
  owner_id: string | null;
  owner_name: string | null;
  owner_text: string | null;
  due_date: string | null;
  done: boolean;
  version: number;
}

const SELECT_CALL = `SELECT id, partnership_id, held_on, action_numbers::int[] AS action_numbers, attendees, notes, decisions, version, created_at,
  compared_version_id FROM monitoring_call`;

const SELECT_FOLLOW_UP = `
  SELECT f.id, f.call_id, c.held_on AS call_held_on, f.what, o.id AS owner_id, o.name AS owner_name, f.owner_text, f.due_date, f.done, f.version
    FROM follow_up f JOIN monitoring_call c ON c.id = f.call_id LEFT JOIN organisation o ON o.id = f.owner_organisation_id`;

/** The monitoring-call log: calls, their follow-ups, and what each call walks through. */
@Injectable()
export class MonitoringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly risks: RiskViewService,
    private readonly updates: VersionedUpdateService,
    private readonly partnerships: PartnershipsRepository,
    private readonly access: AccessService,
    private readonly versions: PlanVersionsRepository,
    private readonly organisations: OrganisationsRepository,
  ) {}

  /** Every call of one partnership, the latest first. */
  async list(partnership: Partnership): Promise<MonitoringCallSummary[]> {
    const rows = await this.dataSource.query<(CallRow & { open_follow_ups: number })[]>(
      `SELECT c.id, c.held_on, c.action_numbers::int[] AS action_numbers, c.attendees,
              (SELECT count(*)::int FROM follow_up f WHERE f.call_id = c.id AND NOT f.done) AS open_follow_ups
         FROM monitoring_call c WHERE c.partnership_id = $1 ORDER BY c.held_on DESC, c.created_at DESC, c.id DESC`,
      [partnership.id],
    );
    return rows.map((row) => ({
      id: row.id,
      heldOn: row.held_on,
      actionNumbers: row.action_numbers,
      attendees: row.attendees,
      openFollowUps: row.open_follow_ups,
    }));
  }

  /**
   * One call with what it walks through: the changes from the previous call's day (inclusive; from
   * the beginning for the first call) to this call's day (inclusive), in Brussels days; the follow-ups
   * of earlier calls not done yet; the risk view as of the call's day. "Previous" and "earlier" are
   * calls of the same partnership; the changes and risks are that partnership's.
   */
  async get(id: string): Promise<MonitoringCall> {
    const call = await this.callRow(id);
    const partnership = await this.partnerships.byId(call.partnership_id);
    const [previous] = await this.dataSource.query<{ id: string; held_on: string }[]>(
      `SELECT id, held_on FROM monitoring_call
        WHERE partnership_id = $2 AND (held_on, created_at, id) < (SELECT held_on, created_at, id FROM monitoring_call WHERE id = $1)
        ORDER BY held_on DESC, created_at DESC, id DESC LIMIT 1`,
      [call.id, partnership.id],
    );
    const [followUps, openEarlier, changes, risks] = await Promise.all([
      this.dataSource.query<FollowUpRow[]>(`${SELECT_FOLLOW_UP} WHERE f.call_id = $1 ORDER BY f.sort_order, f.created_at`, [id]),
      this.dataSource.query<FollowUpRow[]>(
        `${SELECT_FOLLOW_UP} WHERE NOT f.done AND c.partnership_id = $2
            AND (c.held_on, c.created_at, c.id) < (SELECT held_on, created_at, id FROM monitoring_call WHERE id = $1)
          ORDER BY f.due_date NULLS LAST, c.held_on, f.sort_order, f.created_at`,
        [call.id, partnership.id],
      ),
      this.audit.between(partnership.id, previous?.held_on ?? null, call.held_on, PARTNERSHIP_TIME_ZONE),
      this.versions.numberOf(call.compared_version_id).then((baseline) => this.risks.view(partnership, { asOf: call.held_on, baseline })),
    ]);
    return {
      id: call.id,
      heldOn: call.held_on,
      actionNumbers: call.action_numbers,
      attendees: call.attendees,
      notes: call.notes,
      decisions: call.decisions,
      version: call.version,
      followUps: followUps.map(toFollowUp),
      previousCall: previous ? { id: previous.id, heldOn: previous.held_on } : null,
      changesSincePrevious: changes,
      openEarlierFollowUps: openEarlier.map(toFollowUp),
      comparedVersion: risks.baseline ? { number: risks.baseline.number, name: risks.baseline.name } : null,
      partnership: partnership.key,
      risks,
    };
  }

  /** Records a call of one partnership, covering some of its Actions. */
  async create(partnership: Partnership, body: CreateMonitoringCallDto, user: AuthUser): Promise<MonitoringCall> {
    await this.access.assertSeat(user, partnership.id);
    assertActions(partnership, body.actionNumbers);
    const compared = body.comparedVersion == null ? null : await this.versions.idOf(partnership.id, body.comparedVersion);
    if (body.comparedVersion != null && compared === null) {
      throw new BadRequestException(`comparedVersion must be the number of an approved version of the plan: there is no version ${body.comparedVersion}`);
    }
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO monitoring_call (partnership_id, held_on, action_numbers, attendees, notes, decisions, created_by, compared_version_id)
       VALUES ($7, $1, $2, $3, $4, $5, $6, $8) RETURNING id`,
      [
        body.heldOn,
        [...body.actionNumbers].sort((a, b) => a - b),
        body.attendees?.map((a) => a.trim()) ?? [],
        body.notes ?? '',
        body.decisions ?? '',
        user.id,
        partnership.id,
        compared,
      ],
    );
    return this.get(row.id);
  }

  /** Through the one versioned update (VersionedUpdateService): history per field; 409 with the current call when stale. */
  async update(id: string, patch: UpdateMonitoringCallDto, user: AuthUser): Promise<MonitoringCall> {
    if (patch.actionNumbers) {
      const call = await this.callRow(id);
      assertActions(await this.partnerships.byId(call.partnership_id), patch.actionNumbers);
    }
    const normalised = {
      ...patch,
      actionNumbers: patch.actionNumbers && [...patch.actionNumbers].sort((a, b) => a - b),
      attendees: patch.attendees?.map((a) => a.trim()),
    };
    return this.updates.update(MONITORING_CALL_SPEC, id, normalised, user, (callId) => this.get(callId));
  }

  async followUp(id: string, manager: EntityManager = this.dataSource.manager): Promise<FollowUp> {
    const [row] = await manager.query<FollowUpRow[]>(`${SELECT_FOLLOW_UP} WHERE f.id = $1`, [id]);
    if (!row) {
      throw new NotFoundException(`follow-up ${id} not found`);
    }
    return toFollowUp(row);
  }

  async addFollowUp(callId: string, body: CreateFollowUpDto, user: AuthUser): Promise<FollowUp> {
    const call = await this.callRow(callId);
    await this.access.assertSeat(user, call.partnership_id);
    await this.assertOrganisation(body.ownerOrganisationId);
    const [row] = await this.dataSource.query<{ id: string }[]>(
      `INSERT INTO follow_up (call_id, what, owner_organisation_id, owner_text, due_date, sort_order)
       VALUES ($1, $2, $3, $4, $5, (SELECT COALESCE(max(sort_order), 0) + 1 FROM follow_up WHERE call_id = $1)) RETURNING id`,
      [callId, body.what.trim(), body.ownerOrganisationId ?? null, emptyToNull(body.ownerText), body.dueDate ?? null],
    );
    return this.followUp(row.id);
  }

  /** Through the one versioned update (VersionedUpdateService): history per field; 409 with the current follow-up when stale. */
  async updateFollowUp(id: string, patch: UpdateFollowUpDto, user: AuthUser): Promise<FollowUp> {
    await this.assertOrganisation(patch.ownerOrganisationId);
    const normalised = {
      ...patch,
      what: patch.what?.trim(),
      ownerText: patch.ownerText === undefined ? undefined : emptyToNull(patch.ownerText),
    };
    return this.updates.update(FOLLOW_UP_SPEC, id, normalised, user, (followUpId) => this.followUp(followUpId));
  }

  private async callRow(id: string): Promise<CallRow> {
    const [row] = await this.dataSource.query<CallRow[]>(`${SELECT_CALL} WHERE id = $1`, [id]);
    if (!row) {
      throw new NotFoundException(`monitoring call ${id} not found`);
    }
    return row;
  }

  private async assertOrganisation(id: string | null | undefined): Promise<void> {
    if (id) {
      if (!(await this.organisations.exists(id))) {
        throw new BadRequestException('ownerOrganisationId must be the id of an organisation, or null');
      }
    }
  }
}

/** 400 unless every number is an Action of the partnership. */
function assertActions(partnership: Partnership, numbers: number[]): void {
  const known = new Set(partnership.actions.map((action) => action.number));
  const unknown = numbers.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new BadRequestException(
      `actionNumbers: partnership "${partnership.key}" has no Action ${unknown.join(', ')} (it has ${[...known].sort((a, b) => a - b).join(', ')})`,
    );
  }
}

function emptyToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    callId: row.call_id,
    callHeldOn: row.call_held_on,
    what: row.what,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    ownerText: row.owner_text,
    dueDate: row.due_date,
    done: row.done,
    version: row.version,
  };
}
