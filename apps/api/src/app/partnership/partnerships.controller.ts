import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { PartnershipSummary } from '@tracker/contracts';
import { Access } from '../auth/access.decorator';
import { PartnershipsRepository } from './partnerships.repository';

@ApiTags('partnerships')
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsRepository) {}

  @Get()
  @Access('plan.read')
  @ApiOkResponse({ description: 'Every partnership (the Work Plan first) with its key, name, deadline and Actions' })
  list(): Promise<PartnershipSummary[]> {
    return this.partnerships.list();
  }
}
