import { ApiPropertyOptional } from '@nestjs/swagger';
import type { OutputCreate } from '@tracker/contracts';
import { ArrayMaxSize, IsArray, IsOptional, IsUUID } from 'class-validator';
import { PartnershipQuery } from '../../common/list-query.dto';
import { NoteField, TitleField, WindowTextField } from '../../common/update-fields';
import { ActionNumberField } from '../../milestones/dto/create-milestone.dto';

/** `POST /api/outputs` */
export class CreateOutputDto extends PartnershipQuery implements OutputCreate {
  @ActionNumberField()
  actionNumber!: number;

  @TitleField(true)
  title!: string;

  @WindowTextField('dueText', true)
  dueText!: string;

  @ApiPropertyOptional({ type: [String], description: 'The milestones of the same Action it comes from' })
  @IsOptional()
  @IsArray({ message: 'milestoneIds must be a list of milestone ids' })
  @ArrayMaxSize(100, { message: 'milestoneIds must be a list of at most 100 milestone ids' })
  @IsUUID('all', { each: true, message: 'milestoneIds must be a list of milestone ids' })
  milestoneIds?: string[];

  @NoteField()
  note?: string;
}
