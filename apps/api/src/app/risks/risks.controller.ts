import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { RiskView } from '@tracker/contracts';
import { Access, SignedInUser } from '../auth/access.decorator';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { RiskQueryDto } from './dto/risk-query.dto';
import { RiskViewService } from './risk-view.service';

@ApiTags('risks')
@Controller('risks')
export class RisksController {
  constructor(
    private readonly risks: RiskViewService,
    private readonly partnerships: PartnershipsRepository,
    private readonly access: AccessService,
  ) {}

  @Get()
  @Access('signed_in')
  @ApiOkResponse({ description: 'What is overdue, due soon, beyond the deadline, unscheduled or stalled as of a day, and a RAG per Action' })
  @ApiBadRequestResponse({ description: 'A bad asOf, dueSoonDays or stalledDays, named in the message' })
  @ApiUnauthorizedResponse({ description: 'Sign in first' })
  @ApiForbiddenResponse({ description: "Your organisation has no seat in this partnership: its calls, risks and register are its people's" })
  @ApiNotFoundResponse({ description: 'No partnership has this key' })
  async view(@Query() query: RiskQueryDto, @SignedInUser() user: AuthUser): Promise<RiskView> {
    const partnership = await this.partnerships.byKey(query.partnership);
    await this.access.assertPrivateReader(user, partnership.id);
    return this.risks.view(partnership, query);
  }
}
