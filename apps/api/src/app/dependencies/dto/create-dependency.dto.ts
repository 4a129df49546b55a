import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DependencyCreate } from '@tracker/contracts';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

/** Longest lag a link takes, in months: ten years. */
export const MAX_LAG_MONTHS = 120;
const LAG = `lagMonths must be a whole number of months from 0 to ${MAX_LAG_MONTHS}`;

/** `POST /api/dependencies` */
export class CreateDependencyDto implements DependencyCreate {
  @ApiProperty({ format: 'uuid', description: 'The milestone or output that must end first' })
  @IsUUID('all', { message: 'predecessorId must be the id of a milestone or output' })
  predecessorId!: string;

  @ApiProperty({ format: 'uuid', description: 'The milestone or output that starts once the predecessor has ended' })
  @IsUUID('all', { message: 'successorId must be the id of a milestone or output' })
  successorId!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_LAG_MONTHS, default: 0, description: 'Whole months between the end of one and the start of the other' })
  @IsOptional()
  @IsInt({ message: LAG })
  @Min(0, { message: LAG })
  @Max(MAX_LAG_MONTHS, { message: LAG })
  lagMonths?: number;
}
