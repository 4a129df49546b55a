import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** `?partnership=key`: which partnership's plan (the seeded Work Plan by default). */
export class PartnershipQuery {
  @ApiPropertyOptional({ description: `Partnership key; ${DEFAULT_PARTNERSHIP_KEY} (the Work Plan) by default; 404 when unknown` })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: `partnership must be a partnership key such as ${DEFAULT_PARTNERSHIP_KEY}` })
  partnership: string = DEFAULT_PARTNERSHIP_KEY;
}

/** `?action=N`: narrows a list to one Action; `?partnership=key` as above. */
export class ActionFilterQuery extends PartnershipQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'action must be a whole Action number, e.g. ?action=1' })
  @Min(1, { message: 'action must be a whole Action number, e.g. ?action=1' })
  @Max(32767, { message: 'action must be a whole Action number, e.g. ?action=1' })
  action?: number;
}

const BASELINE = 'baseline must be the number of an approved version, e.g. ?baseline=1';

/** `?baseline=N`: compare with approved version N of the plan. */
export const BaselineField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, description }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: BASELINE }),
    Min(1, { message: BASELINE }),
    Max(2_147_483_647, { message: BASELINE }),
  );
