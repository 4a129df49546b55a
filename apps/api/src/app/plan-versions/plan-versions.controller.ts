import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PlanComparison, PlanVersion, PlanVersionSummary } from '@tracker/contracts';
import { comparePlans } from '@tracker/schedule';
import { Access, SignedInUser } from '../auth/access.decorator';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { PartnershipQuery } from '../common/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { CompareQueryDto, CreatePlanVersionDto } from './dto';
import { PlanVersionsRepository } from './plan-versions.repository';
import { Operation } from '../http/operation';

/** Name of the plan as it is now, in a comparison. */
const CURRENT = 'the current plan';

@ApiTags('plan versions')
@Controller('plan-versions')
export class PlanVersionsController {
  constructor(
    private readonly versions: PlanVersionsRepository,
    private readonly partnerships: PartnershipsRepository,
    private readonly access: AccessService,
  ) {}

  @Get()
  @Access('plan.read')
  @Operation({
    description: 'The approved versions of the plan, newest first (version 1 is the plan as approved, April 2025)',
    response: [PlanVersionSummary],
    errors: { 404: 'No partnership has this key' },
  })
  async list(@Query() query: PartnershipQuery): Promise<PlanVersionSummary[]> {
    return this.versions.list((await this.partnerships.byKey(query.partnership)).id);
  }

  @Get('compare')
  @Access('plan.read')
  @Operation({
    description:
      'What changed from one version to another (or to the current plan): added, removed, cancelled, renamed, moved (with the months), put under another activity',
    response: PlanComparison,
    errors: { 400: 'A bad parameter, named in the message', 404: 'No partnership has this key, or no version this number' },
  })
  async compare(@Query() query: CompareQueryDto): Promise<PlanComparison> {
    const partnership = await this.partnerships.byKey(query.partnership);
    const from = await this.versions.byNumber(partnership.id, query.from, 'from');
    const to =
      query.to === 'current'
        ? { number: null, name: CURRENT, items: await this.versions.currentItems(partnership.id) }
        : await this.versions.byNumber(partnership.id, Number(query.to), 'to');
    return comparePlans(from, to);
  }

  @Get(':id')
  @Access('plan.read')
  @Operation({ description: 'One version with every item as it was approved', response: PlanVersion, errors: { 404: 'No version has this id' } })
  get(@Param('id', ParseIdPipe) id: string): Promise<PlanVersion> {
    return this.versions.get(id);
  }

  @Post()
  @Access('plan.approve')
  @Operation({
    status: 201,
    description: 'The plan as it is now, approved as the next version',
    response: PlanVersion,
    errors: {
      400: 'A bad name, named in the message',
      401: 'Sign in first',
      403: "Only the partnership's Secretariat approves versions",
      404: 'No partnership has this key',
      409: 'Another version was approved at the same moment',
    },
  })
  async approve(@Body() body: CreatePlanVersionDto, @SignedInUser() user: AuthUser): Promise<PlanVersion> {
    const partnership = await this.partnerships.byKey(body.partnership);
    await this.access.assertSeat(user, partnership.id);
    return this.versions.get(await this.versions.approve(partnership.id, body.name.trim(), user.id));
  }
}
