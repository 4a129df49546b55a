import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NOTE_MAX_LENGTH } from '@tracker/contracts';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { WINDOW_TEXT_EXAMPLES, WINDOW_TEXT_MAX_LENGTH } from '@tracker/schedule';
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

/** Longest title of a plan item. */
export const TITLE_MAX_LENGTH = 500;

/** Non-empty text; `required` for creation, optional in a PATCH. */
export const TitleField = (required = false, field = 'title') =>
  applyDecorators(
    required ? ApiProperty({ maxLength: TITLE_MAX_LENGTH }) : ApiPropertyOptional({ maxLength: TITLE_MAX_LENGTH }),
    ValidateIf((_, value) => required || value !== undefined),
    IsString({ message: `${field} must be non-empty text of at most ${TITLE_MAX_LENGTH} characters` }),
    Matches(/\S/, { message: `${field} must be non-empty text of at most ${TITLE_MAX_LENGTH} characters` }),
    MaxLength(TITLE_MAX_LENGTH, { message: `${field} must be non-empty text of at most ${TITLE_MAX_LENGTH} characters` }),
  );

/** A window as the plan words it; the dates are read from it by the service (400 naming the field when they cannot be). */
export const WindowTextField = (field: 'windowText' | 'dueText', required = false) =>
  applyDecorators(
    (required ? ApiProperty : ApiPropertyOptional)({
      maxLength: WINDOW_TEXT_MAX_LENGTH,
      description: `As the plan words it, e.g. ${WINDOW_TEXT_EXAMPLES.slice(0, 4)
        .map((e) => `"${e}"`)
        .join(', ')} or "tbd"; the dates and their precision are read from it`,
    }),
    ValidateIf((_, value) => required || value !== undefined),
    IsString({ message: `${field} must be text such as "October - December 2025"` }),
  );

export const FlagField = (field: string, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: Boolean, description }),
    ValidateIf((_, value) => value !== undefined),
    IsBoolean({ message: `${field} must be true or false` }),
  );

/** The id of another record, or null. */
export const ReferenceField = (field: string, description: string, nullable = true) =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid', nullable, description }),
    ValidateIf((_, value) => value !== undefined && (!nullable || value !== null)),
    IsUUID('all', { message: `${field} must be the id of ${description.toLowerCase()}${nullable ? ', or null' : ''}` }),
  );
