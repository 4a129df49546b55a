import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Output } from '@tracker/contracts';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { Repository } from 'typeorm';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import { OUTPUT_SPEC } from '../audit/update-rules';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import type { AuthUser } from '../auth/auth.types';
import type { UpdateOutputDto } from './dto/update-output.dto';
import { OutputEntity } from './output.entity';
import { toOutput } from './output.mapper';

@Injectable()
export class OutputsService {
  constructor(
    @InjectRepository(OutputEntity) private readonly outputs: Repository<OutputEntity>,
    private readonly updates: VersionedUpdateService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  /** Outputs of a partnership's plan (the Work Plan by default), optionally of one Action; 404 for an unknown key. */
  async list(filter: { actionNumber?: number; partnership?: string } = {}): Promise<Output[]> {
    await this.partnerships.byKey(filter.partnership);
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

  /** Applies a PATCH (see VersionedUpdateService); 409 with the current output when `version` is stale. */
  async update(id: string, patch: UpdateOutputDto, user: AuthUser): Promise<Output> {
    return this.updates.update(OUTPUT_SPEC, id, patch, user, (itemId) => this.get(itemId));
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
