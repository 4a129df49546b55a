import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Organisation } from '@tracker/contracts';
import { Access } from '../auth/access.decorator';
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
