import { Body, Controller, Get, HttpCode, NotFoundException, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditEntry, Milestone } from '@tracker/contracts';
import { AuditService } from '../audit/audit.service';
import { Access, SignedInUser } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth.types';
import { ActionFilterQuery } from '../common/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PlanCache, sendCachedView } from '../gantt/plan-cache';
import { CreateMilestoneDto, MoveMilestoneDto } from './dto/create-milestone.dto';
import { UpdateMilestoneDto } from './dto/update-milestone.dto';
import { MilestonesService } from './milestones.service';
import { Operation } from '../http/operation';

@ApiTags('milestones')
@Controller('milestones')
export class MilestonesController {
  constructor(
    private readonly milestones: MilestonesService,
    private readonly audit: AuditService,
    private readonly cache: PlanCache,
  ) {}

  /**
   * Activities and sub-steps in plan order, from the cache of the plan's current revision, in Brotli
   * or gzip as the client accepts; its ETag names the revision, and a request that already has it is
   * answered 304.
   */
  @Get()
  @Access('plan.read')
  @ApiQuery({ name: 'action', required: false, type: Number, description: 'Action number' })
  @Operation({
    description: 'Activities and sub-steps in plan order; dates are yyyy-MM-dd',
    response: [Milestone],
    errors: { 404: 'No partnership has this key' },
  })
  @ApiQuery({ name: 'partnership', required: false, description: 'Partnership key; the Work Plan by default' })
  async list(@Query() query: ActionFilterQuery, @Req() request: Request, @Res() response: Response): Promise<void> {
    const milestones = await this.cache.milestones(query.partnership, query.action ?? null);
    if (milestones === null) {
      throw new NotFoundException(`partnership "${query.partnership}" not found`);
    }
    await sendCachedView(request, response, milestones);
  }

  @Get(':id')
  @Access('plan.read')
  @Operation({ description: 'One milestone', response: Milestone, errors: { 404: 'No milestone has this id' } })
  get(@Param('id', ParseIdPipe) id: string): Promise<Milestone> {
    return this.milestones.get(id);
  }

  @Patch(':id')
  @Access('milestone.update')
  @Operation({
    description: 'The updated milestone, with its new version',
    response: Milestone,
    errors: {
      400: 'A bad or unknown field, named in the message',
      401: 'Sign in first',
      403: 'Your role may not change this milestone, or X-XSRF-TOKEN is missing',
      404: 'No milestone has this id',
      409: 'Someone else changed it since your version: the body has the current milestone',
    },
  })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateMilestoneDto, @SignedInUser() user: AuthUser): Promise<Milestone> {
    return this.milestones.update(id, body, user);
  }

  @Post()
  @Access('milestone.update')
  @Operation({
    status: 201,
    description: 'The new activity or step (version 1), at the end of its activity or Action',
    response: Milestone,
    errors: {
      400: 'A bad field, named in the message: a window the parser cannot read, an unknown Action, a parent that is not an activity of the Action',
      401: 'Sign in first',
      403: "Only the Secretariat, or the Action's co-leaders, add to its timeline",
      404: 'No partnership has this key',
    },
  })
  create(@Body() body: CreateMilestoneDto, @SignedInUser() user: AuthUser): Promise<Milestone> {
    return this.milestones.create(body, user);
  }

  @Post(':id/move')
  @HttpCode(200)
  @Access('milestone.update')
  @Operation({
    description: 'The milestone, one place earlier or later among its siblings (an activity with its steps), version + 1',
    response: Milestone,
    errors: {
      400: 'Already first or last',
      404: 'No milestone has this id',
      409: 'Someone else changed it since your version: the body has the current milestone',
    },
  })
  move(@Param('id', ParseIdPipe) id: string, @Body() body: MoveMilestoneDto, @SignedInUser() user: AuthUser): Promise<Milestone> {
    return this.milestones.move(id, body, user);
  }

  @Get(':id/history')
  @Access('history.read')
  @Operation({
    description: 'Every change of the milestone, newest first, one entry per changed field',
    response: [AuditEntry],
    errors: { 401: 'Sign in first', 404: 'No milestone has this id' },
  })
  history(@Param('id', ParseIdPipe) id: string): Promise<AuditEntry[]> {
    return this.audit.history('milestone', id);
  }
}
