import { Controller, Get, NotFoundException, Query, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Access } from '../auth/access.decorator';
import { PartnershipQuery } from '../common/list-query.dto';
import { ganttJson, sqlClientOf } from './plan-queries';

@ApiTags('gantt')
@Controller('gantt')
export class GanttController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The chart's data in one response (partnership, Actions, items); ETag and 304 come with it. */
  @Get()
  @Access('plan.read')
  @ApiQuery({ name: 'partnership', required: false, description: 'Partnership key; the Work Plan by default' })
  @ApiOkResponse({ description: 'GanttData: {partnership, actions, items}' })
  @ApiNotFoundResponse({ description: 'No partnership has this key' })
  async gantt(@Query() query: PartnershipQuery, @Res() response: Response): Promise<void> {
    const body = await ganttJson(sqlClientOf(this.dataSource), query.partnership);
    if (body === null) {
      throw new NotFoundException(`partnership "${query.partnership}" not found`);
    }
    response.type('application/json').send(body);
  }
}
