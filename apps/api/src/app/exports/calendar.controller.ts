import { Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { PrivateFeed, PrivateFeedState } from '@tracker/contracts';
import { Access, SignedInUser } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth.types';
import { ActionFilterQuery, PartnershipQuery } from '../common/list-query.dto';
import { ActionNumberParam } from '../common/parse-action-number.pipe';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { Links } from '../mail/links';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { sendFile } from './chart.controller';
import { ExportThrottlerGuard } from './export-throttler.guard';
import type { RenderedFile } from './render/export-renderer';
import { MEDIA_TYPES, Operation } from '../http/operation';

function send(response: Response, calendar: RenderedFile, file: string): void {
  sendFile(response, calendar, 'text/calendar; charset=utf-8', `inline; filename="${file}"`);
}

/** iCalendar feeds (RFC 5545): public ones of the plan, and a private one per person behind a secret token. */
@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(
    private readonly feeds: CalendarService,
    private readonly tokens: CalendarRepository,
    private readonly links: Links,
  ) {}

  @Get('plan.ics')
  @UseGuards(ExportThrottlerGuard)
  @Access('plan.read')
  @Operation({ description: 'Milestones, outputs and the deadline of a partnership (or of one Action with ?action=N)', files: [MEDIA_TYPES.ics] })
  async plan(@Query() query: ActionFilterQuery, @Res() response: Response): Promise<void> {
    send(response, await this.feeds.planFeed({ partnership: query.partnership, action: query.action }), 'plan.ics');
  }

  @Get('actions/:number.ics')
  @UseGuards(ExportThrottlerGuard)
  @Access('plan.read')
  @Operation({ description: "One Action's milestones and outputs, and the deadline", files: [MEDIA_TYPES.ics], errors: { 404: 'No such Action' } })
  async action(@ActionNumberParam() number: number, @Query() query: PartnershipQuery, @Res() response: Response): Promise<void> {
    send(response, await this.feeds.planFeed({ partnership: query.partnership, action: number }), `action-${number}.ics`);
  }

  @Get('organisations/:id.ics')
  @UseGuards(ExportThrottlerGuard)
  @Access('plan.read')
  @Operation({
    description: 'The milestones and outputs of the Actions an organisation takes part in, and the deadline',
    files: [MEDIA_TYPES.ics],
    errors: { 404: 'No such organisation' },
  })
  async organisation(@Param('id', ParseIdPipe) id: string, @Query() query: PartnershipQuery, @Res() response: Response): Promise<void> {
    send(response, await this.feeds.planFeed({ partnership: query.partnership, organisationId: id }), `organisation-${id}.ics`);
  }

  @Get('private-feed')
  @Access('signed_in')
  @Operation({ description: '{issuedAt}: when the live secret address was made, or null', response: PrivateFeedState })
  async privateFeedState(@SignedInUser() user: AuthUser): Promise<Pick<PrivateFeed, 'issuedAt'>> {
    return { issuedAt: await this.tokens.issuedAt(user.id) };
  }

  @Post('private-feed')
  @Access('signed_in')
  @Operation({
    status: 201,
    description: '{url, webcal, issuedAt}: a new secret address of your private feed (the old one stops working)',
    response: PrivateFeed,
  })
  async issue(@SignedInUser() user: AuthUser): Promise<PrivateFeed> {
    const token = await this.tokens.issue(user.id);
    // PUBLIC_URL (else this server's own address), never the request's Host: a forged Host would hand out a link to another site.
    const url = this.links.to(`/api/calendar/private/${token}.ics`);
    return { url, webcal: url.replace(/^https?:/, 'webcal:'), issuedAt: await this.tokens.issuedAt(user.id) };
  }

  @Delete('private-feed')
  @Access('signed_in')
  @HttpCode(204)
  @Operation({ status: 204, description: 'The secret address is revoked' })
  async revoke(@SignedInUser() user: AuthUser): Promise<void> {
    await this.tokens.revoke(user.id);
  }

  @Get('private/:token.ics')
  @UseGuards(ExportThrottlerGuard)
  @Access('public')
  @Operation({
    description: 'The Work Plan with the monitoring calls and follow-ups with a due date',
    files: [MEDIA_TYPES.ics],
    errors: { 404: 'No such feed (never issued, replaced or revoked, or its account deactivated)' },
  })
  async privateFeed(@Param('token') token: string, @Res() response: Response): Promise<void> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token) || (await this.tokens.userOf(token)) === null) {
      throw new NotFoundException('no calendar feed at this address: it was replaced or revoked');
    }
    send(response, await this.feeds.privateFeed(), 'private.ics');
  }
}
