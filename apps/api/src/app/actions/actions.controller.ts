import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Action, ActionDetail } from '@tracker/contracts';
import { ParseActionNumberPipe } from '../common/parse-action-number.pipe';
import { Access } from '../auth/access.decorator';
import { ActionsService } from './actions.service';

@ApiTags('actions')
@Controller('actions')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get()
  @Access('plan.read')
  @ApiOkResponse({ description: 'The four Actions with their co-leaders and members' })
  list(): Promise<Action[]> {
    return this.actions.list();
  }

  @Get(':number')
  @Access('plan.read')
  @ApiParam({ name: 'number', type: Number, description: 'Action number, 1-4' })
  @ApiOkResponse({ description: 'One Action with its milestones, outputs and targets' })
  @ApiNotFoundResponse({ description: 'No Action has this number' })
  get(@Param('number', ParseActionNumberPipe) number: number): Promise<ActionDetail> {
    return this.actions.get(number);
  }
}
