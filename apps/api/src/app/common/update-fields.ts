import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTE_MAX_LENGTH } from '@tracker/contracts';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { IsCalendarDate } from './calendar-date.validator';

/** Versions are Postgres integers. */
export const MAX_VERSION = 2_147_483_647;

/** Decorators shared by the PATCH bodies of milestones and outputs; each message names its field. */

export const VersionField = () =>
  applyDecorators(
    ApiProperty({ description: 'The version you last read; a stale one gets 409', example: 1 }),
    IsInt({ message: 'version must be a whole number: the version of the item you last read' }),
    Min(1, { message: 'version must be a whole number: the version of the item you last read' }),
    Max(MAX_VERSION, { message: 'version must be a whole number: the version of the item you last read' }),
  );

/** Absent is fine; null is not (a status cannot be cleared). */
export const StatusField = (statuses: readonly string[]) =>
  applyDecorators(
    ApiPropertyOptional({ enum: statuses }),
    ValidateIf((_, value) => value !== undefined),
    IsIn(statuses, { message: `status must be one of ${statuses.join(', ')}` }),
  );

export const ProgressField = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Whole percent' }),
    ValidateIf((_, value) => value !== undefined),
    IsInt({ message: 'progress must be a whole number from 0 to 100' }),
    Min(0, { message: 'progress must be a whole number from 0 to 100' }),
    Max(100, { message: 'progress must be a whole number from 0 to 100' }),
  );

/** A calendar date, or null to clear it. */
export const DateField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, format: 'date', nullable: true, description: `${description}; yyyy-MM-dd, null clears it` }),
    ValidateIf((_, value) => value !== undefined && value !== null),
    IsCalendarDate(),
  );

export const NoteField = () =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: NOTE_MAX_LENGTH, description: 'Why: kept in the history with the change' }),
    IsOptional(),
    IsString({ message: 'note must be text' }),
    MaxLength(NOTE_MAX_LENGTH, { message: `note must be at most ${NOTE_MAX_LENGTH} characters` }),
  );
