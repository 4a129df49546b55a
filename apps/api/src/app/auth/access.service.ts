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
