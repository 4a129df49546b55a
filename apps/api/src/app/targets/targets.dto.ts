import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TARGET_STATUSES, type TargetCreate, type TargetStatus, type TargetUpdate } from '@tracker/contracts';
import { IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import { PartnershipQuery } from '../common/list-query.dto';
import { NoteField, StatusField, VersionField } from '../common/update-fields';
import { ActionNumberField } from '../milestones/dto/create-milestone.dto';

const DESCRIPTION = 'description must be non-empty text of at most 2000 characters';

/** `POST /api/targets` */
export class CreateTargetDto extends PartnershipQuery implements TargetCreate {
  @ActionNumberField()
  actionNumber!: number;

  @ApiProperty({ maxLength: 2000, example: '10 regions, 3 departments per region' })
  @IsString({ message: DESCRIPTION })
  @Matches(/\S/, { message: DESCRIPTION })
  @MaxLength(2000, { message: DESCRIPTION })
  description!: string;

  @NoteField()
  note?: string;
}

/** `PATCH /api/targets/:id` */
export class UpdateTargetDto implements TargetUpdate {
  @VersionField()
  version!: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @ValidateIf((_, v) => v !== undefined)
  @IsString({ message: DESCRIPTION })
  @Matches(/\S/, { message: DESCRIPTION })
  @MaxLength(2000, { message: DESCRIPTION })
  description?: string;

  @StatusField(TARGET_STATUSES)
  status?: TargetStatus;

  @NoteField()
  note?: string;
}
