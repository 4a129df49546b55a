import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PARTNERSHIP_KEY, Milestone } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import { MILESTONE_SPEC } from '../audit/update-rules';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { PlanCache } from '../gantt/plan-cache';
import { milestoneJson, sqlClientOf } from '../gantt/plan-queries';
import {
  actionIdOf,
  insertMilestone,
  neighbourOf,
  normaliseMilestoneOrder,
  parentProblem,
  planEntryOf,
  readWindowField,
  setSortOrder,
} from '../plan-editing/plan-items.repository';
import type { CreateMilestoneDto, MoveMilestoneDto } from './dto/create-milestone.dto';
import type { UpdateMilestoneDto } from './dto/update-milestone.dto';
import { z } from 'zod';
import { fromSqlJson } from '../common/sql-json';

/** The position field of a move: its history says from which place in the Action's plan order to which. */
const MOVE_SPEC = { ...MILESTONE_SPEC, fields: [{ field: 'position' as const, column: 'sort_order' }] };

@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly updates: VersionedUpdateService,
    private readonly access: AccessService,
    private readonly cache: PlanCache,
  ) {}

  /**
   * Milestones of a partnership's plan in plan order (by Action, then the plan's own order), optionally
   * of one Action, from the cache of the plan's current revision (the JSON of `GET /api/milestones`).
   */
  async list(filter: { actionNumber?: number; partnership?: string } = {}): Promise<Milestone[]> {
    const partnership = filter.partnership ?? DEFAULT_PARTNERSHIP_KEY;
    const milestones = await this.cache.milestones(partnership, filter.actionNumber ?? null);
    if (milestones === null) {
      throw new NotFoundException(`partnership "${partnership}" not found`);
    }
    return fromSqlJson(z.array(Milestone), (await milestones.body('identity')).toString('utf8'));
  }

  /** One milestone, built by the same SQL as the list's elements. */
  async get(id: string): Promise<Milestone> {
    const body = await milestoneJson(sqlClientOf(this.dataSource), id);
    if (body === null) {
      throw new NotFoundException(`milestone ${id} not found`);
    }
    return fromSqlJson(Milestone, body);
  }

  /**
   * Adds an activity, or a step at the end of its activity's steps, to an Action (the Secretariat, or
   * the Action's co-leaders): its window read from the words given, its history starting with every
   * field it was given. All or nothing.
   */
  async create(body: CreateMilestoneDto, user: AuthUser): Promise<Milestone> {
    const window = readWindowField('windowText', body.windowText);
    const parentId = body.parentId ?? null;
    const id = await this.dataSource.transaction(async (manager) => {
      const actionId = await actionIdOf(manager, body.partnership, body.actionNumber);
      await this.access.assertAllowed(user, 'milestone.update', actionId, manager);
      const problem = await parentProblem(manager, actionId, null, parentId);
      if (problem !== null) {
        throw new BadRequestException(problem);
      }
      const tentative = body.tentative ?? window.tentative;
      const title = body.title.trim();
      const created = await insertMilestone(manager, { actionId, parentId, title, window, tentative });
      await this.updates.recordCreation(
        manager,
        user,
        MILESTONE_SPEC,
        created,
        { title, windowText: window.text, start: window.start, end: window.end, precision: window.precision, tentative, parentId },
        body.note,
      );
      return created;
    });
    return this.get(id);
  }

  /**
   * Applies a PATCH (see VersionedUpdateService); 409 with the current milestone when `version` is
   * stale. A new `windowText` is read with the plan's parser: the dates and precision change with it.
   * A step put under another activity moves with it in the plan order.
   */
  async update(id: string, patch: UpdateMilestoneDto, user: AuthUser): Promise<Milestone> {
    const given = planEntryOf(patch, 'windowText');
    return this.updates.update(
      MILESTONE_SPEC,
      id,
      given,
      user,
      (itemId) => this.get(itemId),
      (manager, row, after) => parentProblem(manager, String(row['action_id']), id, (after['parentId'] as string | null | undefined) ?? null),
      patch.parentId !== undefined ? (manager, row) => normaliseMilestoneOrder(manager, String(row['action_id'])) : undefined,
    );
  }

  /**
   * Moves a milestone one place earlier or later among its siblings (an activity takes its steps
   * with it), with the version check and a history entry of its position in the Action's order.
   */
  async move(id: string, body: MoveMilestoneDto, user: AuthUser): Promise<Milestone> {
    const neighbour = await neighbourOf(this.dataSource.manager, id, body.direction);
    if (neighbour === null) {
      const current = await this.get(id);
      throw new BadRequestException(
        `direction: "${current.title}" is already the ${body.direction === 'earlier' ? 'first' : 'last'} of its ${current.parentId ? 'activity' : 'Action'}`,
      );
    }
    return this.updates.update(
      MOVE_SPEC,
      id,
      { version: body.version, position: neighbour.sortOrder },
      user,
      (itemId) => this.get(itemId),
      undefined,
      async (manager, row) => {
        await setSortOrder(manager, neighbour.id, Number(row['sort_order']));
        await normaliseMilestoneOrder(manager, String(row['action_id']));
      },
    );
  }
}
