import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Milestone } from '@tracker/contracts';
import { ActionFilterQuery } from '../common/list-query.dto';
import { MilestonesService } from './milestones.service';

@ApiTags('milestones')
@Controller('milestones')
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Get()
  @ApiQuery({ name: 'action', required: false, type: Number, description: 'Action number' })
  @ApiOkResponse({ description: 'Activities and sub-steps in plan order; dates are yyyy-MM-dd' })
  list(@Query() query: ActionFilterQuery): Promise<Milestone[]> {
    return this.milestones.list({ actionNumber: query.action });
  }
}
