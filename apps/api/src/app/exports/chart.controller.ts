import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { IsIn, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { Access } from '../auth/access.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { MonitoringService } from '../monitoring/monitoring.service';
import { ChartExportService, type Paper } from './chart-export.service';
import { ExportQuery } from './dto';

/** `?paper=a4|a3` besides the filters of every export. */
export class ChartQuery extends ExportQuery {
  @ApiPropertyOptional({ enum: ['a4', 'a3'], default: 'a4', description: 'Paper of the PDF, landscape' })
  @IsOptional()
  @IsIn(['a4', 'a3'], { message: 'paper must be a4 or a3' })
  paper: Paper = 'a4';
}

const TYPES = { svg: 'image/svg+xml', png: 'image/png', pdf: 'application/pdf' } as const;

/** The Gantt chart (Annex 2) as a file: every row of the filtered plan, not only what a screen shows. */
@ApiTags('exports')
@Controller('exports')
export class ChartController {
  constructor(
    private readonly charts: ChartExportService,
    private readonly monitoring: MonitoringService,
  ) {}

  /** The pack of an opened monitoring call, to send round before or after it. */
  @Get('monitoring-calls/:id/pack.pdf')
  @Access('signed_in')
  @ApiProduces(TYPES.pdf)
  @ApiOkResponse({
    description:
      'The call, RAG per Action with reasons, the risk view as of its day, changes since the previous call, open follow-ups, and the chart of its Actions',
  })
  async pack(@Param('id', ParseIdPipe) id: string, @Query() query: ChartQuery, @Res() response: Response): Promise<void> {
    const call = await this.monitoring.get(id);
    const body = await this.charts.callPack(call, query.paper);
    response.type(TYPES.pdf).setHeader('Content-Disposition', `attachment; filename="monitoring-call-${call.heldOn}.pdf"`).send(body);
  }

  @Get(['chart.svg', 'chart.png', 'chart.pdf'])
  @Access('plan.read')
  @ApiProduces(...Object.values(TYPES))
  @ApiOkResponse({
    description:
      'SVG (whole chart), PNG (the same at 2x) or PDF (A4/A3 landscape, paged by rows and months, header repeated, legend, deadline and as-of lines)',
  })
  async chart(@Req() request: Request, @Query() query: ChartQuery, @Res() response: Response): Promise<void> {
    const format = request.path.split('.').pop() as keyof typeof TYPES;
    const model = await this.charts.model(query);
    const body = format === 'svg' ? this.charts.svg(model) : format === 'png' ? await this.charts.png(model) : await this.charts.pdf(model, query.paper);
    const stem = [
      'chart',
      query.partnership === DEFAULT_PARTNERSHIP_KEY ? null : query.partnership,
      query.action ? `action-${query.action}` : null,
      format === 'pdf' ? query.paper : null,
    ]
      .filter(Boolean)
      .join('-');
    response.type(TYPES[format]).setHeader('Content-Disposition', `attachment; filename="${stem}.${format}"`).send(body);
  }
}
