import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEntry, Target } from '@tracker/contracts';
import { AuditService } from '../audit/audit.service';
import { Access, SignedInUser } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth.types';
import { ActionFilterQuery } from '../common/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { CreateTargetDto, UpdateTargetDto } from './targets.dto';
import { TargetsService } from './targets.service';
import { Operation } from '../http/operation';

@ApiTags('targets')
@Controller('targets')
export class TargetsController {
  constructor(
    private readonly targets: TargetsService,
    private readonly audit: AuditService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  @Get()
  @Access('plan.read')
  @Operation({
    description: 'The targets of every Action (or one, ?action=N), in plan order, cancelled ones included',
    response: [Target],
    errors: { 404: 'No partnership has this key' },
  })
  async list(@Query() query: ActionFilterQuery): Promise<Target[]> {
    return this.targets.list(await this.partnerships.byKey(query.partnership), query.action);
  }

  @Post()
  @Access('milestone.update')
  @Operation({
    status: 201,
    description: "The new target (active, version 1), after the Action's others",
    response: Target,
    errors: {
      400: 'A bad field, named in the message',
      401: 'Sign in first',
      403: "Only the Secretariat, or the Action's co-leaders, amend its targets",
      404: 'No partnership has this key',
    },
  })
  create(@Body() body: CreateTargetDto, @SignedInUser() user: AuthUser): Promise<Target> {
    return this.targets.create(body, user);
  }

  @Get(':id')
  @Access('plan.read')
  @Operation({ description: 'One target', response: Target, errors: { 404: 'No target has this id' } })
  get(@Param('id', ParseIdPipe) id: string): Promise<Target> {
    return this.targets.get(id);
  }

  @Patch(':id')
  @Access('milestone.update')
  @Operation({
    description: 'The target reworded or cancelled, version + 1',
    response: Target,
    errors: {
      400: 'A bad or unknown field, named in the message',
      403: "Only the Secretariat, or the Action's co-leaders, amend its targets",
      404: 'No target has this id',
      409: 'Someone else changed it since your version: the body has the current target',
    },
  })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateTargetDto, @SignedInUser() user: AuthUser): Promise<Target> {
    return this.targets.update(id, body, user);
  }

  @Get(':id/history')
  @Access('history.read')
  @Operation({ description: 'Every change of the target, newest first', response: [AuditEntry], errors: { 404: 'No target has this id' } })
  history(@Param('id', ParseIdPipe) id: string): Promise<AuditEntry[]> {
    return this.audit.history('target', id);
  }
}
