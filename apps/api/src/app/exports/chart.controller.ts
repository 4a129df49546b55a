import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DEFAULT_PARTNERSHIP_KEY, MILESTONE_STATUSES } from '@tracker/contracts';
import { CHART_VIEWS, type ChartView } from '@tracker/schedule';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import type { Request, Response } from 'express';
import { Access, SignedInUser } from '../auth/access.decorator';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { MonitoringService } from '../monitoring/monitoring.service';
import { ChartExportService, type Paper } from './chart-export.service';
import { BaselineField } from '../common/list-query.dto';
import { ExportQuery } from './dto';
import { ExportThrottlerGuard } from './export-throttler.guard';
import type { RenderedFile } from './render/export-renderer';
import { Operation } from '../http/operation';

const STATUS_LIST = new RegExp(`^(${MILESTONE_STATUSES.join('|')})(,(${MILESTONE_STATUSES.join('|')}))*$`);

/**
 * `?paper=a4|a3` besides the filters of every export, and the chart page's own filters, so a file
 * holds what the page shows: several Actions, an organisation's Actions, statuses and the view mode.
 */
export class ChartQuery extends ExportQuery {
  @ApiPropertyOptional({ enum: ['a4', 'a3'], default: 'a4', description: 'Paper of the PDF, landscape' })
  @IsOptional()
  @IsIn(['a4', 'a3'], { message: 'paper must be a4 or a3' })
  paper: Paper = 'a4';

  @ApiPropertyOptional({ description: 'Several Actions, comma-separated (e.g. 1,3), instead of action' })
  @IsOptional()
  @Matches(/^\d{1,4}(,\d{1,4})*$/, { message: 'actions must be Action numbers separated by commas, e.g. 1,3' })
  actions?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the Actions this organisation leads or joins' })
  @IsOptional()
  @IsUUID('all', { message: 'org must be an organisation id' })
  org?: string;

  @ApiPropertyOptional({ description: `Only items with these statuses, comma-separated: ${MILESTONE_STATUSES.join(', ')}` })
  @IsOptional()
  @Matches(STATUS_LIST, { message: `status must be statuses separated by commas: ${MILESTONE_STATUSES.join(', ')}` })
  status?: string;

  @ApiPropertyOptional({ enum: CHART_VIEWS, default: 'month', description: 'Time scale: a quarter or year view fits more months on a page' })
  @IsOptional()
  @IsIn(CHART_VIEWS, { message: `view must be one of ${CHART_VIEWS.join(', ')}` })
  view: ChartView = 'month';

  @BaselineField('Compare with this approved version (its number): its windows as thin ghost bars, the slip in the labels')
  baseline?: number;
}

/** The chart filter of a query. */
function chartFilter(query: ChartQuery) {
  return {
    partnership: query.partnership,
    action: query.action,
    actions: query.actions?.split(',').map(Number),
    organisation: query.org,
    statuses: query.status?.split(','),
    view: query.view,
    asOf: query.asOf,
    baseline: query.baseline,
  };
}

const TYPES = { svg: 'image/svg+xml', png: 'image/png', pdf: 'application/pdf' } as const;

/** Sends a drawn file; `X-Cache` says whether it was drawn for this request or kept from an earlier one. */
export function sendFile(response: Response, file: RenderedFile, type: string, disposition: string): void {
  response.type(type).setHeader('Content-Disposition', disposition).setHeader('X-Cache', file.cache).send(file.body);
}

/** The Gantt chart (the timeline rebuilt from the plan's sections) as a file: every row of the filtered plan, not only what a screen shows. */
@ApiTags('exports')
@Controller('exports')
export class ChartController {
  constructor(
    private readonly charts: ChartExportService,
    private readonly monitoring: MonitoringService,
    private readonly access: AccessService,
  ) {}

  /** The pack of an opened monitoring call, to send round before or after it. */
  @Get('monitoring-calls/:id/pack.pdf')
  @Access('signed_in')
  @Operation({
    description:
      'The call, RAG per Action with reasons, the risk view as of its day, changes since the previous call, open follow-ups, and the chart of its Actions',
    files: [TYPES.pdf],
  })
  async pack(@Param('id', ParseIdPipe) id: string, @Query() query: ChartQuery, @SignedInUser() user: AuthUser, @Res() response: Response): Promise<void> {
    await this.access.assertPrivateRecordReader(user, 'monitoring_call', id);
    const call = await this.monitoring.get(id);
    sendFile(response, await this.charts.callPack(call, query.paper), TYPES.pdf, `attachment; filename="monitoring-call-${call.heldOn}.pdf"`);
  }

  @Get(['chart.svg', 'chart.png', 'chart.pdf'])
  @Access('plan.read')
  @UseGuards(ExportThrottlerGuard)
  @Operation({
    description:
      'SVG (whole chart), PNG (the same at 2x, smaller for a very large chart) or PDF (A4/A3 landscape, paged by rows and months, header repeated, legend, deadline and as-of lines)',
    files: [...Object.values(TYPES)],
    errors: {
      400: 'A bad parameter, named in the message (e.g. an asOf far outside the plan)',
      422: 'A PNG too large for one image, with what to ask for instead',
      429: 'Too many files asked from this address without signing in; see Retry-After',
      503: 'The server is drawing as many files as it can; see Retry-After',
    },
  })
  async chart(@Req() request: Request, @Query() query: ChartQuery, @Res() response: Response): Promise<void> {
    const format = request.path.split('.').pop() as keyof typeof TYPES;
    const file = await this.charts.file(chartFilter(query), format, query.paper);
    const stem = [
      'chart',
      query.partnership === DEFAULT_PARTNERSHIP_KEY ? null : query.partnership,
      query.action ? `action-${query.action}` : query.actions ? `actions-${query.actions.replace(/,/g, '-')}` : null,
      format === 'pdf' ? query.paper : null,
    ]
      .filter(Boolean)
      .join('-');
    sendFile(response, file, TYPES[format], `attachment; filename="${stem}.${format}"`);
  }
}
