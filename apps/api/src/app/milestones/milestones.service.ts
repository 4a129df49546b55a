import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ConflictError, Milestone } from '@tracker/contracts';
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

  /** Milestones in plan order (by Action, then the plan's own order), optionally of one Action. */
  async list(filter: { actionNumber?: number } = {}): Promise<Milestone[]> {
    const query = this.query();
    if (filter.actionNumber !== undefined) {
      query.where('a.number = :number', { number: filter.actionNumber });
    }
    const rows = await query.getMany();
    return rows.map((row) => toMilestone(row, row.action.number));
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
