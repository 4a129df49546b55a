import { Controller, Get, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Organisation, Partnership } from '@tracker/contracts';
import { Access } from '../auth/access.decorator';
import { PartnershipQuery } from '../common/list-query.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Access('plan.read')
  @ApiOkResponse({ description: 'Organisations with their aliases and the Actions each leads or joins' })
  list(): Promise<Organisation[]> {
    return this.organisations.list();
  }
}

@ApiTags('organisations')
@Controller('partnership')
export class PartnershipController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Access('plan.read')
  @ApiOkResponse({
    description: 'The partnership: coordinators, current members (Table 1), deadline, and what the plan says about it (notes with their sections)',
  })
  @ApiNotFoundResponse({ description: 'No partnership has that key' })
  @ApiQuery({ name: 'partnership', required: false, description: 'Partnership key; the Work Plan by default' })
  get(@Query() query: PartnershipQuery): Promise<Partnership> {
    return this.organisations.partnership(query.partnership);
  }
}
