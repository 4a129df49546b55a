import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, type ApiBodyOptions, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Evidence } from '@tracker/contracts';
import type { Request, Response } from 'express';
import { Access, SignedInUser } from '../auth/access.decorator';
import type { AuthUser } from '../auth/auth.types';
import { PartnershipQuery } from '../common/list-query.dto';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { MEDIA_TYPES, Operation } from '../http/operation';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { EvidenceService } from './evidence.service';
import { ACCEPTED_MEDIA_TYPES } from './media-type';

const UPLOAD_BODY: ApiBodyOptions = {
  schema: {
    oneOf: [
      {
        type: 'object',
        required: ['file'],
        properties: { title: { type: 'string', description: 'Before the file; its name by default' }, file: { type: 'string', format: 'binary' } },
      },
      { type: 'object', required: ['url', 'title'], properties: { url: { type: 'string', format: 'uri' }, title: { type: 'string' } } },
    ],
  },
};
const ADDED = 'The new evidence: {id, itemType, itemId, kind, title, url, fileName, mediaType, sizeBytes, sha256, downloadUrl, createdAt, createdBy, ...}';
const REFUSED = 'A bad field, named in the message: a link that is not http or https, a missing title, a body without the field "file"';
const TOO_LARGE = 'The file passes the size limit per file or the partnership quota; the message names the limit';
const NOT_ACCEPTED = 'Not a PDF, Office document or image by its bytes, or a body neither multipart/form-data nor JSON';

@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(
    private readonly evidence: EvidenceService,
    private readonly partnerships: PartnershipsRepository,
  ) {}

  @Get('evidence')
  @Access('plan.read')
  @Operation({
    description: "The evidence of the partnership's outputs and milestones that is not removed, oldest first",
    response: [Evidence],
    errors: { 404: 'No partnership has this key' },
  })
  async ofPartnership(@Query() query: PartnershipQuery): Promise<Evidence[]> {
    return this.evidence.ofPartnership(await this.partnerships.byKey(query.partnership));
  }

  @Get('outputs/:id/evidence')
  @Access('plan.read')
  @Operation({
    description: "The output's evidence, removed pieces too (removedAt, removedBy), oldest first",
    response: [Evidence],
    errors: { 404: 'No output has this id' },
  })
  ofOutput(@Param('id', ParseIdPipe) id: string): Promise<Evidence[]> {
    return this.evidence.list('output', id);
  }

  @Post('outputs/:id/evidence')
  @Access('output.update')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @Operation({
    status: 201,
    description: ADDED,
    response: Evidence,
    errors: {
      400: REFUSED,
      401: 'Sign in first',
      403: "Only the Secretariat, or the co-leaders of the output's Action, add its evidence",
      404: 'No output has this id',
      413: TOO_LARGE,
      415: NOT_ACCEPTED,
    },
  })
  addToOutput(@Param('id', ParseIdPipe) id: string, @Req() req: Request, @SignedInUser() user: AuthUser): Promise<Evidence> {
    return this.evidence.add('output', id, req, user);
  }

  @Get('milestones/:id/evidence')
  @Access('plan.read')
  @Operation({
    description: "The milestone's evidence, removed pieces too (removedAt, removedBy), oldest first",
    response: [Evidence],
    errors: { 404: 'No milestone has this id' },
  })
  ofMilestone(@Param('id', ParseIdPipe) id: string): Promise<Evidence[]> {
    return this.evidence.list('milestone', id);
  }

  @Post('milestones/:id/evidence')
  @Access('milestone.update')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody(UPLOAD_BODY)
  @Operation({
    status: 201,
    description: ADDED,
    response: Evidence,
    errors: {
      400: REFUSED,
      401: 'Sign in first',
      403: "Only the Secretariat, or the co-leaders of the milestone's Action, add its evidence",
      404: 'No milestone has this id',
      413: TOO_LARGE,
      415: NOT_ACCEPTED,
    },
  })
  addToMilestone(@Param('id', ParseIdPipe) id: string, @Req() req: Request, @SignedInUser() user: AuthUser): Promise<Evidence> {
    return this.evidence.add('milestone', id, req, user);
  }

  @Get('evidence/:id/download')
  @Access('plan.read')
  @Operation({
    description: 'The file as uploaded, always as an attachment (nosniff, sandboxed), with the media type read from its bytes: one of the accepted types',
    files: [MEDIA_TYPES.binary, ...ACCEPTED_MEDIA_TYPES],
    errors: { 404: 'No file has this id, or it was removed' },
  })
  download(@Param('id', ParseIdPipe) id: string, @Res() res: Response): Promise<void> {
    return this.evidence.download(id, res);
  }

  @Delete('evidence/:id')
  @HttpCode(204)
  @Access('output.update')
  @Operation({
    status: 204,
    description: 'Removed: it stays listed on its item with who removed it; a file cannot be downloaded any more',
    errors: {
      401: 'Sign in first',
      403: "Only the Secretariat, or the co-leaders of the item's Action, remove its evidence",
      404: 'No evidence has this id, or it was removed already',
    },
  })
  remove(@Param('id', ParseIdPipe) id: string, @SignedInUser() user: AuthUser): Promise<void> {
    return this.evidence.remove(id, user);
  }
}
