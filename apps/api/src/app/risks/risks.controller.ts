import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { RiskView } from '@tracker/contracts';
import { Access } from '../auth/access.decorator';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { RiskQueryDto } from './dto/risk-query.dto';
import { RiskViewService } from './risk-view.service';

@ApiTags('risks')
@Controller('risks')
export class RisksController {
  constructor(
    private readonly risks: RiskViewService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  @Get()
  @Access('signed_in')
  @ApiOkResponse({ description: 'What is overdue, due soon, beyond the deadline, unscheduled or stalled as of a day, and a RAG per Action' })
  @ApiBadRequestResponse({ description: 'A bad asOf, dueSoonDays or stalledDays, named in the message' })
  @ApiUnauthorizedResponse({ description: 'Sign in first' })
  @ApiNotFoundResponse({ description: 'No partnership has this key' })
  async view(@Query() query: RiskQueryDto): Promise<RiskView> {
    return this.risks.view(await this.partnerships.byKey(query.partnership), query);
  }
}
