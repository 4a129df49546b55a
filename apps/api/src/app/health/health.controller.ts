import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiTags } from '@nestjs/swagger';
import { Health } from '@tracker/contracts';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Access } from '../auth/access.decorator';
import { Operation } from '../http/operation';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Access('public')
  @Operation({ description: '{"status":"ok"} once the database answers', response: Health, errors: { 503: '{"status":"unavailable"} when it does not' } })
  async check(@Res({ passthrough: true }) response: Response): Promise<Health> {
    try {
      await Promise.race([this.dataSource.query('SELECT 1'), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 3000).unref())]);
      return { status: 'ok' };
    } catch {
      response.status(HttpStatus.SERVICE_UNAVAILABLE);
      return { status: 'unavailable' };
    }
  }
}
