import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Dependency } from '@tracker/contracts';
import { Access, SignedInUser } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth.types';
import { PartnershipQuery } from '../common/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { DependenciesService } from './dependencies.service';
import { CreateDependencyDto } from './dto/create-dependency.dto';
import { Operation } from '../http/operation';

@ApiTags('dependencies')
@Controller('dependencies')
export class DependenciesController {
  constructor(
    private readonly dependencies: DependenciesService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  @Get()
  @Access('plan.read')
  @Operation({
    description: "The finish-to-start links of the partnership's plan: {id, predecessorId, successorId, lagMonths, source, notes}",
    response: [Dependency],
    errors: { 404: 'No partnership has this key' },
  })
  async list(@Query() query: PartnershipQuery): Promise<Dependency[]> {
    return this.dependencies.list(await this.partnerships.byKey(query.partnership));
  }

  @Post()
  @Access('milestone.update')
  @Operation({
    status: 201,
    description: 'The new link',
    response: Dependency,
    errors: {
      400: 'A bad or unknown id, named in the message, or a link that would make a cycle (its items named by title)',
      401: 'Sign in first',
      403: "Only the Secretariat, or the co-leaders of the successor's Action, link items",
      409: 'The link exists already',
    },
  })
  create(@Body() body: CreateDependencyDto, @SignedInUser() user: AuthUser): Promise<Dependency> {
    return this.dependencies.create(body, user);
  }

  @Delete(':id')
  @HttpCode(204)
  @Access('milestone.update')
  @Operation({
    status: 204,
    description: 'The link is gone',
    errors: { 401: 'Sign in first', 403: "Only the Secretariat, or the co-leaders of the successor's Action, unlink items", 404: 'No link has this id' },
  })
  remove(@Param('id', ParseIdPipe) id: string, @SignedInUser() user: AuthUser): Promise<void> {
    return this.dependencies.remove(id, user);
  }
}
