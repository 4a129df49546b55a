import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { type Partnership, PartnershipsRepository } from '../partnership/partnerships.repository';
import type { AuthUser } from './auth.types';
import { allows, type Permission, refusal, scopeOf } from './permissions';

/**
 * Applies the permission table to one item. A role holds in the partnerships the user's organisation
 * has a seat in (`partnership_member`): the Secretariat of one partnership has no rights in another.
 * `own_action` reaches the Actions the organisation co-leads, whichever partnership they are in.
 */
@Injectable()
export class AccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  /** Ids of the Actions an organisation co-leads. */
  async coLedActionIds(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ action_id: string }[]>(`SELECT action_id FROM action_participant WHERE organisation_id = $1 AND role = 'co_leader'`, [
      organisationId,
    ]);
    return rows.map((row) => row.action_id);
  }

  /** Throws 403 unless the user may use `permission` on an item of Action `actionId`. */
  async assertAllowed(user: AuthUser, permission: Permission, actionId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    const scope = scopeOf(user.role, permission);
    const coLed = scope === 'own_action' ? await this.coLedActionIds(user.organisationId, manager) : [];
    if (!allows(user.role, permission, actionId, coLed)) {
      throw new ForbiddenException(refusal(user.role, permission));
    }
    if (scope === 'all') {
      const [action] = await manager.query<{ partnership_id: string }[]>(`SELECT partnership_id FROM action WHERE id = $1`, [actionId]);
      await this.assertSeat(user, action?.partnership_id ?? null, manager);
    }
  }

  /** Throws 403 unless the user's organisation has a seat in the partnership. */
  async assertSeat(user: AuthUser, partnershipId: string | null, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (partnershipId === null || !(await this.partnerships.isMember(partnershipId, user.organisationId, manager))) {
      throw new ForbiddenException('your organisation has no seat in this partnership: you may not change its records');
    }
  }

  /**
   * Throws 403 unless the user may read the partnership's own working records: its monitoring calls
   * and follow-ups, its risk view and its risk register. They are that partnership's people's (its
   * member organisations, its coordinators, its Secretariat): a seat, whatever the role. The plan
   * itself stays readable by all (see docs/security.md).
   */
  async assertPrivateReader(user: AuthUser, partnershipId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (!(await this.partnerships.isMember(partnershipId, user.organisationId, manager))) {
      throw new ForbiddenException(PRIVATE_REFUSAL);
    }
  }

  /** The same for one record by its id; a record that does not exist is left to the route's own 404. */
  async assertPrivateRecordReader(user: AuthUser, kind: PrivateRecordKind, id: string): Promise<void> {
    const [row] = await this.dataSource.query<{ partnership_id: string }[]>(PARTNERSHIP_OF[kind], [id]);
    if (row) {
      await this.assertPrivateReader(user, row.partnership_id);
    }
  }

  /** Numbers of the Actions of one partnership whose items the user may change with `permission`. */
  async actionNumbersAllowed(user: AuthUser, permission: Permission, partnership: Partnership): Promise<number[]> {
    const scope = scopeOf(user.role, permission);
    if (scope === 'none' || (scope === 'all' && !(await this.partnerships.isMember(partnership.id, user.organisationId)))) {
      return [];
    }
    const coLed = scope === 'own_action' ? await this.coLedActionIds(user.organisationId) : [];
    return partnership.actions.filter((action) => allows(user.role, permission, action.id, coLed)).map((action) => action.number);
  }
}

/** The refusal of a partnership's calls, risks and register to someone without a seat in it. */
export const PRIVATE_REFUSAL =
  "your organisation has no seat in this partnership: its monitoring calls, risks and risk register are for that partnership's people";

export type PrivateRecordKind = 'risk' | 'monitoring_call' | 'follow_up';

/** The partnership of a private record, by its id. */
const PARTNERSHIP_OF: Record<PrivateRecordKind, string> = {
  risk: `SELECT a.partnership_id FROM risk r JOIN action a ON a.id = r.action_id WHERE r.id = $1`,
  monitoring_call: `SELECT partnership_id FROM monitoring_call WHERE id = $1`,
  follow_up: `SELECT c.partnership_id FROM follow_up f JOIN monitoring_call c ON c.id = f.call_id WHERE f.id = $1`,
};
