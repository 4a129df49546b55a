import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { RiskView, WhatIf } from '@tracker/contracts';
import { PartnershipQuery } from '../common/list-query.dto';
import { Access, SignedInUser } from '../auth/access.decorator';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { RiskQueryDto } from './dto/risk-query.dto';
import { WhatIfDto } from './dto/what-if.dto';
import { RiskViewService } from './risk-view.service';
import { Operation } from '../http/operation';

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
  @Operation({
    description: 'What is overdue, due soon, beyond the deadline, unscheduled or stalled as of a day, and a RAG per Action',
    response: RiskView,
    errors: {
      400: 'A bad asOf, dueSoonDays or stalledDays, named in the message',
      401: 'Sign in first',
      403: "Your organisation has no seat in this partnership: its calls, risks and register are its people's",
      404: 'No partnership has this key',
    },
  })
  async view(@Query() query: RiskQueryDto, @SignedInUser() user: AuthUser): Promise<RiskView> {
    const partnership = await this.partnerships.byKey(query.partnership);
    await this.access.assertPrivateReader(user, partnership.id);
    return this.risks.view(partnership, query);
  }

  /**
   * What if one item were expected to end on another day: the items and Actions that would then pass
   * the deadline, and those that no longer would. Computed with the forecast of libs/schedule on the
   * plan as it is; nothing is saved. The Secretariat's, for the monitoring call's walk-through.
   */
  @Post('what-if')
  @HttpCode(200)
  @Access('monitoring.write')
  @Operation({
    description: 'The tried item, the items that would pass the deadline and those that no longer would, every Action now and then',
    response: WhatIf,
    errors: {
      400: 'A bad itemId, forecastEnd or asOf, or an item the partnership does not hold, named in the message',
      401: 'Sign in first',
      403: 'Only the Secretariat tries forecasts, of a partnership its organisation has a seat in; or X-XSRF-TOKEN is missing',
      404: 'No partnership has this key',
    },
  })
  async whatIf(@Query() query: PartnershipQuery, @Body() body: WhatIfDto, @SignedInUser() user: AuthUser): Promise<WhatIf> {
    const partnership = await this.partnerships.byKey(query.partnership);
    // It answers from the partnership's risk view: its own people's.
    await this.access.assertPrivateReader(user, partnership.id);
    return this.risks.whatIf(partnership, body);
  }
}
