import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { OUTPUT_STATUSES, type OutputStatus, type OutputUpdate } from '@tracker/contracts';
import { DateField, FlagField, NoteField, StatusField, TitleField, VersionField, WindowTextField } from '../../common/update-fields';

/** `PATCH /api/outputs/:id` (outputs have no progress). */
export class UpdateOutputDto implements OutputUpdate {
  @VersionField()
  version!: number;

  @StatusField(OUTPUT_STATUSES)
  status?: OutputStatus;

  @DateField('When the work on it started')
  actualStart?: string | null;

  @DateField('When it was delivered; required for delivered')
  actualEnd?: string | null;

  @DateField('When it is now expected to be delivered')
  forecastEnd?: string | null;

  @TitleField()
  title?: string;

  @WindowTextField('dueText')
  dueText?: string;

  @FlagField('tentative', 'The due window is not yet confirmed')
  tentative?: boolean;

  @NoteField()
  note?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'With status delivered and no file or link on the output: why there is none (kept as its evidence)' })
  @IsOptional()
  @IsString({ message: 'evidenceNote must be text' })
  @MaxLength(2000, { message: 'evidenceNote must be at most 2000 characters' })
  evidenceNote?: string;
}
