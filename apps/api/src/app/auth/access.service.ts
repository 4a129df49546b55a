import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from './auth.types';
import { allows, type Permission, refusal, scopeOf } from './permissions';

/** Applies the permission table to one item: the Action it belongs to decides `own_action`. */
@Injectable()
export class AccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Ids of the Actions an organisation co-leads. */
  async coLedActionIds(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await manager.query<{ action_id: string }[]>(
      `SELECT action_id FROM action_participant WHERE organisation_id = $1 AND role = 'co_leader'`,
      [organisationId],
    );
    return rows.map((row) => row.action_id);
  }

  /** Throws 403 unless the user may use `permission` on an item of Action `actionId`. */
  async assertAllowed(user: AuthUser, permission: Permission, actionId: string, manager?: EntityManager): Promise<void> {
    const scope = scopeOf(user.role, permission);
    const coLed = scope === 'own_action' ? await this.coLedActionIds(user.organisationId, manager) : [];
    if (!allows(user.role, permission, actionId, coLed)) {
      throw new ForbiddenException(refusal(user.role, permission));
    }
  }

  /** Numbers of the Actions whose items the user may change with `permission`. */
  async actionNumbersAllowed(user: AuthUser, permission: Permission): Promise<number[]> {
    const scope = scopeOf(user.role, permission);
    if (scope === 'none') {
      return [];
    }
    const actions = await this.dataSource.query<{ id: string; number: number }[]>(`SELECT id, number FROM action ORDER BY number`);
    const coLed = scope === 'own_action' ? await this.coLedActionIds(user.organisationId) : [];
    return actions.filter((action) => allows(user.role, permission, action.id, coLed)).map((action) => action.number);
  }
}
