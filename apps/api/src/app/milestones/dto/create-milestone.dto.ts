import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { MilestoneCreate, MilestoneMove } from '@tracker/contracts';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { PartnershipQuery } from '../../common/list-query.dto';
import { FlagField, NoteField, ReferenceField, TitleField, VersionField, WindowTextField } from '../../common/update-fields';

const ACTION_NUMBER = 'actionNumber must be the whole number of an Action of the partnership';

export const ActionNumberField = () =>
  applyDecorators(
    ApiProperty({ description: 'The Action number', example: 2 }),
    IsInt({ message: ACTION_NUMBER }),
    Min(1, { message: ACTION_NUMBER }),
    Max(32767, { message: ACTION_NUMBER }),
  );

/** `POST /api/milestones` */
export class CreateMilestoneDto extends PartnershipQuery implements MilestoneCreate {
  @ActionNumberField()
  actionNumber!: number;

  @ReferenceField('parentId', 'An activity of the same Action')
  parentId?: string | null;

  @TitleField(true)
  title!: string;

  @WindowTextField('windowText', true)
  windowText!: string;

  @FlagField('tentative', 'The window is not yet confirmed')
  tentative?: boolean;

  @NoteField()
  note?: string;
}

/** `POST /api/milestones/:id/move` */
export class MoveMilestoneDto implements MilestoneMove {
  @VersionField()
  version!: number;

  @ApiProperty({ enum: ['earlier', 'later'] })
  @IsIn(['earlier', 'later'], { message: 'direction must be earlier or later' })
  direction!: 'earlier' | 'later';
}
