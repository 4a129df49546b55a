import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Output } from '@tracker/contracts';
import { ActionFilterQuery } from '../common/list-query.dto';
import { OutputsService } from './outputs.service';

@ApiTags('outputs')
@Controller('outputs')
export class OutputsController {
  constructor(private readonly outputs: OutputsService) {}

  @Get()
  @ApiQuery({ name: 'action', required: false, type: Number, description: 'Action number' })
  @ApiOkResponse({ description: 'Outputs of each Action (sections 2.x.10) in plan order' })
  list(@Query() query: ActionFilterQuery): Promise<Output[]> {
    return this.outputs.list({ actionNumber: query.action });
  }
}
