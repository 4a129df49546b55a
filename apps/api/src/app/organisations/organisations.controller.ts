import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Organisation, Partnership } from '@tracker/contracts';
import { Access } from '../auth/access.decorator';
import { PartnershipQuery } from '../common/list-query.dto';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { OrganisationsRepository } from './organisations.repository';
import { Operation } from '../http/operation';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  @Get()
  @Access('plan.read')
  @Operation({
    description:
      'The organisations of ?partnership= (members, coordinators, its Secretariat, and those taking part in its Actions) with their aliases, ' +
      'their seat there and the Actions of that partnership each leads or joins',
    response: [Organisation],
    errors: { 404: 'No partnership has that key' },
  })
  async list(@Query() query: PartnershipQuery): Promise<Organisation[]> {
    return this.organisations.list(await this.partnerships.byKey(query.partnership));
  }
}

@ApiTags('organisations')
@Controller('partnership')
export class PartnershipController {
  constructor(
    private readonly organisations: OrganisationsRepository,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  @Get()
  @Access('plan.read')
  @Operation({
    description: 'The partnership: coordinators, current members (Table 1), deadline, and what the plan says about it (notes with their sections)',
    response: Partnership,
    errors: { 404: 'No partnership has that key' },
  })
  async get(@Query() query: PartnershipQuery): Promise<Partnership> {
    return this.organisations.partnershipView(await this.partnerships.byKey(query.partnership));
  }
}
