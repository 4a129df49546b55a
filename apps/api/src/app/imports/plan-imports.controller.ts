import { applyDecorators, BadRequestException, Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { PlanImportPreview, PlanImportResult } from '@tracker/contracts';
import type { Request, Response } from 'express';
import { Access, SignedInUser } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth.types';
import { PlanImportQuery } from './dto';
import { PlanImportsService } from './plan-imports.service';
import { SHEET_MEDIA_TYPES } from './plan-sheet';
import { planSheetCsv, planSheetXlsx, TEMPLATE_ROWS } from './plan-template';
import { Operation } from '../http/operation';

/** The OpenAPI description of an upload: the file is the raw request body. */
const PlanFileBody = () =>
  applyDecorators(
    ApiConsumes(SHEET_MEDIA_TYPES.csv, SHEET_MEDIA_TYPES.xlsx),
    ApiBody({
      description: 'The filled-in template as the raw request body (CSV in UTF-8, or XLSX), at most 2 MB',
      schema: { type: 'string', format: 'binary' },
    }),
  );

/** Starting a partnership from a spreadsheet of its plan: the template, a preview, the import. */
@ApiTags('plan imports')
@Controller('plan-imports')
export class PlanImportsController {
  constructor(private readonly imports: PlanImportsService) {}

  @Get('template.xlsx')
  @Access('public')
  @Operation({
    description: 'The template: the sheet "Plan" with its header row and example rows, and a sheet "How to fill" explaining each column',
    files: [SHEET_MEDIA_TYPES.xlsx],
  })
  async templateXlsx(@Res() response: Response): Promise<void> {
    response
      .type(SHEET_MEDIA_TYPES.xlsx)
      .setHeader('Content-Disposition', 'attachment; filename="plan-template.xlsx"')
      .send(await planSheetXlsx(TEMPLATE_ROWS));
  }

  @Get('template.csv')
  @Access('public')
  @Operation({ description: 'The template as CSV (RFC 4180, UTF-8 with BOM): header row and example rows', files: [SHEET_MEDIA_TYPES.csv] })
  templateCsv(@Res() response: Response): void {
    response
      .type(`${SHEET_MEDIA_TYPES.csv}; charset=utf-8`)
      .setHeader('Content-Disposition', 'attachment; filename="plan-template.csv"')
      .send(planSheetCsv(TEMPLATE_ROWS));
  }

  @Post('preview')
  @HttpCode(HttpStatus.OK)
  @Access('plan.import')
  @PlanFileBody()
  @Operation({
    description: 'How every row and window was read, every problem by row and column, and `ok` when the import would go through; writes nothing',
    response: PlanImportPreview,
    errors: {
      400: 'A bad key, name or deadline, or a body that is not a CSV or XLSX file',
      403: 'Only the Secretariat imports plans',
      413: 'The file is larger than 2 MB, or an XLSX workbook whose parts inflate to more than 20 MB each or 40 MB in all',
    },
  })
  preview(@Req() request: Request, @Query() query: PlanImportQuery): Promise<PlanImportPreview> {
    return this.imports.preview(bodyOf(request), request.headers['content-type'], query);
  }

  @Post()
  @Access('plan.import')
  @PlanFileBody()
  @Operation({
    status: 201,
    description:
      'The partnership is created with its Actions, co-leaders, members, activities, steps and outputs, all in one transaction; `chartPath` is its chart',
    response: PlanImportResult,
    errors: {
      400: 'Anything the preview refuses: `problems` lists each, by row and column; nothing is written',
      403: 'Only the Secretariat imports plans',
      409: 'A partnership with this key exists',
      413: 'The file is larger than 2 MB, or an XLSX workbook whose parts inflate to more than 20 MB each or 40 MB in all',
    },
  })
  create(@Req() request: Request, @Query() query: PlanImportQuery, @SignedInUser() user: AuthUser): Promise<PlanImportResult> {
    return this.imports.import(bodyOf(request), request.headers['content-type'], query, user.organisationId);
  }
}

/** The uploaded file: the raw body the plan-import parser read (see configure-app.ts). */
function bodyOf(request: Request): Buffer {
  if (!Buffer.isBuffer(request.body)) {
    throw new BadRequestException(`send the file as the request body with Content-Type ${SHEET_MEDIA_TYPES.csv} or ${SHEET_MEDIA_TYPES.xlsx}`);
  }
  return request.body;
}
