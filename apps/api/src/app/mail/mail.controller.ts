import { Controller, DefaultValuePipe, Get, ParseIntPipe, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { OutboxMail } from '@tracker/contracts';
import { Access } from '../auth/access.decorator';
import { MailRepository } from './mail.repository';
import { Operation } from '../http/operation';

@ApiTags('accounts')
@Controller('mail')
export class MailController {
  constructor(private readonly mails: MailRepository) {}

  @Get('outbox')
  @Access('accounts.manage')
  @ApiQuery({ name: 'limit', required: false, description: '1 to 200, default 50' })
  @Operation({
    description: 'The latest mails the tracker wrote, newest first; without SMTP_URL this is where they stay (status `outbox`)',
    response: [OutboxMail],
    errors: { 403: 'Only the Secretariat reads the outbox' },
  })
  outbox(@Query('limit', new DefaultValuePipe(50), ParseIntPipe) limit: number): Promise<OutboxMail[]> {
    return this.mails.latest(Math.min(Math.max(limit, 1), 200));
  }
}
