import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type ConflictError, DEFAULT_PARTNERSHIP_KEY, type Milestone } from '@tracker/contracts';
import { milestonesJson, sqlClientOf } from '../gantt/plan-queries';
import { Repository } from 'typeorm';
import { ItemUpdateService } from '../audit/item-update.service';
import { MILESTONE_SPEC } from '../audit/update-rules';
import type { AuthUser } from '../auth/auth.types';
import type { UpdateMilestoneDto } from './dto/update-milestone.dto';
import { MilestoneEntity } from './milestone.entity';
import { toMilestone } from './milestone.mapper';

@Injectable()
export class MilestonesService {
  constructor(
    @InjectRepository(MilestoneEntity) private readonly milestones: Repository<MilestoneEntity>,
    private readonly updates: ItemUpdateService,
  ) {}

  /**
   * Milestones of a partnership's plan in plan order (by Action, then the plan's own order), optionally
   * of one Action, as the JSON text of the response (built by Postgres in one query).
   */
  async listJson(filter: { actionNumber?: number; partnership?: string } = {}): Promise<string> {
    const partnership = filter.partnership ?? DEFAULT_PARTNERSHIP_KEY;
    const body = await milestonesJson(sqlClientOf(this.milestones.manager), partnership, filter.actionNumber ?? null);
    if (body === null) {
      throw new NotFoundException(`partnership "${partnership}" not found`);
    }
    return body;
  }

  async list(filter: { actionNumber?: number; partnership?: string } = {}): Promise<Milestone[]> {
    return JSON.parse(await this.listJson(filter)) as Milestone[];
  }

  async get(id: string): Promise<Milestone> {
    const row = await this.query().where('m.id = :id', { id }).getOne();
    if (!row) {
      throw new NotFoundException(`milestone ${id} not found`);
    }
    return toMilestone(row, row.action.number);
  }

  /** Applies a PATCH (see ItemUpdateService); 409 with the current milestone when `version` is stale. */
  async update(id: string, patch: UpdateMilestoneDto, user: AuthUser): Promise<Milestone> {
    const outcome = await this.updates.update(MILESTONE_SPEC, id, patch, user);
    const current = await this.get(id);
    if (outcome === 'conflict') {
      const body: ConflictError<Milestone> = {
        statusCode: 409,
        error: 'Conflict',
        message: `someone else changed this milestone: you sent version ${patch.version}, it is now at version ${current.version}; review the current values and try again`,
        current,
      };
      throw new ConflictException(body);
    }
    return current;
  }

  private query() {
    return this.milestones
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.action', 'a')
      .leftJoinAndSelect('m.alternatives', 'alt')
      .orderBy('a.number', 'ASC')
      .addOrderBy('m.sort_order', 'ASC')
      .addOrderBy('alt.sort_order', 'ASC');
  }
}
