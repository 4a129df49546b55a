import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditEntry, Output } from '@tracker/contracts';
import { AuditService } from '../audit/audit.service';
import { Access, SignedInUser } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth.types';
import { ActionFilterQuery } from '../common/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateOutputDto } from './dto/create-output.dto';
import { UpdateOutputDto } from './dto/update-output.dto';
import { OutputsService } from './outputs.service';
import { Operation } from '../http/operation';

@ApiTags('outputs')
@Controller('outputs')
export class OutputsController {
  constructor(
    private readonly outputs: OutputsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @Access('plan.read')
  @ApiQuery({ name: 'action', required: false, type: Number, description: 'Action number' })
  @Operation({ description: 'Outputs of each Action (sections 2.x.10) in plan order', response: [Output] })
  list(@Query() query: ActionFilterQuery): Promise<Output[]> {
    return this.outputs.list({ actionNumber: query.action, partnership: query.partnership });
  }

  @Get(':id')
  @Access('plan.read')
  @Operation({ description: 'One output', response: Output, errors: { 404: 'No output has this id' } })
  get(@Param('id', ParseIdPipe) id: string): Promise<Output> {
    return this.outputs.get(id);
  }

  @Patch(':id')
  @Access('output.update')
  @Operation({
    description: 'The updated output, with its new version',
    response: Output,
    errors: {
      400: 'A bad or unknown field, named in the message',
      401: 'Sign in first',
      403: 'Your role may not change this output, or X-XSRF-TOKEN is missing',
      404: 'No output has this id',
      409: 'Someone else changed it since your version: the body has the current output',
    },
  })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateOutputDto, @SignedInUser() user: AuthUser): Promise<Output> {
    return this.outputs.update(id, body, user);
  }

  @Post()
  @Access('output.update')
  @Operation({
    status: 201,
    description: "The new output (version 1, planned), after the Action's last one",
    response: Output,
    errors: {
      400: 'A bad field, named in the message: a due window the parser cannot read, an unknown Action, milestones of another Action',
      401: 'Sign in first',
      403: "Only the Secretariat, or the Action's co-leaders, add its outputs",
      404: 'No partnership has this key',
    },
  })
  create(@Body() body: CreateOutputDto, @SignedInUser() user: AuthUser): Promise<Output> {
    return this.outputs.create(body, user);
  }

  @Get(':id/history')
  @Access('history.read')
  @Operation({
    description: 'Every change of the output, newest first, one entry per changed field',
    response: [AuditEntry],
    errors: { 401: 'Sign in first', 404: 'No output has this id' },
  })
  history(@Param('id', ParseIdPipe) id: string): Promise<AuditEntry[]> {
    return this.audit.history('output', id);
  }
}
