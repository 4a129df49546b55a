import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Output } from '@tracker/contracts';
import { Repository } from 'typeorm';
import { OutputEntity } from './output.entity';
import { toOutput } from './output.mapper';

@Injectable()
export class OutputsService {
  constructor(@InjectRepository(OutputEntity) private readonly outputs: Repository<OutputEntity>) {}

  async list(filter: { actionNumber?: number } = {}): Promise<Output[]> {
    const query = this.outputs
      .createQueryBuilder('o')
      .innerJoinAndSelect('o.action', 'a')
      .leftJoin('o.milestones', 'm')
      .addSelect('m.id')
      .orderBy('a.number', 'ASC')
      .addOrderBy('o.sort_order', 'ASC');
    if (filter.actionNumber !== undefined) {
      query.where('a.number = :number', { number: filter.actionNumber });
    }
    const rows = await query.getMany();
    return rows.map((row) => toOutput(row, row.action.number));
  }
}
