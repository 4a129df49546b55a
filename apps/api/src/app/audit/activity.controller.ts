import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { ACTIVITY_DEFAULT_LIMIT, ACTIVITY_MAX_LIMIT, AuditEntry } from '@tracker/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Access } from '../auth/access.decorator';
import { PartnershipQuery } from '../common/list-query.dto';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { AuditService } from './audit.service';
import { Operation } from '../http/operation';

const LIMIT_MESSAGE = `limit must be a whole number from 1 to ${ACTIVITY_MAX_LIMIT}`;

export class ActivityQuery extends PartnershipQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: LIMIT_MESSAGE })
  @Min(1, { message: LIMIT_MESSAGE })
  @Max(ACTIVITY_MAX_LIMIT, { message: LIMIT_MESSAGE })
  limit?: number;
}

@ApiTags('history')
@Controller('activity')
export class ActivityController {
  constructor(
    private readonly audit: AuditService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  @Get()
  @Access('history.read')
  @ApiQuery({ name: 'limit', required: false, type: Number, description: `1-${ACTIVITY_MAX_LIMIT}, default ${ACTIVITY_DEFAULT_LIMIT}` })
  @Operation({
    description: 'The latest changes to milestones and outputs, newest first, one entry per changed field',
    response: [AuditEntry],
    errors: { 401: 'Sign in first', 404: 'No partnership has this key' },
  })
  async list(@Query() query: ActivityQuery): Promise<AuditEntry[]> {
    const partnership = await this.partnerships.byKey(query.partnership);
    return this.audit.activity(partnership.id, query.limit ?? ACTIVITY_DEFAULT_LIMIT);
  }
}
