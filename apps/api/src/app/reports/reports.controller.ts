import { BadRequestException, Body, Controller, Get, Inject, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { DEFAULT_PARTNERSHIP_KEY, IMPLEMENTATION_STAGE_LABELS, MonitoringTableRow, type ProgressReport } from '@tracker/contracts';
import type { Request, Response } from 'express';
import { Access, SignedInUser } from '../auth/access.decorator';
import { AccessService } from '../auth/access.service';
import { APP_CONFIG, type AuthUser } from '../auth/auth.types';
import { PartnershipQuery } from '../common/list-query.dto';
import type { AppConfig } from '../config/config';
import { toCsv } from '../exports/csv';
import { ExportRenderer } from '../exports/render/export-renderer';
import { table, type Table } from '../exports/table';
import { toXlsx } from '../exports/xlsx';
import { MEDIA_TYPES, Operation } from '../http/operation';
import { type Partnership, PartnershipsRepository } from '../partnership/partnerships.repository';
import { ReportPeriodQuery, StageOverrideDto } from './dto';
import { ReportsService } from './reports.service';

const TYPES = {
  docx: MEDIA_TYPES.docx,
  pdf: MEDIA_TYPES.pdf,
  xlsx: MEDIA_TYPES.xlsx,
  csv: `${MEDIA_TYPES.csv}; charset=utf-8`,
} as const;

const PRIVATE = "Your organisation has no seat in this partnership: the report carries its calls and risks, which are its people's";

/** The Monitoring Table of Actions as one exported table (CSV and XLSX alike). */
function monitoringTable(rows: MonitoringTableRow[]): Table<MonitoringTableRow> {
  return table(
    'Monitoring Table of Actions',
    [
      { header: 'Action', type: 'number', width: 8, value: (r) => r.actionNumber },
      { header: 'Short name', type: 'text', width: 16, value: (r) => r.shortName },
      { header: 'Title', type: 'text', width: 50, value: (r) => r.title },
      { header: 'Stage of implementation', type: 'text', width: 22, value: (r) => IMPLEMENTATION_STAGE_LABELS[r.stage] },
      { header: 'Computed stage', type: 'text', width: 18, value: (r) => IMPLEMENTATION_STAGE_LABELS[r.computedStage] },
      { header: 'How it is computed', type: 'text', width: 50, value: (r) => r.computedBecause },
      { header: 'Set by the Secretariat', type: 'text', width: 22, value: (r) => (r.override ? IMPLEMENTATION_STAGE_LABELS[r.override.stage] : null) },
      { header: 'Secretariat note', type: 'text', width: 50, value: (r) => r.override?.note ?? null },
      { header: 'Set by', type: 'text', width: 20, value: (r) => r.override?.by ?? null },
      { header: 'Set on', type: 'date', value: (r) => r.override?.at.slice(0, 10) ?? null },
    ],
    rows,
  );
}

/**
 * The report upward: the progress report of a period, the final report (from the deadline on) and
 * the Monitoring Table of Actions. They carry a partnership's calls and risks, so only signed-in
 * people with a seat in the partnership read them (docs/security.md).
 */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly renderer: ExportRenderer,
    private readonly partnerships: PartnershipsRepository,
    private readonly access: AccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(['progress.docx', 'progress.pdf'])
  @Access('signed_in')
  @Operation({
    description:
      "Per Action: RAG and reasons, what was delivered in the period with links to its evidence, what slipped against the latest approved version, risks and mitigation, decisions and follow-ups of the period's calls, what remains and the expected finish",
    files: [MEDIA_TYPES.docx, MEDIA_TYPES.pdf],
    errors: {
      400: 'A bad from or to, or from after to, named in the message',
      401: 'Sign in first',
      403: PRIVATE,
      404: 'No partnership has this key',
      503: 'The server is drawing as many files as it can; see Retry-After',
    },
  })
  async progress(@Req() request: Request, @Query() query: ReportPeriodQuery, @SignedInUser() user: AuthUser, @Res() response: Response): Promise<void> {
    const partnership = await this.readable(query.partnership, user);
    const report = await this.reports.progress(partnership, query.from, query.to, this.base(request));
    await this.send(response, report, request, `progress-report-${this.stem(partnership)}${query.from}-to-${query.to}`);
  }

  @Get(['final.docx', 'final.pdf'])
  @Access('signed_in')
  @Operation({
    description: 'The progress report over the whole phase, up to the deadline',
    files: [MEDIA_TYPES.docx, MEDIA_TYPES.pdf],
    errors: {
      401: 'Sign in first',
      403: PRIVATE,
      404: 'No partnership has this key',
      409: 'Before the deadline: the message says from which day it is offered',
      503: 'The server is drawing as many files as it can; see Retry-After',
    },
  })
  async final(@Req() request: Request, @Query() query: PartnershipQuery, @SignedInUser() user: AuthUser, @Res() response: Response): Promise<void> {
    const partnership = await this.readable(query.partnership, user);
    const report = await this.reports.final(partnership, this.base(request));
    await this.send(response, report, request, `final-report-${this.stem(partnership)}${report.to}`);
  }

  @Get('monitoring-table')
  @Access('signed_in')
  @Operation({
    description: "Per Action: the stage of implementation in force, the computed one and how, and the Secretariat's override with its note",
    response: [MonitoringTableRow],
    errors: { 401: 'Sign in first', 403: PRIVATE, 404: 'No partnership has this key' },
  })
  async stages(@Query() query: PartnershipQuery, @SignedInUser() user: AuthUser): Promise<MonitoringTableRow[]> {
    return this.reports.stages(await this.readable(query.partnership, user));
  }

  @Get(['monitoring-table.xlsx', 'monitoring-table.csv'])
  @Access('signed_in')
  @Operation({
    description: 'The Monitoring Table of Actions as XLSX (frozen header, filters) or CSV (RFC 4180, UTF-8 with BOM)',
    files: [MEDIA_TYPES.xlsx, MEDIA_TYPES.csv],
    errors: { 401: 'Sign in first', 403: PRIVATE, 404: 'No partnership has this key' },
  })
  async stagesFile(@Req() request: Request, @Query() query: PartnershipQuery, @SignedInUser() user: AuthUser, @Res() response: Response): Promise<void> {
    const partnership = await this.readable(query.partnership, user);
    const sheet = monitoringTable(await this.reports.stages(partnership));
    const format = request.path.endsWith('.csv') ? 'csv' : 'xlsx';
    const body = format === 'csv' ? toCsv(sheet) : await toXlsx([sheet], sheet.name);
    response
      .type(TYPES[format])
      .setHeader('Content-Disposition', `attachment; filename="monitoring-table-${this.stem(partnership)}${this.reports.today()}.${format}"`)
      .send(body);
  }

  @Put('stages/:actionNumber')
  @Access('monitoring.write')
  @ApiParam({ name: 'actionNumber', description: 'The Action whose stage the Secretariat sets' })
  @Operation({
    description: "The Action's row of the Monitoring Table of Actions, with the override in force",
    response: MonitoringTableRow,
    errors: {
      400: 'A bad stage, note or Action number, named in the message',
      401: 'Sign in first',
      403: "Only the partnership's Secretariat sets a stage",
      404: 'No partnership has this key, or no Action this number',
    },
  })
  async override(@Param('actionNumber') actionNumber: string, @Body() body: StageOverrideDto, @SignedInUser() user: AuthUser): Promise<MonitoringTableRow> {
    if (!/^[1-9]\d{0,3}$/.test(actionNumber)) {
      throw new BadRequestException('actionNumber must be a whole Action number, e.g. /api/reports/stages/1');
    }
    const partnership = await this.partnerships.byKey(body.partnership);
    await this.access.assertSeat(user, partnership.id);
    return this.reports.override(partnership, Number(actionNumber), body.stage, body.note.trim(), user);
  }

  private async readable(key: string, user: AuthUser): Promise<Partnership> {
    const partnership = await this.partnerships.byKey(key);
    await this.access.assertPrivateReader(user, partnership.id);
    return partnership;
  }

  /** Where the documents' evidence links point: the tracker's public address, or the one this request came to. */
  private base(request: Request): string {
    return (this.config.publicUrl ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`).replace(/\/$/, '');
  }

  private stem(partnership: Partnership): string {
    return partnership.key === DEFAULT_PARTNERSHIP_KEY ? '' : `${partnership.key}-`;
  }

  /** Draws the report in the export pool and sends it as an attachment. */
  private async send(response: Response, report: ProgressReport, request: Request, stem: string): Promise<void> {
    const format = request.path.endsWith('.pdf') ? 'pdf' : 'docx';
    const file = await this.renderer.file(['report', format, report], async () => ({ kind: 'report', format, report }));
    response.type(TYPES[format]).setHeader('Content-Disposition', `attachment; filename="${stem}.${format}"`).setHeader('X-Cache', file.cache).send(file.body);
  }
}
