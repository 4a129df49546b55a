import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Target } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import { TARGET_SPEC } from '../audit/update-rules';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { sqlClientOf, targetJson, targetsJson } from '../gantt/plan-queries';
import type { Partnership } from '../partnership/partnerships.repository';
import { ADDED_SOURCE, actionIdOf, lockActionOrder } from '../plan-editing/plan-items.repository';
import type { CreateTargetDto, UpdateTargetDto } from './targets.dto';
import { z } from 'zod';
import { fromSqlJson } from '../common/sql-json';

/** The targets of an Action: added, reworded and cancelled as the plan is amended, with their history. */
@Injectable()
export class TargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly updates: VersionedUpdateService,
    private readonly access: AccessService,
  ) {}

  /** The targets of a partnership's Actions (or one Action's), in plan order; 404 for an unknown partnership. */
  async list(partnership: Partnership, actionNumber?: number): Promise<Target[]> {
    return fromSqlJson(z.array(Target), await targetsJson(sqlClientOf(this.dataSource), partnership.key, actionNumber ?? null));
  }

  /** One target, built by the same SQL as an Action's list of targets. */
  async get(id: string): Promise<Target> {
    const body = await targetJson(sqlClientOf(this.dataSource), id);
    if (body === null) {
      throw new NotFoundException(`target ${id} not found`);
    }
    return fromSqlJson(Target, body);
  }

  /** Adds a target after the Action's others (the Secretariat, or the Action's co-leaders). All or nothing. */
  async create(body: CreateTargetDto, user: AuthUser): Promise<Target> {
    const id = await this.dataSource.transaction(async (manager) => {
      const actionId = await actionIdOf(manager, body.partnership, body.actionNumber);
      await this.access.assertAllowed(user, TARGET_SPEC.permission ?? 'milestone.update', actionId, manager);
      const description = body.description.trim();
      await lockActionOrder(manager, actionId);
      const [{ id: created }] = await manager.query<{ id: string }[]>(
        `INSERT INTO target (action_id, description, source, sort_order)
         VALUES ($1, $2, $3, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM target WHERE action_id = $1)) RETURNING id`,
        [actionId, description, ADDED_SOURCE],
      );
      await this.updates.recordCreation(manager, user, TARGET_SPEC, created, { description, status: 'active' }, body.note);
      return created;
    });
    return this.get(id);
  }

  /** Rewords or cancels a target through the one versioned update: 409 with the current target when stale. */
  update(id: string, patch: UpdateTargetDto, user: AuthUser): Promise<Target> {
    return this.updates.update(
      TARGET_SPEC,
      id,
      { ...patch, ...(patch.description !== undefined ? { description: patch.description.trim() } : {}) },
      user,
      (targetId) => this.get(targetId),
    );
  }
}
