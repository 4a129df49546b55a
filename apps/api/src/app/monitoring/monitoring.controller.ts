import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEntry, FollowUp, MonitoringCall, MonitoringCallSummary } from '@tracker/contracts';
import { AuditService } from '../audit/audit.service';
import { Access, SignedInUser } from '../auth/access.decorator';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { PartnershipQuery } from '../common/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { CreateFollowUpDto, CreateMonitoringCallDto, UpdateFollowUpDto, UpdateMonitoringCallDto } from './dto/monitoring-call.dto';
import { MonitoringService } from './monitoring.service';
import { Operation } from '../http/operation';

@ApiTags('monitoring calls')
@Controller()
export class MonitoringController {
  constructor(
    private readonly calls: MonitoringService,
    private readonly audit: AuditService,
    private readonly partnerships: PartnershipsRepository,
    private readonly access: AccessService,
  ) {}

  @Get('monitoring-calls')
  @Access('signed_in')
  @Operation({
    description: 'Every monitoring call, the latest first, with its count of open follow-ups',
    response: [MonitoringCallSummary],
    errors: {
      401: 'Sign in first',
      403: "Your organisation has no seat in this partnership: its calls, risks and register are its people's",
      404: 'No partnership has this key',
    },
  })
  async list(@Query() query: PartnershipQuery, @SignedInUser() user: AuthUser): Promise<MonitoringCallSummary[]> {
    const partnership = await this.partnerships.byKey(query.partnership);
    await this.access.assertPrivateReader(user, partnership.id);
    return this.calls.list(partnership);
  }

  @Post('monitoring-calls')
  @Access('monitoring.write')
  @Operation({
    status: 201,
    description: 'The new call, as GET /api/monitoring-calls/:id answers it',
    response: MonitoringCall,
    errors: {
      400: 'A bad or unknown field, named in the message',
      403: 'Only the Secretariat records calls, or X-XSRF-TOKEN is missing',
      404: 'No partnership has this key',
    },
  })
  async create(@Query() query: PartnershipQuery, @Body() body: CreateMonitoringCallDto, @SignedInUser() user: AuthUser): Promise<MonitoringCall> {
    return this.calls.create(await this.partnerships.byKey(query.partnership), body, user);
  }

  @Get('monitoring-calls/:id')
  @Access('signed_in')
  @Operation({
    description: 'The call, its follow-ups, the changes since the previous call, open follow-ups of earlier calls, the risk view as of its day',
    response: MonitoringCall,
    errors: { 403: "Your organisation has no seat in this partnership: its calls, risks and register are its people's", 404: 'No call has this id' },
  })
  async get(@Param('id', ParseIdPipe) id: string, @SignedInUser() user: AuthUser): Promise<MonitoringCall> {
    await this.access.assertPrivateRecordReader(user, 'monitoring_call', id);
    return this.calls.get(id);
  }

  @Patch('monitoring-calls/:id')
  @Access('monitoring.write')
  @Operation({
    description: 'The updated call, with its new version',
    response: MonitoringCall,
    errors: {
      400: 'A bad or unknown field, named in the message',
      403: 'Only the Secretariat changes calls, or X-XSRF-TOKEN is missing',
      404: 'No call has this id',
      409: 'Someone else changed it since your version: the body has the current call',
    },
  })
  update(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateMonitoringCallDto, @SignedInUser() user: AuthUser): Promise<MonitoringCall> {
    return this.calls.update(id, body, user);
  }

  @Post('monitoring-calls/:id/follow-ups')
  @Access('monitoring.write')
  @Operation({
    status: 201,
    description: 'The new follow-up',
    response: FollowUp,
    errors: {
      400: 'A bad or unknown field, named in the message',
      403: 'Only the Secretariat adds follow-ups, or X-XSRF-TOKEN is missing',
      404: 'No call has this id',
    },
  })
  addFollowUp(@Param('id', ParseIdPipe) id: string, @Body() body: CreateFollowUpDto, @SignedInUser() user: AuthUser): Promise<FollowUp> {
    return this.calls.addFollowUp(id, body, user);
  }

  @Get('follow-ups/:id')
  @Access('signed_in')
  @Operation({
    description: 'One follow-up',
    response: FollowUp,
    errors: { 403: "Your organisation has no seat in this partnership: its calls, risks and register are its people's", 404: 'No follow-up has this id' },
  })
  async followUp(@Param('id', ParseIdPipe) id: string, @SignedInUser() user: AuthUser): Promise<FollowUp> {
    await this.access.assertPrivateRecordReader(user, 'follow_up', id);
    return this.calls.followUp(id);
  }

  @Patch('follow-ups/:id')
  @HttpCode(200)
  @Access('monitoring.write')
  @Operation({
    description: 'The updated follow-up, with its new version',
    response: FollowUp,
    errors: {
      400: 'A bad or unknown field, named in the message',
      403: 'Only the Secretariat changes follow-ups, or X-XSRF-TOKEN is missing',
      404: 'No follow-up has this id',
      409: 'Someone else changed it since your version: the body has the current follow-up',
    },
  })
  updateFollowUp(@Param('id', ParseIdPipe) id: string, @Body() body: UpdateFollowUpDto, @SignedInUser() user: AuthUser): Promise<FollowUp> {
    return this.calls.updateFollowUp(id, body, user);
  }

  @Get('monitoring-calls/:id/history')
  @Access('history.read')
  @Operation({
    description: 'Every change of the call, newest first, one entry per changed field',
    response: [AuditEntry],
    errors: { 401: 'Sign in first', 404: 'No call has this id' },
  })
  async callHistory(@Param('id', ParseIdPipe) id: string, @SignedInUser() user: AuthUser): Promise<AuditEntry[]> {
    await this.access.assertPrivateRecordReader(user, 'monitoring_call', id);
    return this.audit.history('monitoring_call', id);
  }

  @Get('follow-ups/:id/history')
  @Access('history.read')
  @Operation({
    description: 'Every change of the follow-up, newest first, one entry per changed field',
    response: [AuditEntry],
    errors: { 401: 'Sign in first', 404: 'No follow-up has this id' },
  })
  async followUpHistory(@Param('id', ParseIdPipe) id: string, @SignedInUser() user: AuthUser): Promise<AuditEntry[]> {
    await this.access.assertPrivateRecordReader(user, 'follow_up', id);
    return this.audit.history('follow_up', id);
  }
}
