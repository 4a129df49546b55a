import { BadRequestException, Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { Access, SignedInUser } from '../auth/access.decorator';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { toCsv } from './csv';
import { ExportQuery } from './dto';
import { EXPORT_TABLES, type ExportTableName, ExportTablesService, PLAN_TABLES } from './export-tables.service';
import { toXlsx } from './xlsx';
import { MEDIA_TYPES, Operation } from '../http/operation';

const FORMATS = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Spreadsheets of the plan, outputs, risk view, risk register and monitoring calls. */
@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(
    private readonly tables: ExportTablesService,
    private readonly access: AccessService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  /** The plan and its outputs: readable as the plan is (without an account unless PUBLIC_READ=false). */
  @Get(PLAN_TABLES.flatMap((name) => [`${name}.csv`, `${name}.xlsx`]))
  @Access('plan.read')
  @Operation({
    description: 'CSV (RFC 4180, UTF-8 with BOM) or XLSX (date cells, frozen header, filters)',
    files: [MEDIA_TYPES.csv, MEDIA_TYPES.xlsx],
    errors: { 400: 'A bad parameter, named in the message' },
  })
  plan(@Req() request: Request, @Query() query: ExportQuery, @Res() response: Response): Promise<void> {
    return this.send(request.path.split('/').pop() ?? '', query, response);
  }

  /** The risk view, the register, calls and follow-ups: signed in, with a seat in the partnership. */
  @Get(':file')
  @Access('signed_in')
  @ApiParam({ name: 'file', description: `<table>.csv or <table>.xlsx; tables: ${EXPORT_TABLES.join(', ')}` })
  @Operation({
    description: 'CSV (RFC 4180, UTF-8 with BOM) or XLSX (date cells, frozen header, filters, one sheet per table)',
    files: [MEDIA_TYPES.csv, MEDIA_TYPES.xlsx],
    errors: { 400: 'An unknown table or format, or a bad parameter, named in the message' },
  })
  async file(@Param('file') file: string, @Query() query: ExportQuery, @SignedInUser() user: AuthUser, @Res() response: Response): Promise<void> {
    await this.access.assertPrivateReader(user, (await this.partnerships.byKey(query.partnership)).id);
    return this.send(file, query, response);
  }

  private async send(file: string, query: ExportQuery, response: Response): Promise<void> {
    const match = /^([a-z-]+)\.(csv|xlsx)$/.exec(file);
    if (!match || !(EXPORT_TABLES as readonly string[]).includes(match[1])) {
      throw new BadRequestException(`file must be one of ${EXPORT_TABLES.map((t) => `${t}.csv`).join(', ')} or the same with .xlsx`);
    }
    const name = match[1] as ExportTableName;
    const format = match[2] as keyof typeof FORMATS;
    const tables = await this.tables.build(name, query);
    const body = format === 'csv' ? toCsv(tables[0]) : await toXlsx(tables, name);
    const stem = [name, query.partnership === DEFAULT_PARTNERSHIP_KEY ? null : query.partnership, query.action ? `action-${query.action}` : null]
      .filter(Boolean)
      .join('-');
    response.type(FORMATS[format]).setHeader('Content-Disposition', `attachment; filename="${stem}.${format}"`).send(body);
  }
}
