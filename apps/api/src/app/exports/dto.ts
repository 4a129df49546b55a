import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.validator';
import { ActionFilterQuery } from '../common/list-query.dto';

/** `?partnership=key&action=N&asOf=yyyy-MM-dd` of every export. */
export class ExportQuery extends ActionFilterQuery {
  @ApiPropertyOptional({ format: 'date', description: 'The day the risk view is judged on (yyyy-MM-dd); today in Brussels by default' })
  @IsOptional()
  @IsCalendarDate({ message: 'asOf must be a calendar date written yyyy-MM-dd, e.g. 2026-11-22' })
  asOf?: string;
}
