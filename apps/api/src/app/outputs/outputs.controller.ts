import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiQuery,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { AuditEntry, Output } from '@tracker/contracts';
import { AuditService } from '../audit/audit.service';
import { Access, SignedInUser } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth.types';
import { ActionFilterQuery } from '../common/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { CreateOutputDto } from './dto/create-output.dto';
import { UpdateOutputDto } from './dto/update-output.dto';
import { OutputsService } from './outputs.service';

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
  @ApiOkResponse({ description: 'Outputs of each Action (sections 2.x.10) in plan order' })
  list(@Query() query: ActionFilterQuery): Promise<Output[]> {
    return this.outputs.list({ actionNumber: query.action, partnership: query.partnership });
  }

  @Get(':id')
  @Access('plan.read')
  @ApiOkResponse({ description: 'One output' })
  @ApiNotFoundResponse({ description: 'No output has this id' })
  get(@Param('id', ParseIdPipe) id: string): Promise<Output> {
    return this.outputs.get(id);
  }

  @Patch(':id')
  @Access('output.update')
  @ApiOkResponse({ description: 'The updated output, with its new version' })
  @ApiBadRequestResponse({ description: 'A bad or unknown field, named in the message' })
  @ApiUnauthorizedResponse({ description: 'Sign in first' })
  @ApiForbiddenResponse({ description: 'Your role may not change this output, or X-XSRF-TOKEN is missing' })
  @ApiNotFoundResponse({ description: 'No output has this id' })
  @ApiConflictResponse({ description: 'Someone else changed it since your version: the body has the current output' })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateOutputDto, @SignedInUser() user: AuthUser): Promise<Output> {
    return this.outputs.update(id, body, user);
  }

  @Post()
  @Access('output.update')
  @ApiCreatedResponse({ description: "The new output (version 1, planned), after the Action's last one" })
  @ApiBadRequestResponse({
    description: 'A bad field, named in the message: a due window the parser cannot read, an unknown Action, milestones of another Action',
  })
  @ApiUnauthorizedResponse({ description: 'Sign in first' })
  @ApiForbiddenResponse({ description: "Only the Secretariat, or the Action's co-leaders, add its outputs" })
  @ApiNotFoundResponse({ description: 'No partnership has this key' })
  create(@Body() body: CreateOutputDto, @SignedInUser() user: AuthUser): Promise<Output> {
    return this.outputs.create(body, user);
  }

  @Get(':id/history')
  @Access('history.read')
  @ApiOkResponse({ description: 'Every change of the output, newest first, one entry per changed field' })
  @ApiUnauthorizedResponse({ description: 'Sign in first' })
  @ApiNotFoundResponse({ description: 'No output has this id' })
  history(@Param('id', ParseIdPipe) id: string): Promise<AuditEntry[]> {
    return this.audit.history('output', id);
  }
}
