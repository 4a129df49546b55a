import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PLAN_VERSION_NAME_MAX_LENGTH, type PlanVersionCreate } from '@tracker/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PartnershipQuery } from '../common/list-query.dto';

const NAME = `name must be non-empty text of at most ${PLAN_VERSION_NAME_MAX_LENGTH} characters, e.g. "after the monitoring call of 2026-03-12"`;

/** `POST /api/plan-versions` */
export class CreatePlanVersionDto extends PartnershipQuery implements PlanVersionCreate {
  @ApiProperty({ maxLength: PLAN_VERSION_NAME_MAX_LENGTH, example: 'After the monitoring call of 2026-03-12' })
  @IsString({ message: NAME })
  @Matches(/\S/, { message: NAME })
  @MaxLength(PLAN_VERSION_NAME_MAX_LENGTH, { message: NAME })
  name!: string;
}

const FROM = 'from must be the number of an approved version, e.g. ?from=1';
const TO = 'to must be the number of an approved version, or current (the plan as it is now)';

/** `GET /api/plan-versions/compare?partnership=key&from=1&to=current` */
export class CompareQueryDto extends PartnershipQuery {
  @ApiPropertyOptional({ default: 1, description: 'The earlier version, by number' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: FROM })
  @Min(1, { message: FROM })
  @Max(2_147_483_647, { message: FROM })
  from = 1;

  @ApiPropertyOptional({ default: 'current', description: 'The later version, by number, or current' })
  @IsOptional()
  @Matches(/^(current|[1-9]\d{0,8})$/, { message: TO })
  to = 'current';
}
