import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { WhatIfQuery } from '@tracker/contracts';
import { IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.validator';

/** `POST /api/risks/what-if` */
export class WhatIfDto implements WhatIfQuery {
  @ApiProperty({ format: 'uuid', description: 'The milestone or output whose forecast end is tried' })
  @IsUUID('all', { message: 'itemId must be the id of a milestone or output' })
  itemId!: string;

  @ApiProperty({ format: 'date', description: 'The forecast end to try (yyyy-MM-dd); nothing is saved' })
  @IsCalendarDate({ message: 'forecastEnd must be a calendar date written yyyy-MM-dd, e.g. 2027-01-31' })
  forecastEnd!: string;

  @ApiPropertyOptional({ format: 'date', description: 'The day to judge on (yyyy-MM-dd); today in Brussels by default' })
  @IsOptional()
  @IsCalendarDate({ message: 'asOf must be a calendar date written yyyy-MM-dd, e.g. 2026-12-07' })
  asOf?: string;
}
