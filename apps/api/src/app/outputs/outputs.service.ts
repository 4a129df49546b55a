import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { ConflictError, Output } from '@tracker/contracts';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { Repository } from 'typeorm';
import { ItemUpdateService } from '../audit/item-update.service';
import { OUTPUT_SPEC } from '../audit/update-rules';
import type { AuthUser } from '../auth/auth.types';
import type { UpdateOutputDto } from './dto/update-output.dto';
import { OutputEntity } from './output.entity';
import { toOutput } from './output.mapper';

@Injectable()
export class OutputsService {
  constructor(
    @InjectRepository(OutputEntity) private readonly outputs: Repository<OutputEntity>,
    private readonly updates: ItemUpdateService,
  ) {}

  /** Outputs of a partnership's plan (the Work Plan by default), optionally of one Action. */
  async list(filter: { actionNumber?: number; partnership?: string } = {}): Promise<Output[]> {
    const query = this.query()
      .innerJoin('a.partnership', 'p')
      .where('p.seed_key = :partnership', { partnership: filter.partnership ?? DEFAULT_PARTNERSHIP_KEY });
    if (filter.actionNumber !== undefined) {
      query.andWhere('a.number = :number', { number: filter.actionNumber });
    }
    const rows = await query.getMany();
    return rows.map((row) => toOutput(row, row.action.number));
  }

  async get(id: string): Promise<Output> {
    const row = await this.query().where('o.id = :id', { id }).getOne();
    if (!row) {
      throw new NotFoundException(`output ${id} not found`);
    }
    return toOutput(row, row.action.number);
  }

  /** Applies a PATCH (see ItemUpdateService); 409 with the current output when `version` is stale. */
  async update(id: string, patch: UpdateOutputDto, user: AuthUser): Promise<Output> {
    const outcome = await this.updates.update(OUTPUT_SPEC, id, patch, user);
    const current = await this.get(id);
    if (outcome === 'conflict') {
      const body: ConflictError<Output> = {
        statusCode: 409,
        error: 'Conflict',
        message: `someone else changed this output: you sent version ${patch.version}, it is now at version ${current.version}; review the current values and try again`,
        current,
      };
      throw new ConflictException(body);
    }
    return current;
  }

  private query() {
    return this.outputs
      .createQueryBuilder('o')
      .innerJoinAndSelect('o.action', 'a')
      .leftJoin('o.milestones', 'm')
      .addSelect('m.id')
      .orderBy('a.number', 'ASC')
      .addOrderBy('o.sort_order', 'ASC');
  }
}
