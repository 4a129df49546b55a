import { Controller, Get, Query } from '@nestjs/common';
import { ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { PartnershipQuery } from '../common/list-query.dto';
import { Action, ActionDetail } from '@tracker/contracts';
import { ActionNumberParam } from '../common/parse-action-number.pipe';
import { Access } from '../auth/access.decorator';
import { ActionsService } from './actions.service';
import { Operation } from '../http/operation';

@ApiTags('actions')
@Controller('actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get()
  @Access('plan.read')
  @Operation({ description: 'The four Actions with their co-leaders and members', response: [Action] })
  @ApiQuery({ name: 'partnership', required: false, description: 'Partnership key; the Work Plan by default' })
  list(@Query() query: PartnershipQuery): Promise<Action[]> {
    return this.actions.list(query.partnership);
  }

  @Get(':number')
  @Access('plan.read')
  @ApiParam({ name: 'number', type: Number, description: 'Action number, 1-4' })
  @Operation({ description: 'One Action with its milestones, outputs and targets', response: ActionDetail, errors: { 404: 'No Action has this number' } })
  @ApiQuery({ name: 'partnership', required: false, description: 'Partnership key; the Work Plan by default' })
  get(@ActionNumberParam() number: number, @Query() query: PartnershipQuery): Promise<ActionDetail> {
    return this.actions.get(number, query.partnership);
  }
}
