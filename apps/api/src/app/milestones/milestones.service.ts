import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PARTNERSHIP_KEY, type Milestone } from '@tracker/contracts';
import { milestoneJson, milestonesJson, sqlClientOf } from '../gantt/plan-queries';
import { DataSource } from 'typeorm';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import { MILESTONE_SPEC } from '../audit/update-rules';
import type { AuthUser } from '../auth/auth.types';
import type { UpdateMilestoneDto } from './dto/update-milestone.dto';

@Injectable()
export class MilestonesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly updates: VersionedUpdateService,
  ) {}

  /**
   * Milestones of a partnership's plan in plan order (by Action, then the plan's own order), optionally
   * of one Action, as the JSON text of the response (built by Postgres in one query).
   */
  async listJson(filter: { actionNumber?: number; partnership?: string } = {}): Promise<string> {
    const partnership = filter.partnership ?? DEFAULT_PARTNERSHIP_KEY;
    const body = await milestonesJson(sqlClientOf(this.dataSource), partnership, filter.actionNumber ?? null);
    if (body === null) {
      throw new NotFoundException(`partnership "${partnership}" not found`);
    }
    return body;
  }

  async list(filter: { actionNumber?: number; partnership?: string } = {}): Promise<Milestone[]> {
    return JSON.parse(await this.listJson(filter)) as Milestone[];
  }

  /** One milestone, built by the same SQL as the list's elements. */
  async get(id: string): Promise<Milestone> {
    const body = await milestoneJson(sqlClientOf(this.dataSource), id);
    if (body === null) {
      throw new NotFoundException(`milestone ${id} not found`);
    }
    return JSON.parse(body) as Milestone;
  }

  /** Applies a PATCH (see VersionedUpdateService); 409 with the current milestone when `version` is stale. */
  async update(id: string, patch: UpdateMilestoneDto, user: AuthUser): Promise<Milestone> {
    return this.updates.update(MILESTONE_SPEC, id, patch, user, (itemId) => this.get(itemId));
  }
}
