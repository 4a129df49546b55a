import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Action, type ActionDetail, DEFAULT_PARTNERSHIP_KEY, Target } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import { actionsJson, sqlClientOf, targetsJson } from '../gantt/plan-queries';
import { MilestonesService } from '../milestones/milestones.service';
import { OutputsService } from '../outputs/outputs.service';
import { z } from 'zod';
import { fromSqlJson } from '../common/sql-json';

@Injectable()
export class ActionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly milestones: MilestonesService,
    private readonly outputs: OutputsService,
  ) {}

  /** The Actions of one partnership; 404 for an unknown key. */
  async list(partnership: string = DEFAULT_PARTNERSHIP_KEY): Promise<Action[]> {
    return this.read(partnership, null);
  }

  /** One Action with its milestones, outputs and targets; 404 when the number is unknown. */
  async get(number: number, partnership: string = DEFAULT_PARTNERSHIP_KEY): Promise<ActionDetail> {
    const [action] = await this.read(partnership, number);
    if (!action) {
      throw new NotFoundException(`Action ${number} not found`);
    }
    const [milestones, outputs, targets] = await Promise.all([
      this.milestones.list({ actionNumber: number, partnership }),
      this.outputs.list({ actionNumber: number, partnership }),
      targetsJson(sqlClientOf(this.dataSource), partnership, number),
    ]);
    return { ...action, milestones, outputs, targets: fromSqlJson(z.array(Target), targets) };
  }

  private async read(partnership: string, number: number | null): Promise<Action[]> {
    const body = await actionsJson(sqlClientOf(this.dataSource), partnership, number);
    if (body === null) {
      throw new NotFoundException(`partnership "${partnership}" not found`);
    }
    return fromSqlJson(z.array(Action), body);
  }
}
