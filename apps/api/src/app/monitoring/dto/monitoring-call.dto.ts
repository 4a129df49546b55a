import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FollowUpCreate, FollowUpUpdate, MonitoringCallCreate, MonitoringCallUpdate } from '@tracker/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUUID,
  Max,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsCalendarDate } from '../../common/calendar-date.validator';
import { DateField, NoteField, VersionField } from '../../common/update-fields';

const ACTIONS = 'actionNumbers must list at least one Action number of the Work Plan, each once';
const ATTENDEES = 'attendees must be a list of at most 100 names, each non-empty text of at most 200 characters';
const text = (field: string, max: number) => `${field} must be text of at most ${max} characters`;
const HELD_ON = 'heldOn must be a calendar date written yyyy-MM-dd, e.g. 2026-11-22';
const present = (_: unknown, v: unknown) => v !== undefined;

/** `POST /api/monitoring-calls` */
export class CreateMonitoringCallDto implements MonitoringCallCreate {
  @ApiProperty({ format: 'date', description: 'The day of the call, yyyy-MM-dd' })
  @IsCalendarDate({ message: HELD_ON })
  heldOn!: string;

  @ApiProperty({ type: [Number], description: 'The Actions the call covered' })
  @IsArray({ message: ACTIONS })
  @ArrayMinSize(1, { message: ACTIONS })
  @ArrayUnique({ message: ACTIONS })
  @IsInt({ each: true, message: ACTIONS })
  @Min(1, { each: true, message: ACTIONS })
  @Max(99, { each: true, message: ACTIONS })
  actionNumbers!: number[];

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf(present)
  @IsArray({ message: ATTENDEES })
  @ArrayMaxSize(100, { message: ATTENDEES })
  @IsString({ each: true, message: ATTENDEES })
  @IsNotEmpty({ each: true, message: ATTENDEES })
  @Matches(/\S/, { each: true, message: ATTENDEES })
  @MaxLength(200, { each: true, message: ATTENDEES })
  attendees?: string[];

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString({ message: text('notes', 20000) })
  @MaxLength(20000, { message: text('notes', 20000) })
  notes?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString({ message: text('decisions', 20000) })
  @MaxLength(20000, { message: text('decisions', 20000) })
  decisions?: string;

  @ApiPropertyOptional({
    minimum: 1,
    nullable: true,
    description: 'The approved version of the plan the call compares with (its number); its risk view flags what slipped against it',
  })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsInt({ message: 'comparedVersion must be the number of an approved version of the plan, or null' })
  @Min(1, { message: 'comparedVersion must be the number of an approved version of the plan, or null' })
  @Max(2_147_483_647, { message: 'comparedVersion must be the number of an approved version of the plan, or null' })
  comparedVersion?: number | null;
}

/** `PATCH /api/monitoring-calls/:id` */
export class UpdateMonitoringCallDto implements MonitoringCallUpdate {
  @VersionField()
  version!: number;

  @ApiPropertyOptional({ format: 'date' })
  @ValidateIf(present)
  @IsCalendarDate({ message: HELD_ON })
  heldOn?: string;

  @ApiPropertyOptional({ type: [Number] })
  @ValidateIf(present)
  @IsArray({ message: ACTIONS })
  @ArrayMinSize(1, { message: ACTIONS })
  @ArrayUnique({ message: ACTIONS })
  @IsInt({ each: true, message: ACTIONS })
  @Min(1, { each: true, message: ACTIONS })
  @Max(99, { each: true, message: ACTIONS })
  actionNumbers?: number[];

  @ApiPropertyOptional({ type: [String] })
  @ValidateIf(present)
  @IsArray({ message: ATTENDEES })
  @ArrayMaxSize(100, { message: ATTENDEES })
  @IsString({ each: true, message: ATTENDEES })
  @IsNotEmpty({ each: true, message: ATTENDEES })
  @Matches(/\S/, { each: true, message: ATTENDEES })
  @MaxLength(200, { each: true, message: ATTENDEES })
  attendees?: string[];

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString({ message: text('notes', 20000) })
  @MaxLength(20000, { message: text('notes', 20000) })
  notes?: string;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString({ message: text('decisions', 20000) })
  @MaxLength(20000, { message: text('decisions', 20000) })
  decisions?: string;

  @NoteField()
  note?: string;
}

const WHAT = 'what must be non-empty text of at most 2000 characters';
const OWNER_ORG = 'ownerOrganisationId must be the id of an organisation, or null';
const OWNER_TEXT = 'ownerText must be text of at most 200 characters, or null';

/** `POST /api/monitoring-calls/:id/follow-ups` */
export class CreateFollowUpDto implements FollowUpCreate {
  @ApiProperty({ description: 'What is to be done' })
  @IsString({ message: WHAT })
  @IsNotEmpty({ message: WHAT })
  @Matches(/\S/, { message: WHAT })
  @MaxLength(2000, { message: WHAT })
  what!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID('all', { message: OWNER_ORG })
  ownerOrganisationId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Who, in words (a person, "all co-leaders")' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString({ message: OWNER_TEXT })
  @MaxLength(200, { message: OWNER_TEXT })
  ownerText?: string | null;

  @DateField('Due date')
  dueDate?: string | null;
}

/** `PATCH /api/follow-ups/:id` */
export class UpdateFollowUpDto implements FollowUpUpdate {
  @VersionField()
  version!: number;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsString({ message: WHAT })
  @IsNotEmpty({ message: WHAT })
  @Matches(/\S/, { message: WHAT })
  @MaxLength(2000, { message: WHAT })
  what?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsUUID('all', { message: OWNER_ORG })
  ownerOrganisationId?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @IsString({ message: OWNER_TEXT })
  @MaxLength(200, { message: OWNER_TEXT })
  ownerText?: string | null;

  @DateField('Due date')
  dueDate?: string | null;

  @ApiPropertyOptional()
  @ValidateIf(present)
  @IsBoolean({ message: 'done must be true or false' })
  done?: boolean;

  @NoteField()
  note?: string;
}
