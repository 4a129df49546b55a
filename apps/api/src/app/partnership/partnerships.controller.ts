import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PartnershipSummary } from '@tracker/contracts';
import { Access } from '../auth/access.decorator';
import { PartnershipsRepository } from './partnerships.repository';
import { Operation } from '../http/operation';

@ApiTags('partnerships')
@Controller('partnerships')
export class PartnershipsController {
  constructor(private readonly partnerships: PartnershipsRepository) {}

  @Get()
  @Access('plan.read')
  @Operation({ description: 'Every partnership (the Work Plan first) with its key, name, deadline and Actions', response: [PartnershipSummary] })
  list(): Promise<PartnershipSummary[]> {
    return this.partnerships.list();
  }
}
