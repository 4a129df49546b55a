import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Output } from '@tracker/contracts';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import { OUTPUT_SPEC } from '../audit/update-rules';
import type { AuthUser } from '../auth/auth.types';
import { outputJson, outputsJson, sqlClientOf } from '../gantt/plan-queries';
import type { UpdateOutputDto } from './dto/update-output.dto';

@Injectable()
export class OutputsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly updates: VersionedUpdateService,
  ) {}

  /** Outputs of a partnership's plan (the Work Plan by default), optionally of one Action; 404 for an unknown key. */
  async list(filter: { actionNumber?: number; partnership?: string } = {}): Promise<Output[]> {
    const partnership = filter.partnership ?? DEFAULT_PARTNERSHIP_KEY;
    const body = await outputsJson(sqlClientOf(this.dataSource), partnership, filter.actionNumber ?? null);
    if (body === null) {
      throw new NotFoundException(`partnership "${partnership}" not found`);
    }
    return JSON.parse(body) as Output[];
  }

  /** One output, built by the same SQL as the list's elements. */
  async get(id: string): Promise<Output> {
    const body = await outputJson(sqlClientOf(this.dataSource), id);
    if (body === null) {
      throw new NotFoundException(`output ${id} not found`);
    }
    return JSON.parse(body) as Output;
  }

  /** Applies a PATCH (see VersionedUpdateService); 409 with the current output when `version` is stale. */
  async update(id: string, patch: UpdateOutputDto, user: AuthUser): Promise<Output> {
    return this.updates.update(OUTPUT_SPEC, id, patch, user, (itemId) => this.get(itemId));
  }
}
