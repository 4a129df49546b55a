import { ApiPropertyOptional } from '@nestjs/swagger';
import type { RiskQuery } from '@tracker/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.validator';
import { BaselineField, PartnershipQuery } from '../../common/list-query.dto';

/** `GET /api/risks?partnership=key&asOf=yyyy-MM-dd&dueSoonDays=30&stalledDays=45` */
export class RiskQueryDto extends PartnershipQuery implements RiskQuery {
  @ApiPropertyOptional({ format: 'date', description: 'The day to judge on (yyyy-MM-dd); today in Brussels by default' })
  @IsOptional()
  @IsCalendarDate({ message: 'asOf must be a calendar date written yyyy-MM-dd, e.g. 2026-11-22' })
  asOf?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'dueSoonDays must be a whole number of days from 1 to 365' })
  @Min(1, { message: 'dueSoonDays must be a whole number of days from 1 to 365' })
  @Max(365, { message: 'dueSoonDays must be a whole number of days from 1 to 365' })
  dueSoonDays?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 45 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'stalledDays must be a whole number of days from 1 to 365' })
  @Min(1, { message: 'stalledDays must be a whole number of days from 1 to 365' })
  @Max(365, { message: 'stalledDays must be a whole number of days from 1 to 365' })
  stalledDays?: number;

  @BaselineField('Compare with this approved version (its number): items later than it by more than slipMonths are flagged slipped')
  baseline?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 60, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'slipMonths must be a whole number of months from 0 to 60' })
  @Min(0, { message: 'slipMonths must be a whole number of months from 0 to 60' })
  @Max(60, { message: 'slipMonths must be a whole number of months from 0 to 60' })
  slipMonths?: number;
}
