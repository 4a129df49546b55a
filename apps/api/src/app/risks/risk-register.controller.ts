import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { AuditEntry, RegisterRisk } from '@tracker/contracts';
import { AuditService } from '../audit/audit.service';
import { Access, SignedInUser } from '../auth/access.decorator';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { ActionFilterQuery } from '../common/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { CreateRiskDto } from './dto/create-risk.dto';
import { UpdateRiskDto } from './dto/update-risk.dto';
import { RiskRegisterService } from './risk-register.service';
import { Operation } from '../http/operation';

@ApiTags('risks')
@Controller('risk-register')
export class RiskRegisterController {
  constructor(
    private readonly register: RiskRegisterService,
    private readonly audit: AuditService,
    private readonly partnerships: PartnershipsRepository,
    private readonly access: AccessService,
  ) {}

  @Get()
  @Access('signed_in')
  @ApiQuery({ name: 'action', required: false, type: Number, description: 'Action number' })
  @Operation({
    description: 'The risks of every Action (or one), in plan order',
    response: [RegisterRisk],
    errors: {
      401: 'Sign in first',
      403: "Your organisation has no seat in this partnership: its calls, risks and register are its people's",
      404: 'No partnership has this key',
    },
  })
  async list(@Query() query: ActionFilterQuery, @SignedInUser() user: AuthUser): Promise<RegisterRisk[]> {
    const partnership = await this.partnerships.byKey(query.partnership);
    await this.access.assertPrivateReader(user, partnership.id);
    return this.register.list(partnership, query.action);
  }

  @Post()
  @Access('risk.update')
  @Operation({
    status: 201,
    description: "The new risk (open, version 1), after the Action's other risks",
    response: RegisterRisk,
    errors: {
      400: 'A bad field, named in the message',
      401: 'Sign in first',
      403: "Only the Secretariat, or the Action's co-leaders, add to its register",
      404: 'No partnership has this key',
    },
  })
  create(@Body() body: CreateRiskDto, @SignedInUser() user: AuthUser): Promise<RegisterRisk> {
    return this.register.create(body, user);
  }

  @Get(':id')
  @Access('signed_in')
  @Operation({
    description: 'One risk',
    response: RegisterRisk,
    errors: { 403: "Your organisation has no seat in this partnership: its calls, risks and register are its people's", 404: 'No risk has this id' },
  })
  async get(@Param('id', ParseIdPipe) id: string, @SignedInUser() user: AuthUser): Promise<RegisterRisk> {
    await this.access.assertPrivateRecordReader(user, 'risk', id);
    return this.register.get(id);
  }

  @Patch(':id')
  @Access('risk.update')
  @Operation({
    description: 'The updated risk, with its new version',
    response: RegisterRisk,
    errors: {
      400: 'A bad or unknown field, named in the message',
      403: 'Your role may not change this risk, or X-XSRF-TOKEN is missing',
      404: 'No risk has this id',
      409: 'Someone else changed it since your version: the body has the current risk',
    },
  })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateRiskDto, @SignedInUser() user: AuthUser): Promise<RegisterRisk> {
    return this.register.update(id, body, user);
  }

  @Get(':id/history')
  @Access('history.read')
  @Operation({
    description: 'Every change of the risk, newest first, one entry per changed field: who, when, from, to, note',
    response: [AuditEntry],
    errors: { 401: 'Sign in first', 404: 'No risk has this id' },
  })
  async history(@Param('id', ParseIdPipe) id: string, @SignedInUser() user: AuthUser): Promise<AuditEntry[]> {
    await this.access.assertPrivateRecordReader(user, 'risk', id);
    return this.audit.history('risk', id);
  }
}
