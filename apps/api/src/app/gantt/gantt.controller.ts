import { Controller, Get, NotFoundException, Query, Req, Res } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Access } from '../auth/access.decorator';
import { PartnershipQuery } from '../common/list-query.dto';
import { PlanCache, sendCachedView } from './plan-cache';
import { Operation } from '../http/operation';
import { GanttData } from '@tracker/contracts';

@ApiTags('gantt')
@Controller('gantt')
export class GanttController {
  constructor(private readonly cache: PlanCache) {}

  /**
   * The chart's data in one response (partnership, Actions, items), from the cache of the plan's
   * current revision, in Brotli or gzip as the client accepts; its ETag names the revision, and a
   * request that already has it is answered 304.
   */
  @Get()
  @Access('plan.read')
  @ApiQuery({ name: 'partnership', required: false, description: 'Partnership key; the Work Plan by default' })
  @Operation({
    description: 'Everything the chart draws: the partnership, its Actions and its items in plan order',
    response: GanttData,
    errors: { 404: 'No partnership has this key' },
  })
  async gantt(@Query() query: PartnershipQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const gantt = await this.cache.gantt(query.partnership);
    if (gantt === null) {
      throw new NotFoundException(`partnership "${query.partnership}" not found`);
    }
    await sendCachedView(request, response, gantt);
  }
}
