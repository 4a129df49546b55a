import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Milestone } from '@tracker/contracts';
import { Repository } from 'typeorm';
import { MilestoneEntity } from './milestone.entity';
import { toMilestone } from './milestone.mapper';

@Injectable()
export class MilestonesService {
  constructor(@InjectRepository(MilestoneEntity) private readonly milestones: Repository<MilestoneEntity>) {}

  /** Milestones in plan order (by Action, then the plan's own order), optionally of one Action. */
  async list(filter: { actionNumber?: number } = {}): Promise<Milestone[]> {
    const query = this.milestones
      .createQueryBuilder('m')
      .innerJoinAndSelect('m.action', 'a')
      .leftJoinAndSelect('m.alternatives', 'alt')
      .orderBy('a.number', 'ASC')
      .addOrderBy('m.sort_order', 'ASC')
      .addOrderBy('alt.sort_order', 'ASC');
    if (filter.actionNumber !== undefined) {
      query.where('a.number = :number', { number: filter.actionNumber });
    }
    const rows = await query.getMany();
    return rows.map((row) => toMilestone(row, row.action.number));
  }
}
