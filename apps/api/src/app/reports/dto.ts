import { ApiProperty } from '@nestjs/swagger';
import { IMPLEMENTATION_STAGES, type ImplementationStage, STAGE_NOTE_MAX_LENGTH, type StageOverrideUpdate } from '@tracker/contracts';
import { IsIn, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.validator';
import { PartnershipQuery } from '../common/list-query.dto';

/** `?partnership=key&from=yyyy-MM-dd&to=yyyy-MM-dd` of the progress report. */
export class ReportPeriodQuery extends PartnershipQuery {
  @ApiProperty({ format: 'date', description: 'First day of the period (yyyy-MM-dd)' })
  @IsCalendarDate({ message: 'from must be a calendar date written yyyy-MM-dd, e.g. 2026-10-01' })
  from!: string;

  @ApiProperty({ format: 'date', description: 'Last day of the period (yyyy-MM-dd), on or after from' })
  @IsCalendarDate({ message: 'to must be a calendar date written yyyy-MM-dd, e.g. 2026-12-31' })
  to!: string;
}

const STAGE = `stage must be one of ${IMPLEMENTATION_STAGES.join(', ')}, or null to go back to the computed stage`;
const NOTE = `note must say why, in non-empty text of at most ${STAGE_NOTE_MAX_LENGTH} characters`;

/** `PUT /api/reports/stages/:actionNumber` */
export class StageOverrideDto extends PartnershipQuery implements StageOverrideUpdate {
  @ApiProperty({ enum: IMPLEMENTATION_STAGES, nullable: true, description: 'The stage the Secretariat sets; null to go back to the computed stage' })
  @ValidateIf((_dto, value) => value !== null)
  @IsIn(IMPLEMENTATION_STAGES, { message: STAGE })
  stage!: ImplementationStage | null;

  @ApiProperty({ maxLength: STAGE_NOTE_MAX_LENGTH, example: 'The mapping report was delivered at the November call; the guidelines are drafted.' })
  @IsString({ message: NOTE })
  @Matches(/\S/, { message: NOTE })
  @MaxLength(STAGE_NOTE_MAX_LENGTH, { message: NOTE })
  note!: string;
}
